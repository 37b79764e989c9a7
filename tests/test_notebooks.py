"""The chapter notebooks as a researcher runs them: in their own folder, on another file."""

import nbformat
import pandas as pd
from nbclient import NotebookClient

from digitale_inclusie.data.codebook import MISSING
from digitale_inclusie.paths import DATA_ENV, REPO, respondents_source


def test_a_relative_data_path_is_taken_from_the_repository_root(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_ENV, "data/elders.csv")
    assert respondents_source() == REPO / "data" / "elders.csv"
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "x.csv"))
    assert respondents_source() == tmp_path / "x.csv"
    monkeypatch.delenv(DATA_ENV)
    assert respondents_source() == REPO / "data" / "respondenten.csv"


def test_a_chapter_run_in_its_own_folder_reads_the_file_named_by_a_relative_path(respondents, monkeypatch):
    """The book runs every page in the page's folder (notebooks/); a path relative to the
    repository root must still reach the file."""
    other = respondents.copy()
    # everyone who answered the question: 100% instead of the printed 72% (who skipped it keeps
    # 'geen_antwoord' on all three items: the skip rule)
    other.loc[other["uitkomst_burgers"] != MISSING, "uitkomst_burgers"] = "ja"
    folder = REPO / "_build" / "test-data"
    folder.mkdir(parents=True, exist_ok=True)
    other.to_csv(folder / "iedereen-ja.csv", index=False)
    monkeypatch.setenv(DATA_ENV, "_build/test-data/iedereen-ja.csv")
    notebook = nbformat.read(REPO / "notebooks" / "01_waarom.ipynb", as_version=4)
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    html = " ".join(output.get("data", {}).get("text/html", "") for cell in notebook.cells
                    for output in cell.get("outputs", []))
    notice = " ".join(output.get("data", {}).get("text/markdown", "") for cell in notebook.cells
                      for output in cell.get("outputs", []))
    assert "Burgers 100%" in html and "rapport: 72%" in html
    assert "iedereen-ja.csv" in notice
    assert not pd.read_csv(folder / "iedereen-ja.csv").empty


def test_make_lab_installs_a_pinned_jupyterlab():
    import re
    import subprocess

    lines = [line for line in (REPO / "requirements-lab.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == "-r requirements.txt"
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.+\-]*", line) for line in lines[1:]), lines
    assert any(line.startswith("jupyterlab==4.") for line in lines)
    plan = subprocess.run(["make", "-n", "lab"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "requirements-lab.txt" in plan or "jupyter lab --notebook-dir=notebooks" in plan


def test_a_whole_chapter_page_never_imports_the_reconstruction():
    """The book runs every cell of a chapter (analysis, presentation, claims): none of it may
    load the reconstruction (its integer programs and audit)."""
    notebook = nbformat.read(REPO / "notebooks" / "06_toekomst.ipynb", as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import sys\nprint(sorted(m for m in sys.modules if m.startswith('digitale_inclusie.reconstruction')))"))
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    assert notebook.cells[-1].outputs[0]["text"].strip() == "[]"
