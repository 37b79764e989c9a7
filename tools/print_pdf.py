"""Print the built book (``_build/html``) to two tagged PDFs with Debian's Chromium.

Usage: ``python tools/print_pdf.py [SITE] [OUT]`` (defaults ``_build/html`` and
``_build/pdf/digitale-inclusie.pdf``); ``make pdf`` builds the site first and then runs this.
It writes two editions (:data:`EDITIONS`): OUT, the book with the exercises' solutions gathered
in an appendix at the end, and OUT with ``-leerlingen`` before its suffix, the student edition
without solutions.

The pages' articles are put into one print document per edition (``_build/pdf/*.html``), in the
order of ``_toc.yml``, after a title page, a colophon and a table of contents: ids get the page as
prefix, links between pages become links inside the document, links to other files (downloads,
notebooks) become plain text (a PDF cannot reach them), images and style sheets point at the
built site by absolute ``file:`` address, and no script is kept (the print shows the page as
written: light colour mode). What belongs to the screen is left out: the folded code cells
(the colophon says where the code is), the explorer's 216 views (the page says how many and
where), the header buttons. Chromium prints each document through playwright-core
(``tools/a11y/print-pdf.js``): tagged (the PDF carries the structure of headings, lists, tables
and figures with their alt text), with an outline (bookmarks) made from the headings and a page
number at the foot of every page. The table of contents gets its page numbers in a second
print: the first one's outline (read with pypdf) says on which page each part starts; the
numbers are checked against the final print's outline. The site itself is only read, never
changed. Nothing is downloaded.
"""

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from digitale_inclusie.paths import toc_files  # noqa: E402

TITLE = "Digitale inclusie in Vlaamse lokale besturen"
# edition -> (suffix of the file name, what its title page says, where the solutions go)
EDITIONS = {
    "boek": ("", "Editie met de oplossingen van de opgaven (in de bijlage)", "appendix"),
    "leerlingen": ("-leerlingen", "Leerlingeneditie: de opgaven zonder oplossingen", None),
}
APPENDIX_ID = "bijlage-oplossingen"
APPENDIX_TITLE = "Bijlage: oplossingen van de opgaven"

# Print-only layout of the combined document. Every page of the book starts on a new sheet; the
# title page and the table of contents have their own. Charts and tables stay with their
# captions; code that is printed (the solutions') wraps instead of running off the sheet.
PRINT_CSS = """
html, body { background: #fff; }
body { font-size: 11pt; }
.di-pdf-page, .di-pdf-toc { break-before: page; }
.di-pdf-title { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
.di-pdf-title .di-pdf-name { font-size: 26pt; font-weight: 600; line-height: 1.2; margin: 0 0 6mm; }
.di-pdf-title .di-pdf-sub { font-size: 13pt; margin: 0 0 4mm; }
.di-pdf-title .di-pdf-edition { font-size: 12pt; font-weight: 600; margin: 8mm 0 0; }
.di-pdf-colophon { font-size: 9pt; color: #333; border-top: 1px solid #999; margin-top: 12mm; padding-top: 3mm; }
.di-pdf-toc-title { font-size: 18pt; font-weight: 600; margin: 0 0 4mm; }
.di-pdf-toc ol { list-style: none; padding: 0; margin: 0; }
.di-pdf-toc li { display: flex; gap: 0.5em; align-items: baseline; margin: 0 0 1.6mm; break-inside: avoid; }
.di-pdf-toc li a { flex: 1; text-decoration: none; }
.di-pdf-toc .di-pdf-toc-page { flex: 0 0 3em; text-align: right; font-variant-numeric: tabular-nums; }
a { color: inherit; }
table { break-inside: auto; }
tr, figure, img, .di-table-wrap caption { break-inside: avoid; }
figure.di-figure, .di-table-wrap, table.di-table { break-inside: avoid; }
figure.di-figure img { max-height: 200mm; width: auto !important; max-width: 100%; }
caption, figcaption, h1, h2, h3, h4, h5, h6 { break-after: avoid; }
h1, h2, h3, h4, h5, h6 { break-inside: avoid; }
/* a long solution may run on to the next sheet rather than leave one half empty; an exercise
   and the other boxes are short: whole (split, a box left a sliver of its border on a sheet of
   its own) */
div.solution { break-inside: auto !important; }
div.exercise, .admonition:not(.solution) { break-inside: avoid !important; }
.di-table-wrap, .pst-scrollable-table-container { overflow: visible !important; container-type: normal !important; }
table.di-table caption { position: static !important; width: auto !important; max-width: none !important; }
pre, pre code { white-space: pre-wrap !important; overflow-wrap: anywhere; word-break: break-word; }
div.highlight, .cell_input, .cell_output, div.output { overflow: visible !important; }
/* (a scrolling box is one unbreakable block in Chromium's print: its content was sliced at the sheet's
   edge instead of kept together or broken between rows) */
.di-scroll-hint, .di-pdf-drop { display: none !important; }
.solution.dropdown > :not(.admonition-title) { display: block !important; }
/* Chromium makes each bookmark's text from the heading's printed lines and drops the collapsed
   space at a line break ("lokalebesturen"); kept spaces (pre-wrap, on whitespace folded below)
   keep the words apart. With the theme's tight line height (1.15) Chromium 156 also put the first
   line of some wrapped headings twice into their bookmark ("1. Waarom zetten lokale 1. Waarom
   zetten lokale besturen …"); at the normal line height every bookmark is its heading's text. */
h1, h2, h3, h4, h5, h6 { white-space: pre-wrap; line-height: normal; }
"""


