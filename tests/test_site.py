"""The built site: every page there, in Dutch, offline, accessible, with the recomputed numbers.

Builds the book once with `make book` (the same command readers and CI use), then reads the
HTML. Expected numbers come from the report's printed numbers (data/published) and, for the
printed numbers that cannot be reproduced, from the register.
"""

import re

import pandas as pd
import pytest

from digitale_inclusie.paths import toc_files
from digitale_inclusie.paths import PUBLISHED, REGISTER, REPO

pytestmark = pytest.mark.site

CHAPTERS = ["01_waarom", "02_wie", "03_acties", "04_materiaal", "05_uitdagingen", "06_toekomst"]
GROUP = {"totaal": "Alle respondenten", "klein": "Klein", "middelgroot": "Middelgroot", "groot": "Groot",
         "met": "Met subsidie", "zonder": "Zonder subsidie"}


from site_tools import ids
from site_tools import pages as _pages
from site_tools import soup as _soup
from site_tools import text as _text


def test_every_page_of_the_toc_is_built(site):
    for name in toc_files(REPO):
        assert (site / f"{name}.html").exists(), name
    for chapter in CHAPTERS:
        assert (site / "notebooks" / f"{chapter}.html").exists()


def test_pages_are_dutch(site):
    for path in _pages(site):
        soup = _soup(path)
        assert soup.html.get("lang") == "nl", path
    chapter = (site / "notebooks" / "01_waarom.html").read_text(encoding="utf-8")
    for text in ("Naar de hoofdinhoud", "Op deze pagina", "Zoek in deze kennisbank", "Kleurmodus"):
        assert text in chapter, text
    for english in ("Skip to main content", "On this page", "Search the docs"):
        assert english not in chapter, english


def test_nothing_is_loaded_from_another_host(site):
    for path in _pages(site):
        soup = _soup(path)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                               ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and not set(element.get("rel") or []) & {"stylesheet", "preload", "icon", "modulepreload"}:
                    continue
                assert not re.match(r"^(https?:)?//", value), f"{path.name}: <{tag} {attribute}={value}>"
        text = path.read_text(encoding="utf-8")
        assert "mathjax" not in text.lower().replace("mathjax_ignore", "").replace("tex2jax_ignore", ""), path
        assert "require.min.js" not in text and "embed-amd.js" not in text, path


def test_every_figure_has_alt_text_and_no_widget_is_left(site):
    for path in _pages(site):
        soup = _soup(path)
        for image in soup.find_all("img"):
            if "logo" in " ".join(image.get("class") or []):
                continue
            assert (image.get("alt") or "").strip(), f"{path.name}: image without alt text"
        text = path.read_text(encoding="utf-8")
        assert "jupyter-widgets" not in text and "ToggleButtons" not in text, path


def test_every_chapter_has_the_same_outline(site):
    for chapter in CHAPTERS:
        soup = _soup(site / "notebooks" / f"{chapter}.html")
        headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.find_all("h2")]
        for expected in ("Overzicht", "Belangrijkste bevindingen", "Samenvatting"):
            assert expected in headings, (chapter, headings)


GROUP_N = re.compile(r" \(n = (\d+)(, kleine groep)?\)$")


def _tables(site):
    """Every data table of the site: caption -> {(row label, column label): cell text}; a
    group's label without its '(n = ...)'."""
    out = {}
    for path in (site / "notebooks").glob("*.html"):
        for table in _soup(path).select("table.di-table"):
            caption = table.caption.get_text(" ", strip=True)
            columns = [GROUP_N.sub("", th.get_text(" ", strip=True)) for th in table.thead.find_all("th")]
            cells = {}
            for tr in table.tbody.find_all("tr"):
                label = GROUP_N.sub("", tr.th.get_text(" ", strip=True))
                for column, td in zip(columns[1:], tr.find_all("td")):
                    cells[(label, column)] = td.get_text(" ", strip=True)
            out[caption] = cells
    return out


