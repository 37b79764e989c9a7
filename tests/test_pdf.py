"""The PDF of the whole book (`make pdf`, issue 11), checked with poppler's tools.

The site is built once per test run (the ``site`` fixture, `make book`); this test then runs only
the PDF step, `make pdf-only`, which is what `make pdf` does after building, on a copy of the site
(the other tests keep reading the site as `make book` left it).
"""

import hashlib
import html
import re
import shutil
import subprocess
import sys

import pytest
from site_tools import soup

from digitale_inclusie.paths import REPO, toc_files

sys.path.insert(0, str(REPO / "tools"))

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)"),
    pytest.mark.skipif(any(shutil.which(t) is None for t in ("pdfinfo", "pdftotext", "pdftohtml")),
                       reason="needs pdfinfo, pdftotext and pdftohtml (apt-get install poppler-utils)"),
]

def _fold(text):
    return " ".join(text.split())


def _pdf_strings(raw, key):
    """Every string value of ``/key`` in the PDF's uncompressed objects (where Chromium writes its
    structure tree): literal strings with their escapes undone, or UTF-16 hex strings."""
    found = []
    for match in re.finditer(rb"/" + key + rb" ?(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", raw, re.DOTALL):
        value = match.group(1)
        if value.startswith(b"<"):
            data = bytes.fromhex(value[1:-1].decode())
            found.append(data[2:].decode("utf-16-be") if data.startswith(b"\xfe\xff") else data.decode("latin-1"))
        else:
            body = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), value[1:-1])
            body = re.sub(rb"\\(.)", rb"\1", body, flags=re.DOTALL)
            found.append(body.decode("latin-1"))
    return found


def _html_hashes(site):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def printed(site, tmp_path_factory):
    """`make pdf-only` on a copy of the site: (the PDF, the site it was put on)."""
    folder = tmp_path_factory.mktemp("pdf")
    copy = shutil.copytree(site, folder / "html")
    before = _html_hashes(copy)
    pdf = folder / "pdf" / "digitale-inclusie.pdf"
    done = subprocess.run(["make", "pdf-only", f"SITE={copy}", f"PDF={pdf}"], cwd=REPO, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert _html_hashes(copy) == before, "make pdf changed the HTML site"
    return pdf, copy


@pytest.fixture(scope="module")
def editions(printed):
    """Both PDFs that `make pdf-only` wrote: {"boek": path, "leerlingen": path}."""
    pdf, _ = printed
    student = pdf.with_name("digitale-inclusie-leerlingen.pdf")
    assert student.exists()
    return {"boek": pdf, "leerlingen": student}


@pytest.fixture(scope="module")
def pdf(printed):
    return printed[0]


def _heading(h):
    """A heading's text without the theme's permalink, whitespace folded."""
    return _fold("".join(s for s in h.find_all(string=True) if not s.find_parent("a", class_="headerlink")))


@pytest.fixture(scope="module")
def headings(site):
    """Each page's headings as (tag, text), in document order, pages in table-of-contents order,
    from the built HTML."""
    return [[(h.name, _heading(h)) for h in soup(site / f"{name}.html").select(
        "article.bd-article :is(h1, h2, h3, h4, h5, h6)")] for name in toc_files(REPO)]


@pytest.fixture(scope="module")
def titles(headings):
    """Each page's title (its first h1) in table-of-contents order."""
    return [next(text for tag, text in page if tag == "h1") for page in headings]


def test_pdf_is_tagged_dutch_and_holds_the_whole_book(pdf, titles):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Tagged"].strip() == "yes"
    assert fields["Title"].strip() == "Digitale inclusie in Vlaamse lokale besturen"
    assert int(fields["Pages"]) > 2 * len(titles)  # each page of the book starts a new sheet
    assert re.search(rb"/Lang ?\(nl\)", pdf.read_bytes())


def test_pdf_text_is_extractable_with_every_page_in_order(pdf, site, titles):
    text = _fold(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                text=True, check=True).stdout)
    place = -1
    for title in titles:
        found = text.find(title, place + 1)
        assert found > place, f"title not found (in order) in the PDF's text: {title!r}"
        place = found
    # a sentence of running text, numbers included, and the version stated on its first page
    intro = soup(site / "book" / "intro.html").select_one("article.bd-article p")
    assert _fold(intro.get_text(" "))[:120].replace(" ,", ",") in text.replace(" ,", ",")
    version = re.search(r'__version__ = "([^"]+)"',
                        (REPO / "src" / "digitale_inclusie" / "__init__.py").read_text()).group(1)
    assert f"Versie {version}" in text[:1000]


