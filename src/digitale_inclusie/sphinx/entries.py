"""Part of the book's Sphinx extension: directives that build the toolbox and catalogue pages
from their YAML files.

Every entry becomes a real section of its page: a heading listed under "Op deze pagina", with
its stable anchor (``materiaal-…``, ``praktijk-…``, ``beleidsactie-…``, ``vraag-…``,
``verwachting-…``) as a Sphinx label, so that chapters link to it with ``{ref}``. Every
overview becomes a real table (a caption, the name of each row as row header, a link to its
entry); ``overviews.js`` (``assets/``, loaded by these pages alone) makes it searchable and sortable with DataTables and jQuery
(``vendor/``, from the npm registry), joined here into one script in the site's ``_static`` and
loaded only by the pages that hold an overview.

The directives build docutils nodes directly (sections, titles, paragraphs, field lists,
references). Text from the YAML files only ever becomes a text node, so it cannot turn into a
MyST directive or role or into raw HTML, and the HTML writer escapes it. A web address becomes
a link only after :func:`~digitale_inclusie.data.catalog.address_problems` found nothing wrong with
it (https, parsed with :mod:`urllib.parse`, no quote or angle bracket); the loaders refuse a
file with such an address.

Directives, for MyST pages::

    ```{toolbox-overview} Overzicht      a section with the directive's content, then the table
    ```{toolbox-entries}                  a section per provider, a subsection per material
    ```{catalogue-overview} Overzicht van de praktijkacties
    ```{catalogue-entries} praktijken     also: beleidsacties, vragen, verwachtingen

The shares shown are computed from the respondent file in use
(:func:`~digitale_inclusie.paths.respondents_source`) by the chapters' own analysis cells. The
data files are registered as dependencies of the page, and a page is read again when
``DIGITALE_INCLUSIE_DATA`` names another file, so a rebuild never shows stale numbers.
"""

from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ..analysis.blocks import plain
from ..analysis.cells import results_of
from ..data import catalog
from ..data.respondents import load_respondents
from ..errors import AnalysisError, InputFileError
from ..paths import DATAPACKAGE, PUBLISHED, REPO, respondents_source
from ..present.text import number_text

CHAPTER3_PAGE, CHAPTER4_PAGE = "notebooks/03_acties.ipynb", "notebooks/04_materiaal.ipynb"  # whose cells compute the shares
OVERVIEW_CLASS = "overzicht-tabel"  # the tables overviews.js enhances
NUMBER_CLASS = "overzicht-getal"  # a column of shares: sorted as numbers
# DataTables and the jQuery it needs (vendor/README.md), joined into one script for the whole site
DATATABLES_VERSION, JQUERY_VERSION = "2.3.8", "3.7.1"
VENDOR = Path(__file__).with_name("vendor")
BUNDLE = f"datatables/datatables-{DATATABLES_VERSION}.js"


# ---------------------------------------------------------------- the shares shown

def material_shares(respondents=None):
    """The share of respondents who used each material (codebook column -> printed text such as
    '62%'), computed by chapter 4's own analysis cells from the respondent file in use."""
    respondents = load_respondents() if respondents is None else respondents
    used = results_of(respondents, CHAPTER4_PAGE)["materiaal"]
    return {variable: number_text(plain(value), "procent") for variable, value in used.items()}


def policy_shares(respondents=None):
    """The share of respondents who say their government (rather) does each policy action
    (codebook column -> printed text), computed by chapter 3's own analysis cells."""
    respondents = load_respondents() if respondents is None else respondents
    tables = results_of(respondents, CHAPTER3_PAGE).values()
    wel = pd.concat([table["eerder_wel"] for table in tables])
    return {variable: number_text(plain(value), "procent") for variable, value in wel.items()}


# ---------------------------------------------------------------- nodes

def _para(*parts, classes=()):
    """A paragraph of text (str) and nodes."""
    paragraph = nodes.paragraph(classes=list(classes))
    for part in parts:
        paragraph += nodes.Text(part) if isinstance(part, str) else part
    return paragraph


def _joined(parts, empty):
    """Nodes separated by ', ', or the text ``empty`` when there are none."""
    out = []
    for n, part in enumerate(parts):
        out += ([", "] if n else []) + [part]
    return out or [empty]


def _fields(*pairs):
    """A field list (a description list on the page): (name, [text or nodes]) pairs."""
    field_list = nodes.field_list(classes=["overzicht-kenmerken"])
    for name, parts in pairs:
        body = nodes.field_body()
        body += _para(*parts)
        field_list += nodes.field("", nodes.field_name(name, name), body)
    return field_list


