"""The book's Dutch text, defined once: the labels of the groups and of the report's blocks, the
one way numbers are written for a reader, the small-group threshold.

The groups' codes and their order come from the codebook (:data:`..data.codebook.GROUPS`);
labels of survey items and answers come from the codebook too (a column's ``title``, an answer
code's ``label``). Numbers written into files (CSV) use :func:`..data.published.csv_number`.
"""

import re
from fractions import Fraction

import pandas as pd

GROUP_LABELS = {  # group code -> (short label: table rows, chart legends; long label: running text)
    "totaal": ("Alle respondenten", "Alle respondenten"),
    "klein": ("Klein", "Kleine besturen (< 20.000 inwoners)"),
    "middelgroot": ("Middelgroot", "Middelgrote besturen (20.000-50.000 inwoners)"),
    "groot": ("Groot", "Grote besturen (> 50.000 inwoners)"),
    "met": ("Met subsidie", "Besturen met Iedereen-Digitaalsubsidie"),
    "zonder": ("Zonder subsidie", "Besturen zonder Iedereen-Digitaalsubsidie"),
}
SMALL_GROUP = 30  # a group with fewer respondents is called small, and its n is always shown
NAMED_BLOCKS = {  # printed numbers outside a numbered table, by the name used in data/published
    "steekproef": "Steekproef",
    "uren": "Tijdsbesteding",
    "functieprofielen": "Functieprofielen",
    "samenwerking": "Externe samenwerking",
    "materiaal": "Ondersteunend materiaal",
}
MISSING_VALUE = "–"


def group_name(group, long=False):
    """A group's Dutch name: 'Klein', or with ``long`` 'Kleine besturen (< 20.000 inwoners)'."""
    return GROUP_LABELS[group][1 if long else 0]


def group_label(group, n):
    """A group's row or column label with its size: 'Groot (n = 26, kleine groep)'."""
    return with_size(group_name(group), n)


def with_size(name, n):
    """A label with the size of its group: 'Klein · met subsidie (n = 109)', and ', kleine
    groep' below :data:`SMALL_GROUP`."""
    return f"{name} (n = {n}{', kleine groep' if n < SMALL_GROUP else ''})"


def signed(x):
    """A number rounded half up, with a real minus sign: -3.6 -> '−4', 2.4 -> '2'."""
    from ..analysis.stats import round_half_up

    value = round_half_up(x)
    return f"−{decimal(abs(value))}" if value < 0 else decimal(value)


def decimal(x, decimals=0):
    """A number with a decimal comma: decimal(12.5, 1) -> '12,5'; decimal(3) -> '3'."""
    return f"{float(x):.{decimals}f}".replace(".", ",")


def number_text(value, unit, long=False):
    """A value as the book writes it: 72 -> '72%'; hours with a decimal comma ('12,5'), with
    ' uur' when ``long``; a missing value -> '–'."""
    if value is None or pd.isna(value):
        return MISSING_VALUE
    value = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    text = str(value.numerator) if value.denominator == 1 else decimal(value, 1)
    if unit == "procent":
        return f"{text}%"
    if unit == "uur" and long:
        return f"{text} uur"
    return text


def block_label(block):
    """'tabel_12' -> 'Tabel 12', 'figuur_1' -> 'Figuur 1'; other printed blocks by their name."""
    if block.startswith(("tabel_", "figuur_")):
        kind, number = block.split("_", 1)
        return f"{kind.capitalize()} {number}"
    return NAMED_BLOCKS.get(block, block)


def numbered(block):
    """'Tabel 1' or 'Figuur 6' for a numbered table or figure of the report, else None."""
    return block_label(block) if block.startswith(("tabel_", "figuur_")) else None


def lower_first(text):
    """'Besturen met Iedereen-Digitaalsubsidie' -> 'besturen met Iedereen-Digitaalsubsidie'."""
    return text[:1].lower() + text[1:]


def inline_code(text):
    """Any text (a file name, say) as a Markdown/MyST code span that shows it literally: a
    fence of more backquotes than the text holds in a row, and every character that is not
    printable (a line break, a NUL, a zero-width space) shown as an escape, so that the text can
    neither end the span nor start a block."""
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(text))
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


def context_text(row):
    """A context figure of the introduction (``data/context/barometer.csv``): '46%' or '108'."""
    return number_text(int(row["value"]), row["unit"], long=True)


MARKDOWN_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$&:")


def markdown_text(text):
    """Plain text made safe to paste into MyST: every character that Markdown or MyST could read
    as markup (emphasis, roles, links, HTML, entities, math) is backslash-escaped, so a text
    from data or YAML never becomes markup or script."""
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in text)
