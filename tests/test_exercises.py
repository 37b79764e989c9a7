"""Exercises numbered per chapter (issue 22): the chapter number of a page's title and the
order of its exercises give 'Opgave 2.1', whatever number Sphinx counted through the book."""

from digitale_inclusie.sphinx.exercises import chapter_number, per_chapter


def test_the_chapter_number_is_the_number_a_title_begins_with():
    assert chapter_number("6. Hoe willen lokale besturen in de toekomst op digitale inclusie inzetten?") == 6
    assert chapter_number("12. Twaalf") == 12
    assert chapter_number("Woordenlijst") is None
    assert chapter_number("2024 in cijfers") is None  # a year is not a chapter number


def test_exercises_are_renumbered_in_page_order_within_their_chapter():
    # Sphinx counted through the book: the page's exercises were 15, 16 and 17
    counted = {"h2-oefening-3": (17,), "h2-oefening-1": (15,), "h2-oefening-2": (16,)}
    assert per_chapter(counted, 2) == {"h2-oefening-1": (2, 1), "h2-oefening-2": (2, 2), "h2-oefening-3": (2, 3)}