def _section(document, title, ident=None, label=False):
    """A section with ``title``. With ``label``, ``ident`` is an explicit target: a Sphinx
    label that other pages reference with ``{ref}``; without, its HTML id (or one made from the
    title)."""
    section = nodes.section()
    section += nodes.title(title, title)
    if label:
        section["ids"], section["names"] = [ident], [ident]
        document.note_explicit_target(section, section)
    elif ident:
        section["ids"] = [ident]
        document.set_id(section, section)
    else:
        section["names"] = [nodes.fully_normalize_name(title)]
        document.note_implicit_target(section, section)
    return section


def _table(document, ident, caption, columns, rows, numeric=()):
    """An overview table with a stable id: caption, header row, the first column as row
    headers; ``rows`` are lists of cells, each a list of text and nodes."""
    table = nodes.table(classes=[OVERVIEW_CLASS, "colwidths-auto"], ids=[ident])
    document.set_id(table, table)
    table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(columns))
    table += group
    for n in range(len(columns)):
        group += nodes.colspec(colwidth=1, stub=int(n == 0))

    def row(cells):
        tr = nodes.row()
        for n, cell in enumerate(cells):
            tr += nodes.entry("", _para(*cell), classes=[NUMBER_CLASS] if n in numeric else [])
        return tr

    group += nodes.thead("", row([[c] for c in columns]))
    group += nodes.tbody("", *[row(cells) for cells in rows])
    return table


def _internal(text, anchor_id):
    """A link to an anchor on the same page."""
    return nodes.reference(text, text, internal=True, refid=anchor_id)


def _external(url):
    """A link to a web address that passed :func:`catalog.address_problems`; the address is its text."""
    if catalog.address_problems(url):  # the loaders refuse such a file; never make it a link
        return nodes.Text(url)
    return nodes.reference(url, url, refuri=url)


# ---------------------------------------------------------------- data, once per build

_CACHE = {}


def _stamp(paths):
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)


class _DataDirective(SphinxDirective):
    """Loads the files an entry page needs, notes them as dependencies of the page."""

    def _depend(self, paths):
        for path in paths:
            self.env.note_dependency(str(path))
        self.env.entries_sources = getattr(self.env, "entries_sources", {})
        self.env.entries_sources[self.env.docname] = str(respondents_source())

    def _load(self, what, paths, load):
        self._depend(paths)
        key = (what, _stamp(paths))
        if key not in _CACHE:
            _CACHE[key] = load()
        return _CACHE[key]

    def materials(self):
        path = Path(self.config.entries_materials)
        return self._load("materials", [path, catalog.MATERIALS_SCHEMA, DATAPACKAGE, PUBLISHED],
                          lambda: catalog.load_materials(path))

    def catalogue(self):
        path = Path(self.config.entries_catalogue)
        materials = self.materials()
        return self._load("catalogue", [path, catalog.CATALOGUE_SCHEMA, Path(self.config.entries_materials),
                                        DATAPACKAGE, PUBLISHED],
                          lambda: catalog.load_catalogue(path, materials=materials))

    def shares(self, kind):
        """'materials' (chapter 4's cells) or 'policy' (chapter 3's): column -> printed share."""
        page = CHAPTER4_PAGE if kind == "materials" else CHAPTER3_PAGE
        compute = material_shares if kind == "materials" else policy_shares
        return self._load(kind, [respondents_source(), REPO / page, DATAPACKAGE], compute)

    def xref(self, label, text=None):
        """A reference to a Sphinx label; without ``text``, the link text is the title of the
        section it points to (resolved by Sphinx, which warns about a label that does not exist)."""
        ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label,
                                    refexplicit=text is not None, refwarn=True, refdoc=self.env.docname)
        ref += nodes.inline(text or "", text or "", classes=["std", "std-ref"])
        return ref

    def run(self):
        try:
            return self.build()
        except (InputFileError, AnalysisError) as exc:
            raise self.error(str(exc)) from None


# ---------------------------------------------------------------- toolbox

