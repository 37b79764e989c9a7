"""Execute the book's pages with code, two at a time, into the jupyter-cache that the build reads.

`make book` runs this script, then lets Jupyter Book build from the cache. The result is the same
as executing each page during the build, but the pages run in parallel on the machine's cores
instead of one after another, and a page that has not changed is not run again.

jupyter-cache only notices a change in a notebook's own code. Everything else a page's numbers
depend on is fingerprinted here (SHA-256): the respondent file in use (``DIGITALE_INCLUSIE_DATA``
or the shipped one), every file under ``data/``, the package's source, the pinned requirements
and this script. When the fingerprint differs from the one of the last build, the whole build is
emptied first (``_build/.jupyter_cache``, ``_build/site-extra`` with the pages' CSV downloads,
``_build/jupyter_execute``, ``_build/.doctrees`` and ``_build/html``) and every page runs afresh:
a data change always reaches every page, and no file of an earlier build stays. Otherwise only
the pages whose code changed run again (each rewrites its own downloads).

usage: python tools/preexecute.py [--clean] [--workers N]
"""

import argparse
import hashlib
import multiprocessing
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from jupyter_cache.executors.utils import single_nb_execution

from digitale_inclusie.analysis.claims import load_claims
from digitale_inclusie.archive import NAME as ARCHIVE
from digitale_inclusie.archive import write_archive
from digitale_inclusie.data.catalog import load_catalogue, load_materials
from digitale_inclusie.data.respondents import load_respondents
from digitale_inclusie.errors import InputFileError
from digitale_inclusie.paths import (
    DATA,
    DOWNLOADS,
    SITE_ENV,
    pages_with_code,
    respondents_source,
)

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
FINGERPRINT = BUILD / ".inputs.sha256"  # the fingerprint of the inputs the cache was made from
EMPTIED = [CACHE, BUILD / "site-extra", BUILD / "jupyter_execute", BUILD / ".doctrees", BUILD / "html"]
MYST_READER = {"name": "myst_nb_md", "type": "plugin"}  # how myst-nb reads MyST notebooks
NOTEBOOK_READER = {"name": "nbformat", "type": "plugin"}


def inputs():
    """Every file a page's numbers may depend on, apart from the page itself."""
    package = ROOT / "src" / "digitale_inclusie"
    files = [p for p in DATA.rglob("*") if p.is_file()]
    files += [p for p in package.rglob("*") if p.suffix == ".py" and p.is_file()]
    files += [ROOT / "requirements.txt", Path(__file__).resolve()]
    return sorted(files)


def fingerprint():
    """SHA-256 over the respondent file in use (its path and bytes) and every input file."""
    digest = hashlib.sha256()
    source = respondents_source()
    digest.update(f"respondents {source}\n".encode())
    digest.update(source.read_bytes() if source.is_file() else b"(missing)")
    for path in inputs():
        digest.update(f"\n{path.relative_to(ROOT)}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _execute(uri, notebook):
    """Run one page in a worker process, its kernel on Unix sockets (:mod:`digitale_inclusie.kernels`)."""
    from digitale_inclusie.kernels import ipc_kernel

    with ipc_kernel(notebook.metadata.get("kernelspec", {}).get("name", "python3")) as km:
        result = single_nb_execution(notebook, cwd=str(Path(uri).parent), timeout=300,
                                     allow_errors=False, meta_override=True, km=km)
    notebook.metadata.pop("widgets", None)  # widget state: the site shows no widgets
    return notebook, result.time, result.exc_string if result.err else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="empty the build and run every page, whatever changed")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    os.environ[SITE_ENV] = "1"  # the kernels run for the static site: no live widgets
    # the respondent file in use and the YAML files, checked once before any page runs: a bad file
    # or path is one located sentence here, not a traceback from every notebook
    try:
        load_respondents(respondents_source())
        load_materials()  # the YAML files the pages and the extension read, likewise
        load_catalogue()
        load_claims()
    except InputFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    current = fingerprint()
    previous = FINGERPRINT.read_text(encoding="utf-8").strip() if FINGERPRINT.is_file() else None
    if not DOWNLOADS.is_dir():  # the pages' downloads are gone: their cached runs are no use
        previous = None
    # the PDF of the whole book belongs to `make pdf`: never leave an older one on the site
    (BUILD / "html" / "downloads" / "digitale-inclusie.pdf").unlink(missing_ok=True)
    if args.clean or current != previous:
        FINGERPRINT.unlink(missing_ok=True)
        for folder in EMPTIED:
            shutil.rmtree(folder, ignore_errors=True)
        print("the inputs changed: the build is emptied, every page runs" if previous and not args.clean
              else "clean build: every page runs")
    cache = get_cache(str(CACHE))
    DOWNLOADS.mkdir(parents=True, exist_ok=True)  # the pages write their CSV files here
    # the heaviest pages first, so that the workers finish at about the same time
    pages = sorted(pages_with_code(ROOT), key=lambda p: p.stat().st_size, reverse=True)
    records = [cache.add_nb_to_project(str(path), read_data=MYST_READER if path.suffix == ".md" else NOTEBOOK_READER)
               for path in pages]
    stale = {record.pk for record in cache.list_unexecuted()}
    todo = [record for record in records if record.pk in stale]
    failed = []
    # spawn, not fork: forked workers inherit the cache's database connection and hang
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
        jobs = {record.uri: pool.submit(_execute, record.uri, cache.get_project_notebook(record.uri).nb)
                for record in todo}
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
    print(f"executed {len(todo) - len(failed)} pages, {len(failed)} failed, {len(records) - len(todo)} unchanged")
    size = write_archive(DOWNLOADS / ARCHIVE)  # the whole project, for someone who only has the site
    print(f"wrote downloads/{ARCHIVE} ({size / 1e6:.1f} MB)")
    if failed:
        return 1
    FINGERPRINT.write_text(current + "\n", encoding="utf-8")  # only a complete build is one to build on
    return 0


if __name__ == "__main__":
    sys.exit(main())
