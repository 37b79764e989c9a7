"""Effects with their 95% intervals and tests, for the claims register (statistics only).

Every function returns a :class:`Effect`: an estimate (a difference in percentage points, a
share minus a level, or a shift in hours), its 95% interval, the two-sided p-value of "no
effect", the name of the test and the smallest effect this file could detect (80% power at
the 5% level, two-sided: a guide for "the file cannot tell", computed with a normal
approximation). The verdict rules that read these effects are in :mod:`.claims`.

What scipy and statsmodels do is taken from them: Wilson intervals and exact binomial tests
(scipy), Newcombe's interval for two independent shares and power (statsmodels), chi-square,
Fisher, Mann-Whitney and t-tests and Benjamini-Hochberg (scipy). Written here, each with its
reference or its reason: the Hodges-Lehmann shift with its Mann-Whitney-based interval and
Newcombe's interval for two shares of the same respondents (his method 10), which neither
offers, and Holm's adjustment (statsmodels has it, at the cost of a garbage collection per call;
the tests compare the two).
"""

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import stats

ALPHA = 0.05
POWER = 0.8
Z = stats.norm.ppf(1 - ALPHA / 2)


@dataclass(frozen=True)
class Effect:
    estimate: float  # points (shares) or hours
    low: float  # 95% interval
    high: float
    p: float  # two-sided, of "no effect" (1.0 where nothing varies)
    test: str
    detectable: float  # smallest |effect| found with 80% power (nan where not computable)

    def side(self):
        """+1 if the whole interval lies above 0, -1 if below, 0 if it contains 0."""
        return 1 if self.low > 0 else -1 if self.high < 0 else 0

    def within(self, margin):
        """Whether the whole interval lies strictly inside (-margin, +margin)."""
        return -margin < self.low and self.high < margin

    def beyond(self, margin):
        """Whether the whole interval lies outside [-margin, +margin]."""
        return self.low > margin or self.high < -margin


def wilson(k, m):
    """The 95% Wilson interval of k/m, in percent."""
    interval = stats.binomtest(k, m).proportion_ci(confidence_level=1 - ALPHA, method="wilson")
    return 100 * interval.low, 100 * interval.high


@lru_cache(maxsize=None)  # the same group sizes recur across the register
def _h_detectable(nobs1, ratio):
    """Cohen's h (or d) found with 80% power: two samples (``ratio`` = n2/n1) or one (0)."""
    from statsmodels.stats.power import NormalIndPower

    if nobs1 < 2 or (ratio and nobs1 * ratio < 2):
        return math.inf
    return float(NormalIndPower().solve_power(effect_size=None, nobs1=nobs1, alpha=ALPHA, power=POWER,
                                              ratio=ratio))


def _share_span(h, base, two_samples=True):
    """Cohen's h read as percentage points around ``base`` (0-1): the distance between two
    shares whose arcsine transforms 2·asin(√p) lie ``h`` apart, centred on ``base`` (two
    samples), or the mean distance from ``base`` to a share ``h`` away on either side (one
    sample against a level). Against 0 or 1 the window slides inside."""
    if not math.isfinite(h):
        return math.inf
    half = h / 4 if two_samples else h / 2  # in asin(√p), whose scale is half that of h
    centre = math.asin(math.sqrt(min(max(base, 0.0), 1.0)))
    low, high = centre - half, centre + half
    if low < 0:
        low, high = 0.0, min(2 * half, math.pi / 2)
    elif high > math.pi / 2:
        low, high = max(math.pi / 2 - 2 * half, 0.0), math.pi / 2
    span = 100 * (math.sin(high) ** 2 - math.sin(low) ** 2)
    return span if two_samples else span / 2


# ---------------------------------------------------------------- two independent shares

