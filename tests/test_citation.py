"""Citation and licences (issue 11): CITATION.cff, CHANGELOG.md, the footer of every page and the
page *Hoe citeren en licenties*."""

import datetime
import os
import re

import pytest
import yaml

from digitale_inclusie.paths import REPO
from digitale_inclusie.sphinx.footer import build_date, dutch_date

MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december"]
# SPDX identifiers this project may use (CFF 1.2.0 takes its licence from the SPDX list)
SPDX = {"MIT", "CC-BY-4.0", "CC0-1.0", "CC-BY-SA-4.0"}


def _version():
    """The package version, read from the source file (not imported through the package)."""
    text = (REPO / "src" / "digitale_inclusie" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"$', text, re.M).group(1)


@pytest.fixture(scope="module")
def cff():
    # CFF is YAML 1.2; PyYAML reads 1.1, so dates must be quoted strings (checked below)
    return yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))


def _authors_ok(authors):
    return isinstance(authors, list) and authors and all(
        isinstance(a, dict) and (a.get("name") or a.get("family-names")) for a in authors)


def test_citation_file_has_the_keys_cff_1_2_0_requires(cff):
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):
        assert cff.get(key), key
    assert _authors_ok(cff["authors"])
    assert cff["type"] in ("software", "dataset")
    assert cff["license"] in SPDX
    released = cff["date-released"]
    assert isinstance(released, str) and datetime.date.fromisoformat(released) <= datetime.date.today()
    known = {"cff-version", "message", "title", "authors", "type", "version", "date-released", "license",
             "abstract", "keywords", "references", "repository-code", "url", "doi", "identifiers",
             "license-url", "contact", "commit", "preferred-citation"}
    assert set(cff) <= known, set(cff) - known


def test_citation_version_is_the_package_version(cff):
    assert str(cff["version"]) == _version()
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{_version()}"' in pyproject


def test_citation_references_the_report(cff):
    (report,) = [r for r in cff["references"] if r["type"] == "report"]
    assert report["year"] == 2024 and report["month"] == 5
    assert report["title"].startswith("Digitale inclusie in Vlaamse lokale besturen")
    assert _authors_ok(report["authors"])
    assert [a["family-names"] for a in report["authors"]] == [
        "Anrijs", "Verhaert", "Rothe", "Van Audenhove", "Ponnet"]
    assert "imec-mict" in report["publisher"]["name"] and "Gent" in report["publisher"]["name"]


def test_changelog_names_the_current_version_with_its_release_date(cff):
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    assert f"## [{_version()}] - {cff['date-released']}" in text
    versions = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d\d-\d\d)$", text, re.M)
    assert versions[0][0] == _version()
    assert [v[1] for v in versions] == sorted((v[1] for v in versions), reverse=True)


def test_build_date_from_source_date_epoch_else_today():
    assert build_date({"SOURCE_DATE_EPOCH": "1764460800"}) == datetime.date(2025, 11, 30)
    assert build_date({"SOURCE_DATE_EPOCH": "1709251199"}) == datetime.date(2024, 2, 29)
    assert build_date({}) in (datetime.date.today(), datetime.datetime.now(datetime.timezone.utc).date())
    assert dutch_date(datetime.date(2024, 3, 1)) == "1 maart 2024"
    assert dutch_date(datetime.date(2026, 11, 30)) == "30 november 2026"


@pytest.mark.site
def test_every_page_footer_shows_licence_version_date_and_citation_link(site):
    from site_tools import pages, soup

    version = _version()
    for page in pages(site):
        footer = soup(page).select_one("footer.bd-footer-content")
        assert footer is not None, page.name
        text = " ".join(footer.get_text(" ").split())
        assert "© Copyright" not in text, page.name
        assert "CC BY 4.0" in text and "MIT" in text, page.name
        stamp = footer.find("time")
        day = datetime.date.fromisoformat(stamp["datetime"])
        assert stamp.get_text() == f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}", page.name
        if os.environ.get("SOURCE_DATE_EPOCH"):  # the site fixture's build saw the same environment
            assert day == datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]),
                                                           datetime.timezone.utc).date(), page.name
        else:
            assert (datetime.date.today() - day).days in (0, 1), page.name  # built by this session
        assert f"Versie {version} · gebouwd op" in text, page.name
        (link,) = [a for a in footer.find_all("a") if "citeren" in a.get_text()]
        target = page if link["href"] == "#" else (page.parent / link["href"]).resolve()  # '#' on itself
        assert target == (site / "book" / "citeren.html").resolve(), page.name


@pytest.mark.site
def test_citation_page_cites_the_book_and_the_report_and_states_the_licences(site):
    from site_tools import soup, text

    page = site / "book" / "citeren.html"
    words = text(page)
    assert f"(versie {_version()})" in words
    assert "Anrijs, S., Verhaert, P., Rothe, F., Van Audenhove, L. & Ponnet, K. (2024, mei)" in words
    for needed in ("MIT", "LICENSE", "CC BY 4.0", "CITATION.cff", "CHANGELOG.md", "LEESMIJ.txt",
                   "auteursrecht op het rapport"):
        assert needed in words, needed
    # the downloads' LEESMIJ.txt states the same licence for the number files
    readme = (site / "downloads" / "LEESMIJ.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "MIT" in readme
    # reachable from the introduction, and listed under "Achtergrond" in the table of contents
    intro = soup(site / "book" / "intro.html")
    assert any(a["href"] == "citeren.html" for a in intro.select("article a[href]"))
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    (background,) = [p for p in toc["parts"] if p["caption"] == "Achtergrond"]
    assert {"file": "book/citeren"} in background["chapters"]
