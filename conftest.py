"""Test-session set-up for the whole repository (tests/ and the notebooks that nbval runs)."""

import os

# The tests check the shipped files against the report. A DIGITALE_INCLUSIE_DATA exported in the
# shell (for the book or JupyterLab) must not leak into them, nor into the notebooks and the book
# they run in subprocesses: every test reads the shipped reconstruction.
IGNORED = os.environ.pop("DIGITALE_INCLUSIE_DATA", None)


def pytest_report_header(config):
    if IGNORED:
        return f"DIGITALE_INCLUSIE_DATA={IGNORED} is ignored: the tests use the shipped data files"
    return None
