"""Helpers for the tests of the built site (the ``site`` fixture is in conftest.py)."""

import re
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


# WCAG 2.1 contrast of colours as the browser reports them ('rgb(r, g, b)' or 'rgba(r, g, b, a)'),
# computed here, apart from the package, for the browser tests.
_RGBA = re.compile(r"rgba?\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\s*\)")


def rgba(css):
    """(r, g, b, alpha) of a CSS rgb()/rgba() colour."""
    match = _RGBA.fullmatch(css.strip())
    assert match, css
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def over(css, below):
    """A possibly translucent colour laid over another: the colour the eye sees, as rgb()."""
    *colour, alpha = rgba(css)
    under = rgba(below)[:3]
    return "rgb({}, {}, {})".format(*(alpha * c + (1 - alpha) * u for c, u in zip(colour, under)))


def luminance(css):
    """Relative luminance of an rgb() colour (its alpha is ignored)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
              for c in rgba(css)[:3]]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    """Contrast ratio (1 to 21) of a foreground, blended over the background, against it."""
    high, low = sorted((luminance(over(foreground, background)), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
