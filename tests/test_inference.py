"""The statistics behind the claims' verdicts, checked against independent reasoning: the
normal-approximation formulas by hand, statsmodels where a function here stands in for one,
and data whose answer is known by construction."""

import math

import numpy as np
import pytest

from digitale_inclusie.analysis import inference


def test_holm_equals_statsmodels():
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(3)
    for size in (2, 3, 7, 18):
        p = rng.random(size) ** 3
        assert np.allclose(inference.holm(list(p)), multipletests(p, method="holm")[1])
    assert inference.holm([0.2]) == [0.2]


def test_benjamini_hochberg_by_hand():
    p = [0.01, 0.04, 0.03, 0.5]
    # sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, 0.053, 0.053, 0.5 (step-up minimum)
    assert np.allclose(inference.benjamini_hochberg(p), [0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])


def test_detectable_difference_matches_the_textbook_formula():
    # two groups of 100 around 50%: (1.96 + 0.84) * sqrt(0.25 * (1/100 + 1/100)) = 19.8 points
    effect = inference.two_shares(50, 100, 50, 100)
    assert effect.detectable == pytest.approx(100 * 2.8016 * math.sqrt(0.25 * 0.02), abs=1.0)
    # one sample of 276 against 75%: 2.8 * sqrt(0.75 * 0.25 / 276) = 7.3 points
    assert inference.share_level(207, 276, 75).detectable == pytest.approx(100 * 2.8016 * math.sqrt(0.1875 / 276), abs=0.5)


def test_a_share_against_a_level_uses_the_wilson_interval():
    effect = inference.share_level(243, 276, 75)
    p, n, z = 243 / 276, 276, 1.959964
    low = (p + z * z / (2 * n) - z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)
    assert effect.low + 75 == pytest.approx(100 * low, abs=1e-6) and effect.side() == 1


def test_equivalence_needs_enough_data():
    assert inference.tost_two_shares(500, 1000, 500, 1000, 10) < 0.001
    assert inference.tost_two_shares(5, 10, 5, 10, 10) > 0.05
    assert inference.tost_share_level(500, 1000, 50, 10) < 0.001
    assert inference.tost_share_level(1, 1, 75, 10) == 1.0 or inference.tost_share_level(1, 1, 75, 10) > 0.05


def test_the_paired_interval_reduces_to_newcombes_independent_one_without_correlation():
    from statsmodels.stats.proportion import confint_proportions_2indep

    # 10 answer yes to both, 10 only the first, 10 only the second, 10 neither: phi = 0
    a = np.array([True] * 20 + [False] * 20)
    b = np.array([True] * 10 + [False] * 10 + [True] * 10 + [False] * 10)
    effect = inference.paired_shares(a, b)
    low, high = confint_proportions_2indep(20, 40, 20, 40, method="newcomb", compare="diff")
    assert (effect.low, effect.high) == pytest.approx((100 * low, 100 * high), abs=1e-6)
    assert effect.estimate == 0 and effect.p == 1.0


def test_hodges_lehmann_finds_a_known_shift():
    rng = np.random.default_rng(11)
    y = rng.integers(0, 20, 60).astype(float)
    x = y + 3
    effect = inference.hodges_lehmann(x, y)
    assert effect.estimate == 3 and effect.low <= 3 <= effect.high
    # no data to tell: every value tied
    tied = inference.hodges_lehmann(np.ones(5), np.ones(5))
    assert tied.side() == 0 and not tied.within(2)


def test_one_respondent_never_gives_a_narrow_interval():
    effect = inference.mean_difference([0.0], "t")
    assert effect.low == -math.inf and effect.high == math.inf
    assert not effect.within(10)


def test_the_shift_of_large_groups_needs_no_list_of_all_differences():
    rng = np.random.default_rng(5)
    x, y = rng.integers(0, 40, 3000).astype(float), rng.normal(10, 4, 2500).round(1)
    listed, counted = inference._kth_difference(x, y), inference._kth_difference(x, y, direct=0)
    for k in (1, 100, 3_000_000, 3_750_000, 3_750_001, 7_500_000):
        assert counted(k) == pytest.approx(listed(k), abs=1e-9), k