def _expected_cells(published, register):
    """(caption prefix, candidate cell keys, expected text) for every printed number of every
    numbered table."""
    registered = {tuple(r[["table", "group", "item", "category"]]): r for _, r in register.iterrows()}
    for _, row in published[published["table"].str.startswith("tabel_")].iterrows():
        number = row["table"].split("_")[1]
        unit = "%" if row["unit"] == "procent" else ""
        keys = [(GROUP[row["group"]], row["item"]), (GROUP[row["group"]], row["category"]),
                (row["item"], row["category"])]
        entry = registered.get((row["table"], row["group"], row["item"], row["category"]))
        if entry is None:
            expected = f"{row['value']}{unit}"
        else:
            expected = f"{entry['reconstructed']}{unit} * rapport: {row['value']}{unit}"
        yield f"Tabel {number}:", keys, expected


def test_numbered_tables_carry_the_recomputed_numbers(site):
    published = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    register = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    tables = _tables(site)
    checked = set()
    for prefix, keys, expected in _expected_cells(published, register):
        matches = [cells for caption, cells in tables.items() if caption.startswith(prefix)]
        assert len(matches) == 1, f"{prefix} appears {len(matches)} times"
        cells = matches[0]
        found = [cells[k] for k in keys if k in cells]
        assert found == [expected], (prefix, keys, found, expected)
        checked.add(prefix)
    assert checked == {f"Tabel {n}:" for n in range(1, 16)}  # the report numbers fifteen tables


def test_figure_tables_and_prose_carry_the_numbers(site):
    tables = _tables(site)
    figure1 = [cells for caption, cells in tables.items() if "(cijfers bij figuur 1)" in caption]
    assert figure1 and figure1[0][("Burgers", "Aandeel respondenten")] == "72%"
    figure6 = [cells for caption, cells in tables.items() if "(cijfers bij figuur 6)" in caption]
    assert figure6 and len(figure6[0]) == 6
    assert "72% van de respondenten ziet positieve resultaten voor burgers" in _text(site / "notebooks" / "01_waarom.html")
    assert "Gemiddeld gaat er 10 uur per week" in _text(site / "notebooks" / "02_wie.html")


def test_every_group_shows_its_n_and_small_groups_are_marked(site):
    published = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    n = dict(zip(published.loc[published["statistic"] == "n", "group"], published.loc[published["statistic"] == "n", "value"]))
    seen = set()
    for path in (site / "notebooks").glob("*.html"):
        for th in _soup(path).select("table.di-table tbody th[scope=row]"):
            if th.find_parent("div", class_="solution"):
                continue  # an exercise's answer gives n per group in a column of its own (test_chapter_course)
            label = th.get_text(" ", strip=True)
            group = next((g for g, name in GROUP.items() if label.startswith(name + " ") or label == name), None)
            if group is None or label.startswith("Alle respondenten") and "(n =" not in label:
                continue
            match = GROUP_N.search(label)
            assert match, (path.name, label)
            assert match.group(1) == n[group], (path.name, label)  # the printed group sizes
            assert bool(match.group(2)) == (int(n[group]) < 30), (path.name, label)
            seen.add(group)
    assert {"klein", "middelgroot", "groot", "met", "zonder"} <= seen


def test_tables_14_and_15_have_the_captions_of_their_content(site):
    tables = _tables(site)
    t14 = [c for c in tables if c.startswith("Tabel 14:")]
    t15 = [c for c in tables if c.startswith("Tabel 15:")]
    assert t14 and "volgende meerjarenplanning" in t14[0]
    assert t15 and "huidige meerjarenplanning" in t15[0]
    assert "Afgedrukte titel" in _text(site / "notebooks" / "06_toekomst.html")


def test_data_page_shows_the_register_by_kind(site):
    register = pd.read_csv(REGISTER, dtype=str, keep_default_na=False)
    soup = _soup(site / "book" / "over-de-data.html")
    lists = soup.select("figure.di-register")
    kinds = ["inconsistent", "afweging", "niet_berekenbaar"]
    assert len(lists) == len(kinds)  # conflicts, trade-offs, not computable: each its own list
    for figure, kind in zip(lists, kinds):
        part = register[register["kind"] == kind]
        assert len(figure.find_all("dt")) == len(part)
        texts = [dd.get_text(" ", strip=True) for dd in figure.find_all("dd")]
        for text, (_, row) in zip(texts, part.iterrows()):
            assert row["reason"] in text and row["alternative"] in text


