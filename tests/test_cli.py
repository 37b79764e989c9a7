"""Hostile and unusual input on the command line, case by case (issue 10).

Every case is a bad (or unusual but valid) respondent file or path, run in-process through
``python -m digitale_inclusie``'s ``main``. The contract: a refused input gives exit status 2,
one message on stderr naming the file (and, for file contents, the line and column) with what
was expected, and nothing written; an accepted input gives exit status 0. In-process, "no
traceback" means that ``main`` returns instead of raising; one case also runs the real command
in a process of its own. The cases: ``FILES`` (an expectation of None: accepted) and ``PATHS``.
"""

import errno
import os
import stat

import pytest

from digitale_inclusie.cli import main
from digitale_inclusie.paths import RESPONDENTS

GOOD = RESPONDENTS.read_text(encoding="utf-8")
HEADER, *ROWS = GOOD.splitlines()
NAMES = HEADER.split(",")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def with_cell(line_no, column, value, text=GOOD):
    """The shipped file with one cell replaced (line 1 is the header, line 2 respondent R001)."""
    lines = text.splitlines()
    cells = lines[line_no - 1].split(",")
    cells[NAMES.index(column)] = value
    lines[line_no - 1] = ",".join(cells)
    return "\n".join(lines) + "\n"


def with_cells(column, value):
    """Every row's cell of ``column`` replaced by ``value``."""
    i = NAMES.index(column)
    rows = [r.split(",") for r in ROWS]
    for r in rows:
        r[i] = value
    return "\n".join([HEADER] + [",".join(r) for r in rows]) + "\n"


def line_replaced(line_no, new):
    lines = GOOD.splitlines()
    lines[line_no - 1] = new
    return "\n".join(lines) + "\n"


def partial_skip():
    """R001 (line 2) skips uitkomst_burgers only; it answers the other two items of the question."""
    text = with_cell(2, "uitkomst_burgers", "geen_antwoord")
    assert ROWS[0].split(",")[NAMES.index("uitkomst_verenigingen")] != "geen_antwoord"
    return text


def full_skip():
    text = GOOD
    for item in ("uitkomst_burgers", "uitkomst_verenigingen", "uitkomst_medewerkers"):
        text = with_cell(2, item, "geen_antwoord", text)
    return text


