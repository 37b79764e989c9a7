"""A chapter notebook downloaded alone (issue 20): run in an empty folder outside the repository,
it reads a respondenten.csv beside it and says so, takes a relative DIGITALE_INCLUSIE_DATA from
its own folder, and writes nothing outside that folder; without its packages it stops at its
first cell with one Dutch sentence."""

import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from digitale_inclusie.paths import DOWNLOADS, REPO, RESPONDENTS

CHAPTER = REPO / "notebooks" / "01_waarom.ipynb"


RUNNER = """
import sys
import nbformat
from nbclient import NotebookClient
path, out = sys.argv[1], sys.argv[2]
notebook = nbformat.read(path, as_version=4)
notebook.cells.append(nbformat.v4.new_code_cell(
    "from digitale_inclusie.present import downloads\\nprint('WRITES-TO', downloads.folder().resolve())"))
from digitale_inclusie.kernels import ipc_kernel
with ipc_kernel() as km:  # Unix sockets: no TCP port race with the kernels of other tests
    NotebookClient(notebook, km=km, timeout=240, resources={"metadata": {"path": "."}}).execute()
nbformat.write(notebook, out)
"""


def _run(folder, env=None):
    """Execute the chapter in ``folder`` in a process of its own (its own kernel, its own
    environment, a hard time limit), with one cell more at the end that says where the kernel
    writes its files (asked in the kernel itself, not by watching the repository's downloads,
    which a site build in another test may refill)."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DIGITALE_INCLUSIE")}
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-c", RUNNER, CHAPTER.name, "uit.ipynb"], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return nbformat.read(folder / "uit.ipynb", as_version=4)


def _text(notebook):
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(data.get("text/markdown", "") + data.get("text/html", "") + output.get("text", ""))
    return "\n".join(parts)


@pytest.fixture
def alone(tmp_path):
    folder = tmp_path / "los"
    folder.mkdir()
    shutil.copy(CHAPTER, folder / CHAPTER.name)
    return folder


def test_a_chapter_runs_alone_on_the_file_beside_it(alone, respondents):
    respondents[respondents["grootte"] != "groot"].to_csv(alone / "respondenten.csv", index=False)
    text = _text(_run(alone))
    assert "respondentenbestand `respondenten.csv` (250 respondenten)" in text
    assert {p.name for p in (alone / "downloads").glob("*.csv")} >= {"figuur_1.csv", "tabel_1.csv"}
    assert 'href="downloads/figuur_1.csv"' in text  # the links find the files beside the notebook
    assert f"WRITES-TO {(alone / 'downloads').resolve()}" in text and str(DOWNLOADS) not in text


def test_a_relative_data_path_is_taken_from_the_notebooks_folder(alone):
    (alone / "eigen").mkdir()
    shutil.copy(RESPONDENTS, alone / "eigen" / "antwoorden.csv")
    text = _text(_run(alone, {"DIGITALE_INCLUSIE_DATA": "eigen/antwoorden.csv"}))
    assert "gereconstrueerde respondentenbestand" in text  # a byte copy of the reconstruction is one


def test_without_its_packages_the_first_cell_stops_with_one_dutch_sentence(tmp_path):
    check = next(c for c in nbformat.read(CHAPTER, as_version=4).cells if c.cell_type == "code")
    assert "PakketOntbreekt" in check.source and check.metadata["tags"] == ["remove-cell"]
    done = subprocess.run([sys.executable, "-S", "-c", check.source], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0 and "Dit notebook heeft het pakket pandas nodig" in done.stderr
