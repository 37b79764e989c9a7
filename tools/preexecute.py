"""Execute every page of the book that has code, two at a time, into a fresh jupyter-cache.

`make book` empties the cache, runs this script, then lets Jupyter Book build from the cache.
The result is the same as executing each page during the build (every page runs afresh from
the data, so a data change always reaches the site), but the pages run in parallel on the
machine's cores instead of one after another.

usage: python tools/preexecute.py [--cache DIR]
"""

import argparse
import multiprocessing
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution

from digitale_inclusie.paths import DOWNLOADS, pages_with_code

ROOT = Path(__file__).resolve().parents[1]
MYST_READER = {"name": "myst_nb_md", "type": "plugin"}  # how myst-nb reads MyST notebooks
NOTEBOOK_READER = {"name": "nbformat", "type": "plugin"}


def _execute(uri, notebook):
    """Run one page in a worker process.

    The kernel talks over Unix sockets (ipc), not TCP: two kernels starting at the same moment
    can otherwise pick the same free TCP port, and one of them then hangs."""
    from jupyter_client import KernelManager

    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        km = KernelManager(kernel_name=notebook.metadata.get("kernelspec", {}).get("name", "python3"),
                           transport="ipc", ip=str(Path(sockets) / "ipc"))
        try:
            result = single_nb_execution(notebook, cwd=str(Path(uri).parent), timeout=300,
                                         allow_errors=False, meta_override=True, km=km)
        finally:  # nbclient leaves a kernel it did not start running
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    notebook.metadata.pop("widgets", None)  # widget state: the site shows no widgets
    return notebook, result.time, result.exc_string if result.err else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(ROOT / "_build" / ".jupyter_cache"))
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    cache = get_cache(args.cache)
    # the heaviest pages first, so that the workers finish at about the same time
    DOWNLOADS.mkdir(parents=True, exist_ok=True)  # the pages write their CSV files here
    pages = sorted(pages_with_code(ROOT), key=lambda p: p.stat().st_size, reverse=True)
    records = [cache.add_nb_to_project(str(path), read_data=MYST_READER if path.suffix == ".md" else NOTEBOOK_READER)
               for path in pages]
    failed = []
    # spawn, not fork: forked workers inherit the cache's database connection and hang
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
        jobs = {record.uri: pool.submit(_execute, record.uri, cache.get_project_notebook(record.uri).nb)
                for record in records}
        for uri, job in jobs.items():
            notebook, seconds, error = job.result()
            name = Path(uri).relative_to(ROOT)
            if error:
                failed.append(name)
                print(f"error in {name}:\n{error}", file=sys.stderr)
                continue
            cache.cache_notebook_bundle(CacheBundleIn(notebook, uri, data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            print(f"executed {name} in {seconds:.1f} s")
    print(f"executed {len(records) - len(failed)} pages, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
