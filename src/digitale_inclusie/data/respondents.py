"""Load and validate a respondent file against the codebook.

Any file that follows the codebook can be used: the shipped reconstruction or the real
survey file. A file that does not is refused with an :class:`InputFileError` that names the
file, the line, the column and what was expected. The rows are checked column by column with
pandas, driven by the codebook (``data/datapackage.json``): allowed codes, the id pattern and
uniqueness, the hours' syntax and range, and the skip rule of multiple-choice questions.

Decisions (see data/README.md):

- One completely empty line at the very end of the file is accepted; any other blank line
  (empty or only spaces) is refused with "line N is blank".
- Control characters (other than the tab), a lone carriage return and Unicode line or
  paragraph separators (U+2028, U+2029, U+0085) are refused wherever they occur.
- Hours are plain decimals with a dot: ``^[0-9]+(\\.[0-9]+)?$``, no sign, exponent, underscore,
  space or non-ASCII digit, within the codebook's minimum and maximum.
- A multiple-choice question is skipped as a whole: ``geen_antwoord`` on all of its items or on
  none of them.
"""

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..errors import InputFileError, show
from ..fileio import read_bytes
from ..paths import CHECKSUMS, DATA, RESPONDENTS, respondents_source
from .codebook import HOURS, ID, MISSING, SIZE, SUBSIDY, Codebook

OTHER_DELIMITERS = {";": "';'", "\t": "a tab", "|": "'|'"}
HOURS_SYNTAX = r"[0-9]+(\.[0-9]+)?"  # plain decimal with a dot (whole match)
# characters refused anywhere: C0/C1 controls except tab and line feed, a carriage return not
# followed by a line feed, and the Unicode line and paragraph separators
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]|\r(?!\n)")
_SEPARATORS = {"\r": "a carriage return without line feed", "\x0b": "a vertical tab", "\x0c": "a form feed",
               "\x1c": "a file separator", "\x1d": "a group separator", "\x1e": "a record separator",
               "\x85": "a next-line character (U+0085)", "\u2028": "a Unicode line separator (U+2028)",
               "\u2029": "a Unicode paragraph separator (U+2029)"}
SHOWN_LINES = 5  # line numbers listed when many lines share a problem
COMPRESSED = {b"\x1f\x8b": "gzip-compressed", b"PK\x03\x04": "zip", b"PK\x05\x06": "zip",
              b"BZh": "bzip2-compressed", b"\xfd7zXZ\x00": "xz-compressed", b"7z\xbc\xaf\x27\x1c": "7-Zip",
              b"\x28\xb5\x2f\xfd": "zstd-compressed", b"%PDF": "PDF", b"\xd0\xcf\x11\xe0": "old Excel (.xls)"}
SHOWN_COLUMNS = 5  # columns listed with control characters


def load_respondents(path=None, codebook=None):
    """Return the respondent file as a DataFrame (strings, hours as float), validated.
    Default: :func:`~digitale_inclusie.paths.respondents_source`."""
    codebook = codebook or Codebook.load()
    path = Path(path) if path is not None else respondents_source()
    text = read_text(path)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the line feed that ends the last line
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
    if len(lines) > 1 and lines[-1] == "" and lines[-2] != "":
        lines.pop()  # one completely empty line at the very end is accepted
    _check_characters(path, text, lines)
    _check_blank_lines(path, lines)
    header = _check_header(path, lines, codebook)
    _check_field_counts(path, text, lines, header)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False,
                            engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        raise InputFileError(path, [f"cannot be read as CSV: {show(str(exc), 200)}"]) from None
    data_lines = sum(1 for ln in lines[1:] if ln != "")
    if len(frame) != data_lines:
        raise InputFileError(path, [f"{len(frame)} rows read from {data_lines} lines; expected one line "
                                    "per respondent (is a quoted value spread over several lines?)"])
    check_frame(path, frame, codebook)  # always: a recorded checksum never stands in for the checks
    frame[HOURS] = frame[HOURS].astype(float)
    return frame


def group_members(respondents, *groups):
    """The respondents of one or more groups: size classes or subsidy statuses ('totaal' is
    everyone)."""
    if "totaal" in groups:
        return respondents
    return respondents[respondents[SIZE].isin(groups) | respondents[SUBSIDY].isin(groups)]


def answer_counts(respondents, item, answers):
    """(k, m): respondents who gave one of ``answers`` to ``item``, and how many answered it at
    all (a skipped answer, ``MISSING``, is left out: the denominator of a percentage)."""
    answered = respondents[item] != MISSING
    return int((answered & respondents[item].isin(answers)).sum()), int(answered.sum())


