"""Hostile input, round two (issue 19): malformed codebooks, printed numbers and YAML files, the
data variable, memory, read-only and full disks, dangling links, `checksums` and `make book`.
The contract of tests/test_cli.py holds for each: exit status 2 and one located message, never a
traceback, nothing written; output cells never start a formula."""

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from digitale_inclusie.cli import main
from digitale_inclusie.data.catalog import CATALOGUE, MATERIALS, load_catalogue, load_materials
from digitale_inclusie.errors import InputFileError
from digitale_inclusie.fileio import safe_cell
from digitale_inclusie.paths import DATAPACKAGE, PUBLISHED, REPO, RESPONDENTS

DESCRIPTOR = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


def _run(capsys, argv):
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _codebook(tmp_path, change):
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    change(descriptor)
    path = tmp_path / "codeboek.json"
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    return path


def _field(descriptor, name):
    return next(f for f in descriptor["resources"][0]["schema"]["fields"] if f["name"] == name)


CODEBOOKS = {
    "a pattern that is not a regular expression": (
        lambda d: _field(d, "respondent_id")["constraints"].__setitem__("pattern", "("), ["pattern '('"]),
    "a minimum written as text": (
        lambda d: _field(d, "uren_per_week")["constraints"].__setitem__("minimum", "0"), ["minimum", "'0'"]),
    "a primary key that is a number": (
        lambda d: d["resources"][0]["schema"].__setitem__("primaryKey", 5), ["primaryKey"]),
    "an enum of numbers": (
        lambda d: _field(d, "uitkomst_burgers")["constraints"].__setitem__("enum", [1, 2]), ["enum/0", "string"]),
}


@pytest.mark.parametrize("case", CODEBOOKS)
def test_a_malformed_codebook_is_one_located_message(case, tmp_path, capsys):
    change, expected = CODEBOOKS[case]
    path = _codebook(tmp_path, change)
    code, out, err = _run(capsys, ["--codebook", str(path), "validate"])
    assert code == 2 and out == "" and err.startswith(f"error: {path}"), err
    assert all(part in err for part in expected), err


def test_a_deeply_nested_codebook_is_refused(tmp_path, capsys):
    path = tmp_path / "diep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = _run(capsys, ["--codebook", str(path), "validate"])
    assert code == 2 and "nested too deeply" in err


def _published(tmp_path, old, new):
    text = PUBLISHED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "cijfers.csv"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["1e100000000", "1e5000", "12345678", "0.12345"])
def test_a_printed_number_must_be_a_plain_number(value, tmp_path, capsys):
    path = _published(tmp_path, "n,276,aantal", f"n,{value},aantal")
    for command in (["tables", "--out", str(tmp_path)], ["audit", "--out", str(tmp_path / "r.csv")]):
        code, _, err = _run(capsys, ["--published", str(path), *command])
        assert code == 2 and "line 2" in err and "not a plain number" in err, err
    assert not (tmp_path / "tables.csv").exists() and not (tmp_path / "r.csv").exists()


def test_printed_numbers_need_rows_in_range_and_visible_text(tmp_path, capsys):
    header = PUBLISHED.read_text(encoding="utf-8").splitlines()[0]
    only = tmp_path / "kop.csv"
    only.write_text(header + "\n", encoding="utf-8")
    code, _, err = _run(capsys, ["--published", str(only), "tables", "--out", str(tmp_path)])
    assert code == 2 and "no printed numbers" in err
    code, _, err = _run(capsys, ["--published", str(_published(tmp_path, ",72,procent", ",172,procent")),
                                 "tables", "--out", str(tmp_path)])
    assert code == 2 and "outside 0-100" in err
    code, _, err = _run(capsys, ["--published", str(_published(tmp_path, "eindnoot 4", "eindnoot\x004")),
                                 "tables", "--out", str(tmp_path)])
    assert code == 2 and "control or invisible" in err and "\\x00" in err


def test_output_cells_never_start_a_formula(tmp_path, capsys):
    path = _published(tmp_path, "eindnoot 4", "=cmd|' /C calc'!A0")
    code, _, err = _run(capsys, ["--published", str(path), "tables", "--out", str(tmp_path)])
    assert code == 0, err
    tables = (tmp_path / "tables.csv").read_text(encoding="utf-8")
    assert "'=cmd|" in tables and ",=cmd" not in tables
    assert [safe_cell(v) for v in ("-3.5", "+1", "@x", "-abc", "a\x00b", "tekst")] == \
        ["-3.5", "+1", "'@x", "'-abc", "a\\x00b", "tekst"]


@pytest.mark.parametrize("value, expected", [("~nosuchuser/x.csv", "names no home directory"),
                                             ("", "the path is empty"), ("   ", "the path is empty")])
def test_the_data_variable_is_checked_like_the_option(value, expected, monkeypatch, capsys):
    monkeypatch.setenv("DIGITALE_INCLUSIE_DATA", value)
    code, _, err = _run(capsys, ["validate"])
    assert code == 2 and err.startswith("error: DIGITALE_INCLUSIE_DATA=") and expected in err, err


