"""Helpers for the tests of the built site (the ``site`` fixture is in conftest.py)."""

import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from digitale_inclusie.paths import REPO

HTML = REPO / "_build" / "html"
A11Y = REPO / "tools" / "a11y"  # Node scripts driving Debian's Chromium (playwright-core, axe-core)

needs_browser = pytest.mark.skipif(
    not (A11Y / "node_modules" / "playwright-core").exists() or shutil.which("chromium") is None,
    reason="needs Debian's chromium and `npm ci` in tools/a11y (.ci/run installs both)")


def build_site():
    """Build the book with `make book`, the command readers and CI use; return its folder."""
    done = subprocess.run(["make", "book"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return HTML


def pages(site):
    """The site's pages (not the theme's template fragments, not the redirect stub)."""
    return sorted(p for p in site.rglob("*.html")
                  if "_static" not in p.parts and "<html" in p.read_text(encoding="utf-8")[:500])


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(path):
    """The visible text of a page, whitespace folded."""
    return " ".join(soup(path).get_text(" ").split())


def node(script, *args, timeout=600):
    """Run one of the Node scripts in tools/a11y; returns the completed process."""
    return subprocess.run(["node", str(A11Y / script), *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout)
