"""The audit: every printed number is reproduced or in the register, never neither."""

import pandas as pd
import pytest

from digitale_inclusie.analysis.cells import compare, recompute
from digitale_inclusie.data.published import KEY, csv_number
from digitale_inclusie.data.published import printed_group_sizes as group_sizes
from digitale_inclusie.data.register import COLUMNS as REGISTER_COLUMNS
from digitale_inclusie.data.register import KIND_INCONSISTENT, KIND_NOT_COMPUTABLE, KIND_TRADE_OFF
from digitale_inclusie.paths import REGISTER
from digitale_inclusie.reconstruction.audit import grim_reason, rounding_findings


@pytest.fixture(scope="module")
def register():
    return pd.read_csv(REGISTER, dtype=str, keep_default_na=False)


def _keys(frame):
    return {tuple(row[k] for k in KEY) for _, row in frame.iterrows()}


def test_every_printed_number_is_reproduced_or_registered(published, respondents, register):
    compared = compare(recompute(respondents, published), published)
    not_reproduced = _keys(compared[~compared["matches"]])
    reproduced = _keys(compared[compared["matches"]])
    registered = _keys(register)
    assert registered == not_reproduced
    assert not registered & reproduced
    assert reproduced | registered == _keys(published)


def test_register_on_disk_is_the_fresh_audit(audited, register):
    fresh, _ = audited
    assert list(register.columns) == REGISTER_COLUMNS
    for column in ("value", "reconstructed"):
        fresh[column] = [csv_number(v) for v in fresh[column]]
    assert fresh.astype(str).values.tolist() == register.values.tolist()


def test_register_entries_carry_a_reason_and_the_reconstructed_value(register):
    assert set(register["kind"]) <= {KIND_INCONSISTENT, KIND_TRADE_OFF, KIND_NOT_COMPUTABLE}
    for _, row in register.iterrows():
        assert len(row["reason"]) > 20
        if row["kind"] != KIND_NOT_COMPUTABLE:
            assert row["reconstructed"] != "" and row["reconstructed"] != row["value"]
            assert "in plaats" in row["alternative"], row  # the file that was not chosen
        else:
            assert row["alternative"] == ""


def _entry(register, table, group, item):
    rows = register[(register["table"] == table) & (register["group"] == group) & (register["item"] == item)]
    assert len(rows) == 1, (table, group, item)
    return rows.iloc[0]


def test_numbers_impossible_by_hand_are_registered(register):
    # 30% of 26 large governments: 7/26 = 26.9%, 8/26 = 30.8%
    assert "7/26" in _entry(register, "tabel_6", "groot", "Adviespartijen")["reason"]
    # 32% of 54 without subsidy (17/54 = 31.48%, 18/54 = 33.33%) is not a conflict but the
    # report's row rounding: 6, 17, 25, 6 of 54 by largest remainder give 11/32/46/11 exactly
    assert register[(register["table"] == "tabel_15") & (register["group"] == "zonder")].empty
    # B-profile: table 5 weighted by 136/114/26 gives 87.5%-88.5%, the text prints 90%
    assert "87,5%" in _entry(register, "functieprofielen", "totaal", "B-profiel")["reason"]
    # participation is about governments, not respondents
    assert _entry(register, "steekproef", "totaal", "Deelnemende lokale besturen")["kind"] == KIND_NOT_COMPUTABLE


def test_register_separates_conflicts_from_trade_offs(register):
    """The independent review of the register: three numbers cannot all hold with the others,
    two are the reconstruction's choice."""
    kinds = {(r["table"], r["group"], r["item"]): r["kind"] for _, r in register.iterrows()}
    # 45% against the size groups 36/48/67 of 136/114/26 (43.4%-44.4%), all three reproduced
    assert kinds[("figuur_1", "totaal", "Lokale verenigingen")] == KIND_INCONSISTENT
    assert kinds[("functieprofielen", "totaal", "B-profiel")] == KIND_INCONSISTENT
    assert kinds[("tabel_6", "groot", "Adviespartijen")] == KIND_INCONSISTENT  # no k/26 gives 30%
    # 24% of 54 is 13/54; its only conflict (with the total 45%) is gone once 45% is missed
    assert kinds[("tabel_2", "zonder", "Lokale verenigingen")] == KIND_TRADE_OFF
    # 31% total against met 35% / zonder 9% holds once enough respondents skip the question
    assert kinds[("tabel_7", "met", "Adviespartijen")] == KIND_TRADE_OFF


