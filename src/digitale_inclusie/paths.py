"""Locations of the project's files, and which respondent file is in use."""

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
PUBLISHED = DATA / "published" / "cijfers.csv"
DATAPACKAGE = DATA / "datapackage.json"
RESPONDENTS = DATA / "respondenten.csv"  # the shipped reconstruction
REGISTER = DATA / "register.csv"
BAROMETER = DATA / "context" / "barometer.csv"
CHECKSUMS = DATA / "SHA256SUMS"
CHECKSUMMED = (PUBLISHED, DATAPACKAGE, RESPONDENTS, REGISTER)
DATA_ENV = "DIGITALE_INCLUSIE_DATA"
SITE_ENV = "DIGITALE_INCLUSIE_SITE"  # set while the site's pages run (make book, make notebooks)
SITE_EXTRA = REPO / "_build" / "site-extra"  # files the build writes for the site (html_extra_path)
DOWNLOADS = SITE_EXTRA / "downloads"  # ... served as /downloads/ on the site
LIVE_DOWNLOADS = REPO / "downloads"  # what the chapters write when they run live in a checkout (JupyterLab)


def for_site():
    """Whether the pages run to build the static site (no live widgets there)."""
    return os.environ.get(SITE_ENV) == "1"


def _in_kernel():
    """Whether this code runs in a Jupyter kernel (not merely with ipykernel imported, as under
    pytest's nbval plugin)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and getattr(shell, "kernel", None) is not None


def live_notebook_folder():
    """The folder of a notebook running live (JupyterLab, a downloaded chapter), not to build the
    site: its files go beside it, where its links find them. None otherwise."""
    if not _in_kernel() or for_site():
        return None
    return Path.cwd()


def standalone_folder():
    """The folder of a notebook that runs outside a checkout of the repository (its kernel's
    working folder: a chapter downloaded into a folder of its own), or None: in a checkout, or
    not in a Jupyter kernel (the commands)."""
    if not _in_kernel():
        return None
    here = Path.cwd()
    try:
        here.resolve().relative_to(REPO.resolve())
    except ValueError:
        return here
    return None


def respondents_source():
    """The respondent file to read: ``$DIGITALE_INCLUSIE_DATA`` when set (e.g. the real survey
    file, recoded to the codebook), else the shipped reconstruction.

    In a checkout a relative path in the variable is taken from the repository root, wherever the
    reader runs: the book executes every page in that page's own folder, and a notebook in
    JupyterLab runs in ``notebooks/``, so the current folder cannot be the reference. A notebook
    run outside a checkout (:func:`standalone_folder`) takes it from its own folder instead, and
    reads a ``respondenten.csv`` beside it when the variable is not set."""
    override = os.environ.get(DATA_ENV)
    here = standalone_folder()
    if override is None:
        if here is not None and (here / "respondenten.csv").is_file():
            return here / "respondenten.csv"  # a downloaded notebook with its own file beside it
        return RESPONDENTS
    from .errors import InputFileError

    if not override.strip():  # set but empty: refused like --data "", never the shipped file instead
        raise InputFileError(f"{DATA_ENV}={override!r}", ["the path is empty; expected a respondent file "
                                                           "(unset the variable to use the shipped one)"])
    try:
        path = Path(override).expanduser()
    except RuntimeError:  # '~nosuchuser/x.csv': no such home directory
        user = override.split("/", 1)[0]
        raise InputFileError(f"{DATA_ENV}={override!r}", [f"{user} names no home directory on this computer; "
                                                           "expected a path to a respondent file"]) from None
    return path if path.is_absolute() else (here or REPO) / path


def toc_files(book_root=REPO):
    """Every file named in a Jupyter Book's _toc.yml (root first), without suffix."""
    import yaml

    toc = yaml.safe_load((Path(book_root) / "_toc.yml").read_text(encoding="utf-8"))
    found = []

    def walk(node):
        if isinstance(node, dict):
            found.extend(node[key] for key in ("root", "file") if key in node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(toc)
    return found


def pages_with_code(book_root=REPO):
    """The book's pages that hold code, in toc order: notebooks, and MyST Markdown pages with a
    kernelspec."""
    pages = []
    for name in toc_files(book_root):
        for suffix in (".ipynb", ".md"):
            path = Path(book_root) / f"{name}{suffix}"
            if path.exists():
                if suffix == ".ipynb" or "kernelspec:" in path.read_text(encoding="utf-8")[:600]:
                    pages.append(path)
                break
    return pages


def built_pages(site):
    """The pages of a built site (``_build/html``): every HTML page, not the theme's template
    fragments under ``_static`` and not the redirect stub (``index.html``, no ``<html``)."""
    return sorted(p for p in Path(site).rglob("*.html")
                  if "_static" not in p.parts and "<html" in p.read_text(encoding="utf-8")[:500])


def copy_checkout(target):
    """Copy the repository's tracked files, as they are in the working tree, to ``target`` (a new
    folder), sharing the virtual environment: a second checkout to build or measure in while this
    one stays as it is. Run the copy's commands with ``PYTHONPATH=target/src`` so that its own
    package is the one imported."""
    import shutil
    import subprocess

    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, (f.decode() for f in listed.split(b"\0"))):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    (target / ".venv").symlink_to(REPO / ".venv")
    return target
