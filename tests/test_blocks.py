"""The printed blocks, declared from the printed numbers and the codebook, and results placed by
their declaration (digitale_inclusie.analysis.blocks).

Expected layouts are the report's own (its tables as printed: Tabel 6 has the size classes as
rows and the three partners as columns) and the codebook's order; expected numbers are the
report's.
"""

from fractions import Fraction

import pandas as pd
import pytest

from digitale_inclusie.analysis.blocks import BlockError, declare
from digitale_inclusie.data.codebook import MISSING


@pytest.fixture(scope="module")
def blocks(published, codebook):
    return declare(published, codebook)


PARTNERS = ("samenwerking_besturen", "samenwerking_middenveld", "samenwerking_advies")
PLAN_ANSWERS = ("neen", "expliciet", "impliciet", "weet_niet")


def test_every_printed_block_of_the_report_is_declared(blocks):
    numbered = {b for b in blocks if b.startswith(("tabel_", "figuur_"))}
    # the report prints fifteen tables; figures 1 and 6 carry numbers (the others only shapes)
    assert numbered == {f"tabel_{n}" for n in range(1, 16)} | {"figuur_1", "figuur_6"}
    assert {"uren", "functieprofielen", "samenwerking", "materiaal", "steekproef"} <= set(blocks)


def test_tabel_6_has_the_size_classes_as_rows_and_the_partners_as_columns(blocks):
    block = blocks["tabel_6"]
    assert (block.rows.kind, block.rows.keys, block.rows.name) == ("group", ("klein", "middelgroot", "groot"), "grootte")
    assert (block.columns.kind, block.columns.keys) == ("item", PARTNERS)
    assert block.fixed == {"answer": "ja"} and block.unit == "procent"
    printed = block.printed[("klein", "samenwerking_besturen")]
    assert printed.value == 73 and printed.key == ("tabel_6", "grootte", "klein", "Andere lokale besturen", "Ja")
    assert len(block.printed) == 9


def test_plans_by_group_name_the_question_they_show(blocks):
    """Tables 12-15 differ only in the question and the groups: the question is the name the
    result must give its columns (the report swapped the titles of 14 and 15; the transcription
    decided from their content which plan each shows)."""
    for table, groups, item in (("tabel_12", ("klein", "middelgroot", "groot"), "meerjarenplanning_huidig"),
                                ("tabel_13", ("klein", "middelgroot", "groot"), "meerjarenplanning_volgend"),
                                ("tabel_14", ("met", "zonder"), "meerjarenplanning_volgend"),
                                ("tabel_15", ("met", "zonder"), "meerjarenplanning_huidig")):
        block = blocks[table]
        assert block.rows.keys == groups and block.fixed["item"] == item, table
        assert (block.columns.kind, block.columns.keys, block.columns.name) == ("answer", PLAN_ANSWERS, item), table
    assert blocks["tabel_14"].printed[("zonder", "expliciet")].value == 46
    assert blocks["tabel_14"].note.startswith("Afgedrukte titel")


def test_policy_tables_have_the_actions_as_rows_and_the_three_answers_as_columns(blocks, codebook):
    """Tabel 8 prints '(eerder) niet' and '(eerder) wel'; the third answer ('weet of begrijp ik
    niet') is the rest to 100 (endnote 8), transcribed as such: 100 - 33 - 64 = 3 for the first
    action."""
    block = blocks["tabel_8"]
    visie = [f.name for f in codebook.fields if f.name.startswith("beleid_visie_")]
    assert block.rows.keys == tuple(visie) and len(visie) == 6
    assert block.columns.keys == ("eerder_niet", "eerder_wel", "weet_niet") and block.columns.name == ""
    row = [block.printed[("beleid_visie_noden", code)].value for code in block.columns.keys]
    assert row == [33, 64, 3]


def test_hours_are_statistics_in_the_printed_order(blocks):
    block = blocks["uren"]
    assert block.columns is None and block.rows.kind == "statistic"
    assert block.rows.keys[:4] == ("Gemiddelde", "Mediaan", "Minimum", "Maximum") and len(block.rows.keys) == 9
    assert block.fixed["item"] == "uren_per_week"
    assert block.printed[("Gemiddelde", None)].unit == "uur" and block.printed[("4 uur of minder", None)].unit == "procent"


