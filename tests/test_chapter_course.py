"""Course material in the chapters (issue 11): learning goals first, exercises with folded solutions last."""

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


def test_every_chapter_ends_with_three_exercises_each_followed_by_its_folded_solution(site):
    for chapter in CHAPTERS:
        page = soup(site / "notebooks" / f"{chapter}.html")
        section = page.find(id="oefeningen")
        assert section is not None, chapter
        exercises = section.select("div.exercise")
        solutions = section.select("div.solution")
        assert len(exercises) >= 3 and len(solutions) == len(exercises), chapter
        for exercise, solution in zip(exercises, solutions):
            # the solution names its exercise, comes right after it and is folded (dropdown)
            label = exercise.get("id")
            assert solution.select_one(f'a[href="#{label}"]') is not None, (chapter, label)
            assert exercise.find_next(class_="solution") is solution, (chapter, label)
            assert "dropdown" in solution["class"], (chapter, label)
        kinds = " ".join(e.get_text(" ", strip=True) for e in exercises)
        assert "Rekenen met de data" in kinds and "Discussie voor de beleidspraktijk" in kinds, chapter
        # the data exercise's solution is pandas code that ran on the respondent file: its output is shown
        with_code = [s for s in solutions if s.select_one("div.cell_input")]
        assert with_code and all(s.select_one("div.cell_output") for s in with_code), chapter
        assert any("df[" in s.select_one("div.cell_input").get_text() for s in with_code), chapter
