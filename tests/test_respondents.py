"""A respondent file that does not follow the codebook is refused with a clear message."""

import frictionless
import pytest

from digitale_inclusie.cli import main
from digitale_inclusie.errors import InputFileError
from digitale_inclusie.paths import DATAPACKAGE, RESPONDENTS
from digitale_inclusie.data.respondents import load_respondents

GOOD = RESPONDENTS.read_text(encoding="utf-8")
HEADER, *LINES = GOOD.splitlines()


def test_shipped_data_package_is_valid_frictionless():
    report = frictionless.validate(str(DATAPACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_shipped_file_loads(respondents, codebook):
    assert list(respondents.columns) == codebook.names
    assert len(respondents) == 276


def _with_cell(line_no, column, value):
    """The shipped file with one cell replaced (line_no counts the header as line 1)."""
    names = HEADER.split(",")
    lines = GOOD.splitlines()
    cells = lines[line_no - 1].split(",")
    cells[names.index(column)] = value
    lines[line_no - 1] = ",".join(cells)
    return "\n".join(lines) + "\n"


def _drop_column(column):
    names = HEADER.split(",")
    i = names.index(column)
    return "\n".join(",".join(c for j, c in enumerate(line.split(",")) if j != i)
                     for line in GOOD.splitlines()) + "\n"


CASES = {
    "missing column": (_drop_column("profiel_b"), ["line 1", "missing column", "profiel_b"]),
    "unexpected column": (GOOD.replace(HEADER, HEADER + ",extra", 1).replace("\n", ",x\n").replace(",extra,x", ",extra", 1),
                          ["line 1", "unexpected column", "extra"]),
    "unknown code": (_with_cell(5, "uitkomst_burgers", "misschien"),
                     ["line 5", "column 'uitkomst_burgers'", "'misschien'", "ja, nee, geen_antwoord"]),
    "wrong group label": (_with_cell(7, "grootte", "Klein"),
                          ["line 7", "column 'grootte'", "'Klein'", "klein, middelgroot, groot"]),
    "hours out of range": (_with_cell(3, "uren_per_week", "41"),
                           ["line 3", "column 'uren_per_week'", "'41'", "from 0 to 40"]),
    "negative hours": (_with_cell(4, "uren_per_week", "-2"), ["line 4", "'-2'", "from 0 to 40"]),
    "hours not a number": (_with_cell(9, "uren_per_week", "vier"),
                           ["line 9", "column 'uren_per_week'", "'vier'", "decimal point"]),
    "decimal comma": (_with_cell(9, "uren_per_week", "4,5"), ["line 9", "more values than columns", "4.5"]),
    "duplicate id": (_with_cell(10, "respondent_id", "R001"),
                     ["line 10", "column 'respondent_id'", "'R001'", "unique"]),
    "malformed id": (_with_cell(11, "respondent_id", "X11"), ["line 11", "respondent_id", "R001"]),
    "empty cell": (_with_cell(12, "subsidie", ""), ["line 12", "column 'subsidie'", "met, zonder"]),
    "wrong delimiter": (GOOD.replace(",", ";"), ["line 1", "';'", "comma"]),
    "tab delimiter": (GOOD.replace(",", "\t"), ["line 1", "a tab", "comma"]),
    "empty file": ("", ["empty"]),
    "header only": (HEADER + "\n", ["no respondent rows"]),
    "columns in another order": (GOOD.replace("grootte,subsidie", "subsidie,grootte", 1),
                                 ["line 1", "order"]),
    "extra value in a row": (_with_cell(6, "meerjarenplanning_volgend", "neen,neen"),
                             ["line 6", "more values than columns"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_is_refused_with_file_line_column_and_expectation(tmp_path, case):
    text, expected = CASES[case]
    path = tmp_path / "antwoorden.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_respondents(path)
    message = str(info.value)
    assert str(path) in message
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"


def test_wrong_encoding_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    text = _with_cell(8, "uitkomst_burgers", "één")
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InputFileError) as info:
        load_respondents(path)
    assert "line 8" in str(info.value) and "UTF-8" in str(info.value)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputFileError, match="file not found"):
        load_respondents(tmp_path / "nope.csv")


def test_bad_file_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(_with_cell(5, "grootte", "reus"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", "--data", str(bad), "--out", str(out)]) == 2
    assert not (out / "tables.csv").exists()
    err = capsys.readouterr().err
    assert "line 5" in err and "grootte" in err and "'reus'" in err


def test_environment_variable_points_readers_at_another_file(tmp_path, monkeypatch):
    other = tmp_path / "echt.csv"
    other.write_text(GOOD.replace("R001,", "R999,", 1), encoding="utf-8")
    monkeypatch.setenv("DIGITALE_INCLUSIE_DATA", str(other))
    frame = load_respondents()
    assert frame["respondent_id"].iloc[0] == "R999"