def test_trade_off_names_the_alternative(register):
    forty_five = _entry(register, "figuur_1", "totaal", "Lokale verenigingen")
    # keeping 45% means giving up one of its groups: the small governments' 36% (table 1)
    assert "Tabel 1, kleine besturen (< 20.000 inwoners): Lokale verenigingen 36%" in forty_five["alternative"]
    twenty_four = _entry(register, "tabel_2", "zonder", "Lokale verenigingen")
    assert "lost de reconstructie al op door Figuur 1" in twenty_four["reason"]
    assert "evenveel gemiste cijfers" in twenty_four["alternative"]
    # By hand, for 31% of 276 with met 35% of 222 and zonder 9% of 54: 9% needs 5 of 53 or 54,
    # and then the total needs 0.05 * m_met > 11.2, impossible with m_met <= 222; the next m
    # with a count for 9% is 47 (4/47 = 8.51%), after 7 skips; with all 222 met answering the
    # total needs 79 of them (> 35.5%), with 221 it works: 78/221 = 35.29%, 82/268 = 30.60%.
    # So 8 skipped answers at least, against 1 in the reconstruction: 7 more than one miss costs.
    thirty_five = _entry(register, "tabel_7", "met", "Adviespartijen")
    assert "Een bestand met 8 in plaats van 1 overgeslagen antwoorden" in thirty_five["alternative"]


def test_grim_reason_names_the_neighbouring_fractions():
    text = grim_reason(79, 26)
    # two decimals: 76,92% and 80,77% both visibly miss 79%
    assert "20/26 = 76,92%" in text and "21/26 = 80,77%" in text
    assert grim_reason(79, 24) is None


def test_rows_marked_largest_remainder_need_it(published, codebook):
    findings = rounding_findings(published, codebook, group_sizes(published))
    assert findings, "the report has rows that only largest-remainder rounding explains"
    rows = {(key[0], key[2]) for key, _, _ in findings}
    assert {("tabel_12", "groot"), ("tabel_13", "groot"), ("tabel_15", "zonder")} <= rows
    for key, ok, text in findings:
        assert ok, text


def test_register_reads_in_dutch(register):
    from digitale_inclusie.present.register import register_frame, register_html

    table = register_frame(register)
    assert list(table.columns) == ["Waar", "Groep", "Cijfer", "Gedrukt", "Reconstructie", "Waarom",
                                   "Niet gekozen alternatief"]
    row = table[table["Waar"] == "Tabel 6"].iloc[0]
    assert (row["Groep"], row["Gedrukt"], row["Reconstructie"]) == ("Grote besturen (> 50.000 inwoners)", "30%", "31%")
    html = register_html(register, "Register")
    assert html.count("<dt>") == len(register) and html.count("<strong>Waarom.</strong>") == len(register)
    assert "<dt>Tabel 6, grote besturen (&gt; 50.000 inwoners): Adviespartijen – Ja: gedrukt 30%, reconstructie 31%</dt>" in html
    assert html.count("Niet gekozen alternatief.") == (register["alternative"] != "").sum()


def test_numbers_rescued_by_skipped_answers(published, respondents):
    from digitale_inclusie.reconstruction.audit import rescued_by_nonresponse

    rescued = rescued_by_nonresponse(published, respondents, group_sizes(published))
    # by hand: 79%, 67% and 71% of 26 large governments are impossible (table 1),
    # 19/24, 16/24 and 17/24 give them
    large = rescued[(rescued["table"] == "tabel_1") & (rescued["group"] == "groot")]
    assert sorted(large["value"]) == [67, 71, 79]
    assert set(large["m"]) == {24}
    assert (rescued["m"] < rescued["n"]).all()
    # a total, with its groups: everyone answering, table 6 fixes 84 of 136 (62%), 103 of 114 (90%)
    # and 24 of 26 (92%): 211 of 276 = 76.45%, rounding to 76, not the printed 77%; with one
    # respondent skipping, 211 of 275 = 76.73% gives 77%
    total = rescued[(rescued["table"] == "samenwerking") & (rescued["item"].str.startswith("Lokale sociale"))]
    assert len(total) == 1 and total["m"].iloc[0] == 275 and "211/276 = 76,45%" in total["reason"].iloc[0]
    # the advisers' total leans on a group number in conflict (35%, the register): not listed here
    assert rescued[(rescued["table"] == "samenwerking") & (rescued["item"] == "Adviespartijen")].empty
    assert len(rescued) == 5


def test_notes_under_tables_name_the_kind(register):
    from digitale_inclusie.data.register import reasons

    notes = reasons(register)
    key = ("tabel_6", "grootte", "groot", "Adviespartijen", "Ja")
    assert notes[key].startswith("Tegenspraak in het rapport: geen aantal op 26 rondt af op 30%")
    key = ("tabel_7", "subsidie", "met", "Adviespartijen", "Ja")
    assert notes[key].startswith("Keuze van de reconstructie: ")
    assert notes[key].endswith("staat in het register (Over de data).")
