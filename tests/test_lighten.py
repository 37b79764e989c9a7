"""digitale_inclusie.sphinx.lighten: the themes' style sheets cut to what the site uses, the icon
font cut to the glyphs it shows, and per page only the extension scripts the page needs."""

import io
import re

import pytest

from digitale_inclusie.sphinx import lighten


def test_html_tokens_are_class_names_ids_and_inline_script_words():
    html = ('<div class="a  b-c" id="x1"><p class=\'d\'>.e is text, not a class</p>'
            '<script>el.classList.add("shown")</script></div>')
    tokens = lighten.html_tokens(html)
    assert {"a", "b-c", "x1", "d", "shown"} <= tokens
    assert "e" not in tokens and "text" not in tokens


@pytest.mark.parametrize("selector, names", [
    (".a .b>#c", {"a", "b", "c"}),
    ("div.a:hover::before", {"a"}),
    (".a:not(.b)", {"a"}),                      # what :not() names need not be there
    (":is(.a, .b) .c", {"c"}),                   # one of :is()'s would do: neither is required
    ('[class*="fa-"] .x', {"x"}),                # an attribute selector names no class
    (r".md\:flex", {"md:flex"}),                 # escapes undone
    ("html[data-theme=dark]", set()),
])
def test_selector_names(selector, names):
    assert lighten.selector_names(selector) == names


def test_purge_keeps_only_rules_whose_classes_occur():
    css = (".used{color:red}.unused{color:blue}.used,.unused{margin:0}"
           "@media (min-width:10px){.unused{x:1}.used .inner{y:2}}"
           "@media print{.unused{z:3}}"
           "@font-face{font-family:F;src:url(f.woff2)}"
           "@keyframes spin{to{transform:rotate(1turn)}}"
           "html{--v:1}p:not(.unused){w:4}.bs-tooltip-auto{t:5}")
    out = lighten.purge_css(css, {"used", "inner"})
    assert ".unused{" not in out and "color:blue" not in out
    assert ".used{color:red}" in out
    assert ".used{margin:0}" in out                          # the unused selector left out
    assert "@media (min-width:10px){.used .inner{y:2}}" in out
    assert "@media print" not in out                         # nothing left inside
    assert "@font-face{font-family:F;src:url(f.woff2)}" in out and "@keyframes spin" in out
    assert "html{--v:1}" in out and "p:not(.unused){w:4}" in out
    assert ".bs-tooltip-auto{t:5}" in out                    # built from parts by Bootstrap


def test_purge_is_idempotent_and_deterministic():
    css = ".a{x:1}.b{y:2}@media (x){.a{z:3}}"
    once = lighten.purge_css(css, {"a"})
    assert lighten.purge_css(once, {"a"}) == once == lighten.purge_css(css, {"a"})


def test_unreadable_style_sheet_is_an_error():
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError, match="line 1"):
        lighten.purge_css(".a{x:1}}", set())


def test_icon_characters_come_from_strings_in_kept_rules():
    css = '.fa-sun:before{content:"\\f185"}:root{--icon:"\\f05a"}p:after{content:"x"}'
    assert lighten.icon_characters(css) == {"\uf185", "\uf05a"}


def test_subset_font_keeps_exactly_the_glyphs_asked_for_and_is_reproducible(tmp_path):
    from fontTools.ttLib import TTFont

    source = lighten._theme_fonts() / "fa-solid-900.woff2"
    wanted = {"\uf185", "\uf186", "\uf002"}  # sun, moon, magnifying glass
    first, second = tmp_path / "a.woff2", tmp_path / "b.woff2"
    lighten.subset_font(source, first, wanted)
    lighten.subset_font(source, second, wanted)
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size < source.stat().st_size / 20
    font = TTFont(io.BytesIO(first.read_bytes()))
    assert set(map(chr, font.getBestCmap())) == wanted


@pytest.mark.parametrize("name, tokens, wanted", [
    ("copybutton.js", {"highlight"}, True),
    ("copybutton.js", {"section"}, False),
    ("clipboard.min.js", set(), False),
    ("togglebutton.js", {"dropdown", "admonition"}, True),
    ("design-tabs.js", {"sd-tab-set"}, True),
    ("sphinx-thebe.js", {"highlight", "toggle"}, False),
    ("nav.js", set(), True),                  # not an extension's: always
])
def test_needed(name, tokens, wanted):
    assert lighten.needed(name, tokens) is wanted


def test_site_icons_all_have_their_glyph(site):
    """Every Font Awesome icon named on a page is drawn: its rule survives in the theme's style
    sheet and its glyph is in the subset font."""
    from fontTools.ttLib import TTFont
    from site_tools import pages

    css = (site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    font = TTFont(str(site / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"))
    glyphs = set(map(chr, font.getBestCmap()))
    icons = set()
    for page in pages(site):
        icons |= set(re.findall(r"\bfa-(?!solid\b|lg\b|regular\b|brands\b)[a-z0-9-]+", page.read_text(encoding="utf-8")))
    assert {"fa-magnifying-glass", "fa-sun", "fa-moon", "fa-bars", "fa-list"} <= icons
    for icon in icons:
        # the rule's content: the icon's character, written as it is or as a CSS escape
        rule = re.search(rf"\.{icon}:before[^{{]*\{{content:\"(\\\\[0-9a-f]+|[^\"])\"", css)
        assert rule, f"{icon}: no rule in the style sheet"
        character = rule.group(1) if len(rule.group(1)) == 1 else chr(int(rule.group(1)[1:], 16))
        assert character in glyphs, f"{icon}: no glyph in the font"
    # the admonitions' icons (custom properties of the theme) too, in one of the three fonts
    for name in ("fa-regular-400.woff2", "fa-brands-400.woff2"):
        glyphs |= set(map(chr, TTFont(str(site / "_static" / "vendor" / "fontawesome" / "webfonts" / name)).getBestCmap()))
    assert lighten.icon_characters(css) <= glyphs
