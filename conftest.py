"""Test-session set-up for the whole repository: tests/ and the committed outputs of notebooks/.

- The notebooks' outputs are compared with the book's own execution (tests/built_notebooks.py),
  so a chapter is executed once per test run.
- Every test that needs the built site (it uses the ``site`` fixture, directly or through
  another fixture such as ``browser``, or it is a notebook cell) is marked ``site``:
  ``pytest -m "not site"`` runs the rest in well under a minute.
- With pytest-xdist (``pytest -n 2``, ``--dist loadfile`` in pyproject.toml) the tests of one
  file stay on one worker, so that a module's fixtures are made once; every test of the browser
  pass is in tests/test_browser.py. The site and the browser pass are made once per run for all
  workers (site_tools.ensure_site, site_tools.browser_report: a file lock and the run's id).
  (``--dist loadgroup`` would be the finer tool, but pytest-xdist 3.8 cannot group on pytest
  9.2: pytest-dev/pytest-xdist#1386.)
"""

import os

import pytest

# The tests check the shipped files against the report. A DIGITALE_INCLUSIE_DATA exported in the
# shell (for the book or JupyterLab) must not leak into them, nor into the notebooks and the book
# they run in subprocesses: every test reads the shipped reconstruction.
IGNORED = os.environ.pop("DIGITALE_INCLUSIE_DATA", None)

pytest_plugins = ["built_notebooks"]


def pytest_report_header(config):
    if IGNORED:
        return f"DIGITALE_INCLUSIE_DATA={IGNORED} is ignored: the tests use the shipped data files"
    return None


def pytest_collection_modifyitems(config, items):
    from built_notebooks import BuiltCell

    for item in items:
        if "site" in getattr(item, "fixturenames", ()) or isinstance(item, BuiltCell):
            item.add_marker(pytest.mark.site)
