"""Print the built book (``_build/html``) to one tagged PDF with Debian's Chromium.

Usage: ``python tools/print_pdf.py [SITE] [OUT]`` (defaults ``_build/html`` and
``_build/pdf/digitale-inclusie.pdf``); ``make pdf`` builds the site first and then runs this.

The pages' articles are put into one print document, ``_build/pdf/boek.html``, in the order of
``_toc.yml``: ids get the page as prefix, links between pages become links inside the document,
links to other files (downloads, notebooks) become plain text (a PDF cannot reach them),
images and style sheets point at the built site by absolute ``file:`` address, and no script is
kept (the print shows the page as written: light colour mode, every folded cell folded).
Chromium prints that document headless: tagged (its default: the PDF carries the structure of
headings, lists, tables and figures with their alt text) and with an outline (bookmarks) made from
the headings. The site itself is only read, never changed. Nothing is downloaded.
"""

import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
from digitale_inclusie.paths import toc_files  # noqa: E402

# Print-only layout of the combined document: every page starts on a new sheet; the footer of
# the intro page (licences, version, build date) opens the document.
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
html, body { background: #fff; }
body { font-size: 11pt; }
.di-pdf-page { break-before: page; }
.di-pdf-colophon + .di-pdf-page { break-before: auto; }
.di-pdf-colophon { font-size: 9pt; color: #333; border-bottom: 1px solid #999; margin-bottom: 1em; }
details:not([open]) > :not(summary) { display: none; }
a { color: inherit; }
table { break-inside: auto; }
tr, figure, img { break-inside: avoid; }
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


def combine(site, names):
    """The combined print document (HTML text) of the pages ``names`` (paths without suffix)."""
    site = Path(site).resolve()
    pages = {name: name + ".html" for name in names}
    by_file = {file: name for name, file in pages.items()}
    first = BeautifulSoup((site / pages[names[0]]).read_text(encoding="utf-8"), "html.parser")

    doc = BeautifulSoup("<!DOCTYPE html><html lang='nl' data-theme='light' data-mode='light'>"
                        "<head><meta charset='utf-8'></head><body><main></main></body></html>",
                        "html.parser")
    head, main = doc.head, doc.main
    title = doc.new_tag("title")
    title.string = "Digitale inclusie in Vlaamse lokale besturen"
    head.append(title)
    for link in first.head.find_all("link", rel="stylesheet"):
        href = (site / posixpath.dirname(pages[names[0]]) / link["href"].split("?")[0]).resolve()
        head.append(doc.new_tag("link", rel="stylesheet", href=href.as_uri()))
    style = doc.new_tag("style")
    style.string = PRINT_CSS
    head.append(style)

    colophon = doc.new_tag("div", attrs={"class": "di-pdf-colophon"})
    for part in first.select("p.di-footer-licence, p.di-footer-version"):
        for a in part.find_all("a"):
            a.unwrap()
        colophon.append(part)
    main.append(colophon)

    for name in names:
        file = pages[name]
        page = BeautifulSoup((site / file).read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article.bd-article")
        if article is None:
            raise SystemExit(f"print_pdf: {file} has no article.bd-article; is {site} a built book?")
        folder = posixpath.dirname(file)
        prefix = slug(name)
        for tag in article.find_all(["script", "noscript"]):
            tag.decompose()
        for tag in article.select("a.headerlink"):
            tag.decompose()
        for heading in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
            strings = list(heading.find_all(string=True))
            for k, string in enumerate(strings):
                folded = re.sub(r"\s+", " ", str(string))
                folded = folded.lstrip() if k == 0 else folded
                folded = folded.rstrip() if k == len(strings) - 1 else folded
                string.replace_with(folded)
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
        section = doc.new_tag("div", attrs={"class": "di-pdf-page", "id": prefix})
        section.append(article)
        main.append(section)
    return str(doc)


def chromium():
    for name in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    raise SystemExit("print_pdf: Chromium not found (Debian: apt-get install chromium; or set CHROMIUM)")


def main(argv):
    site = Path(argv[1] if len(argv) > 1 else REPO / "_build" / "html").resolve()
    out = Path(argv[2] if len(argv) > 2 else REPO / "_build" / "pdf" / "digitale-inclusie.pdf").resolve()
    if not (site / "book" / "intro.html").exists():
        raise SystemExit(f"print_pdf: no built book in {site}; run `make book` first")
    out.parent.mkdir(parents=True, exist_ok=True)
    source = out.parent / "boek.html"
    source.write_text(combine(site, toc_files()), encoding="utf-8")
    partial = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--no-pdf-header-footer",
             "--generate-pdf-document-outline", f"--print-to-pdf={partial}", source.as_uri()],
            capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
        raise SystemExit(f"print_pdf: Chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    partial.replace(out)
    print(f"print_pdf: wrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")


if __name__ == "__main__":
    main(sys.argv)