def _entry(page, anchor_id):
    """A catalogue or toolbox entry: the page section with that anchor (heading, text, fields)."""
    target = page.find(id=anchor_id)
    assert target is not None, anchor_id
    assert target.name == "section", (anchor_id, target.name)
    return target


def _resolves(site, page, href):
    """Whether a relative link from ``page`` points at an existing page and anchor."""
    target, _, fragment = href.partition("#")
    path = (page.parent / target).resolve() if target else page
    if not path.exists():
        return False
    return not fragment or fragment in ids(path)


def _plain(element):
    """The text of a heading or link without its permalink, quotes as typed in the YAML files."""
    parts = [s for s in element.find_all(string=True) if not s.find_parent("a", class_="headerlink")]
    text = " ".join("".join(parts).split())
    return text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}))


def _entries():
    """Every entry of the toolbox and the catalogue, from the YAML files: (page, anchor, title)."""
    from digitale_inclusie.data.catalog import anchor, load_catalogue, load_materials

    data = load_catalogue()
    return ([("toolbox", anchor(e), e["naam"]) for e in load_materials()]
            + [("catalogus", f"praktijk-{e['id']}", e["naam"]) for e in data["praktijken"]]
            + [("catalogus", f"beleidsactie-{e['id']}", e["naam"]) for e in data["beleidsacties"]]
            + [("catalogus", f"vraag-{e['id']}", f"Vraag {n}: {e['naam']}") for n, e in enumerate(data["vragen"], 1)]
            + [("catalogus", f"verwachting-{e['id']}", e["naam"]) for e in data["verwachtingen"]])


def test_toolbox_entries_and_their_links_both_ways(site):
    from digitale_inclusie.data.catalog import anchor, load_materials

    entries = load_materials()
    published = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    printed = dict(zip(published.loc[published["table"] == "materiaal", "variable"],
                       published.loc[published["table"] == "materiaal", "value"]))
    toolbox = _soup(site / "book" / "toolbox.html")
    chapter = _soup(site / "notebooks" / "04_materiaal.html")
    chapter_ids = {e.get("id") for e in chapter.find_all(True) if e.get("id")}
    linked = {a["href"].split("#")[1] for a in chapter.find_all("a", href=True)
              if a["href"].startswith("../book/toolbox.html#")}
    for entry in entries:
        section = _entry(toolbox, anchor(entry))
        text = " ".join(section.get_text(" ").split())
        if entry["variabele"]:  # the share of users: the printed number (none is in the register)
            assert f"{printed[entry['variabele']]}% van de respondenten" in text, entry["id"]
        else:
            assert "geen cijfer" in text, entry["id"]
        back = [a["href"] for a in section.find_all("a", href=True) if "04_materiaal.html#" in a["href"]]
        assert back and all(h.split("#")[1] in chapter_ids for h in back), entry["id"]
        assert anchor(entry) in linked, f"chapter 4 does not link to {entry['id']}"


def test_toolbox_says_what_is_known_of_each_address(site):
    """No address was checked live (shared/report/links.md): the page says so and claims no
    confirmation; each address carries what is known about it, from its status in the YAML."""
    from digitale_inclusie.data.catalog import anchor, load_materials

    page = _soup(site / "book" / "toolbox.html")
    text = " ".join(page.get_text(" ").split())
    assert "bevestigd" not in text and "geverifieerd" not in text
    assert "geen enkel adres werd op de live website gecontroleerd" in text
    for entry in load_materials():
        section = _entry(page, anchor(entry))
        field = next(dd for dt, dd in zip(section.find_all("dt"), section.find_all("dd")) if "Adres" in dt.get_text())
        said = " ".join(field.get_text(" ").split())
        links = [a["href"] for a in field.find_all("a", href=True)]
        status = entry["adres_status"]
        if entry["adres"] is None:
            assert not links and "geen adres bekend" in said, entry["id"]
            continue
        assert links == [entry["adres"]], entry["id"]
        expected = {"gezien op een kopie": "gezien op een kopie van de pagina",
                    "genoemd in het rapport": "genoemd in het rapport",
                    "afgeleid": "afgeleid, niet nagekeken"}[status.split(" (")[0]]
        assert expected in said, (entry["id"], said)
        if " (" in status:  # the note in brackets (e.g. that it is a hub page) is shown too
            assert status.split(" (", 1)[1].rstrip(")") in said, entry["id"]


