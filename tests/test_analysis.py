"""The analysis: the chapter notebooks' own cells, run by the book, by `tables` and by the audit.

Expected values come from the report's printed numbers (data/published) or are worked out by
hand for a small respondent file built here.
"""

import json
import subprocess
import sys

import pandas as pd
import pytest

from digitale_inclusie.analysis import cells as analysis
from digitale_inclusie.cli import main
from digitale_inclusie.data.codebook import HOURS, ID, MISSING
from digitale_inclusie.data.published import COLUMNS, KEY
from digitale_inclusie.errors import AnalysisError
from digitale_inclusie.paths import PUBLISHED, REGISTER, REPO, pages_with_code


def _read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_tables_command_matches_print_except_the_register(tmp_path):
    assert main(["tables", "--out", str(tmp_path)]) == 0
    tables, printed, register = _read(tmp_path / "tables.csv"), _read(PUBLISHED), _read(REGISTER)
    assert list(tables.columns) == COLUMNS  # the contract: same columns, same rows
    assert (tables.drop(columns="value") == printed.drop(columns="value")).all().all()
    differs = tables["value"] != printed["value"]
    assert sorted(map(tuple, tables.loc[differs, KEY].values)) == sorted(map(tuple, register[KEY].values))


def test_printed_values_and_rounding_rules_do_not_decide_what_is_computed(tmp_path):
    """The printed numbers are only the oracle: change every printed value and rounding rule,
    and `tables` still computes the same numbers."""
    printed = _read(PUBLISHED)
    altered = printed.copy()
    altered["value"] = "1"
    altered["rounding"] = "exact"
    altered_path = tmp_path / "altered.csv"
    altered.to_csv(altered_path, index=False)
    assert main(["tables", "--out", str(tmp_path / "a")]) == 0
    assert main(["--published", str(altered_path), "tables", "--out", str(tmp_path / "b")]) == 0
    assert _read(tmp_path / "a" / "tables.csv")["value"].tolist() == _read(tmp_path / "b" / "tables.csv")["value"].tolist()


def _small_file(codebook):
    """Five respondents; every answer the first code of its column unless set below."""
    rows = []
    for i in range(5):
        row = {f.name: (f.codes[0] if f.codes else 0) for f in codebook.fields}
        row[ID] = f"R{i + 1:03d}"
        rows.append(row)
    frame = pd.DataFrame(rows)
    frame["grootte"] = ["klein", "klein", "klein", "groot", "groot"]
    frame["subsidie"] = ["met", "met", "zonder", "met", "zonder"]
    frame[HOURS] = [0.5, 4.0, 10.0, 38.0, 40.0]
    frame["uitkomst_burgers"] = ["ja", "nee", MISSING, "ja", "ja"]
    frame["uitkomst_verenigingen"] = ["nee", "nee", MISSING, "ja", "nee"]
    frame["uitkomst_medewerkers"] = ["ja", "ja", MISSING, "nee", "nee"]
    frame["beleid_visie_noden"] = ["eerder_wel", "eerder_wel", "eerder_niet", "weet_niet", MISSING]
    frame["meerjarenplanning_huidig"] = ["expliciet", "impliciet", "expliciet", "neen", "expliciet"]
    return frame


def test_analysis_cells_on_a_small_file_by_hand(codebook):
    results = analysis.run(_small_file(codebook))
    figure = results["figuur_1"]
    # burgers: 3 'ja' of the 4 who answered (R003 skipped the question) = 75%
    assert figure["uitkomst_burgers"] == 75
    # verenigingen: 1 of 4 = 25%; medewerkers: 2 of 4 = 50%
    assert figure["uitkomst_verenigingen"] == 25 and figure["uitkomst_medewerkers"] == 50
    # by size: klein burgers 1 of 2 answering = 50%; groot 2 of 2 = 100%
    assert results["tabel_1"].loc["klein", "uitkomst_burgers"] == 50
    assert results["tabel_1"].loc["groot", "uitkomst_burgers"] == 100
    # hours: mean (0.5 + 4 + 10 + 38 + 40) / 5 = 18.5 -> 19; median 10; 2 of 5 at most 4 hours = 40%
    hours = results["uren"]
    assert (hours["Gemiddelde"], hours["Mediaan"], hours["Minimum"], hours["Maximum"]) == (19, 10, 0.5, 40)
    assert hours["4 uur of minder"] == 40 and hours["Fulltime (38 of 40 uur)"] == 40
    # mean hours by size: klein (0.5 + 4 + 10) / 3 = 4.83 -> 5; groot (38 + 40) / 2 = 39
    assert results["tabel_3"].to_dict() == {"groot": 39, "klein": 5}
    # policy action: 2 'eerder wel', 1 'eerder niet', 1 'weet niet' of 4 answering
    row = results["tabel_8"].loc["beleid_visie_noden"]
    assert (row["eerder_niet"], row["eerder_wel"], row["weet_niet"]) == (25, 50, 25)
    # current planning, groot: 1 'neen', 1 'expliciet' of 2 -> 50/50 (largest remainder: exact)
    assert results["tabel_12"].loc["groot"].tolist() == [50, 50, 0, 0]
    # klein: expliciet 2 of 3 = 66.7 -> 67, impliciet 1 of 3 = 33.3 -> 33
    assert results["tabel_12"].loc["klein"].tolist() == [0, 67, 33, 0]
    # nobody from a medium-sized government: that group counts 0, it does not vanish
    assert results["steekproef"].to_dict() == {"totaal": 5, "klein": 3, "middelgroot": 0, "groot": 2, "met": 3, "zonder": 2}