def slug(name):
    """The id prefix of a page: ``notebooks/02_wie`` -> ``notebooks-02_wie``."""
    return name.replace("/", "-")


def _fold_heading(heading):
    strings = list(heading.find_all(string=True))
    for k, string in enumerate(strings):
        folded = re.sub(r"\s+", " ", str(string))
        folded = folded.lstrip() if k == 0 else folded
        folded = folded.rstrip() if k == len(strings) - 1 else folded
        string.replace_with(folded)


# what the chapters say about where a solution is, and what it becomes on paper, per edition
FOLDED_SOLUTIONS = "Elke oplossing staat ingeklapt onder haar oefening."
ON_PAPER = {"appendix": "Elke oplossing staat in de bijlage achteraan.", None: ""}


def _for_print(doc, article, edition):
    """Leave out of one page's article what belongs to the screen."""
    for tag in article.find_all(["script", "noscript"]):
        tag.decompose()
    for tag in article.select("a.headerlink"):
        tag.decompose()
    # folded code cells ("Toon code"): the colophon says where the code is
    for tag in article.select("details.hide"):
        tag.decompose()
    for tag in article.select("p.di-scroll-hint"):
        tag.decompose()
    # the CSV downloads: a sheet of paper cannot open them (the caption then stands alone)
    for tag in article.select("span.di-caption-link, p.di-download"):
        previous = tag.find_previous_sibling()
        if tag.name == "span" and previous is not None and previous.name == "br":
            previous.decompose()
        tag.decompose()
    # where the solutions are: on paper not folded under the exercise
    for string in article.find_all(string=lambda text: FOLDED_SOLUTIONS in text):
        string.replace_with(string.replace(FOLDED_SOLUTIONS, ON_PAPER[EDITIONS[edition][2]]))
    # prose that names the screen's button: on paper, the button is on the website
    for tag in article.find_all(["strong", "b", "em", "span"]):
        if tag.get_text(strip=True) == "Toon code":
            tag.string = "de codeknop op de website"
    # the explorer's views: chosen on the screen; the page says how many there are
    views = article.select_one("#di-verken-views")
    if views is not None:
        count = len(views.select("section.di-verken-view"))
        note = doc.new_tag("p", attrs={"class": "di-pdf-note"})
        note.string = (f"De {count} tabellen van deze pagina (elke vraag in elke opsplitsing) staan niet in deze pdf: "
                       "kies ze op de website, op de pagina Verken de cijfers.")
        views.replace_with(note)
        for form in article.select("form"):
            form.decompose()


def _solutions(doc, article, edition):
    """Take the exercises' solutions out of a page: into the appendix (returned, in order, each
    with a pointer left at its place) or, in the student edition, nowhere."""
    taken = []
    for solution in article.select("div.solution"):
        if EDITIONS[edition][2] == "appendix":
            pointer = doc.new_tag("p", attrs={"class": "di-pdf-solution-ref"})
            title = solution.select_one(".admonition-title")
            name = re.sub(r"\s+", " ", title.get_text(" ", strip=True)) if title else "Oplossing"
            link = doc.new_tag("a", href=f"#{solution.get('id', '')}")  # its id has the page's prefix already
            link.string = f"{name}: in de bijlage achteraan"
            pointer.append(link)
            solution.insert_before(pointer)
            taken.append(solution.extract())
        else:
            solution.decompose()
    return taken