def test_catalogue_entries_and_their_links_both_ways(site):
    from digitale_inclusie.data.catalog import load_catalogue

    data = load_catalogue()
    published = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    wel = dict(zip(published.loc[published["code"] == "eerder_wel", "variable"],
                   published.loc[published["code"] == "eerder_wel", "value"]))
    page_path = site / "book" / "catalogus.html"
    page = _soup(page_path)

    def linked_from(chapter):
        return {a["href"].split("#")[1] for a in _soup(site / "notebooks" / f"{chapter}.html").find_all("a", href=True)
                if a["href"].startswith("../book/catalogus.html#")}

    for entry in data["praktijken"]:
        section = _entry(page, f"praktijk-{entry['id']}")
        hrefs = [a["href"] for a in section.find_all("a", href=True)]
        assert any("03_acties.html#" in h for h in hrefs), entry["id"]
        assert f"praktijk-{entry['id']}" in linked_from("03_acties"), f"chapter 3 does not link to {entry['id']}"
        for href in hrefs:
            assert _resolves(site, page_path, href), (entry["id"], href)
    for entry in data["beleidsacties"]:
        text = " ".join(_entry(page, f"beleidsactie-{entry['id']}").get_text(" ").split())
        assert f"{wel[entry['variabele']]}% van de respondenten" in text, entry["id"]
    for kind, chapter in (("vraag", "04_materiaal"), ("verwachting", "06_toekomst")):
        for entry in data["vragen" if kind == "vraag" else "verwachtingen"]:
            hrefs = [a["href"] for a in _entry(page, f"{kind}-{entry['id']}").find_all("a", href=True)]
            assert any(f"{chapter}.html#" in h for h in hrefs), entry["id"]
            assert all(_resolves(site, page_path, h) for h in hrefs), entry["id"]
            # the chapter's list of requests or expectations links to every one of them
            assert f"{kind}-{entry['id']}" in linked_from(chapter), f"{chapter} does not link to {kind}-{entry['id']}"


def test_entries_are_sections_listed_under_op_deze_pagina(site):
    """Every entry is a section of its page with its stable anchor and its own heading, and the
    page's table of contents (secondary sidebar) lists it with that title."""
    pages = {name: _soup(site / "book" / f"{name}.html") for name in ("toolbox", "catalogus")}
    for name, anchor_id, title in _entries():
        section = _entry(pages[name], anchor_id)
        heading = section.find(True)  # the section's first element
        assert heading.name in ("h2", "h3", "h4"), (anchor_id, heading.name)
        assert _plain(heading) == title, (anchor_id, _plain(heading))
        toc = pages[name].select_one(".bd-sidebar-secondary nav.page-toc")
        listed = toc.find_all("a", href=f"#{anchor_id}")
        assert len(listed) == 1 and _plain(listed[0]) == title, (anchor_id, [_plain(a) for a in listed])


def test_no_page_skips_a_heading_level(site):
    for path in _pages(site):
        levels = [int(h.name[1]) for h in _soup(path).find_all(re.compile("^h[1-6]$"))]
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path.relative_to(site)}: h{before} followed by h{after} ({levels})"


# link texts that do not say where a link goes (WCAG 2.4.4)
VAGUE_LINKS = {"fiche", "hier", "klik hier", "link", "deze link", "meer", "lees meer", "meer info", "info",
               "details", "pagina", "deze pagina", "website", "bekijk", "open", "ga", "zie", "download"}


def test_link_texts_say_where_they_go(site):
    """On every page: no link text that is empty, a bare number or a word such as "fiche", and
    links with the same text go to the same place."""
    for path in _pages(site):
        targets = {}
        for a in _soup(path).select("article.bd-article a[href]"):
            if "headerlink" in (a.get("class") or []):
                continue  # the theme's permalink beside each heading
            text = " ".join(a.get_text(" ").split())
            assert text and text.lower() not in VAGUE_LINKS and not re.fullmatch(r"[\W\d]+", text), (path.name, str(a)[:200])
            targets.setdefault(text, set()).add(a["href"])
        assert not {t: h for t, h in targets.items() if len(h) > 1}, path.name


