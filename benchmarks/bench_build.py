"""Benchmark: what building the book costs, per page, against a stock Jupyter Book.

Works in a copy of the repository (its tracked files; the virtual environment shared), so the
working tree and its _build stay as they are. Prints, each as wall time and CPU time (user and
system time of every process the command ran):

- the clean build (`make book CLEAN=1`: every page executed, the whole site written), per page;
- the no-op rebuild (`make book` right after: nothing changed);
- the rebuild after editing one chapter (a comment added to a code cell of 02_wie.ipynb, so that
  its notebook runs again and Sphinx rewrites it);
- the book `jupyter-book create` makes, built here with its own settings (it executes its
  notebooks too), per page; and the ratio of the two CPU costs per page.

Targets: a ratio of at most 1.2, and at most 10 s for the rebuild after editing one chapter;
the script exits with status 1 when either is missed.

usage: python benchmarks/bench_build.py
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from digitale_inclusie.paths import copy_checkout, toc_files

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET_RATIO = 1.2
TARGET_ONE_CHAPTER = 10.0
EDITED = "notebooks/02_wie.ipynb"


def pages(book):
    """Number of pages in a book's _toc.yml."""
    return len(toc_files(book))


def measured(command, cwd):
    """Run ``command``; (wall seconds, CPU seconds of it and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1780000000"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def edit_one_chapter(book):
    path = book / EDITED
    notebook = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "code" and "analysis" in c["metadata"].get("tags", []))
    cell["source"] = ["# bewerkt voor de benchmark\n"] + list(cell["source"])
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "boek"
        copy_checkout(book)
        os.environ["PYTHONPATH"] = str(book / "src")  # the copy's package, for its notebooks too
        clean = measured(["make", "book", "CLEAN=1"], book)
        noop = measured(["make", "book"], book)
        edit_one_chapter(book)
        one = measured(["make", "book"], book)
        ours = pages(book)
        stock = Path(tmp) / "stock"
        measured([str(BIN / "jupyter-book"), "create", str(stock)], tmp)
        stock_build = measured([str(BIN / "jupyter-book"), "build", str(stock), "--all"], tmp)
        stock_pages = pages(stock)
    per_page, stock_per_page = clean[1] / ours, stock_build[1] / stock_pages
    ratio = per_page / stock_per_page
    print(f"clean build (make book CLEAN=1): {clean[0]:.1f} s wall, {clean[1]:.1f} s CPU for {ours} pages "
          f"= {per_page:.2f} s CPU per page")
    print(f"no-op rebuild (make book): {noop[0]:.1f} s wall, {noop[1]:.1f} s CPU")
    print(f"rebuild after editing one chapter ({EDITED}): {one[0]:.1f} s wall, {one[1]:.1f} s CPU "
          f"(target <= {TARGET_ONE_CHAPTER:.0f} s)")
    print(f"stock `jupyter-book create` book: {stock_build[0]:.1f} s wall, {stock_build[1]:.1f} s CPU for "
          f"{stock_pages} pages = {stock_per_page:.2f} s CPU per page")
    print(f"ratio of CPU per page: {ratio:.2f} (target <= {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO and one[0] <= TARGET_ONE_CHAPTER else 1


if __name__ == "__main__":
    sys.exit(main())