def combine(site, names, edition="boek", pages_of=None):
    """The combined print document (HTML text) of the pages ``names`` (paths without suffix), for
    ``edition``; ``pages_of`` ({part id: page number}) fills the table of contents' numbers."""
    site = Path(site).resolve()
    pages = {name: name + ".html" for name in names}
    by_file = {file: name for name, file in pages.items()}
    parsed = {name: BeautifulSoup((site / pages[name]).read_text(encoding="utf-8"), "html.parser") for name in names}
    first = parsed[names[0]]

    doc = BeautifulSoup("<!DOCTYPE html><html lang='nl' data-theme='light' data-mode='light'>"
                        "<head><meta charset='utf-8'></head><body><main></main></body></html>",
                        "html.parser")
    head, main = doc.head, doc.main
    title = doc.new_tag("title")
    title.string = TITLE
    head.append(title)
    # every style sheet any page loads (the overview pages have their own), once, in order
    sheets = []
    for name in names:
        for link in parsed[name].head.find_all("link", rel="stylesheet"):
            href = (site / posixpath.dirname(pages[name]) / link["href"].split("?")[0]).resolve()
            if href not in sheets:
                sheets.append(href)
    for href in sheets:
        head.append(doc.new_tag("link", rel="stylesheet", href=href.as_uri()))
    style = doc.new_tag("style")
    style.string = PRINT_CSS
    head.append(style)

    # the title page, with the colophon (licences, version, build date) at its foot
    front = doc.new_tag("section", attrs={"class": "di-pdf-title", "aria-label": "Titelpagina"})
    for cls, text in (("di-pdf-name", TITLE),
                      ("di-pdf-sub", "Een uitvoerbare kennisbank bij het onderzoeksrapport van Anrijs, Verhaert, "
                                     "Rothe, Van Audenhove & Ponnet (imec-mict UGent en imec-SMIT VUB, mei 2024), "
                                     "voor het Vlaamse actieplan Iedereen Digitaal"),
                      ("di-pdf-edition", EDITIONS[edition][1])):
        para = doc.new_tag("p", attrs={"class": cls})
        para.string = text
        front.append(para)
    colophon = doc.new_tag("div", attrs={"class": "di-pdf-colophon"})
    for part in first.select("p.di-footer-licence, p.di-footer-version"):
        for a in part.find_all("a"):
            a.unwrap()
        colophon.append(part)
    note = doc.new_tag("p")
    note.string = ("De berekeningen achter elke tabel en figuur (pandas en seaborn) staan op de website, achter "
                   "de codeknop boven de tabel, en in de notebooks; deze pdf laat ze weg. Alle cijfers zijn berekend uit een "
                   "gereconstrueerd respondentenbestand dat de gedrukte cijfers van het rapport reproduceert.")
    colophon.append(note)
    front.append(colophon)
    main.append(front)

    # the table of contents: one line per part, its page number from the first print
    toc = doc.new_tag("nav", attrs={"class": "di-pdf-toc", "aria-label": "Inhoud"})
    toc_title = doc.new_tag("p", attrs={"class": "di-pdf-toc-title"})
    toc_title.string = "Inhoud"
    toc.append(toc_title)
    entries = doc.new_tag("ol")
    toc.append(entries)
    main.append(toc)

    appendix = []
    parts = []
    for name in names:
        file = pages[name]
        page = parsed[name]
        article = page.select_one("article.bd-article")
        if article is None:
            raise SystemExit(f"print_pdf: {file} has no article.bd-article; is {site} a built book?")
        folder = posixpath.dirname(file)
        prefix = slug(name)
        _for_print(doc, article, edition)
        for heading in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            _fold_heading(heading)
        for tag in article.find_all(id=True):
            tag["id"] = f"{prefix}--{tag['id']}"
        for tag in article.find_all(["img", "source"]):
            for attr in ("src", "srcset"):
                value = tag.get(attr)
                if value and not value.startswith(("data:", "http:", "https:")):
                    tag[attr] = (site / folder / value.split("?")[0]).resolve().as_uri()
        for a in article.find_all("a", href=True):
            href = a["href"]
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            path, _, fragment = href.partition("#")
            target = posixpath.normpath(posixpath.join(folder, path)) if path else file
            if target in by_file:
                a["href"] = f"#{slug(by_file[target])}--{fragment}" if fragment else f"#{slug(by_file[target])}"
            else:
                a.unwrap()
        # solutions last: their ids and links are already the document's
        taken = _solutions(doc, article, edition)
        h1 = article.find("h1")
        if taken:
            appendix.append((h1.get_text(" ", strip=True) if h1 else name, taken))
        section = doc.new_tag("div", attrs={"class": "di-pdf-page", "id": prefix})
        section.append(article)
        main.append(section)
        parts.append((prefix, h1.get_text(" ", strip=True) if h1 else name))

    if appendix:
        section = doc.new_tag("div", attrs={"class": "di-pdf-page", "id": APPENDIX_ID})
        article = doc.new_tag("article", attrs={"class": "bd-article"})
        heading = doc.new_tag("h1")
        heading.string = APPENDIX_TITLE
        article.append(heading)
        for chapter, solutions in appendix:
            sub = doc.new_tag("h2")
            sub.string = f"Bij {chapter}"
            article.append(sub)
            for solution in solutions:
                article.append(solution)
        section.append(article)
        main.append(section)
        parts.append((APPENDIX_ID, APPENDIX_TITLE))

    for prefix, text in parts:
        item = doc.new_tag("li")
        link = doc.new_tag("a", href=f"#{prefix}")
        link.string = text
        number = doc.new_tag("span", attrs={"class": "di-pdf-toc-page"})
        number.string = str(pages_of[prefix]) if pages_of and prefix in pages_of else "0"
        item.append(link)
        item.append(number)
        entries.append(item)
    return str(doc), [prefix for prefix, _ in parts]


