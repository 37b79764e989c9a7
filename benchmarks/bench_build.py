"""Benchmark: how long the book takes to build, per page, against a stock Jupyter Book.

Prints
- the clean build time, with every notebook executed (`make book` from an empty _build),
- the no-op rebuild time (`jupyter-book build .` right after, nothing changed),
- the per-page cost (clean build time / pages in _toc.yml),
- the same per-page cost for the book `jupyter-book create` makes, built on this machine
  with its own settings (it executes its notebooks too), and the ratio of the two.
The target is a ratio of at most 1.2; the script exits with status 1 above it.

usage: python benchmarks/bench_build.py
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from digitale_inclusie.paths import toc_files

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TARGET_RATIO = 1.2


def pages(book):
    """Number of pages in a book's _toc.yml."""
    return len(toc_files(book))


def timed(command, cwd):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return seconds


def main():
    shutil.rmtree(REPO / "_build", ignore_errors=True)
    clean = timed(["make", "book"], REPO)
    noop = timed([str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"], REPO)
    ours = pages(REPO)
    with tempfile.TemporaryDirectory() as tmp:
        stock = Path(tmp) / "stock"
        timed([str(BIN / "jupyter-book"), "create", str(stock)], tmp)
        stock_time = timed([str(BIN / "jupyter-book"), "build", str(stock), "--all"], tmp)
        stock_pages = pages(stock)
    per_page, stock_per_page = clean / ours, stock_time / stock_pages
    ratio = per_page / stock_per_page
    print(f"clean build with execution: {clean:.1f} s for {ours} pages = {per_page:.2f} s per page")
    print(f"no-op rebuild: {noop:.1f} s")
    print(f"stock `jupyter-book create` book: {stock_time:.1f} s for {stock_pages} pages = {stock_per_page:.2f} s per page")
    print(f"ratio of per-page costs: {ratio:.2f} (target <= {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
