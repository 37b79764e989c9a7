"""Titles from the YAML files on the search page: text, never markup (Sphinx 7.4 inserts indexed
titles with innerHTML; digitale_inclusie.sphinx.search escapes them). Built in-process with
hostile titles, then searched for in Chromium."""

import json

import yaml

from digitale_inclusie.data.catalog import CATALOGUE, MATERIALS
import pytest

from digitale_inclusie.sphinx.search import ORIGINAL, PATCHED, patch
from site_tools import node
from test_catalog import HOSTILE, _small_book, _sphinx

TITLES = [HOSTILE["html"], "<details open ontoggle=alert('d')>open</details>", HOSTILE["attribute"]]


def test_the_patch_is_applied_once_and_refuses_an_unknown_file():
    from sphinx.errors import ExtensionError

    script = "const a = 1;\n" + ORIGINAL + "\n"
    once = patch(script)
    assert PATCHED in once and ORIGINAL not in once and patch(once) == once
    with pytest.raises(ExtensionError, match="searchtools.js"):
        patch("const a = 1;\n")


def test_hostile_titles_are_text_on_the_search_page(tmp_path):
    materials = yaml.safe_load(MATERIALS.read_text(encoding="utf-8"))
    for entry, title in zip(materials, TITLES):
        entry["naam"] = title
    catalogue = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    catalogue["praktijken"][0]["naam"] = TITLES[1]
    paths = tmp_path / "materialen.yaml", tmp_path / "catalogus.yaml"
    for path, content in zip(paths, (materials, catalogue)):
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    built, messages = _sphinx(_small_book(tmp_path, *paths), tmp_path / "build")
    assert built, messages[-3000:]
    site = tmp_path / "build" / "html"
    assert "<img src=x" in (site / "searchindex.js").read_text(encoding="utf-8")  # raw in the index: findable
    assert PATCHED in (site / "_static" / "searchtools.js").read_text(encoding="utf-8")
    done = node("search-hostile.js", site, *TITLES, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout)
    for title in TITLES:
        assert found[title]["dialogs"] == [] and found[title]["executable"] == [], (title, found[title])
        assert any(" ".join(title.split()) in " ".join(link.split()) for link in found[title]["links"]), found[title]