class ToolboxOverview(_DataDirective):
    """A section titled by the argument: the directive's content, then the table of materials."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def build(self):
        entries, shares = self.materials(), self.shares("materials")
        section = _section(self.state.document, self.arguments[0])
        self.state.nested_parse(self.content, self.content_offset, section)
        rows = [[[_internal(e["naam"], catalog.anchor(e))], [e["aanbieder"]], [e["soort"]],
                 [", ".join(e["voor_wie"])], [shares[e["variabele"]] if e["variabele"] else "geen cijfer"]]
                for e in entries]
        columns = ["Materiaal", "Aanbieder", "Soort", "Voor wie", "Gebruikt door"]
        section += _table(self.state.document, "tabel-materiaal", "Ondersteunend materiaal", columns, rows, numeric={4})
        return [section]


class ToolboxEntries(_DataDirective):
    """A section per provider, in it a section per material."""

    def build(self):
        entries, shares = self.materials(), self.shares("materials")
        document, out = self.state.document, []
        for provider in catalog.PROVIDER_ORDER:
            group = [e for e in entries if e["aanbieder"] == provider]
            if not group:
                continue
            title = "Andere aanbieders" if provider == "andere" else provider
            section = _section(document, title, "aanbieder-" + nodes.make_id(provider))
            for entry in group:
                section += self.material(entry, shares)
            out.append(section)
        return out

    def material(self, entry, shares):
        section = _section(self.state.document, entry["naam"], catalog.anchor(entry), label=True)
        section += _para(entry["wat"])
        if entry["variabele"]:
            use = f"{shares[entry['variabele']]} van de respondenten gebruikte het al"
        else:
            use = f"geen cijfer. {entry['zonder_cijfer']}"
        if entry["adres"] is None:
            address = [catalog.address_status_text(entry["adres_status"])]
        else:
            address = [_external(entry["adres"]), f" ({catalog.address_status_text(entry['adres_status'])})"]
        section += _fields(("Soort", [entry["soort"]]), ("Voor wie", [", ".join(entry["voor_wie"])]),
                           ("Gebruik", [use]), ("Adres", address),
                           ("In het rapport", ["hoofdstuk 4, ", self.xref(catalog.CHAPTER_LABEL)]))
        return section


# ---------------------------------------------------------------- catalogue

class CatalogueOverview(_DataDirective):
    """A section titled by the argument: the directive's content, then the table of practices."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def build(self):
        data = self.catalogue()
        section = _section(self.state.document, self.arguments[0])
        self.state.nested_parse(self.content, self.content_offset, section)
        rows = [[[_internal(p["naam"], f"praktijk-{p['id']}")], [p["soort"]], [p["fase"]],
                 [", ".join(p["doelgroepen"])], [p["groep"]]] for p in data["praktijken"]]
        columns = ["Actie", "Soort", "Beleidsfase", "Doelgroepen", "Groep"]
        section += _table(self.state.document, "tabel-praktijkacties", "Praktijkacties", columns, rows)
        return [section]


class CatalogueEntries(_DataDirective):
    """The entries of one part of the catalogue, as sections under the current heading."""

    required_arguments = 1
    PARTS = ("praktijken", "beleidsacties", "vragen", "verwachtingen")

    def build(self):
        part = self.arguments[0]
        if part not in self.PARTS:
            raise self.error(f"catalogue-entries: unknown part {part!r}; expected one of {', '.join(self.PARTS)}")
        return getattr(self, part)(self.catalogue())

    def praktijken(self, data):
        document, out = self.state.document, []
        challenges = {c["id"]: c for c in data["uitdagingen"]}
        materials = {m["id"]: m for m in self.materials()}
        requests = {v["id"]: v for v in data["vragen"]}
        expectations = {v["id"]: v for v in data["verwachtingen"]}
        for group, title in catalog.GROUP_TITLES.items():
            section = _section(document, title, f"praktijken-{group}")
            for p in (p for p in data["praktijken"] if p["groep"] == group):
                entry = _section(document, p["naam"], f"praktijk-{p['id']}", label=True)
                entry += _para(p["beschrijving"])
                entry += _fields(
                    ("Soort", [p["soort"]]), ("Doelgroepen", [", ".join(p["doelgroepen"])]),
                    ("Beleidsfase", [p["fase"]]),
                    ("Uitdagingen", _joined([self.xref(challenges[c]["hoofdstuk"], challenges[c]["naam"])
                                             for c in p["uitdagingen"]], "geen genoemd")),
                    ("Materiaal uit de toolbox", _joined([self.xref(catalog.anchor(materials[m]), materials[m]["naam"])
                                                          for m in p["materialen"]], "geen")),
                    ("Vragen aan ondersteunende organisaties",
                     _joined([self.xref(f"vraag-{i}", requests[i]["naam"]) for i in p["vragen"]], "geen")),
                    ("Verwachtingen van hogere overheden",
                     _joined([self.xref(f"verwachting-{i}", expectations[i]["naam"])
                              for i in p["verwachtingen"]], "geen")),
                    ("In het rapport", ["hoofdstuk 3, ", self.xref(catalog.CHAPTER3_PRACTICE)]))
                section += entry
            out.append(section)
        return out

    def beleidsacties(self, data):
        document, shares, out = self.state.document, self.shares("policy"), []
        for phase in catalog.PHASES:
            section = _section(document, phase[0].upper() + phase[1:], "fase-" + nodes.make_id(phase))
            for b in (b for b in data["beleidsacties"] if b["fase"] == phase):
                entry = _section(document, b["naam"], f"beleidsactie-{b['id']}", label=True)
                entry += _para(f"{shares[b['variabele']]} van de respondenten zegt dat hun bestuur dit (eerder) doet.")
                entry += _fields(("In het rapport", ["hoofdstuk 3, ", self.xref(catalog.CHAPTER3_POLICY)]))
                section += entry
            out.append(section)
        return out

    def _related(self, entry, named, title, kind, chapter, label):
        section = _section(self.state.document, title, f"{kind}-{entry['id']}", label=True)
        section += _para(entry["tekst"])
        practices = [self.xref(f"praktijk-{p['id']}", p["naam"]) for p in named.get(entry["id"], [])]
        section += _fields(("Acties in deze catalogus", _joined(practices, "geen")),
                           ("In het rapport", [f"hoofdstuk {chapter}, ", self.xref(label)]))
        return section

    def vragen(self, data):
        named = catalog.practices_naming(data, "vragen")
        return [self._related(v, named, f"Vraag {n}: {v['naam']}", "vraag", 4, catalog.CHAPTER4_REQUESTS)
                for n, v in enumerate(data["vragen"], start=1)]

    def verwachtingen(self, data):
        named = catalog.practices_naming(data, "verwachtingen")
        return [self._related(v, named, v["naam"], "verwachting", 6, catalog.CHAPTER6_EXPECTATIONS)
                for v in data["verwachtingen"]]


