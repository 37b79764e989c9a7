import pytest

from digitale_inclusie.data.codebook import Codebook
from digitale_inclusie.data.published import load_published
from digitale_inclusie.data.respondents import load_respondents


@pytest.fixture(scope="session")
def published():
    return load_published()


@pytest.fixture(scope="session")
def codebook():
    return Codebook.load()


@pytest.fixture(scope="session")
def respondents(codebook):
    return load_respondents(codebook=codebook)


@pytest.fixture(scope="session")
def audited(published, codebook):
    """A fresh audit (which reconstructs in memory): (register, respondent frame)."""
    from digitale_inclusie.reconstruction.audit import audit

    return audit(published, codebook)


@pytest.fixture(scope="session")
def site():
    """The built site (``make book``), once per test run, for every test of the site."""
    from site_tools import ensure_site

    return ensure_site()


@pytest.fixture(scope="session")
def browser(site):
    """Every browser check of the built site, run once per test run (tools/a11y/site-check.js):
    its report."""
    from site_tools import browser_report

    return browser_report(site)


@pytest.fixture(scope="session")
def results(respondents):
    """Every page's analysis cells run on the shipped respondent file."""
    from digitale_inclusie.analysis import cells as analysis

    return analysis.run(respondents)


@pytest.fixture()
def page(respondents, results, tmp_path, monkeypatch):
    """A ``Page`` on the shipped file with every chapter's results, writing its downloads into
    ``tmp_path``."""
    from digitale_inclusie.present import Page, downloads

    monkeypatch.setattr(downloads, "DOWNLOADS", tmp_path)
    return Page(respondents, results)