def test_every_printed_block_is_computed_by_exactly_one_cell(published, respondents):
    results = analysis.run(respondents)
    computable = set(published.loc[published["statistic"] != "external", "table"])
    assert computable <= set(results)
    recomputed = analysis.recompute(respondents, published, results)
    external = published["statistic"] == "external"
    assert recomputed.loc[external, "value"].isna().all()
    assert recomputed.loc[~external, "value"].notna().all()


def test_a_failing_cell_names_its_page_and_cell(respondents):
    with pytest.raises(AnalysisError, match=r"01_waarom\.ipynb, cell \d+ \(# Figuur 1.*KeyError"):
        analysis.run(respondents.drop(columns=["uitkomst_burgers"]))


def _analysis_cells():
    for page in pages_with_code():
        for number, source in analysis.analysis_cells(page):
            yield page, number, source


def test_analysis_cells_are_short_and_show_the_pandas(published):
    """One cell per printed block, each at most 15 lines, saying what it computes and doing it
    with pandas in view."""
    computing = [(page, n, s) for page, n, s in _analysis_cells() if "df" in s]
    blocks = set(published.loc[published["statistic"] != "external", "table"])
    assert len(computing) == len(blocks)
    for page, number, source in computing:
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= 15, f"{page.name}, cell {number}: {len(lines)} lines"
        assert lines[0].startswith("#"), f"{page.name}, cell {number}: starts with a comment saying what it computes"
        assert any(op in source for op in ("groupby", "crosstab", "value_counts", ".sum()", ".mean()", "len(df)")), \
            f"{page.name}, cell {number}: no pandas aggregation in sight"


def test_each_computing_cell_is_folded_not_removed():
    import nbformat

    for page in REPO.glob("notebooks/*.ipynb"):
        for cell in nbformat.read(page, as_version=4).cells:
            tags = cell.metadata.get("tags", [])
            if cell.cell_type == "code" and "analysis" in tags and "df" in cell.source:
                assert "hide-input" in tags and "remove-cell" not in tags and "remove-input" not in tags, (page.name, tags)
                prompt = cell.metadata["mystnb"]["code_prompt_show"]
                assert prompt.startswith("Toon code: "), prompt


def test_no_chapter_loads_the_reconstruction():
    """Running every page's analysis and loading the presentation imports neither the
    reconstruction nor its solver."""
    script = ("import json, sys\n"
              "from digitale_inclusie import present\n"
              "from digitale_inclusie.analysis import cells as analysis\n"
              "from digitale_inclusie.data import load_respondents\n"
              "from digitale_inclusie.paths import REPO\n"
              "analysis.run(load_respondents(), pages=sorted(REPO.glob('notebooks/*.ipynb')))\n"
              "print(json.dumps(sorted(m for m in sys.modules if 'reconstruction' in m or m.startswith('scipy'))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []
    for page in REPO.glob("notebooks/*.ipynb"):
        assert "reconstruction" not in page.read_text(encoding="utf-8"), page.name


def test_a_result_without_a_printed_cell_is_a_clear_error(respondents, published, capsys, monkeypatch):
    results = analysis.run(respondents)
    results["tabel_6"] = results["tabel_6"].drop(index="klein")
    with pytest.raises(AnalysisError, match="tabel_6: the result has no number for klein / samenwerking_besturen"):
        analysis.recompute(respondents, published, results)
    monkeypatch.setattr(analysis, "run", lambda df, blocks=None: results)
    assert main(["tables", "--out", "unused"]) == 2
    assert "error: the analysis cells: BlockError: tabel_6: the result has no number" in capsys.readouterr().err

