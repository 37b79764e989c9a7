"""The report's statistics: exact percentages with its rounding, element by element on pandas
objects. Expected values are worked out by hand in the comments."""

from fractions import Fraction

import pandas as pd
import pytest

from digitale_inclusie.analysis.stats import (exact_percent, grim_counts, largest_remainder, percent,
                                     percent_summing_to_100, round_half_up)


@pytest.mark.parametrize("k, m, expected", [
    (5, 8, 63),   # 62.5 rounds up
    (1, 200, 1),  # 0.5 rounds up
    (1, 40, 3),   # 2.5 -> 3, not banker's 2
    (3, 40, 8),   # 7.5 -> 8: 3/40 is not exact in binary, the integers are
    (1, 3, 33),
    (2, 3, 67),
    (0, 7, 0),
    (7, 7, 100),
])
def test_percent_of_two_counts_rounds_half_up_exactly(k, m, expected):
    assert percent(k, m) == expected


def test_percent_of_an_empty_group_is_missing_not_an_error():
    assert percent(0, 0) is None
    shares = percent(pd.Series({"a": 1, "b": 0}), pd.Series({"a": 2, "b": 0}))
    assert shares["a"] == 50 and shares["b"] is pd.NA


def test_percent_divides_each_row_of_a_table_by_its_own_total():
    counts = pd.DataFrame({"ja": [1, 3], "nee": [3, 5]}, index=["klein", "groot"])
    shares = percent(counts, counts.sum(axis=1))
    # klein: 1/4 = 25%, 3/4 = 75%; groot: 3/8 = 37.5% -> 38%, 5/8 = 62.5% -> 63%
    assert shares.to_dict("index") == {"klein": {"ja": 25, "nee": 75}, "groot": {"ja": 38, "nee": 63}}
    assert str(shares["ja"].dtype) == "Int64"


def test_percent_aligns_numerator_and_denominator_on_their_labels():
    yes = pd.Series({"b": 1, "a": 1})
    answered = pd.Series({"a": 4, "b": 2})
    assert percent(yes, answered).to_dict() == {"a": 25, "b": 50}
    assert percent(pd.Series({"a": 1, "b": 3}), 4).to_dict() == {"a": 25, "b": 75}


@pytest.mark.parametrize("bad", [pd.Series([0.5]), pd.Series([-1]), pd.Series([None], dtype=float)])
def test_percent_refuses_what_is_not_a_count(bad):
    with pytest.raises(TypeError, match="counts"):
        percent(bad, pd.Series([2]))


@pytest.mark.parametrize("x, expected", [
    (10.5, 11), (2.5, 3), (0.5, 1), (12.4999, 12), (0, 0), (40.0, 40),
    (Fraction(125, 2), 63),
    (pd.Series([0.3, 0.3, 0.7, 0.7]).mean(), 1),  # exactly 1/2, but 0.49999999999999994 in floating point
])
def test_round_half_up(x, expected):
    assert round_half_up(x) == expected


def test_round_half_up_element_by_element():
    means = pd.Series({"klein": 6.4, "groot": 21.5, "leeg": float("nan")})
    rounded = round_half_up(means)
    assert rounded["klein"] == 6 and rounded["groot"] == 22 and rounded["leeg"] is pd.NA


def test_largest_remainder_gives_the_row_that_ordinary_rounding_cannot():
    # 0, 21, 2 and 3 of 26 respondents: 0%, 80.77%, 7.69%, 11.54%; half up gives 0/81/8/12 (101%)
    counts = pd.Series({"neen": 0, "expliciet": 21, "impliciet": 2, "weet_niet": 3})
    assert percent(counts, 26).tolist() == [0, 81, 8, 12]
    assert percent_summing_to_100(counts).tolist() == [0, 81, 8, 11]


def test_largest_remainder_ties_go_to_the_earlier_column():
    shares = [exact_percent(k, 26) for k in (2, 15, 7, 2)]  # 7.69, 57.69, 26.92, 7.69
    assert largest_remainder(shares) == [8, 58, 27, 7]


def test_largest_remainder_needs_a_full_row():
    with pytest.raises(ValueError, match="sum"):
        largest_remainder([Fraction(30), Fraction(30)])
    assert percent_summing_to_100(pd.Series({"a": 0, "b": 0})).isna().all()


def test_exact_percent():
    assert exact_percent(1, 3) == Fraction(100, 3)
    with pytest.raises(ValueError):
        exact_percent(0, 0)


def test_grim_counts():
    assert grim_counts(79, 26) == []  # 20/26 = 76.9%, 21/26 = 80.8%
    assert grim_counts(79, 24) == [19]  # 79.2%
    assert grim_counts(50, 276) == [137, 138, 139]  # 49.6%, 50%, 50.4%
    assert grim_counts(0, 10) == [0]
    assert grim_counts(100, 7) == [7]


def test_percent_of_rows_rounds_half_up_and_the_named_rows_to_100():
    from digitale_inclusie.analysis.stats import percent_of_rows

    counts = pd.DataFrame({"a": [1, 1, 0], "b": [1, 1, 0], "c": [1, 1, 0]}, index=["klein", "groot", "leeg"])
    shares = percent_of_rows(counts, summing_to_100=["groot", "zonder"])  # 'zonder' is not a row: passed over
    # 1/3 = 33.33...% each: half up gives 33 + 33 + 33 = 99; as a whole, the first remainder gets the point
    assert shares.loc["klein"].tolist() == [33, 33, 33]
    assert shares.loc["groot"].tolist() == [34, 33, 33]
    assert shares.loc["leeg"].isna().all()  # nobody in the row: no share, not an error


def test_percent_of_rows_says_which_rows_it_rounded_as_a_whole_and_what_half_up_gave():
    from digitale_inclusie.analysis.stats import ROUNDED_AS_WHOLE, percent_of_rows

    counts = pd.DataFrame({"a": [1, 1], "b": [1, 1], "c": [1, 1]}, index=["klein", "groot"])
    shares = percent_of_rows(counts, summing_to_100=["groot", "zonder"])
    # half up, each third is 33 (99 in all); a row the table lacks is named with None
    assert shares.attrs[ROUNDED_AS_WHOLE] == {"groot": {"a": 33, "b": 33, "c": 33}, "zonder": None}
    assert percent_of_rows(counts).attrs[ROUNDED_AS_WHOLE] == {}
