from fractions import Fraction

import pytest

from digitale_inclusie.rounding import grim_counts, half_up, largest_remainder, percent


@pytest.mark.parametrize("x, expected", [
    (Fraction(125, 2), 63),  # 62.5 rounds up
    (Fraction(1, 2), 1),
    (Fraction(5, 2), 3),  # not banker's rounding (which gives 2)
    (Fraction(249999, 100000), 2),
    (Fraction(0), 0),
    (40, 40),
])
def test_half_up(x, expected):
    assert half_up(x) == expected


def test_percent_is_exact():
    assert percent(1, 3) == Fraction(100, 3)
    with pytest.raises(ValueError):
        percent(0, 0)


def test_largest_remainder_gives_the_row_that_ordinary_rounding_cannot():
    # 21, 2 and 3 of 26 respondents: 80.77%, 7.69%, 11.54%; half-up gives 81/8/12 (101%)
    shares = [percent(k, 26) for k in (0, 21, 2, 3)]
    assert [half_up(s) for s in shares] == [0, 81, 8, 12]
    assert largest_remainder(shares) == [0, 81, 8, 11]


def test_largest_remainder_ties_go_to_the_earlier_column():
    shares = [percent(k, 26) for k in (2, 15, 7, 2)]  # 7.69, 57.69, 26.92, 7.69
    assert largest_remainder(shares) == [8, 58, 27, 7]


def test_largest_remainder_needs_a_full_row():
    with pytest.raises(ValueError, match="sum"):
        largest_remainder([Fraction(30), Fraction(30)])


def test_grim_counts():
    assert grim_counts(79, 26) == []  # 20/26 = 76.9%, 21/26 = 80.8%
    assert grim_counts(79, 24) == [19]  # 79.2%
    assert grim_counts(50, 276) == [137, 138, 139]  # 49.6%, 50%, 50.4%
    assert grim_counts(0, 10) == [0]
    assert grim_counts(100, 7) == [7]