def test_overviews_link_every_entry_and_share_one_bundle(site):
    """Each overview is a real table (caption, row headers) linking every entry; both pages
    load the one DataTables script of the site, a local file, and no page inlines it."""
    from digitale_inclusie.data.catalog import anchor, load_catalogue, load_materials

    bundles = sorted((site / "_static").rglob("*datatables*.js"))
    assert [b.relative_to(site).as_posix() for b in bundles] == ["_static/datatables/datatables-2.3.8.js"]
    script = bundles[0].read_text(encoding="utf-8")
    assert "/*! DataTables 2.3.8" in script and "/*! jQuery v3.7.1" in script
    assert len(script.encode()) < 200_000  # the itables bundle it replaced was 619 KB
    for page, anchors in (("toolbox", [anchor(e) for e in load_materials()]),
                          ("catalogus", [f"praktijk-{p['id']}" for p in load_catalogue()["praktijken"]])):
        path = site / "book" / f"{page}.html"
        soup = _soup(path)
        tables = soup.select("table.overzicht-tabel")
        assert len(tables) == 1 and tables[0].caption.get_text(strip=True), page
        rows = tables[0].tbody.find_all("tr")
        assert [r.th.a["href"] for r in rows] == [f"#{a}" for a in anchors], page
        sources = [s["src"].split("?")[0] for s in soup.find_all("script", src=True)]
        assert sources.count("../_static/datatables/datatables-2.3.8.js") == 1, page
        inline = [s.get_text() for s in soup.find_all("script", src=False)]
        assert max(map(len, inline), default=0) < 10_000 and not any("DataTable" in s for s in inline), page
        assert path.stat().st_size < 400_000, (page, path.stat().st_size)
    for path in _pages(site):  # only the pages with an overview load the bundle
        if path.name not in ("toolbox.html", "catalogus.html"):
            assert "_static/datatables/" not in path.read_text(encoding="utf-8"), path.name


def test_vendored_scripts_are_the_published_files():
    """The vendored DataTables and jQuery are byte for byte the files their checksums name."""
    import hashlib

    from digitale_inclusie.sphinx.entries import VENDOR

    lines = (VENDOR / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        digest, name = line.split()
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
        assert (VENDOR / ("LICENSE-" + ("jquery" if "jquery" in name else "datatables") + ".txt")).is_file()


# The introduction links the PDF of the whole book, which `make pdf` adds to the site after
# `make book`: the one link allowed not to resolve on a site built by `make book` alone
# (tests/test_pdf.py checks that it resolves once `make pdf-only` ran).
PDF_LINK = "../downloads/digitale-inclusie.pdf"
STUDENT_PDF_LINK = "../downloads/digitale-inclusie-leerlingen.pdf"


def test_every_internal_link_resolves(site):
    broken = []
    for page in _pages(site):
        for a in _soup(page).find_all("a", href=True):
            href = a["href"]
            if re.match(r"^(https?:|mailto:|javascript:)", href) or href.startswith("#") and len(href) == 1:
                continue
            if (href in (PDF_LINK, STUDENT_PDF_LINK) and page == site / "book" / "intro.html"
                    and not (site / "downloads" / href.rsplit("/", 1)[-1]).exists()):
                continue
            if not _resolves(site, page, href):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:20]


# ---------------------------------------------------------------- open analysis (issue 7)

def _csv_text(value, unit, long):
    """A CSV value as the page prints it, worked out here apart from the package."""
    if value == "":
        return "–"
    text = value.replace(".", ",")
    if unit == "procent":
        return text + "%"
    return text + " uur" if unit == "uur" and long else text


def _downloaded_tables(site, page):
    """Every data table of a page with the CSV linked under it: (table element, CSV rows)."""
    out = []
    for table in _soup(page).select("table.di-table"):
        wrap = table.find_parent("div", class_="di-table-wrap")
        line = wrap.find_next_sibling("p", class_="di-download") if wrap else None
        if line is None:
            continue
        href = next(a["href"] for a in line.find_all("a") if a["href"].endswith(".csv"))
        path = (page.parent / href).resolve()
        assert path.exists(), (page.name, href)
        out.append((table, pd.read_csv(path, dtype=str, keep_default_na=False)))
    return out


