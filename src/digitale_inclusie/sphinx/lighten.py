"""Part of the book's Sphinx extension: pages that load only what they use.

Jupyter Book's themes ship style sheets written for every site they might build: all of
Bootstrap, all 2 000 Font Awesome icons, every sphinx-design component. A page of the book
downloaded 2.5 MB, most of it never used. Once the HTML build has finished, this part

* keeps, of every third-party style sheet in the site's ``_static``, only the rules whose
  classes and ids occur in the site (:func:`purge_css`): a class or id occurs when a page's
  ``class``/``id`` attribute or inline script names it, or when a script of the site holds it as
  a word (the way PurgeCSS decides; scripts add classes such as ``show`` or
  ``pst-sidebar-hidden`` at run time). Rules that name no class or id, ``@font-face``,
  ``@keyframes`` and custom properties stay. The book's own style sheets stay whole;
* subsets the Font Awesome web fonts to the glyphs the remaining style sheets can show
  (:func:`icon_characters`), with fontTools: the theme's icons (search, colour mode, sidebars,
  admonitions) are drawn by these fonts and the theme's style sheet, not by its 1.5 MB
  ``fontawesome.js``, which the book no longer loads (``_templates/static/webpack-macros.html``,
  which leaves out ``bootstrap.js`` too);
* removes those two scripts, and the source maps of the files it changed.

While pages are written, it also leaves out of each page the scripts and style sheets that
extensions add to every page but that the page has nothing for (:data:`NEEDED_FOR`): the copy
button where a page shows no code, the toggle script where nothing folds, sphinx-design's tabs
where there are none, and sphinx-thebe, which the book never starts (``thebe: false``).

The result depends only on the built pages and the installed themes: the same build gives the
same bytes (fonts are saved without a new time stamp).
"""

import re
from pathlib import Path

import tinycss2
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

# the book's page-only scripts and style sheets (pagescripts); with html_static_path's files, the
# book's own: never purged (they are small, and name classes that they build from parts)
ASSETS = Path(__file__).with_name("assets")
FONT_DIR = Path("vendor") / "fontawesome" / "webfonts"
UNLOADED = [f"{script}.js{suffix}" for script in ("fontawesome", "bootstrap")
            for suffix in ("", ".map", ".LICENSE.txt")]
# classes that scripts compose from parts (Bootstrap's "bs-tooltip-" + placement)
SAFE = re.compile(r"^bs-")

_CLASS_OR_ID = re.compile(r"([.#])((?:[\w-]|\\.)+)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_ATTR_VALUES = re.compile(r"""\b(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


# ---------------------------------------------------------------- what the site uses

def html_tokens(html):
    """Class names and ids in ``class``/``id`` attributes, and the words of inline scripts."""
    tokens = set()
    for match in _ATTR_VALUES.finditer(html):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        tokens.update(value.split())
    for script in _SCRIPT.findall(html):
        tokens.update(_WORD.findall(script))
    return tokens


def script_tokens(script):
    """Every word of a script that could be a class name or an id."""
    return set(_WORD.findall(script))


# ---------------------------------------------------------------- style sheets

def _strip_arguments(selector):
    """The selector without attribute selectors and without the arguments of functional
    pseudo-classes (``:not(.a)`` needs no ``.a``; ``:is(.a, .b)`` needs only one of them: both
    are left out, which keeps a rule rather than drop one in use)."""
    selector = _ATTRIBUTE.sub("", selector)
    out, i = [], 0
    while i < len(selector):
        char = selector[i]
        if char == "\\" and i + 1 < len(selector):
            out.append(selector[i:i + 2])
            i += 2
            continue
        if char == "(":
            depth, j = 1, i + 1
            while j < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
            out.append("()")
            i = j
            continue
        out.append(char)
        i += 1
    return "".join(out)


def selector_names(selector):
    """The class names and ids a selector needs on the page (escapes undone)."""
    names = set()
    for _, name in _CLASS_OR_ID.findall(_strip_arguments(selector)):
        names.add(re.sub(r"\\(.)", r"\1", name))
    return names


def _split_selectors(prelude):
    """Split a rule's selector list at its top-level commas."""
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _used(selector, tokens):
    return all(name in tokens or SAFE.match(name) for name in selector_names(selector))


def _purge_rules(rules, tokens):
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if _used(s, tokens)]
            if selectors:
                out.append(",".join(selectors) + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule":
            keyword = rule.lower_at_keyword
            prelude = tinycss2.serialize(rule.prelude)
            if rule.content is None:
                out.append(f"@{rule.at_keyword}{prelude};")
            elif keyword in ("media", "supports", "layer", "container", "document"):
                inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                              skip_whitespace=True), tokens)
                if inner:
                    out.append(f"@{rule.at_keyword}{prelude}{{{''.join(inner)}}}")
            else:  # @font-face, @keyframes, @page, @property ...: kept as they are
                out.append(f"@{rule.at_keyword}{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif rule.type == "error":
            raise ExtensionError(f"lighten: cannot read a style sheet: {rule.message} "
                                 f"(line {rule.source_line}, column {rule.source_column})")
    return out


def purge_css(css, tokens):
    """The style sheet ``css`` with only the rules whose every class and id (in at least one of
    their selectors) is in ``tokens``; selectors that name none are kept."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(_purge_rules(rules, tokens)) + "\n"


def icon_characters(css):
    """The characters of the private use area (where Font Awesome keeps its icons) in the strings
    of a style sheet: every icon a ``content`` or a custom property can show."""
    found = set()

    def walk(tokens):
        for token in tokens:
            if token.type == "string":
                found.update(c for c in token.value if 0xE000 <= ord(c) <= 0xF8FF)
            for attribute in ("content", "prelude", "value", "arguments"):
                inner = getattr(token, attribute, None)
                if isinstance(inner, list):
                    walk(inner)

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


# ---------------------------------------------------------------- fonts

def subset_font(source, target, characters):
    """Save the font ``source`` as ``target`` with only the glyphs of ``characters`` (fontTools;
    WOFF2 when ``target`` ends in .woff2), without a new time stamp."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2" if str(target).endswith(".woff2") else None
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)
    font.flavor = options.flavor
    font.save(target, reorderTables=True)


