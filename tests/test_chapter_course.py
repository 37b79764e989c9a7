"""Course material in the chapters (issue 11): learning goals first, exercises with folded solutions last."""

import pandas as pd

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


def _title(element):
    return " ".join(element.select_one(".admonition-title").get_text(" ").split())


def test_exercises_are_numbered_per_chapter_and_their_solutions_say_the_same_number(site):
    """Issue 22: 'Opgave 2.1', '2.2', ... in chapter 2, in page order, and each solution's title
    names the same number; the labels (anchors) stay what other pages link to."""
    import re

    for chapter in CHAPTERS:
        number = int(chapter[:2])
        section = soup(site / "notebooks" / f"{chapter}.html").find(id="oefeningen")
        exercises, solutions = section.select("div.exercise"), section.select("div.solution")
        titles = [re.match(r"Opgave \d+\.\d+", _title(e)).group(0) for e in exercises]
        assert titles == [f"Opgave {number}.{k}" for k in range(1, len(exercises) + 1)], (chapter, titles)
        for k, (exercise, solution) in enumerate(zip(exercises, solutions), start=1):
            assert exercise["id"] == f"h{number}-oefening-{k}"
            assert _title(solution).startswith(f"Oplossing van Opgave {number}.{k} ("), (chapter, _title(solution))


def test_the_teachers_guide_refers_to_an_exercise_by_its_chapter_number(site):
    guide = soup(site / "book" / "docentengids.html")
    links = [a for a in guide.find_all("a", href=True) if "oefening" in a["href"]]
    assert links and all(a["href"].endswith(".html#h2-oefening-1") and a.get_text(strip=True) == "Opgave 2.1"
                         for a in links)


DATA_SOLUTIONS = {  # chapter: (item, the answer counted, grouped by); recounted here with pandas
    "01_waarom": ("uitkomst_burgers", "ja", ["grootte", "subsidie"]),
    "02_wie": ("profiel_b", "ja", ["subsidie"]),
    "03_acties": ("beleid_part_inwoners", "eerder_wel", ["grootte"]),
    "04_materiaal": ("materiaal_seniorweb", "ja", ["grootte"]),
    "05_uitdagingen": ("uren_per_week", None, ["subsidie"]),  # 4 hours or less: the exercise's half day
}
BOOK_ORDER = {  # the groups' codes and their labels, in the order of the book's tables
    "grootte": [("klein", "Klein"), ("middelgroot", "Middelgroot"), ("groot", "Groot")],
    "subsidie": [("met", "Met subsidie"), ("zonder", "Zonder subsidie")],
}