def two_shares(k1, m1, k2, m2):
    """Share 1 minus share 2 in points, Newcombe's hybrid-score interval (statsmodels); test:
    chi-square, or Fisher's exact test when an expected count is below 5 (scipy)."""
    from statsmodels.stats.proportion import confint_proportions_2indep

    estimate = 100 * (k1 / m1 - k2 / m2)
    low, high = confint_proportions_2indep(k1, m1, k2, m2, method="newcomb", compare="diff", alpha=ALPHA)
    table = [[k1, m1 - k1], [k2, m2 - k2]]
    if k1 + k2 in (0, m1 + m2):
        test, p = "geen spreiding (iedereen hetzelfde antwoord)", 1.0
    elif min(stats.contingency.expected_freq(table).ravel()) < 5:
        test, p = "Fisher exact", float(stats.fisher_exact(table).pvalue)
    else:
        test, p = "chi-kwadraat", float(stats.chi2_contingency(table).pvalue)
    base = (k1 + k2) / (m1 + m2)
    return Effect(estimate, 100 * float(low), 100 * float(high), p, test, _share_span(_h_detectable(m1, m2 / m1), base))


def tost_two_shares(k1, m1, k2, m2, margin):
    """p of the equivalence test (two one-sided tests) that share 1 minus share 2 lies inside
    (-margin, +margin) points (statsmodels, score method)."""
    from statsmodels.stats.proportion import tost_proportions_2indep

    if m1 == 0 or m2 == 0:
        return 1.0
    result = tost_proportions_2indep(k1, m1, k2, m2, -margin / 100, margin / 100, method="score", compare="diff")
    p = float(result.pvalue)
    return min(p, 1.0) if math.isfinite(p) else 1.0


# ---------------------------------------------------------------- one share against a level

def share_level(k, m, level):
    """The share minus ``level`` (percent), in points; the 95% Wilson interval shifted alike;
    the exact binomial test of the share against the level (scipy)."""
    low, high = wilson(k, m)
    base = level / 100
    if base <= 0 or base >= 1:
        p = 1.0 if (k == 0 and base <= 0) or (k == m and base >= 1) else 0.0
    else:
        p = float(stats.binomtest(k, m, base).pvalue)
    return Effect(100 * k / m - level, low - level, high - level, p, "binomiaal (exact)",
                  _share_span(_h_detectable(m, 0), base, two_samples=False))


def tost_share_level(k, m, level, margin):
    """p of the equivalence test that the share lies inside (level - margin, level + margin):
    the larger of two one-sided exact binomial tests."""
    low, high = (level - margin) / 100, (level + margin) / 100
    p_low = float(stats.binomtest(k, m, low, alternative="greater").pvalue) if low > 0 else 0.0
    p_high = float(stats.binomtest(k, m, high, alternative="less").pvalue) if high < 1 else 0.0
    return max(p_low, p_high)


# ---------------------------------------------------------------- hours: a shift between two groups

