"""The way in for someone who only has the site (issue 20): the source archive on the site, and
the repository and site addresses, shown only where _config.yml sets them and named alike in
README.md and CITATION.cff."""

import zipfile

import pytest
import yaml

from digitale_inclusie.archive import write_archive
from digitale_inclusie.paths import REPO

CONFIG = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]


def test_the_addresses_are_named_alike_everywhere():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for setting, field in (("di_repository_url", "repository-code"), ("di_site_url", "url")):
        value = CONFIG[setting]
        assert citation.get(field, "") == value, field
        if value:
            assert value in readme, setting
    for page in [REPO / "README.md", *REPO.glob("book/*.md")]:
        assert "<adres" not in page.read_text(encoding="utf-8"), page.name  # no placeholder


def test_the_archive_holds_the_project_and_is_reproducible(tmp_path):
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    write_archive(first)
    write_archive(second)
    assert first.read_bytes() == second.read_bytes()
    names = set(zipfile.ZipFile(first).namelist())
    for needed in ("Makefile", "README.md", "requirements.txt", "requirements-lab.txt", "pyproject.toml",
                   "data/respondenten.csv", "data/datapackage.json", "src/digitale_inclusie/__init__.py",
                   "notebooks/01_waarom.ipynb", "_config.yml"):
        assert f"digitale-inclusie/{needed}" in names, needed
    assert not [n for n in names if "/_build/" in n or "/.venv/" in n or "/.git/" in n]


def test_the_archive_of_an_unpacked_project_is_reproducible_too(tmp_path):
    from digitale_inclusie.archive import _tree_archive

    tree = tmp_path / "project"
    (tree / "src").mkdir(parents=True)
    (tree / "README.md").write_text("x", encoding="utf-8")
    (tree / "src" / "a.py").write_text("y", encoding="utf-8")
    (tree / "_build").mkdir()
    (tree / "_build" / "z").write_text("z", encoding="utf-8")
    archive = _tree_archive(tree)
    assert archive == _tree_archive(tree)
    with zipfile.ZipFile(__import__("io").BytesIO(archive)) as z:
        assert z.namelist() == ["digitale-inclusie/README.md", "digitale-inclusie/src/a.py"]


@pytest.mark.parametrize("value, shown", [("", False), ("https://example.org/kennisbank", True)])
def test_an_address_is_shown_only_when_set(value, shown, tmp_path):
    from test_catalog import _sphinx

    src = tmp_path / "boek"
    src.mkdir()
    (src / "conf.py").write_text(f"extensions = ['digitale_inclusie.sphinx']\ndi_repository_url = {value!r}\n"
                                 "html_theme = 'basic'\nlanguage = 'nl'\n", encoding="utf-8")
    (src / "index.md").write_text("# Proef\n\n```{project-address} issues\n```\n\nEinde.\n", encoding="utf-8")
    built, messages = _sphinx(src, tmp_path / "build")
    assert built, messages[-2000:]
    page = (tmp_path / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert ('href="https://example.org/kennisbank/issues"' in page) is shown
    assert ("Meld het daar als issue" in page) is shown


def test_an_unsafe_address_stops_the_build(tmp_path):
    from test_catalog import _sphinx

    src = tmp_path / "boek"
    src.mkdir()
    (src / "conf.py").write_text("extensions = ['digitale_inclusie.sphinx']\n"
                                 "di_repository_url = 'javascript:alert(1)'\nhtml_theme = 'basic'\n", encoding="utf-8")
    (src / "index.md").write_text("# Proef\n", encoding="utf-8")
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError, match="not a plain https:// address"):
        _sphinx(src, tmp_path / "build")
