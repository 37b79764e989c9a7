"""Load and validate a respondent file against the codebook.

Any file that follows the codebook can be used: the shipped reconstruction or the real
survey file. A file that does not is refused with an :class:`InputFileError` that names the
file, the line, the column and what was expected.
"""

import csv
import io
from pathlib import Path

import pandas as pd

from ..errors import InputFileError
from ..fileio import checksum_lines
from ..paths import CHECKSUMS, DATA, DATAPACKAGE, RESPONDENTS, respondents_source
from .codebook import HOURS, ID, MISSING, SIZE, SUBSIDY, Codebook

OTHER_DELIMITERS = {";": "';'", "\t": "a tab", "|": "'|'"}


def load_respondents(path=None, codebook=None):
    """Return the respondent file as a DataFrame (strings, hours as float), validated.
    Default: :func:`~digitale_inclusie.paths.respondents_source`."""
    codebook = codebook or Codebook.load()
    path = Path(path) if path is not None else respondents_source()
    text = _read_text(path)
    _check_header(path, text, codebook)
    if not _known_valid(path, codebook):
        _check_rows(path, codebook)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
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


def _read_text(path):
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, ["file not found"]) from None
    except IsADirectoryError:
        raise InputFileError(path, ["is a folder, expected a CSV file"]) from None
    if not data.strip():
        raise InputFileError(path, ["file is empty, expected a header line and one line per respondent"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(path, [
            f"line {line}: byte 0x{data[exc.start]:02x} is not valid UTF-8; expected a UTF-8 encoded file "
            "(re-save it as 'CSV UTF-8')"]) from None


def _check_header(path, text, codebook):
    lines = text.splitlines()
    header = next(csv.reader([lines[0]]))
    expected = codebook.names
    if len(header) == 1 and len(expected) > 1:
        for delimiter, name in OTHER_DELIMITERS.items():
            if delimiter in header[0]:
                raise InputFileError(path, [
                    f"line 1: columns are separated by {name}, expected a comma (',')"])
    problems = []
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates:
        problems.append(f"line 1: column(s) {duplicates} occur more than once")
    missing = [name for name in expected if name not in header]
    if missing:
        problems.append(f"line 1: missing column(s) {missing}")
    unexpected = [h for h in header if h not in expected]
    if unexpected:
        problems.append(f"line 1: unexpected column(s) {unexpected}; the codebook "
                        "(data/datapackage.json) defines the allowed columns")
    if not problems and header != expected:
        problems.append("line 1: columns are in another order than in the codebook; expected "
                        + ",".join(expected))
    if len([ln for ln in lines[1:] if ln.strip()]) == 0:
        problems.append("no respondent rows after the header line")
    if problems:
        raise InputFileError(path, problems)


def _known_valid(path, codebook):
    """Whether ``path`` is the shipped file, byte for byte as recorded in data/SHA256SUMS
    together with the codebook: the test suite validates exactly those bytes, so the slow
    row-by-row check can be skipped (the book loads the file on every page)."""
    if path.resolve() != RESPONDENTS.resolve() or codebook.path != DATAPACKAGE or not CHECKSUMS.exists():
        return False
    recorded = CHECKSUMS.read_text(encoding="utf-8").splitlines()
    current = checksum_lines((RESPONDENTS, DATAPACKAGE), DATA).splitlines()
    return all(line in recorded for line in current)


def _check_rows(path, codebook):
    import frictionless  # slow to import: only when a file is checked row by row

    resource = frictionless.Resource(
        path=path.name, basepath=str(path.resolve().parent), schema=frictionless.Schema.from_descriptor(codebook.resource["schema"]),
        dialect=frictionless.Dialect.from_descriptor({"delimiter": ","}), encoding="utf-8",
        format="csv", detector=frictionless.Detector(schema_sync=False),
    )
    report = resource.validate(limit_errors=1000)
    if report.valid:
        return
    errors = report.tasks[0].errors
    # a row with too many or too few values is reported once, not once per shifted cell
    shifted = {e.row_number for e in errors if e.type in ("extra-cell", "missing-cell")}
    errors = [e for e in errors
              if e.type in ("extra-cell", "missing-cell") or getattr(e, "row_number", None) not in shifted]
    seen, problems = set(), []
    for error in errors:
        text = _describe(error, codebook)
        if text not in seen:
            seen.add(text)
            problems.append(text)
    raise InputFileError(path, problems)


def _describe(error, codebook):
    """One line for a frictionless error: line, column, value and what was expected."""
    line = getattr(error, "row_number", None)
    name = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    where = f"line {line}" if line else "file"
    if error.type in ("extra-cell", "missing-cell"):
        name = None
    if name:
        where += f", column '{name}'"
        field = codebook.by_name.get(name)
        if error.type in ("constraint-error", "type-error") and field is not None:
            return f"{where}: value '{cell}' is not allowed; expected {_expected(field)}"
        if error.type in ("unique-error", "primary-key"):
            return f"{where}: '{cell}' occurs more than once; expected a unique {name}"
    if error.type == "extra-cell":
        return (f"{where}: more values than columns; expected {len(codebook.names)} comma-separated "
                "values (a number with a decimal comma? write 4.5, not 4,5)")
    if error.type == "missing-cell":
        return f"{where}: fewer values than columns; expected {len(codebook.names)} comma-separated values"
    if error.type == "primary-key":
        return f"{where}: {ID} '{cell}' occurs more than once; expected a unique {ID}"
    return f"{where}: {error.note}"


def _expected(field):
    if field.codes:
        return "one of " + ", ".join(field.codes)
    if field.name == ID:
        return "an id of the form R001"
    if field.type == "number":
        return f"a number from {field.minimum} to {field.maximum} (decimal point '.')"
    return f"a {field.type}"
