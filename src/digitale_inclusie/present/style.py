"""One figure style for the whole book, and figures as accessible HTML.

The book's style is seaborn's "whitegrid" theme with the colour-blind-safe palette of Okabe &
Ito and a few tweaks (:data:`THEME`). So that the notebooks need not import seaborn (and with it
scipy, a second per page), the theme is compiled once into ``book.mplstyle`` beside this file by
:func:`write_style`; a test checks that the file is exactly what seaborn's ``set_theme`` gives.
:func:`figure_html` turns a figure into a self-contained ``<figure>`` (PNG inline, so the page
loads nothing from elsewhere) with its alt text and caption.
"""

import base64
import enum
import io
from html import escape
from pathlib import Path

import matplotlib
import matplotlib.style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..vocab import decimal

# Okabe & Ito (2008), safe for the common forms of colour blindness
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
TEXT = "#1a1a1a"  # near-black: contrast 17:1 on white
MUTED = "#595959"  # grey for secondary text: contrast 7:1 on white
DPI = 110
WIDTH = 7.5  # inches
STYLE_FILE = Path(__file__).with_name("book.mplstyle")
THEME = dict(
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
    },
)


def seaborn_style():
    """The rcParams that seaborn's ``set_theme(**THEME)`` sets, as mplstyle text."""
    import seaborn as sns

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        default = dict(matplotlib.rcParams)
        sns.set_theme(**THEME)
        themed = dict(matplotlib.rcParams)
    lines = ["# The book's figure style: seaborn.set_theme(**digitale_inclusie.present.style.THEME), compiled.",
             "# Regenerate with: python -c 'from digitale_inclusie.present.style import write_style; write_style()'"]
    for key in sorted(themed):
        # image.cmap names a colormap that exists only once seaborn is imported; the book has no images
        if themed[key] != default[key] and key not in ("backend", "backend_fallback", "interactive", "image.cmap"):
            lines.append(f"{key}: {_rc_text(themed[key])}")
    return "\n".join(lines) + "\n"


def _rc_text(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(_rc_text(v) for v in value)
    if hasattr(value, "by_key"):  # a cycler
        colours = ", ".join(f"'{matplotlib.colors.to_hex(c).lstrip('#')}'" for c in value.by_key()["color"])
        return f"cycler('color', [{colours}])"
    if isinstance(value, str) and value.startswith("#"):
        return value.lstrip("#")
    if isinstance(value, enum.Enum):  # e.g. CapStyle.round
        return value.name
    return str(value)


def write_style():
    STYLE_FILE.write_text(seaborn_style(), encoding="utf-8")


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
    """Put the book's style in force (idempotent)."""
    matplotlib.rcdefaults()
    matplotlib.style.use(STYLE_FILE)


def percent_axis(axis):
    """Format an axis as Dutch percentages: 0%, 25%, ..."""
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{decimal(v)}%"))


def new_figure(height):
    apply_theme()
    # a bare Figure (no pyplot): nothing global to close, and a faster import
    fig = Figure(figsize=(WIDTH, height))
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def png_bytes(fig):
    """The figure as PNG bytes (no timestamp: the same figure gives the same bytes)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def figure_html(fig, alt, caption, number=None, caption_html=""):
    """A ``<figure>`` with the chart as inline PNG, its alt text and a numbered caption;
    ``caption_html`` (trusted HTML made by the book, e.g. a download link) ends the caption."""
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text")
    data = base64.b64encode(png_bytes(fig)).decode("ascii")
    label = f"<strong>{escape(number)}:</strong> " if number else ""
    extra = f" {caption_html}" if caption_html else ""
    return (f'<figure class="di-figure"><img src="data:image/png;base64,{data}" alt="{escape(alt)}" '
            f'style="max-width:100%;height:auto"><figcaption>{label}{escape(caption)}{extra}</figcaption></figure>')