def test_running_out_of_memory_is_a_message(monkeypatch, capsys):
    import digitale_inclusie.data.respondents as respondents

    def too_big(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(respondents, "load_respondents", too_big)
    code, _, err = _run(capsys, ["validate"])
    assert code == 2 and err.startswith("error: not enough memory")


def test_an_output_on_a_read_only_disk_or_a_dangling_link_is_refused_before_the_work(tmp_path, monkeypatch, capsys):
    link = tmp_path / "weg"
    link.symlink_to(tmp_path / "bestaat-niet")
    code, _, err = _run(capsys, ["tables", "--out", str(link)])
    assert code == 2 and "symbolic link" in err and "does not exist" in err

    class ReadOnly:
        f_flag = os.ST_RDONLY

    monkeypatch.setattr(os, "statvfs", lambda path: ReadOnly())
    code, _, err = _run(capsys, ["tables", "--out", str(tmp_path / "uit")])
    assert code == 2 and "read-only file system" in err and not (tmp_path / "uit").exists()


def test_a_success_line_shows_a_path_escaped(tmp_path, capsys):
    path = tmp_path / "x\x1b[31mrood.csv"
    path.write_bytes(RESPONDENTS.read_bytes())
    code, out, _ = _run(capsys, ["validate", "--data", str(path)])
    assert code == 0 and "\x1b" not in out and "\\x1b[31mrood.csv: valid" in out


# ---------------------------------------------------------------- YAML files

def _yaml(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_aliases_duplicate_keys_and_deep_nesting_are_refused(tmp_path):
    bomb = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    with pytest.raises(InputFileError, match="line 1: an anchor"):
        load_materials(_yaml(tmp_path, "bom.yaml", bomb))
    text = MATERIALS.read_text(encoding="utf-8").replace("  soort: webinar\n", "  soort: webinar\n  soort: website\n", 1)
    with pytest.raises(InputFileError, match="key 'soort' occurs twice"):
        load_materials(_yaml(tmp_path, "dubbel.yaml", text))
    deep = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 30))
    with pytest.raises(InputFileError, match="nested deeper"):
        load_materials(_yaml(tmp_path, "diep.yaml", deep))


@pytest.mark.parametrize("field, value, expected", [
    ("adres_status", "afgeleid\n", "line break"),
    ("id", "webinars\n", "line break"),
    ("naam", "   ", "empty text"),
    ("naam", "", "empty text"),
    ("naam", "Web\u202einars", "U+202E"),
    ("wat", "Een tekst met een zero\u200bwidth space erin.", "U+200B"),
])
def test_yaml_text_must_be_visible_and_whole(field, value, expected, tmp_path):
    entries = yaml.safe_load(MATERIALS.read_text(encoding="utf-8"))
    entries[1][field] = value
    path = _yaml(tmp_path, "materialen.yaml", yaml.safe_dump(entries, allow_unicode=True, sort_keys=False))
    with pytest.raises(InputFileError, match=re.escape(expected)):
        load_materials(path)


def test_the_shipped_yaml_files_pass():
    assert load_materials() and load_catalogue()
    assert CATALOGUE.exists()


# ---------------------------------------------------------------- checksums and make book

def test_checksums_never_bless_an_invalid_file(tmp_path):
    from digitale_inclusie.paths import copy_checkout

    copy = tmp_path / "repo"
    copy_checkout(copy)
    data = copy / "data" / "respondenten.csv"
    lines = data.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[1]  # a duplicate respondent
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sums = (copy / "data" / "SHA256SUMS").read_bytes()
    env = dict(os.environ, PYTHONPATH=str(copy / "src"))
    run = subprocess.run([sys.executable, "-m", "digitale_inclusie", "checksums"], cwd=copy, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "occurs more than once" in run.stderr and "Traceback" not in run.stderr
    assert (copy / "data" / "SHA256SUMS").read_bytes() == sums
    run = subprocess.run([sys.executable, "-m", "digitale_inclusie", "validate"], cwd=copy, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and "occurs more than once" in run.stderr  # no checksum shortcut


def test_checksums_refuse_a_fifo_without_hanging(tmp_path):
    from digitale_inclusie.paths import copy_checkout

    copy = tmp_path / "repo"
    copy_checkout(copy)
    register = copy / "data" / "register.csv"
    register.unlink()
    os.mkfifo(register)
    env = dict(os.environ, PYTHONPATH=str(copy / "src"))
    run = subprocess.run([sys.executable, "-m", "digitale_inclusie", "checksums"], cwd=copy, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and "register.csv" in run.stderr and "not a regular file" in run.stderr, run.stderr


@pytest.mark.parametrize("value", ["/geen/bestand.csv", ""])
def test_make_book_with_a_bad_data_file_says_so_once(value):
    env = dict(os.environ, DIGITALE_INCLUSIE_DATA=value)
    run = subprocess.run([sys.executable, str(REPO / "tools" / "preexecute.py")], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 2 and run.stderr.count("error: ") == 1 and "Traceback" not in run.stderr, run.stderr
