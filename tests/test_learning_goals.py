"""Course material (issue 11): every chapter opens with its learning goals."""

from site_tools import soup

CHAPTERS = ["01_waarom", "02_wie", "03_acties", "04_materiaal", "05_uitdagingen", "06_toekomst"]


def test_every_chapter_opens_with_its_learning_goals(site):
    for chapter in CHAPTERS:
        page = soup(site / "notebooks" / f"{chapter}.html")
        article = page.select_one("article.bd-article")
        boxes = [box for box in article.select("div.admonition")
                 if box.select_one(".admonition-title").get_text(strip=True) == "Leerdoelen"]
        assert len(boxes) == 1, chapter
        box = boxes[0]
        assert "Na dit hoofdstuk kan je" in box.get_text(" ", strip=True), chapter
        assert len(box.find_all("li")) >= 3, chapter
        # before the chapter's first section: the goals come first
        first_section = article.select_one("section section")
        assert box.find_parent("section") is first_section.find_parent("section"), chapter
        assert str(article).index("Leerdoelen") < str(article).index(str(first_section)[:60]), chapter