# ---------------------------------------------------------------- the shared DataTables bundle

def bundle_source():
    """jQuery and DataTables as one classic script. DataTables sets ``window.DataTable`` (what
    overviews.js uses); jQuery's own globals (``$``, ``jQuery``) are taken back at the end, so the
    script adds nothing else to the page."""
    jquery = (VENDOR / f"jquery-{JQUERY_VERSION}.min.js").read_text(encoding="utf-8")
    datatables = (VENDOR / f"dataTables-{DATATABLES_VERSION}.min.js").read_text(encoding="utf-8")
    return (f"/* DataTables {DATATABLES_VERSION} with jQuery {JQUERY_VERSION}, both MIT (see their headers),\n"
            f"   from the npm registry, joined by digitale_inclusie.sphinx.entries (vendor/README.md). */\n"
            f"(function () {{\n{jquery}\n;\n{datatables}\n;\nwindow.jQuery.noConflict(true);\n}}());\n")


def _write_bundle(app):
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(bundle_source(), encoding="utf-8")


def _is_overview(node):
    return isinstance(node, nodes.table) and OVERVIEW_CLASS in node["classes"]


def _page_assets(app, pagename, templatename, context, doctree):
    """The bundle, on the pages that hold an overview (before overviews.js, which runs it)."""
    if doctree is not None and next(doctree.findall(_is_overview), None) is not None:
        app.builder.add_js_file(BUNDLE, defer="defer", priority=500)


# ---------------------------------------------------------------- stale pages

def _outdated(app, env, added, changed, removed):
    """Pages read from another respondent file than the one now in use."""
    current = str(respondents_source())
    return [doc for doc, source in getattr(env, "entries_sources", {}).items()
            if source != current and doc not in removed]


def _purge(app, env, docname):
    getattr(env, "entries_sources", {}).pop(docname, None)


def _merge(app, env, docnames, other):
    env.entries_sources = getattr(env, "entries_sources", {})
    env.entries_sources.update({d: s for d, s in getattr(other, "entries_sources", {}).items() if d in docnames})


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.add_config_value("entries_materials", str(catalog.MATERIALS), "env")
    app.add_config_value("entries_catalogue", str(catalog.CATALOGUE), "env")
    app.add_directive("toolbox-overview", ToolboxOverview)
    app.add_directive("toolbox-entries", ToolboxEntries)
    app.add_directive("catalogue-overview", CatalogueOverview)
    app.add_directive("catalogue-entries", CatalogueEntries)
    app.connect("builder-inited", _write_bundle)
    app.connect("html-page-context", _page_assets)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
