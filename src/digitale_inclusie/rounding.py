"""Rounding rules of the report, on exact fractions.

Two rules are used:

* ``half_up``: a single number rounded to the nearest integer, halves upwards
  (62.5 -> 63), as statistics packages print percentages;
* ``largest_remainder``: a row of shares rounded so that it sums to 100: every share is
  rounded down, and the points still missing go to the largest remainders; equal remainders
  go to the earlier column.
"""

from fractions import Fraction
from math import floor


def half_up(x):
    """Round a number (int, Fraction, or float) to the nearest integer, halves upwards."""
    return floor(Fraction(x) + Fraction(1, 2))


def percent(k, m):
    """Exact percentage 100*k/m as a Fraction."""
    if m <= 0:
        raise ValueError(f"percentage of an empty group (k={k}, m={m})")
    return Fraction(100 * k, m)


def largest_remainder(shares, total=100):
    """Round exact shares (summing to ``total``) to integers summing to ``total``.

    Ties in the remainder go to the earlier position.
    """
    shares = [Fraction(s) for s in shares]
    if sum(shares) != total:
        raise ValueError(f"shares sum to {float(sum(shares))}, not {total}")
    floors = [floor(s) for s in shares]
    missing = total - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return floors


def grim_counts(p, m):
    """All counts k with 0 <= k <= m whose share k/m rounds half-up to p percent."""
    lo = Fraction((2 * p - 1) * m, 200)  # k >= lo
    hi = Fraction((2 * p + 1) * m, 200)  # k < hi
    first = max(0, _ceil(lo))
    last = min(m, _ceil(hi) - 1)
    return list(range(first, last + 1))


def _ceil(x):
    return -(-x.numerator // x.denominator)


def dutch_number(x, decimals=0):
    """A number with a decimal comma: 12.5 -> '12,5' (decimals=1); 3 -> '3'."""
    return f"{x:.{decimals}f}".replace(".", ",")
