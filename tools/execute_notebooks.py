"""Execute the chapter notebooks in place, so that their committed outputs are current.

`make test` compares the committed outputs with the book's own execution of each notebook
(nbval's comparison, tests/built_notebooks.py); run this after changing a notebook, the package
or the data: `make notebooks`.

`make lab` runs them once with ``--downloads`` before JupyterLab starts: live, as in JupyterLab,
and without saving, so that the CSV files their links point to exist (``downloads/`` of the
checkout, ignored by git) and follow the respondent file in use.

usage: python tools/execute_notebooks.py [--downloads] [NOTEBOOK ...]
"""

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from digitale_inclusie.kernels import ipc_kernel

ROOT = Path(__file__).resolve().parents[1]


def execute(path, save=True):
    notebook = nbformat.read(path, as_version=4)
    with ipc_kernel() as km:  # Unix sockets: no TCP port race with kernels started beside it
        NotebookClient(notebook, km=km, timeout=300, resources={"metadata": {"path": str(path.parent)}}).execute()
    if not save:
        print(f"ran {path.relative_to(ROOT)}")
        return
    notebook.metadata.pop("widgets", None)  # widget state is not kept: the site shows no widgets
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    print(f"executed {path.relative_to(ROOT)}")


def run_unsaved(path):
    execute(path, save=False)


def main(argv):
    save = "--downloads" not in argv
    if save:
        os.environ["DIGITALE_INCLUSIE_SITE"] = "1"  # as make book runs them: the outputs the site shows
    else:
        os.environ.pop("DIGITALE_INCLUSIE_SITE", None)  # live, as JupyterLab runs them
    paths = [Path(p).resolve() for p in argv if p != "--downloads"] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if save:
        for path in paths:
            execute(path)
        return
    # two at a time, each in a process of its own: nbclient's blocking calls share an event loop
    # between the threads of one process, and two threads once waited on each other for good
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(run_unsaved, paths))


if __name__ == "__main__":
    main(sys.argv[1:])