def test_a_result_is_placed_cell_by_cell_in_the_declared_order(blocks, respondents):
    result = pd.DataFrame([[10, 11, 12], [20, 21, 22], [30, 31, 32]], columns=list(PARTNERS),
                          index=pd.Index(["groot", "klein", "middelgroot"], name="grootte"))
    places = blocks["tabel_6"].place(result, respondents)
    assert [(p.row, p.column, p.value) for p in places[:4]] == [
        ("klein", "samenwerking_besturen", 20), ("klein", "samenwerking_middenveld", 21),
        ("klein", "samenwerking_advies", 22), ("middelgroot", "samenwerking_besturen", 30)]
    first = places[0]
    assert (first.group, first.variable, first.answer, first.unit) == ("klein", "samenwerking_besturen", "ja", "procent")
    assert first.printed.value == 73 and len(places) == 9


def test_a_result_that_does_not_fit_is_refused_naming_the_block_and_the_cell(blocks, respondents, results):
    block = blocks["tabel_6"]
    wrong_row = results["tabel_6"].rename(index={"klein": "kleinn"})
    with pytest.raises(BlockError, match="tabel_6: row 'kleinn' of the result is not a group of the block; "
                                         "expected klein, middelgroot, groot"):
        block.place(wrong_row, respondents)
    with pytest.raises(BlockError, match="tabel_6: the result is Series; expected a DataFrame"):
        block.place(results["samenwerking"], respondents)
    unnamed = results["tabel_6"].rename_axis(None)
    with pytest.raises(BlockError, match="tabel_6: the rows of the result are named None; expected 'grootte'"):
        block.place(unnamed, respondents)
    with pytest.raises(BlockError, match="tabel_6: the result has no number for klein / samenwerking_besturen"):
        block.place(results["tabel_6"].drop(index="klein"), respondents)


def test_tables_14_and_15_cannot_be_swapped(blocks, respondents, results):
    with pytest.raises(BlockError, match="tabel_14: the columns of the result are named 'meerjarenplanning_huidig'; "
                                         "expected 'meerjarenplanning_volgend'"):
        blocks["tabel_14"].place(results["tabel_15"], respondents)
    with pytest.raises(BlockError, match="tabel_3: the result is named 'uitkomst_burgers'; expected 'uren_per_week'"):
        blocks["tabel_3"].place(results["tabel_3"].rename("uitkomst_burgers"), respondents)


def test_a_number_the_data_cannot_give_is_missing_with_its_reason(blocks, respondents):
    no_large = respondents[respondents["grootte"] != "groot"].copy()
    result = pd.DataFrame([[1, 2, 3], [4, 5, 6]], columns=list(PARTNERS),
                          index=pd.Index(["klein", "middelgroot"], name="grootte"))
    large = [p for p in blocks["tabel_6"].place(result, no_large) if p.group == "groot"]
    assert [(p.value, p.missing) for p in large] == [(None, "geen respondenten in deze groep")] * 3
    skipped = respondents.copy()
    skipped.loc[skipped["grootte"] == "klein", list(PARTNERS)] = MISSING
    result = pd.DataFrame([[1, 2, 3], [4, 5, 6]], columns=list(PARTNERS),
                          index=pd.Index(["middelgroot", "groot"], name="grootte"))
    small = [p for p in blocks["tabel_6"].place(result, skipped) if p.group == "klein"]
    assert {p.missing for p in small} == {"niemand in deze groep beantwoordde deze vraag"}


def test_decimals_stay_exact(blocks, respondents):
    result = pd.Series([10.5, 4.0, 0.0, 40.0, 50, 11, 50, 19, 14], index=list(blocks["uren"].rows.keys),
                       name="uren_per_week")
    values = [p.value for p in blocks["uren"].place(result, respondents)]
    assert values[0] == Fraction(21, 2) and values[1] == 4 and isinstance(values[1], int)