def _bookmarks(pdf):
    """The PDF's bookmark titles in outline order (poppler's pdftohtml), whitespace folded."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf)], capture_output=True,
                         text=True, check=True).stdout
    outline = xml[xml.find("<outline>"):]
    return [_fold(html.unescape(re.sub(r"<[^>]+>", "", item)))
            for item in re.findall(r"<item[^>]*>(.*?)</item>", outline, re.DOTALL)]


def _appendix_headings(site):
    """The headings of the solutions' appendix: its title, then one per page with solutions."""
    from print_pdf import APPENDIX_TITLE

    with_solutions = [soup(site / f"{n}.html") for n in toc_files(REPO)]
    return [APPENDIX_TITLE] + ["Bij " + _fold(p.select_one("article.bd-article h1").get_text(" ", strip=True).rstrip("#").strip())
                               for p in with_solutions if p.select("article.bd-article div.solution")]


def test_pdf_has_bookmarks_for_every_page_and_its_sections(pdf, headings, titles, site):
    bookmarks = _bookmarks(pdf)
    # every bookmark is exactly the text of a heading of the book, in the book's order, then those
    # of the solutions' appendix: no words run together (Chromium joins a wrapped heading's lines
    # without the space unless print_pdf keeps it) and no line repeated (Chromium 156 at the
    # theme's line height 1.15)
    texts = [text for page in headings for _, text in page] + _appendix_headings(site)
    place = -1
    for bookmark in bookmarks:
        found = next((k for k in range(place + 1, len(texts)) if texts[k] == bookmark), None)
        assert found is not None, f"bookmark is not the next heading of the book: {bookmark!r}"
        place = found
    # every page's title and every h2 of the book has its bookmark
    wanted = titles + [text for page in headings for tag, text in page if tag == "h2"]
    assert len(wanted) > 2 * len(titles)
    missing = [h for h in wanted if h not in bookmarks]
    assert not missing, missing[:5]
    assert [b for b in bookmarks if b in titles] == titles


def test_pdf_figures_carry_their_alt_text(pdf, site):
    alts = {_fold(a) for a in _pdf_strings(pdf.read_bytes(), rb"Alt")}
    shown = [_fold(img["alt"]) for n in toc_files(REPO)
             for img in soup(site / f"{n}.html").select("article.bd-article img[alt]")
             if not img.has_attr("hidden") and img["alt"].strip()]
    assert len(shown) >= 20
    missing = [alt for alt in shown if alt not in alts]
    assert not missing, missing[:5]


def test_pdf_is_on_the_site_where_the_introduction_links_it(printed):
    from test_site import PDF_LINK

    pdf, site = printed
    intro = site / "book" / "intro.html"
    (link,) = [a for a in soup(intro).select("article.bd-article a[href]") if a["href"] == PDF_LINK]
    assert "pdf" in link.get_text().lower()
    copy = (intro.parent / PDF_LINK).resolve()
    assert copy.read_bytes() == pdf.read_bytes()


# ---------------------------------------------------------------- two editions to hand out (issue 22)

