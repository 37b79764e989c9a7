"""The reconstruction: deterministic, within its limits, and right on small cases."""

from fractions import Fraction

import pandas as pd

from digitale_inclusie.data.codebook import HOURS, MISSING, SIZE, SUBSIDY
from digitale_inclusie.data.published import load_published
from digitale_inclusie.paths import RESPONDENTS
from digitale_inclusie.reconstruction.reconstruct import (
    HOURS_GRID, MAX_SKIPS, joint_counts, respondent_frame, solve, to_csv_text,
)


def test_joint_counts_keep_both_margins_and_are_proportional(published):
    cells = joint_counts(published)
    n = published[published["statistic"] == "n"].set_index("group")["value"]
    for size in ("klein", "middelgroot", "groot"):
        assert cells[(size, "met")] + cells[(size, "zonder")] == n[size]
        # within one respondent of independence
        assert abs(cells[(size, "met")] - Fraction(n[size] * n["met"], n["totaal"])) < 1
    assert sum(cells[(s, "met")] for s in ("klein", "middelgroot", "groot")) == n["met"]


def test_shipped_file_is_the_reconstruction_byte_for_byte(audited):
    """Same printed numbers in, same file out; a stale shipped file fails here."""
    _, frame = audited
    assert to_csv_text(frame) == RESPONDENTS.read_text(encoding="utf-8")


def test_skipped_answers_stay_few(respondents, codebook):
    for question, items in codebook.questions.items():
        skipped = respondents[items[0]] == MISSING
        assert skipped.sum() <= MAX_SKIPS
        # a skipped question is skipped for all its items
        for item in items:
            assert ((respondents[item] == MISSING) == skipped).all(), item


def test_hours_lie_on_the_answer_grid_and_match_the_printed_facts(respondents):
    hours = respondents[HOURS]
    assert set(hours) <= set(HOURS_GRID)
    # printed: minimum 0, maximum 40, median 4, mean 10 (rounded)
    assert hours.min() == 0 and hours.max() == 40
    assert hours.median() == 4
    assert 9.5 <= hours.mean() < 10.5


def _toy(tmp_path, rows):
    """A published file with the printed group sizes of a toy survey and some shares of
    'uitkomst_burgers'."""
    sizes = [("totaal", "totaal", 10), ("grootte", "klein", 5), ("grootte", "middelgroot", 3),
             ("grootte", "groot", 2), ("subsidie", "met", 6), ("subsidie", "zonder", 4)]
    lines = ["table,breakdown,group,item,category,value,unit,statistic,variable,code,rounding,section,source,note"]
    lines += [f"steekproef,{b},{g},n,n,{n},aantal,n,,,exact,s,s," for b, g, n in sizes]
    lines += [f"t,{b},{g},Burgers,Ja,{v},procent,share,uitkomst_burgers,ja,half_up,s,s," for b, g, v in rows]
    path = tmp_path / "toy.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_published(path)


def _toy_matches(frame, toy):
    """For every toy share: does the reconstructed file give it? Counted here by hand, apart
    from the package: the group's 'ja' among those who answered, rounded half up."""
    matches = []
    for _, row in toy.iterrows():
        if row["statistic"] != "share":
            continue
        members = frame if row["group"] == "totaal" else frame[(frame[SIZE] == row["group"]) | (frame[SUBSIDY] == row["group"])]
        answered = members["uitkomst_burgers"][members["uitkomst_burgers"] != MISSING]
        k, m = int((answered == "ja").sum()), len(answered)
        matches.append((row.name, (200 * k + m) // (2 * m) == row["value"]))
    return pd.Series(dict(matches))


def _solve_toy(toy, codebook):
    result = solve(toy, codebook)
    frame = respondent_frame(result, codebook)
    return result, frame, _toy_matches(frame, toy)


def test_consistent_toy_is_reproduced_exactly(tmp_path, codebook):
    # 3 of 10 say yes: 2 of 5 small, 1 of 3 medium, 0 of 2 large; 2 of 6 with, 1 of 4 without
    toy = _toy(tmp_path, [("totaal", "totaal", 30), ("grootte", "klein", 40), ("grootte", "middelgroot", 33),
                          ("grootte", "groot", 0), ("subsidie", "met", 33), ("subsidie", "zonder", 25)])
    result, frame, matches = _solve_toy(toy, codebook)
    assert matches.all()
    assert result.missed == []
    assert (frame["uitkomst_burgers"] == "ja").sum() == 3
    assert (frame["uitkomst_burgers"] == MISSING).sum() == 0


def test_impossible_number_is_missed_not_forced(tmp_path, codebook):
    # groups say 2 + 1 + 0 = 3 of 10, the total says 50%: one of them cannot hold
    toy = _toy(tmp_path, [("totaal", "totaal", 50), ("grootte", "klein", 40), ("grootte", "middelgroot", 33),
                          ("grootte", "groot", 0)])
    result, _, matches = _solve_toy(toy, codebook)
    assert len(result.missed) == 1
    assert sorted(matches.index[~matches]) == result.missed


def test_grim_impossible_share_uses_a_skipped_answer(tmp_path, codebook):
    # 1 of 3 medium rounds to 33%, never to 50%; with one of them skipping, 1 of 2 is 50%
    toy = _toy(tmp_path, [("grootte", "middelgroot", 50)])
    result, frame, matches = _solve_toy(toy, codebook)
    assert matches.all()
    medium = frame[frame["grootte"] == "middelgroot"]["uitkomst_burgers"]
    assert (medium == MISSING).sum() == 1


def test_result_does_not_depend_on_the_number_of_processes(published, codebook):
    single = respondent_frame(solve(published, codebook, workers=1), codebook)
    assert to_csv_text(single) == RESPONDENTS.read_text(encoding="utf-8")
