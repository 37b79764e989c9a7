"""One figure style for the whole book, and figures as accessible HTML.

Every chart in the book is drawn with :func:`apply_theme` in force: seaborn's "whitegrid"
theme, the colour-blind-safe palette of Okabe & Ito, Dutch number formatting, no chart junk.
:func:`figure_html` turns a figure into a self-contained ``<figure>`` (PNG inline, so the page
loads nothing from elsewhere) with its alt text and caption.
"""

import base64
import io
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

# Okabe & Ito (2008), safe for the common forms of colour blindness
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
TEXT = "#1a1a1a"  # near-black: contrast 17:1 on white
MUTED = "#595959"  # grey for secondary text: contrast 7:1 on white
DPI = 110
WIDTH = 7.5  # inches


def luminance(colour):
    """Relative luminance of a '#rrggbb' colour (WCAG 2.1)."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    """WCAG contrast ratio of two '#rrggbb' colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def label_colour(background, minimum=4.5):
    """White or near-black, whichever reads better on ``background``; None when neither reaches
    the WCAG AA ratio for normal text (then the value is left to the table)."""
    best = max(("#ffffff", TEXT), key=lambda c: contrast(c, background))
    return best if contrast(best, background) >= minimum else None


def apply_theme():
    """Set the book's seaborn theme (idempotent)."""
    sns.set_theme(
        style="whitegrid",
        palette=PALETTE,
        font="DejaVu Sans",
        rc={
            "axes.edgecolor": MUTED,
            "axes.labelcolor": TEXT,
            "axes.titlesize": 12,
            "axes.labelsize": 10.5,
            "xtick.color": TEXT,
            "ytick.color": TEXT,
            "text.color": TEXT,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "grid.color": "#dddddd",
            "svg.hashsalt": "digitale-inclusie",
        },
    )


def dutch_number(x, decimals=0):
    """12.5 -> '12,5'; 3 -> '3'."""
    text = f"{x:.{decimals}f}"
    return text.replace(".", ",")


def percent_axis(axis):
    """Format an axis as Dutch percentages: 0%, 25%, ..."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{dutch_number(v)}%"))


def new_figure(height):
    apply_theme()
    return plt.subplots(figsize=(WIDTH, height))


def png_bytes(fig):
    """The figure as PNG bytes (no timestamp: the same figure gives the same bytes)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def figure_html(fig, alt, caption, number=None):
    """A ``<figure>`` with the chart as inline PNG, its alt text and a numbered caption."""
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text")
    data = base64.b64encode(png_bytes(fig)).decode("ascii")
    label = f"<strong>{escape(number)}:</strong> " if number else ""
    return (f'<figure class="di-figure"><img src="data:image/png;base64,{data}" alt="{escape(alt)}" '
            f'style="max-width:100%;height:auto"><figcaption>{label}{escape(caption)}</figcaption></figure>')