def read_text(path):
    """The file's text, decoded as UTF-8 (a byte-order mark is dropped)."""
    data = read_bytes(path)
    if not data.strip():
        raise InputFileError(path, ["file is empty, expected a header line and one line per respondent"])
    head = data[:1000]
    for magic, kind in COMPRESSED.items():
        if head.startswith(magic):
            raise InputFileError(path, [f"is a {kind} file, not text; expected a plain UTF-8 CSV file "
                                        "(unpack it first)"])
    if head.strip(b"\x00") == b"":
        raise InputFileError(path, ["line 1: the file starts with only NUL bytes (a damaged, empty-but-allocated "
                                    "or binary file); expected a UTF-8 CSV file"])
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff")) or (
        len(head) >= 4 and (head[1::2].count(b"\x00") > len(head) // 4 or head[0::2].count(b"\x00") > len(head) // 4)
        and b"\x00\x00" not in head)
    if utf16:
        raise InputFileError(path, ["line 1: the file looks UTF-16 encoded (a UTF-16 byte-order mark or NUL "
                                    "bytes between the characters); expected a UTF-8 encoded file (re-save it "
                                    "as 'CSV UTF-8')"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(path, [
            f"line {line}: byte 0x{data[exc.start]:02x} is not valid UTF-8; expected a UTF-8 encoded file "
            "(re-save it as 'CSV UTF-8')"]) from None


def _line_starts(text):
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _check_characters(path, text, lines):
    """Refuse control characters and stray line separators, one message per kind and column.
    Linear in the file: each line holding such characters is scanned once for its commas, and
    every character is then placed by bisection (a file of one long line full of NUL bytes or
    carriage returns takes no longer than one of many lines)."""
    match = _BAD_CHARACTER.search(text)
    if match is None:
        return
    import bisect

    starts = _line_starts(text)
    header = _split_line(lines[0]) if lines else []
    groups = {}
    current, commas, line = None, [], ""
    for match in _BAD_CHARACTER.finditer(text):
        pos = match.start()
        line_no = bisect.bisect_right(starts, pos)
        if line_no != current:  # the commas of this line, once
            current = line_no
            line = lines[line_no - 1] if line_no <= len(lines) else ""
            commas = [i for i, ch in enumerate(line) if ch == ","]
        offset = pos - starts[line_no - 1]
        index = bisect.bisect_left(commas, offset)
        column = header[index] if line_no != 1 and line_no <= len(lines) and index < len(header) else None
        char = match.group()
        key = (char in _SEPARATORS, column)
        if key not in groups:
            field_start = commas[index - 1] + 1 if index > 0 else 0
            field_end = commas[index] if index < len(commas) else len(line)
            groups[key] = [line_no, char, line[field_start:field_end], set()]
        groups[key][3].add(line_no)
    problems = []
    ordered = sorted(groups.items(), key=lambda g: g[1][0])
    for (separator, column), (line_no, char, value, where) in ordered[:SHOWN_COLUMNS]:
        place = f"line {line_no}" + (" (the header)" if line_no == 1 else "")
        if column:
            place += f", column {show(column)}"
        name = _SEPARATORS.get(char) or f"the control character U+{ord(char):04X}"
        expected = ("expected one line per respondent, lines ended by a line feed" if separator
                    else "expected visible text only")
        problems.append(f"{place}: value {show(value)} contains {name}; {expected}{_more(where)}")
    if len(ordered) > SHOWN_COLUMNS:
        problems.append(f"such characters also in {len(ordered) - SHOWN_COLUMNS} more column(s)")
    raise InputFileError(path, problems)


def _more(line_numbers):
    """' (also on N more lines: a, b, c, ...)' for a problem shared by several lines."""
    others = sorted(set(line_numbers))[1:]
    if not others:
        return ""
    listed = ", ".join(str(n) for n in others[:SHOWN_LINES])
    return f" (also on {len(others)} more line(s): {listed}{', ...' if len(others) > SHOWN_LINES else ''})"


def _check_blank_lines(path, lines):
    blank = [i + 1 for i, ln in enumerate(lines) if not ln.strip()]
    if not blank:
        return
    runs, start = [], blank[0]
    for prev, cur in zip(blank, blank[1:] + [None]):
        if cur != prev + 1:
            runs.append((start, prev))
            start = cur
    shown = [f"line {a} is blank" if a == b else f"lines {a}-{b} are blank" for a, b in runs[:SHOWN_LINES]]
    more = f", and {len(runs) - SHOWN_LINES} more blank stretch(es)" if len(runs) > SHOWN_LINES else ""
    raise InputFileError(path, ["; ".join(shown) + more
                                + "; expected one line per respondent (only the very last line may be empty)"])


def _split_line(line):
    """The values of one line (a line with a stray line-break character: split at commas)."""
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return line.split(",")


def _check_header(path, lines, codebook):
    if lines[0].count('"') % 2:
        raise InputFileError(path, ["line 1 (the header): a quote is not closed on this line, so a quoted column "
                                    "name runs over several lines; expected the column names on one line"])
    header = _split_line(lines[0])
    expected = codebook.names
    if len(header) == 1 and len(expected) > 1:
        for delimiter, name in OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                raise InputFileError(path, [
                    f"line 1: columns are separated by {name}, expected a comma (',')"])
    problems = []
    from collections import Counter

    seen, known = Counter(header), set(expected)  # linear in the header, however long
    duplicates = sorted(h for h, n in seen.items() if n > 1)
    if duplicates:
        problems.append(f"line 1: column(s) {_names(duplicates)} occur more than once")
    missing = [name for name in expected if name not in seen]
    if missing:
        problems.append(f"line 1: missing column(s) {_names(missing)}")
    unexpected = [h for h in header if h not in known]
    if unexpected:
        problems.append(f"line 1: unexpected column(s) {_names(unexpected)}; the codebook "
                        "(data/datapackage.json) defines the allowed columns")
    if not problems and header != expected:
        problems.append("line 1: columns are in another order than in the codebook; expected "
                        + ",".join(expected))
    if not any(ln.strip() for ln in lines[1:]):
        problems.append("no respondent rows after the header line")
    if problems:
        raise InputFileError(path, problems)
    return header


def _names(names, limit=10):
    shown = ", ".join(show(n) for n in names[:limit])
    return "[" + shown + (f", ... ({len(names)} in all)" if len(names) > limit else "") + "]"


def _check_field_counts(path, text, lines, header):
    """Every data line has as many values as the header has columns, and no quoted value spans
    several lines (so that row i of the frame is line i + 2 of the file)."""
    expected = len(header)
    if '"' in text:
        counts, spans = {}, []
        reader = csv.reader(io.StringIO(text, newline=""))
        start = 1
        try:
            for row in reader:
                if reader.line_num > start:
                    spans.append(start)  # a quoted value with a line break in it
                counts[start] = len(row) if row else None
                start = reader.line_num + 1
        except csv.Error as exc:
            raise InputFileError(path, [f"line {start}: {exc}; expected comma-separated values"]) from None
        if spans:
            raise InputFileError(path, [f"line {spans[0]}: a quoted value runs over several lines; expected "
                                        f"one line per respondent{_more(spans)}"])
        counts = {n: c for n, c in counts.items() if c is not None}
        counts = [(n, c) for n, c in counts.items() if n > 1]
    else:
        counts = [(i + 2, ln.count(",") + 1) for i, ln in enumerate(lines[1:]) if ln != ""]
    too_many = [n for n, c in counts if c > expected]
    too_few = [n for n, c in counts if c < expected]
    problems = []
    if too_many:
        problems.append(f"line {too_many[0]}: more values than columns; expected {expected} comma-separated "
                        f"values (a number with a decimal comma? write 4.5, not 4,5){_more(too_many)}")
    if too_few:
        problems.append(f"line {too_few[0]}: fewer values than columns; expected {expected} comma-separated "
                        f"values{_more(too_few)}")
    if problems:
        raise InputFileError(path, sorted(problems, key=_line_of))


def _line_of(problem):
    match = re.match(r"line (\d+)", problem)
    return int(match.group(1)) if match else 0


def is_reconstruction(path):
    """Whether ``path`` holds the shipped reconstruction, decided by its content: its SHA-256
    equals the one recorded for ``respondenten.csv`` in data/SHA256SUMS. A byte copy anywhere is
    the reconstruction (its invented parts are then not tested); another file at the shipped
    path is not."""
    import hashlib

    try:
        sums = read_bytes(CHECKSUMS, "data/SHA256SUMS").decode("utf-8", errors="replace")
        digest = hashlib.sha256(read_bytes(path)).hexdigest()
    except InputFileError:  # no checksums, or the file is not a readable regular file
        return False
    name = RESPONDENTS.relative_to(DATA).as_posix()
    recorded = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums.splitlines() if "  " in line}
    return recorded.get(name) == digest


def check_frame(path, frame, codebook):
    """Check every cell of a parsed respondent file (all columns strings) against the codebook,
    column by column; raise one :class:`InputFileError` listing one message per problem kind and
    column, with the first line, the value and how many more lines share it."""
    problems = []  # (first line, message)
    lines = frame.index.to_numpy() + 2  # row i is line i + 2 (blank lines were refused)

    def report(mask, column, what, expected):
        where = mask.to_numpy().nonzero()[0]
        if len(where):
            first = where[0]
            value = frame[column].iat[first]
            shown = "empty" if value == "" else f"value {show(value)} {what}"
            problems.append((lines[first], f"line {lines[first]}, column '{column}': {shown}; "
                                           f"expected {expected}{_more(lines[where])}"))

    for field in codebook.fields:
        column = frame[field.name]
        if field.codes:
            report(~column.isin(field.codes), field.name, "is not allowed", _expected(field))
        elif field.type == "number":
            syntax = column.str.fullmatch(HOURS_SYNTAX).fillna(False).astype(bool)
            report(~syntax, field.name, "is not a plain decimal number", _expected(field))
            # compared exactly as written: 40.0000000000000001 is above 40, though its float is not;
            # floats decide, and where a float equals a bound the written digits are compared
            numbers = pd.to_numeric(column.where(syntax, "nan"), errors="coerce")
            outside = pd.Series(False, index=column.index)
            for bound, beyond in ((field.minimum, numbers.lt), (field.maximum, numbers.gt)):
                if bound is None:
                    continue
                outside |= beyond(bound)
                exact, tied = Decimal(str(bound)), numbers.eq(bound)
                if tied.any():
                    sign = -1 if bound is field.minimum else 1
                    outside |= column.where(tied, "").map(lambda v: bool(v) and sign * (Decimal(v) - exact) > 0)
            report(outside, field.name, "is out of range", _expected(field))
        elif field.pattern:
            bad = ~column.str.fullmatch(field.pattern).fillna(False).astype(bool)
            report(bad, field.name, "is not allowed", _expected(field))
        elif field.required:
            report(column == "", field.name, "is empty", f"a {field.type}")
    for name in _unique_columns(codebook):
        column = frame[name]
        key = normalised_ids(column)  # 'R001' and 'r0001' are the same respondent
        repeated = key.duplicated(keep="first") & (column != "")
        where = repeated.to_numpy().nonzero()[0]
        if len(where):
            value = column.iat[where[0]]
            first = (key == key.iat[where[0]]).to_numpy().nonzero()[0][0]
            same = "" if column.iat[first] == value else (f", as {show(column.iat[first])}: ids are compared without "
                                                          "case, width and leading zeros")
            problems.append((lines[where[0]], f"line {lines[where[0]]}, column '{name}': {show(value)} occurs "
                                              f"more than once (first on line {lines[first]}{same}); expected a "
                                              f"unique {name}{_more(lines[where])}"))
    for question, items in codebook.questions.items():
        if len(items) < 2:
            continue
        skipped = frame[items].eq(MISSING)
        partial = (skipped.any(axis=1) & ~skipped.all(axis=1)).to_numpy().nonzero()[0]
        if len(partial):
            row = skipped.iloc[partial[0]]
            off = [n for n in items if row[n]]
            on = [n for n in items if not row[n]]
            problems.append((lines[partial[0]], (
                f"line {lines[partial[0]]}: multiple-choice question '{question}' has '{MISSING}' on "
                f"{_list(off)} but an answer on {_list(on)}; expected '{MISSING}' on all of its "
                f"{len(items)} items (question skipped) or on none{_more(lines[partial])}")))
    if problems:
        raise InputFileError(path, [text for _, text in sorted(problems, key=lambda p: p[0])])


def normalised_id(value):
    """An id as it is compared for uniqueness: Unicode-normalised (NFKC), without case, and
    without leading zeros in its runs of digits ('R0001' -> 'r1')."""
    import unicodedata

    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", unicodedata.normalize("NFKC", value).casefold())


def normalised_ids(column):
    """:func:`normalised_id` of every value of a column (pandas string methods)."""
    return (column.str.normalize("NFKC").str.casefold()
            .str.replace(r"(?<![0-9])0+(?=[0-9])", "", regex=True))


def _list(names, limit=4):
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _unique_columns(codebook):
    schema = codebook.resource["schema"]
    names = [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    return list(dict.fromkeys(names + (key if len(key) == 1 else [])))


def _expected(field):
    if field.codes:
        return "one of " + ", ".join(field.codes)
    if field.name == ID:
        return "an id of the form R001"
    if field.type == "number":
        return (f"a number from {field.minimum:g} to {field.maximum:g} written as plain digits with an "
                "optional decimal point '.' (like 4 or 4.5; no sign, exponent, space, '_' or comma)")
    return f"a {field.type}"
