"""Titles from the YAML files on the search page: text, never markup (Sphinx 7.4 inserts indexed
titles with innerHTML; digitale_inclusie.sphinx.search escapes them). Built in-process with
hostile titles, then searched for in Chromium."""

import json

import yaml

from digitale_inclusie.data.catalog import CATALOGUE, MATERIALS
import pytest

from digitale_inclusie.sphinx.search import PATCHED, PATCHES, fold, patch
from site_tools import node
from test_catalog import HOSTILE, _small_book, _sphinx

TITLES = [HOSTILE["html"], "<details open ontoggle=alert('d')>open</details>", HOSTILE["attribute"]]


def _sphinx_searchtools():
    from pathlib import Path

    import sphinx

    return (Path(sphinx.__file__).parent / "themes" / "basic" / "static" / "searchtools.js").read_text(encoding="utf-8")


def test_every_patch_is_applied_once_and_an_unknown_file_is_refused():
    from sphinx.errors import ExtensionError

    script = _sphinx_searchtools()
    once = patch(script)
    for name, (original, patched) in PATCHES.items():
        assert patched in once and original not in once, name
    assert patch(once) == once
    with pytest.raises(ExtensionError, match="searchtools.js"):
        patch("const a = 1;\n")
    # one piece missing (another Sphinx version): refused, naming the patch
    with pytest.raises(ExtensionError, match="numbers"):
        patch(script.replace(PATCHES["numbers"][0], ""))


def test_words_are_indexed_and_searched_without_accents():
    from digitale_inclusie.sphinx.search import SearchDutchFolded

    assert fold("enquête") == "enquete" and fold("reëel") == "reeel" and fold("café") == "cafe"
    language = SearchDutchFolded({})
    assert language.stem("enquête") == language.stem("enquete") == language.stem("Enquete")
    assert language.stem("besturen") == "bestur"  # still Sphinx's Dutch stemmer
    # the query side: the same snowball stemmer, wrapped to take the accents off first
    assert "new DutchStemmer()" in language.js_stemmer_code and 'normalize("NFD")' in language.js_stemmer_code


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