# name -> (file contents: str or bytes, expected parts of the message; None = accepted)
FILES = {
    "empty file": ("", ["empty"]),
    "only spaces and line feeds": ("  \n \n", ["empty"]),
    "header only": (HEADER + "\n", ["no respondent rows"]),
    "one empty line at the end": (GOOD + "\n", None),
    "blank line in the middle": (line_replaced(100, ""), ["line 100 is blank"]),
    "line of spaces in the middle": (line_replaced(50, "   "), ["line 50 is blank"]),
    "50 trailing blank lines": (GOOD + "\n" * 50, ["lines 278-327 are blank"]),
    "blank line after the header": (GOOD.replace("\n", "\n\n", 1), ["line 2 is blank"]),
    "U+2028 in the header": (GOOD.replace("grootte", "groo\u2028tte", 1), ["line 1", "\\u2028", "U+2028"]),
    "U+2029 in a cell": (with_cell(8, "profiel_a", "ja\u2029"), ["line 8", "column 'profiel_a'", "U+2029"]),
    "U+0085 in a cell": (with_cell(9, "profiel_b", "nee\x85"), ["line 9", "column 'profiel_b'", "U+0085"]),
    "lone carriage return in a cell": (with_cell(10, "profiel_c", "ja\rnee"),
                                       ["line 10", "column 'profiel_c'", "carriage return"]),
    "CRLF line ends": (GOOD.replace("\n", "\r\n"), None),
    "byte-order mark": ("\ufeff" + GOOD, None),
    "NUL in an id": (with_cell(5, "respondent_id", "R00\x004"), ["line 5", "column 'respondent_id'", "'R00\\x004'"]),
    "zero-width space in an id": (with_cell(5, "respondent_id", "R004\u200b"),
                                  ["line 5", "column 'respondent_id'", "'R004\\u200b'", "R001"]),
    "no-break space in a code": (with_cell(6, "grootte", "klein\xa0"), ["line 6", "column 'grootte'", "'klein\\xa0'"]),
    "10 MB cell": (with_cell(6, "uitkomst_burgers", "x" * 10_000_000),
                   ["line 6", "column 'uitkomst_burgers'", "…", "10000000 characters"]),
    "hours 1_0": (with_cell(3, "uren_per_week", "1_0"), ["line 3", "column 'uren_per_week'", "'1_0'", "from 0 to 40"]),
    "hours full-width 5": (with_cell(3, "uren_per_week", "\uff15"), ["line 3", "column 'uren_per_week'", "from 0 to 40"]),
    "hours Arabic-Indic 5": (with_cell(3, "uren_per_week", "\u0665"), ["line 3", "column 'uren_per_week'"]),
    "hours exponent": (with_cell(4, "uren_per_week", "1e1"), ["line 4", "'1e1'", "exponent"]),
    "hours plus sign": (with_cell(4, "uren_per_week", "+5"), ["line 4", "'+5'", "sign"]),
    "hours with a space": (with_cell(4, "uren_per_week", " 5"), ["line 4", "' 5'"]),
    "hours nan": (with_cell(4, "uren_per_week", "nan"), ["line 4", "'nan'"]),
    "hours inf": (with_cell(4, "uren_per_week", "inf"), ["line 4", "'inf'"]),
    "hours trailing dot": (with_cell(4, "uren_per_week", "5."), ["line 4", "'5.'"]),
    "hours decimal comma": (with_cell(9, "uren_per_week", "4,5"), ["line 9", "more values than columns", "4.5"]),
    "hours 41": (with_cell(3, "uren_per_week", "41"), ["line 3", "'41'", "from 0 to 40"]),
    "hours -2": (with_cell(4, "uren_per_week", "-2"), ["line 4", "'-2'", "from 0 to 40"]),
    "hours 40.0": (with_cell(4, "uren_per_week", "40.0"), None),
    "hours 0": (with_cell(4, "uren_per_week", "0"), None),
    "hours empty": (with_cell(4, "uren_per_week", ""), ["line 4", "column 'uren_per_week'", "empty"]),
    "multiple-choice question skipped on one item": (partial_skip(),
                                                      ["line 2", "uitkomsten", "uitkomst_burgers",
                                                       "uitkomst_verenigingen", "all of its 3 items"]),
    "multiple-choice question skipped on all items": (full_skip(), None),
    "duplicate id": (with_cell(10, "respondent_id", "R001"), ["line 10", "'R001'", "first on line 2", "unique"]),
    "every id the same": (with_cells("respondent_id", "R001"),
                          ["line 3", "'R001'", "also on 274 more line(s)"]),
    "every size class wrong": (with_cells("grootte", "Klein"),
                               ["line 2", "column 'grootte'", "'Klein'", "also on 275 more line(s)"]),
    "empty cell": (with_cell(12, "subsidie", ""), ["line 12", "column 'subsidie'", "empty", "met, zonder"]),
    "semicolons": (GOOD.replace(",", ";"), ["line 1", "';'", "comma"]),
    "tabs": (GOOD.replace(",", "\t"), ["line 1", "a tab", "comma"]),
    "Latin-1 encoding": (with_cell(8, "uitkomst_burgers", "één").encode("latin-1"), ["line 8", "UTF-8"]),
    "UTF-16 encoding": (GOOD.encode("utf-16"), ["line 1", "UTF-16", "UTF-8"]),
    "UTF-16 without byte-order mark": (GOOD.encode("utf-16-le"), ["line 1", "UTF-16", "UTF-8"]),
    "a NUL after every comma": (GOOD.replace(",", ",\x00"), ["line 2", "U+0000", "also on 275 more line(s)",
                                                              "also in 52 more column(s)"]),
    "truncated in a line": (GOOD.encode()[:len(GOOD) // 2], ["fewer values than columns"]),
    "truncated in a character": (with_cell(8, "uitkomst_burgers", "é").encode()[:len(HEADER) + 2 + len(ROWS[0])
                                                                              + 1 + len(ROWS[1]) + 1
                                                                              + len(ROWS[5]) * 0],
                                 ["fewer values than columns"]),
    "quoted value over two lines": (with_cell(4, "grootte", '"klein\nx"'), ["line 4", "quoted value runs over"]),
    "quoted codes": (with_cell(4, "grootte", '"klein"'), None),
    "unterminated quote": (with_cell(4, "grootte", '"klein'), ["line 4"]),
    "extra column": (GOOD.replace(HEADER, HEADER + ",extra", 1), ["line 1", "unexpected column", "'extra'"]),
    "missing column": (GOOD.replace(",profiel_b", "", 1), ["line 1", "missing column", "'profiel_b'"]),
    "header in capitals": (GOOD.replace(HEADER, HEADER.upper(), 1), ["line 1", "missing column", "'RESPONDENT_ID'"]),
    "header repeated as a row": (GOOD + HEADER + "\n", ["line 278", "column 'respondent_id'", "'respondent_id'"]),
    "extra value in a row": (with_cell(6, "meerjarenplanning_volgend", "neen,neen"), ["line 6", "more values"]),
    "a row cut short": (line_replaced(7, ROWS[5].rsplit(",", 3)[0]), ["line 7", "fewer values"]),
    # round two (issue 19): inputs that hung, were accepted silently or got an unclear message
    "the file followed by 200 000 NUL bytes": (GOOD.encode() + b"\x00" * 200_000,
                                               ["line 278", "U+0000", "200000 characters"]),
    "rows separated by carriage returns only": (GOOD.replace("\n", "\r"), ["line 1", "carriage return"]),
    "a header of 100 000 names": (",".join(f"c{i}" for i in range(100_000)) + "\n" + "\n".join(ROWS) + "\n",
                                  ["line 1", "unexpected column", "100000 in all"]),
    "a quoted line break in the header": ('"' + GOOD, ["line 1", "quote is not closed"]),
    "hours just above the maximum": (with_cell(2, "uren_per_week", "40.0000000000000001"),
                                     ["line 2", "'40.0000000000000001'", "out of range"]),
    "ids equal after normalising": (with_cell(3, "respondent_id", "R0001"),
                                    ["line 3", "'R0001'", "first on line 2", "'R001'", "leading zeros"]),
    "a look-alike letter": (with_cell(2, "uitkomst_burgers", "j\u0430"), ["line 2", "'j\\u0430'", "ja, nee"]),
    "a gzip file named .csv": (__import__("gzip").compress(GOOD.encode(), mtime=0), ["gzip-compressed", "unpack"]),
    "a zip file named .csv": (b"PK\x03\x04" + GOOD.encode(), ["zip file", "unpack"]),
    "only NUL bytes": (b"\x00" * 5000, ["only NUL bytes"]),
}


def _write(tmp_path, contents):
    path = tmp_path / "antwoorden.csv"
    if isinstance(contents, bytes):
        path.write_bytes(contents)
    else:
        path.write_bytes(contents.encode("utf-8"))
    return path


def _fifo(tmp_path):
    path = tmp_path / "pijp.csv"
    os.mkfifo(path)
    return path


def _loop(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _dangling(tmp_path):
    a = tmp_path / "weg.csv"
    a.symlink_to(tmp_path / "bestaat-niet.csv")
    return a


def _unreadable(tmp_path, monkeypatch):
    """A file without read permission. Root reads it anyway, so there the refusal of the
    operating system is simulated: the first open of the file fails with EACCES."""
    path = _write(tmp_path, GOOD)
    path.chmod(0)
    if ROOT:
        real_open = os.open

        def denying_open(name, *args, **kwargs):
            if os.fspath(name) == os.fspath(path):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", denying_open)
    return path


def _read_only_folder(tmp_path, monkeypatch):
    """A folder without write permission (simulated for root, who may write anyway)."""
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if ROOT:
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if os.fspath(p) == os.fspath(folder)
                            else real_access(p, mode, **kw))
    return folder


def _file(tmp_path):
    path = tmp_path / "bestaand.txt"
    path.write_text("niet overschrijven\n", encoding="utf-8")
    return path


# name -> (function(tmp_path, monkeypatch) -> argv, expected parts of the message)
PATHS = {
    "missing file": (lambda t, m: ["validate", "--data", str(t / "nope.csv")], ["nope.csv", "file not found"]),
    "folder as --data": (lambda t, m: ["validate", "--data", str(t)], ["is a folder", "CSV file"]),
    "symlink loop": (lambda t, m: ["validate", "--data", str(_loop(t))], ["a.csv", "loop of symbolic links"]),
    "dangling symlink": (lambda t, m: ["validate", "--data", str(_dangling(t))], ["weg.csv", "file not found"]),
    "FIFO as --data": (lambda t, m: ["validate", "--data", str(_fifo(t))], ["pijp.csv", "FIFO", "regular file"]),
    "FIFO as tables --data": (lambda t, m: ["tables", "--data", str(_fifo(t)), "--out", str(t / "uit")],
                              ["pijp.csv", "FIFO"]),
    "character device as --data": (lambda t, m: ["validate", "--data", os.devnull], ["/dev/null", "character device"]),
    "unreadable file": (lambda t, m: ["validate", "--data", str(_unreadable(t, m))],
                        ["antwoorden.csv", "permission denied"]),
    "--data ''": (lambda t, m: ["validate", "--data", ""], ["--data", "path is empty"]),
    "--data of spaces": (lambda t, m: ["tables", "--data", "  ", "--out", str(t / "uit")], ["--data", "path is empty"]),
    "tables --out ''": (lambda t, m: ["tables", "--out", ""], ["--out", "path is empty", "folder"]),
    "claims --out ''": (lambda t, m: ["claims", "--out", ""], ["--out", "path is empty"]),
    "tables --out existing file": (lambda t, m: ["tables", "--out", str(_file(t))], ["bestaand.txt", "expects a folder"]),
    "claims --out existing file": (lambda t, m: ["claims", "--out", str(_file(t))], ["bestaand.txt", "expects a folder"]),
    "tables --out under a file": (lambda t, m: ["tables", "--out", str(_file(t) / "sub")], ["bestaand.txt", "not a folder"]),
    "tables --out read-only folder": (lambda t, m: ["tables", "--out", str(_read_only_folder(t, m))],
                                      ["alleen-lezen", "not writable"]),
    "tables --out new folder in a read-only folder": (
        lambda t, m: ["tables", "--out", str(_read_only_folder(t, m) / "nieuw")], ["alleen-lezen", "not writable"]),
    "tables --out with tables.csv a folder": (
        lambda t, m: (t / "uit" / "tables.csv").mkdir(parents=True) or ["tables", "--out", str(t / "uit")],
        ["tables.csv", "is a folder"]),
    "audit --out folder": (lambda t, m: ["audit", "--out", str(t)], ["is a folder", "expects a file"]),
    "reconstruct --out folder": (lambda t, m: ["reconstruct", "--out", str(t)], ["is a folder", "expects a file"]),
    "audit --out in a read-only folder": (
        lambda t, m: ["audit", "--out", str(_read_only_folder(t, m) / "register.csv")], ["alleen-lezen", "not writable"]),
    "audit --out ''": (lambda t, m: ["audit", "--out", ""], ["--out", "path is empty"]),
    "missing --codebook": (lambda t, m: ["--codebook", str(t / "geen.json"), "validate"], ["geen.json", "not found"]),
    "--codebook not JSON": (lambda t, m: ["--codebook", str(_file(t)), "validate"], ["bestaand.txt", "line 1, column 1"]),
    "--codebook ''": (lambda t, m: ["--codebook", "", "validate"], ["--codebook", "path is empty"]),
    "FIFO as --published": (lambda t, m: ["--published", str(_fifo(t)), "tables", "--out", str(t / "uit")],
                            ["pijp.csv", "FIFO"]),
}

def _refused_clearly(rc, err, expected, out=None):
    assert rc == 2, f"exit status {rc}, expected 2; stderr: {err[:500]}"  # main returned: no exception escaped
    assert err.startswith("error: ") and err.count("error: ") == 1, err[:500]
    assert len(err) < 5000, f"message of {len(err)} characters"
    assert "'None'" not in err and "'nan'" not in err.replace("value 'nan'", ""), "a value made up by the parser"
    for part in expected:
        assert part in err, f"{part!r} not in {err[:1000]!r}"
    if out is not None:
        assert not out.exists() or not any(out.iterdir()), "something was written"


@pytest.mark.parametrize("case", list(FILES))
def test_respondent_file(case, tmp_path, capsys):
    contents, expected = FILES[case]
    path = _write(tmp_path, contents)
    out = tmp_path / "uit"
    rc = main(["validate", "--data", str(path)])
    err = capsys.readouterr().err
    if expected is None:
        assert rc == 0, err
        rc = main(["tables", "--data", str(path), "--out", str(out)])
        assert rc == 0 and (out / "tables.csv").exists()
        return
    _refused_clearly(rc, err, [str(path)] + expected)
    rc = main(["tables", "--data", str(path), "--out", str(out)])
    _refused_clearly(rc, capsys.readouterr().err, [str(path)] + expected, out)


@pytest.mark.parametrize("case", list(PATHS))
def test_path(case, tmp_path, monkeypatch, capsys):
    make_argv, expected = PATHS[case]
    argv = make_argv(tmp_path, monkeypatch)
    made = sorted(p.name for p in tmp_path.rglob("*"))  # what the case set up
    rc = main(argv)
    _refused_clearly(rc, capsys.readouterr().err, expected)
    assert sorted(p.name for p in tmp_path.rglob("*")) == made, "something was written"


def test_outputs_get_ordinary_permissions(tmp_path, capsys):
    old = os.umask(0o022)
    try:
        assert main(["tables", "--out", str(tmp_path / "uit")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "uit" / "tables.csv").stat().st_mode) == 0o644


def test_no_half_written_output_when_the_write_fails(tmp_path, monkeypatch, capsys):
    """A failing write (disk full) leaves neither the file nor a temporary file behind and ends
    with a message, not a traceback."""
    import digitale_inclusie.fileio as fileio

    def full(fd, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "uit" / "tables.csv"))

    monkeypatch.setattr(fileio.os, "fchmod", full)
    rc = main(["tables", "--out", str(tmp_path / "uit")])
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith(f"error: {tmp_path / 'uit' / 'tables.csv'}: no space left on the device")
    assert not (tmp_path / "uit").exists()  # the folder the command made is removed again


def test_the_command_ends_a_failure_with_its_message_not_a_traceback(tmp_path):
    """The real command line (`python -m digitale_inclusie`, a process of its own): a refused
    file gives exit status 2 and the one message, and nothing of Python's own reporting."""
    import subprocess
    import sys

    contents, expected = FILES["duplicate id"]
    path = _write(tmp_path, contents)
    done = subprocess.run([sys.executable, "-m", "digitale_inclusie", "validate", "--data", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"error: {path}") and done.stderr.count("error: ") == 1, done.stderr[:2000]
    assert "Traceback" not in done.stderr
    assert all(part in done.stderr for part in expected), done.stderr


def test_a_file_name_with_invisible_characters_is_shown_escaped(tmp_path, capsys):
    """The path in a message shows a line break or a zero-width space as an escape, so a file
    name cannot forge a second message line or hide characters."""
    from digitale_inclusie.cli import main

    bad = tmp_path / "a\nb\u200bc.csv"
    code = main(["validate", "--data", str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert "a\\nb\\u200bc.csv: 1 problem(s)" in err and "\u200b" not in err


def test_outside_a_checkout_the_commands_say_so(tmp_path, monkeypatch, capsys):
    """An installed copy of the package without the repository's data files does not pretend
    to work: every command stops with one message naming the missing folder."""
    from digitale_inclusie import paths

    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    monkeypatch.setattr(paths, "PUBLISHED", tmp_path / "data" / "published" / "cijfers.csv")
    assert main(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path / 'data'}") and "runs from a checkout" in err
