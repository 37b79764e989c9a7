"""Execute the chapter notebooks in place, so that their committed outputs are current.

`make test` compares the committed outputs with the book's own execution of each notebook
(nbval's comparison, tests/built_notebooks.py); run this after changing a notebook, the package
or the data: `make notebooks`.

usage: python tools/execute_notebooks.py [NOTEBOOK ...]
"""

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    notebook.metadata.pop("widgets", None)  # widget state is not kept: the site shows no widgets
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(argv):
    os.environ["DIGITALE_INCLUSIE_SITE"] = "1"  # as make book runs them: the outputs the site shows
    paths = [Path(p).resolve() for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    for path in paths:
        execute(path)


if __name__ == "__main__":
    main(sys.argv[1:])