def hodges_lehmann(x, y):
    """The Hodges-Lehmann shift of x against y (the median of all differences x_i - y_j) with
    its 95% interval from the Mann-Whitney distribution (normal approximation with the tie
    correction; Hollander, Wolfe & Chicken, Nonparametric Statistical Methods, 3rd ed., 4.3),
    and the Mann-Whitney test of the same ranks (scipy). Direction, interval and test come from
    the same statistic: the ranks of the pairwise differences."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    n1, n2 = len(x), len(y)
    kth = _kth_difference(x, y)
    total = n1 * n2
    estimate = (kth((total + 1) // 2) + kth(total // 2 + 1)) / 2  # the median of the n1 n2 differences
    ranks = stats.rankdata(np.concatenate([x, y]))
    _, ties = np.unique(ranks, return_counts=True)
    n = n1 + n2
    variance = n1 * n2 / 12 * ((n + 1) - (ties ** 3 - ties).sum() / (n * (n - 1)))
    if variance <= 0:  # every value tied: no interval can be told
        return Effect(estimate, -math.inf, math.inf, 1.0, "Mann-Whitney (Hodges-Lehmann-verschuiving)", math.inf)
    c = int(math.floor(n1 * n2 / 2 - Z * math.sqrt(variance)))  # 1-based: the interval is D(c) to D(n1 n2 + 1 - c)
    if c >= 1:
        low, high = kth(c), kth(total + 1 - c)
    else:  # too few respondents for a bounded interval
        low, high = -math.inf, math.inf
    p = float(stats.mannwhitneyu(x, y, alternative="two-sided").pvalue)
    spread = math.sqrt(((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n - 2)) if n > 2 else math.nan
    return Effect(estimate, low, high, p, "Mann-Whitney (Hodges-Lehmann-verschuiving)",
                  _h_detectable(n1, n2 / n1) * spread if spread == spread else math.inf)


def _kth_difference(x, y, direct=4_000_000):
    """``kth(k)``: the k-th smallest (1-based) of the differences x_i - y_j. Up to ``direct``
    pairs they are listed and sorted; beyond, the k-th is found without listing them (memory and
    time linear in n1 + n2, up to a log factor): bisection on the value d, counting the pairs with
    x_i - y_j <= d by binary search in the sorted y, then the largest difference not above it."""
    if len(x) * len(y) <= direct:
        differences = np.sort(np.subtract.outer(x, y).ravel())
        return lambda k: float(differences[k - 1])
    ys = np.sort(y)

    def count(d):  # pairs with x - y <= d, i.e. y >= x - d
        return int((len(ys) - np.searchsorted(ys, x - d, side="left")).sum())

    def kth(k):
        low, high = float(x.min() - ys[-1]), float(x.max() - ys[0])
        for _ in range(200):
            if high - low <= 1e-12 * max(1.0, abs(high)):
                break
            middle = (low + high) / 2
            if count(middle) >= k:
                high = middle
            else:
                low = middle
        # the actual difference at that value: the largest x_i - y_j <= high
        index = np.searchsorted(ys, x - high, side="left")
        valid = index < len(ys)
        candidates = x[valid] - ys[index[valid]]
        candidates = candidates[candidates <= high + 1e-9]
        return float(candidates.max()) if len(candidates) else high
    return kth


# ---------------------------------------------------------------- two shares of the same respondents

def paired_shares(a, b):
    """Share of ``a`` minus share of ``b`` (boolean arrays, the same respondents), in points,
    with Newcombe's hybrid-score interval for paired shares (method 10: Newcombe, Statistics
    in Medicine 17, 1998, 2635-2650) and the exact McNemar test (scipy: a binomial test of the
    discordant pairs)."""
    a, b = np.asarray(a, bool), np.asarray(b, bool)
    n = len(a)
    both, first, second = int((a & b).sum()), int((a & ~b).sum()), int((~a & b).sum())
    neither = n - both - first - second
    p1, p2 = (both + first) / n, (both + second) / n
    l1, u1 = (v / 100 for v in wilson(both + first, n))
    l2, u2 = (v / 100 for v in wilson(both + second, n))
    denominator = (both + first) * (second + neither) * (both + second) * (first + neither)
    phi = (both * neither - first * second) / math.sqrt(denominator) if denominator else 0.0
    delta = math.sqrt(max((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2, 0.0))
    epsilon = math.sqrt(max((u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2, 0.0))
    estimate = p1 - p2
    discordant = first + second
    p = float(stats.binomtest(first, discordant, 0.5).pvalue) if discordant else 1.0
    spread = float(np.std(a.astype(int) - b.astype(int), ddof=1)) if n > 1 else math.nan
    return Effect(100 * estimate, 100 * (estimate - delta), 100 * (estimate + epsilon), p, "McNemar (exact)",
                  100 * _h_detectable(n, 0) * spread if spread > 0 else math.inf)


def mean_difference(d, test):
    """The mean of per-respondent differences ``d`` (points), its 95% t-interval and the
    one-sample t-test (scipy)."""
    d = np.asarray(d, float)
    if len(d) < 2 or np.ptp(d) == 0:  # one respondent, or no spread: no interval can be told
        value = float(d.mean()) if len(d) else 0.0
        return Effect(value, -math.inf, math.inf, 1.0, test, math.inf)
    result = stats.ttest_1samp(d, 0.0)
    interval = result.confidence_interval(1 - ALPHA)
    return Effect(float(d.mean()), float(interval.low), float(interval.high), float(result.pvalue), test,
                  _h_detectable(len(d), 0) * float(d.std(ddof=1)))


def two_means(x, y, test):
    """Mean of x minus mean of y (points per respondent), Welch's t-interval and test (scipy)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2 or len(y) < 2 or (np.ptp(x) == 0 and np.ptp(y) == 0):  # no interval can be told
        value = float(x.mean() - y.mean()) if len(x) and len(y) else 0.0
        return Effect(value, -math.inf, math.inf, 1.0, test, math.inf)
    result = stats.ttest_ind(x, y, equal_var=False)
    interval = result.confidence_interval(1 - ALPHA)
    spread = math.sqrt((x.var(ddof=1) + y.var(ddof=1)) / 2)
    return Effect(float(x.mean() - y.mean()), float(interval.low), float(interval.high), float(result.pvalue),
                  test, _h_detectable(len(x), len(y) / len(x)) * spread)