def test_every_csv_equals_the_table_it_stands_under(site):
    checked = 0
    for page in [site / "notebooks" / f"{c}.html" for c in CHAPTERS] + [site / "book" / "over-de-data.html"]:
        for table, csv in _downloaded_tables(site, page):
            columns = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")][1:]
            shown = {}
            for tr in table.tbody.find_all("tr"):
                for column, td in zip(columns, tr.find_all("td")):
                    shown[(tr.th.get_text(" ", strip=True), column)] = td.get_text(" ", strip=True)
            assert len(csv) == len(shown), (page.name, table.caption.get_text())
            long = csv["eenheid"].nunique() > 1
            for _, row in csv.iterrows():
                if row["eenheid"] == "procent" and row["waarde"]:
                    # the denominator makes the share possible: some count k of n_antwoord lies
                    # within one point of it (half up, or largest remainder for two rows)
                    m, p = int(row["n_antwoord"]), int(row["waarde"])
                    assert 0 < m <= int(row["n"]) and any(abs(100 * k / m - p) < 1 for k in range(m + 1)), row.to_dict()
                text = shown[(row["rij"], row["kolom"])]
                value = _csv_text(row["waarde"], row["eenheid"], long)
                if row["gedrukt"] and row["gedrukt"] != row["waarde"]:
                    assert text == f"{value} * rapport: {_csv_text(row['gedrukt'], row['eenheid'], long)}", (page.name, text)
                    assert row["toelichting"], "a differing number carries its reason in the CSV"
                else:
                    assert text == value, (page.name, row["rij"], row["kolom"], text, value)
                checked += 1
    printed = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    assert checked >= (printed["statistic"] != "external").sum()


def test_every_table_and_figure_has_its_folded_pandas_and_its_csv(site):
    for chapter in CHAPTERS:
        page = site / "notebooks" / f"{chapter}.html"
        soup = _soup(page)
        assert "Toggle hidden content" not in str(soup)
        # not chapter 5's links table, nor the exercises' answers: those carry no printed numbers
        tables = soup.select("table.di-table:not(.di-challenges):not(.di-result)")
        if chapter == "05_uitdagingen":
            assert not tables
            continue
        assert len(_downloaded_tables(site, page)) == len(tables), chapter
        for figure in soup.select("figure.di-figure"):
            if "Figuur 4" in figure.figcaption.get_text():
                continue  # a diagram without numbers
            assert figure.figcaption.find("a", href=re.compile(r"\.csv$")), chapter
        folded = [d for d in soup.select("details.hide") if d.summary.get_text(" ", strip=True).startswith("Toon code: ")]
        computing = [d for d in folded if re.search(r"\bdf\s*[\[.]", d.find("pre").get_text())]  # uses the data
        # one folded cell per numbered table or figure on the page, and it holds the pandas
        numbers = {m.group(0) for t in tables
                   for m in [re.match(r"(Tabel|Figuur) \d+", t.caption.get_text(" ", strip=True))] if m}
        for number in numbers:
            summaries = [d.summary.get_text(" ", strip=True) for d in computing]
            assert any(number in s for s in summaries), (chapter, number, summaries)
        for d in computing:
            code = d.find("pre").get_text()
            assert re.search(r"groupby|crosstab|value_counts|\.sum\(\)|\.mean\(\)", code), (chapter, code[:80])


def test_every_chapter_offers_its_notebook(site):
    import nbformat

    for chapter in CHAPTERS:
        page = site / "notebooks" / f"{chapter}.html"
        links = [a["href"] for a in _soup(page).find_all("a", href=True) if a["href"].endswith(f"{chapter}.ipynb")]
        assert links, chapter
        notebook = nbformat.read((page.parent / links[0]).resolve(), as_version=4)
        assert notebook.cells and (REPO / "notebooks" / f"{chapter}.ipynb").read_bytes() == (page.parent / links[0]).resolve().read_bytes()


def test_data_page_offers_the_files_in_use(site):
    page = site / "book" / "over-de-data.html"
    hrefs = {a["href"].rsplit("/", 1)[-1]: (page.parent / a["href"]).resolve()
             for a in _soup(page).find_all("a", href=True) if "downloads/" in a["href"]}
    for name, source in (("respondenten.csv", "data/respondenten.csv"), ("datapackage.json", "data/datapackage.json"),
                         ("cijfers.csv", "data/published/cijfers.csv"), ("register.csv", "data/register.csv")):
        assert name in hrefs, name
        assert hrefs[name].read_bytes() == (REPO / source).read_bytes(), name
    readme = hrefs["LEESMIJ.txt"].read_text(encoding="utf-8")
    assert "gereconstrueerde" in readme and "Licentie" in readme and "Citeren" in readme