def _page_texts(pdf):
    """The text of every page (pdftotext, pages split at form feeds)."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_both_editions_are_tagged_dutch_with_bookmarks(editions):
    for edition, pdf in editions.items():
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), edition
        assert re.search(rb"/Lang ?\(nl\)", pdf.read_bytes()), edition
        assert len(_bookmarks(pdf)) > 50, edition


def test_title_page_and_a_table_of_contents_whose_numbers_are_the_pages(editions):
    from print_pdf import APPENDIX_TITLE, outline_pages
    from pypdf import PdfReader

    for edition, pdf in editions.items():
        pages = _page_texts(pdf)
        assert "Digitale inclusie in Vlaamse lokale besturen" in _fold(pages[0]), edition
        assert ("Leerlingeneditie" in pages[0]) == (edition == "leerlingen"), edition
        # the contents: each line a part's title and the page on which the PDF's outline says it starts
        reader = PdfReader(str(pdf))
        starts = outline_pages(pdf)
        tops = [_fold(item.title) for item in reader.outline if not isinstance(item, list)]
        contents = _fold(" ".join(pages[1:3]))
        assert contents.startswith("Inhoud"), edition
        for title, page in zip(tops, starts):
            assert re.search(re.escape(title) + r" " + str(page) + r"\b", contents), (edition, title, page)
        assert (APPENDIX_TITLE in tops) == (edition == "boek"), edition


def test_every_page_has_its_number_and_no_toggle_or_download_text(editions):
    for edition, pdf in editions.items():
        for number, text in enumerate(_page_texts(pdf), start=1):
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            assert lines and lines[-1] == str(number), (edition, number, lines[-1:])
            for line in lines:
                assert not re.match(r"(Toon|Verberg) code", line), (edition, number, line)
            assert "Toon code" not in text, (edition, number)
            # the CSV links of the tables and charts (a sheet of paper cannot open them)
            assert not re.search(r"cijfers van (figuur|tabel) \d+ als CSV|\w als CSV ·|cijferbestanden$", _fold(text)), (edition, number)


def _rendered(pdf, folder):
    """Every page of ``pdf`` rendered to a grey image at 36 dpi (poppler's pdftoppm)."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "36", "-gray", "-png", str(pdf), str(folder / "p")], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("p-*.png"))]


def test_rendered_pages_keep_their_margins_and_none_is_blank(editions, tmp_path):
    """Rendered to images: no ink in the right margin (code or a table clipped at the sheet's edge
    would put it there; the margin is 16 mm, 8 mm are checked), and every page shows something
    above its footer (no blank page, no page holding only a page number)."""
    for edition, pdf in editions.items():
        folder = tmp_path / edition
        folder.mkdir()
        images = _rendered(pdf, folder)
        assert len(images) == len(_page_texts(pdf))
        for number, image in enumerate(images, start=1):
            width, height = image.size
            mm = width / 210
            margin = image.crop((int(width - 8 * mm), 0, width, height))
            assert margin.getextrema()[0] > 200, (edition, number, "ink in the right margin")
            body = image.crop((0, 0, width, int(height - 20 * mm)))
            assert body.getextrema()[0] < 128, (edition, number, "blank page")


def test_solutions_in_the_appendix_of_the_book_and_nowhere_in_the_student_edition(editions, site):
    solutions = sum(len(soup(site / f"{n}.html").select("article.bd-article div.solution")) for n in toc_files(REPO))
    exercises = sum(len(soup(site / f"{n}.html").select("article.bd-article div.exercise")) for n in toc_files(REPO))
    assert solutions >= 20 and exercises == solutions
    book = _fold(" ".join(_page_texts(editions["boek"])))
    student = _fold(" ".join(_page_texts(editions["leerlingen"])))
    appendix = book[book.rindex("Bijlage: oplossingen van de opgaven"):]
    assert len(re.findall(r"Oplossing van Opgave \d\.\d", appendix)) == solutions
    assert len(re.findall(r"Oplossing van Opgave \d\.\d [^:]*: in de bijlage achteraan", book)) == solutions  # a pointer where each was
    assert "Oplossing van" not in student and "in de bijlage achteraan" not in student
    assert "Bijlage: oplossingen van de opgaven" not in student
    # no chapter says, on paper, that a solution is folded under its exercise (the teachers'
    # guide still describes the website)
    from print_pdf import FOLDED_SOLUTIONS

    assert FOLDED_SOLUTIONS not in book and FOLDED_SOLUTIONS not in student
    assert "Elke oplossing staat in de bijlage achteraan" in book
    numbered = r"(?<!Oplossing van )Opgave \d\.\d \("  # an exercise's own title
    assert len(re.findall(numbered, student)) == len(re.findall(numbered, book[:book.rindex("Bijlage: oplossingen")])) == exercises


def test_overview_names_print_whole(editions):
    """The toolbox's and catalogue's names print without a word broken over two lines."""
    from digitale_inclusie.data.catalog import load_catalogue, load_materials

    def plain(text):  # the pages set quotes typographically
        return _fold(re.sub(r"[“”„\"]", '"', re.sub(r"[‘’']", "'", text)))

    text = plain(" ".join(_page_texts(editions["leerlingen"])))
    names = [m["naam"] for m in load_materials()] + [p["naam"] for p in load_catalogue()["praktijken"]]
    missing = [name for name in names if plain(name) not in text]
    assert not missing, missing[:5]