# ---------------------------------------------------------------- per page

# file name -> the class names of which a page must hold one to need the file (empty: no page)
NEEDED_FOR = {
    "clipboard.min.js": {"highlight"},
    "copybutton.js": {"highlight"},
    "copybutton.css": {"highlight"},
    "togglebutton.js": {"toggle", "dropdown"},
    "togglebutton.css": {"toggle", "dropdown"},
    "design-tabs.js": {"sd-tab-set"},
    "sphinx-thebe.js": set(),
    "sphinx-thebe.css": set(),
}


def _name(asset):
    filename = getattr(asset, "filename", None) or ""
    return filename.split("?")[0].rsplit("/", 1)[-1]


def needed(name, tokens):
    """Whether a page whose class names are ``tokens`` needs the script or style sheet ``name``."""
    return name not in NEEDED_FOR or bool(NEEDED_FOR[name] & tokens)


def _page_files(app, pagename, templatename, context, doctree):
    if "body" not in context:  # the search page: its own template, all it loads is needed
        return
    tokens = html_tokens(context["body"])
    for key in ("script_files", "css_files"):
        files = context.get(key)
        if files is not None:  # in place: the builder restores the list after the page
            files[:] = [asset for asset in files if needed(_name(asset), tokens)]


# ---------------------------------------------------------------- the build

def _own_names(app):
    # html_static_path also holds the folders that extensions add, as absolute paths
    # (sphinx-design's): only the book's own, relative to the project folder, count
    folders = [Path(app.confdir) / folder for folder in app.config.html_static_path
               if not Path(folder).is_absolute()] + [ASSETS]
    return {p.name for folder in folders if folder.is_dir() for p in folder.iterdir()}


def _theme_fonts():
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / FONT_DIR


def lighten(outdir, own=frozenset()):
    """Purge the third-party style sheets of the built site ``outdir`` (all but those named in
    ``own``) and subset its icon fonts. Returns {file: (bytes before, bytes after)}."""
    outdir = Path(outdir)
    static = outdir / "_static"
    # the theme's scripts that no page loads any more (_templates/static/webpack-macros.html):
    # gone before the scripts are read, so that what only they name is not kept
    for name in UNLOADED:
        (static / "scripts" / name).unlink(missing_ok=True)
    tokens = set()
    for page in sorted(outdir.rglob("*.html")):
        if static not in page.parents:
            tokens |= html_tokens(page.read_text(encoding="utf-8"))
    for script in sorted(static.rglob("*.js")):
        tokens |= script_tokens(script.read_text(encoding="utf-8", errors="replace"))
    changed = {}
    characters = set()
    for sheet in sorted(static.rglob("*.css")):
        css = sheet.read_text(encoding="utf-8")
        if sheet.name not in own:
            lighter = purge_css(_SOURCE_MAP.sub("", css), tokens)
            if lighter != css:
                sheet.write_text(lighter, encoding="utf-8")
                changed[str(sheet.relative_to(outdir))] = (len(css.encode()), len(lighter.encode()))
                sheet.with_name(sheet.name + ".map").unlink(missing_ok=True)
            css = lighter
        characters |= icon_characters(css)
    fonts = static / FONT_DIR
    if fonts.is_dir():
        for font in sorted(fonts.iterdir()):
            source = _theme_fonts() / font.name
            if font.suffix in (".woff2", ".ttf") and source.is_file():
                before = source.stat().st_size
                subset_font(source, font, characters)
                changed[str(font.relative_to(outdir))] = (before, font.stat().st_size)
    return changed


def _finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    changed = lighten(app.outdir, _own_names(app))
    before = sum(b for b, _ in changed.values())
    after = sum(a for _, a in changed.values())
    logger.info(f"lighten: {len(changed)} style sheets and fonts, {before // 1024} KB -> {after // 1024} KB")


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.connect("html-page-context", _page_files, priority=900)
    app.connect("build-finished", _finished)