def outline_pages(pdf):
    """The page number (1-based) of each top-level bookmark of ``pdf``, in order (pypdf)."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    return [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]


def print_document(html, out):
    """Print the document ``html`` (a file) to ``out`` (tools/a11y/print-pdf.js)."""
    node = shutil.which("node")
    script = REPO / "tools" / "a11y" / "print-pdf.js"
    if node is None or not (REPO / "tools" / "a11y" / "node_modules" / "playwright-core").is_dir():
        raise SystemExit("print_pdf: needs Node.js and playwright-core (cd tools/a11y && npm ci)")
    partial = out.with_name(out.name + ".part")
    done = subprocess.run([node, str(script), str(html), str(partial)], capture_output=True, text=True, timeout=900,
                          env={**os.environ, "CHROMIUM": chromium()})
    if done.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
        raise SystemExit(f"print_pdf: Chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    partial.replace(out)


def print_edition(site, names, edition, out):
    """Print one edition: twice, so that the table of contents holds the page on which each
    part starts (read from the first print's outline); checked against the final print."""
    source = out.with_suffix(".html")
    pages_of = None
    for _ in range(3):
        html, parts = combine(site, names, edition, pages_of)
        source.write_text(html, encoding="utf-8")
        print_document(source, out)
        # the top-level bookmarks are the parts' titles (h1), in order: the title page and the
        # table of contents have no heading
        starts = outline_pages(out)
        if len(starts) != len(parts):
            raise SystemExit(f"print_pdf: {len(starts)} top-level bookmarks for {len(parts)} parts in {out.name}")
        found = dict(zip(parts, starts))
        if found == pages_of:
            return
        pages_of = found
    raise SystemExit(f"print_pdf: the table of contents of {out.name} does not settle on its page numbers")


def chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    raise SystemExit("print_pdf: Chromium not found (Debian: apt-get install chromium; or set CHROMIUM)")


def edition_path(out, edition):
    return out.with_name(out.stem + EDITIONS[edition][0] + out.suffix)


def main(argv):
    site = Path(argv[1] if len(argv) > 1 else REPO / "_build" / "html").resolve()
    out = Path(argv[2] if len(argv) > 2 else REPO / "_build" / "pdf" / "digitale-inclusie.pdf").resolve()
    if not (site / "book" / "intro.html").exists():
        raise SystemExit(f"print_pdf: no built book in {site}; run `make book` first")
    out.parent.mkdir(parents=True, exist_ok=True)
    for edition in EDITIONS:
        target = edition_path(out, edition)
        print_edition(site, toc_files(), edition, target)
        print(f"print_pdf: wrote {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")


if __name__ == "__main__":
    main(sys.argv)