def test_the_downloads_folder_holds_exactly_what_the_pages_link(site):
    """No file of an earlier build (e.g. with another data file) stays on the site."""
    linked = set()
    for page in _pages(site):
        for a in _soup(page).find_all("a", href=True):
            if a["href"].startswith("../downloads/"):
                linked.add((page.parent / a["href"]).resolve())
    for name in ("digitale-inclusie.pdf", "digitale-inclusie-leerlingen.pdf"):
        pdf = site / "downloads" / name
        if not pdf.exists():  # added by `make pdf`, not by `make book` (see PDF_LINK)
            linked.discard(pdf.resolve())
    assert linked and {p for p in (site / "downloads").rglob("*") if p.is_file()} == linked


def test_run_it_yourself_page(site):
    text = _text(site / "book" / "zelf-uitvoeren.html")
    for needed in ("unzip digitale-inclusie-broncode.zip", "make book", "make lab", "make test",
                   "DIGITALE_INCLUSIE_DATA", "relatief pad"):
        assert needed in text, needed
    # the way in works from the site alone: the archive the page links is on the site
    html = (site / "book" / "zelf-uitvoeren.html").read_text(encoding="utf-8")
    assert 'href="../downloads/digitale-inclusie-broncode.zip"' in html
    assert (site / "downloads" / "digitale-inclusie-broncode.zip").stat().st_size > 100_000
    for chapter in CHAPTERS:
        assert "zelf-uitvoeren.html" in (site / "notebooks" / f"{chapter}.html").read_text(encoding="utf-8")


def test_sphinx_numbers_no_table_or_figure_itself(site):
    """'Tabel N' and 'Figuur N' are the report's numbers: Sphinx must not add its own."""
    for page in _pages(site):
        # Sphinx numbers only the exercises ("Opgave N", sphinx-exercise)
        numbers = re.findall(r'class="caption-number">([^<]*)<', page.read_text(encoding="utf-8"))
        assert all(n.startswith("Opgave ") for n in numbers), (page.name, numbers)


def test_every_claim_with_a_sentence_is_rendered_on_its_chapter(site):
    """The comparisons of chapters 1-6 are the register's claims, rendered from the file: each
    claim with a sentence appears, with its numbers and uncertainty, on its own chapter, and
    every verdict links to "Hoe lees je de cijfers?"."""
    from digitale_inclusie.analysis.claims import evaluate_register
    from digitale_inclusie.data import load_respondents
    from digitale_inclusie.data.codebook import Codebook
    from digitale_inclusie.present.sentences import sentence

    pages = {int(c[:2]): _text(site / "notebooks" / f"{c}.html") for c in CHAPTERS}
    rendered = 0
    for claim_id, tested in evaluate_register(load_respondents(), True).items():
        if tested.claim["kind"] == "none" or "text" not in tested.claim:
            continue
        short = sentence(tested, short=True, codebook=Codebook.load()).split(". ")[0].rstrip(".")
        assert short in pages[tested.claim["chapter"]], (claim_id, short)
        rendered += 1
    assert rendered >= 45
    assert "95%-interval" in pages[2] and "geen toeval" not in " ".join(pages.values())
    for chapter in (1, 2, 6):
        html = (site / "notebooks" / f"{CHAPTERS[chapter - 1]}.html").read_text(encoding="utf-8")
        assert html.count("Hoe lees je dit?") >= 3, chapter


def test_no_code_bar_where_nothing_is_computed(site):
    """Chapter 3's diagram (Figuur 4) is drawn without data: no "Toon code" bar offers a
    computation there (issue 22); the diagram itself is on the page."""
    page = _soup(site / "notebooks" / "03_acties.html")
    bars = [d.summary.get_text(" ", strip=True) for d in page.select("details.hide") if d.summary]
    assert not [b for b in bars if "Figuur 4" in b], bars
    assert any("Figuur 4" in f.get_text() for f in page.select("figure"))