# ---------------------------------------------------------------- equivalence (two one-sided tests)

def tost_shift(x, y, margin):
    """p of the equivalence test that x is shifted against y by less than ``margin``: the larger
    of two one-sided Mann-Whitney tests of x ∓ margin against y (scipy)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    below = stats.mannwhitneyu(x - margin, y, alternative="less").pvalue
    above = stats.mannwhitneyu(x + margin, y, alternative="greater").pvalue
    return float(max(below, above))


def tost_mean(d, margin):
    """p of the equivalence test that the mean of ``d`` lies inside (-margin, +margin): the
    larger of two one-sided t-tests (scipy)."""
    d = np.asarray(d, float)
    if len(d) < 2 or np.ptp(d) == 0:  # no spread: no test, so never a confirmed equality
        return 1.0
    below = stats.ttest_1samp(d, margin, alternative="less").pvalue
    above = stats.ttest_1samp(d, -margin, alternative="greater").pvalue
    return float(max(below, above))


def tost_two_means(x, y, margin):
    """p of the equivalence test that mean(x) - mean(y) lies inside (-margin, +margin): two
    one-sided Welch t-tests (scipy)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2 or len(y) < 2 or (np.ptp(x) == 0 and np.ptp(y) == 0):
        return 1.0
    below = stats.ttest_ind(x - margin, y, equal_var=False, alternative="less").pvalue
    above = stats.ttest_ind(x + margin, y, equal_var=False, alternative="greater").pvalue
    return float(max(below, above))


# ---------------------------------------------------------------- many tests

def holm(pvalues):
    """Holm-adjusted p-values, in the order given: the k-th smallest p times (m - k + 1), kept
    non-decreasing, at most 1. Written here rather than taken from statsmodels'
    ``multipletests(method="holm")``, which runs a full garbage collection on every call (about
    50 ms in a notebook kernel, a second per page of claims); tests/test_inference.py checks
    that both give the same values."""
    p = np.asarray(pvalues, float)
    if len(p) < 2:
        return [float(x) for x in p]
    order = np.argsort(p, kind="stable")
    adjusted = np.minimum(np.maximum.accumulate(p[order] * np.arange(len(p), 0, -1)), 1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return [float(x) for x in out]


def benjamini_hochberg(pvalues):
    """Benjamini-Hochberg q-values (scipy's false_discovery_control), in the order given."""
    if not len(pvalues):
        return []
    p = np.clip(np.asarray(pvalues, float), 0.0, 1.0)  # an exact test may return 1 + rounding error
    return [float(q) for q in stats.false_discovery_control(p, method="bh")]