def _rows(table):
    head = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    body = [[c.get_text(strip=True) for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    return head, body


def _answer(solution):
    found = [" ".join(p.get_text(" ").split()) for p in solution.find_all("p")]
    found = [t for t in found if t.startswith("Antwoord.")]
    assert len(found) == 1
    return found[0]


def _names(labels):
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"


def test_data_solutions_show_n_per_group_in_book_order_and_state_the_answer(site, respondents):
    """Each data exercise's solution: a table with an n column, the groups in the book's order and
    labels (klein, middelgroot, groot; met, zonder subsidie), the shares recounted here, and a
    sentence that states the answer with those numbers."""
    from itertools import product

    for chapter, (item, answer, by) in DATA_SOLUTIONS.items():
        solution = soup(site / "notebooks" / f"{chapter}.html").select("#oefeningen div.solution")[0]
        head, body = _rows(solution.select_one("table.di-result"))
        assert head[:2] == ["Groep", "n"], (chapter, head)
        answered = respondents if answer is None else respondents[respondents[item] != "geen_antwoord"]
        hits = answered[item].le(4) if answer is None else answered[item].eq(answer)
        groups = list(product(*(BOOK_ORDER[column] for column in by)))
        assert [row[0] for row in body] == [" · ".join([g[0][1], *(label.lower() for _, label in g[1:])])
                                            for g in groups], chapter
        texts = []
        for group, row in zip(groups, body):
            members = pd.Series(True, index=answered.index)
            for column, (code, _) in zip(by, group):
                members &= answered[column].eq(code)
            m, k = int(members.sum()), int((hits & members).sum())
            share = (200 * k + m) // (2 * m)  # 100 k / m, half up
            assert row[1:] == [str(m), str(share)], (chapter, row)
            texts.append((f"{row[0]} (n = {m}{', kleine groep' if m < 30 else ''})", share))
        sentence = _answer(solution)
        if len(by) == 1:  # every group with its n and share
            assert "; ".join(f"{t}: {s}%" for t, s in texts) in sentence, (chapter, sentence)
        high, low = max(s for _, s in texts), min(s for _, s in texts)
        assert high > low  # on the shipped file; the sentences for equal shares: test_answers.py
        assert (f"het hoogst bij {_names([t for t, s in texts if s == high])}: {high}%, en het laagst bij "
                f"{_names([t for t, s in texts if s == low])}: {low}%.") in sentence, (chapter, sentence)


def test_the_plan_solution_counts_who_says_neen_now_and_expects_it_next_time(site, respondents):
    solution = soup(site / "notebooks" / "06_toekomst.html").select("#oefeningen div.solution")[0]
    head, body = _rows(solution.select_one("table.di-result"))
    order = ["Neen", "Ja, expliciet", "Ja, impliciet", "Weet het niet"]  # the codebook's order
    assert head == ["Huidige meerjarenplanning / Volgende meerjarenplanning", *order, "n"]
    assert [row[0] for row in body] == order
    both = respondents[(respondents["meerjarenplanning_huidig"] != "geen_antwoord")
                       & (respondents["meerjarenplanning_volgend"] != "geen_antwoord")]
    now_no = both[both["meerjarenplanning_huidig"] == "neen"]["meerjarenplanning_volgend"]
    explicit, implicit = int((now_no == "expliciet").sum()), int((now_no == "impliciet").sum())
    assert body[0][2:4] == [str(explicit), str(implicit)] and body[0][-1] == str(len(now_no))
    assert _answer(solution) == (f"Antwoord. Van de {len(now_no)} respondenten die digitale inclusie nu niet in de "
                                 f"planning hebben (Neen), verwachten er {explicit + implicit} het thema wel in de "
                                 f"volgende planning: {explicit} expliciet en {implicit} impliciet.")


def test_every_solution_answers_in_a_sentence(site):
    import re

    for chapter in CHAPTERS:
        for solution in soup(site / "notebooks" / f"{chapter}.html").select("#oefeningen div.solution"):
            sentences = [t for p in solution.find_all("p") if "admonition-title" not in p.get("class", [])
                         for t in re.split(r"(?<=[.?!])\s+", " ".join(p.get_text(" ").split()))
                         if len(t.split()) >= 6 and t.endswith((".", "?", "!"))]
            assert sentences, (chapter, _title(solution))


def test_the_rounding_of_chapter_6_is_said_under_the_tables_it_concerns(site):
    """Chapter 6, exercise 2 asks about rows rounded as a whole: the page says it in words under
    tables 12, 13 and 15 (the rows the report prints so), and under no other table."""
    page = soup(site / "notebooks" / "06_toekomst.html")
    notes = page.select("p.di-rounding")
    tables = [n.find_previous("table").caption.get_text(" ", strip=True).split(":")[0] for n in notes]
    assert tables == ["Tabel 12", "Tabel 13", "Tabel 15"]
    rows = ["de rij Groot (n = 26, kleine groep)", "de rij Groot (n = 26, kleine groep)",
            "de rij Zonder subsidie (n = 54)"]
    for note, row in zip(notes, rows):
        assert f"Afronding: {row} is als geheel afgerond" in note.get_text(" ", strip=True)
        assert not note.find_parent("details")  # visible, not in folded code
    for chapter in CHAPTERS[:-1]:
        assert not soup(site / "notebooks" / f"{chapter}.html").select("p.di-rounding"), chapter
