"""One figure theme for the whole book, and figures as accessible HTML.

The book's theme is seaborn's "whitegrid" with the colour-blind-safe palette of Okabe & Ito and a
few tweaks (:data:`THEME`): a chapter puts it in force with ``sns.set_theme(**THEME)``, and every
chart is drawn in it (:func:`theme_rc`, :func:`mode_theme`).

Every chart is drawn twice, for the page's light and dark mode (:data:`MODES`): the same layout
with the colours of that mode, each colour reaching WCAG 2.1 AA against the mode's background
(text 4.5:1, bars and other marks 3:1). :func:`figure_html` turns the two drawings into one
``<figure>``: compact SVG (text as text, so sharp at any size and light to load) inline as
``data:`` images with the alt text, the dark one ``hidden`` until the page is in dark mode
(``_static/charts.css``). An ``<img>``, not inline ``<svg>``: JupyterLab shows it in a notebook
that is not trusted too, where it strips ``<svg>`` from HTML.
"""

import io
import re
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from urllib.parse import quote

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

# Okabe & Ito (2008), safe for the common forms of colour blindness. In this order every colour
# but the last reaches 3:1 against white (the light page); orange, sky blue and yellow do not.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9", "#F0E442"]
TEXT = "#1a1a1a"  # near-black: contrast 17:1 on white
MUTED = "#595959"  # grey for secondary text: contrast 7:1 on white
FONT_SIZE = 13  # every text of a chart, in CSS px at natural size (see CHART_WIDTH)
# A chart's natural width in CSS px (SVG user units). The page shows it at the width of the text
# column, at most 27rem (charts.css): about 358 px on a phone 390 px wide, so 13 px text is never
# drawn below 12 px there, and 17.5 px on a laptop.
CHART_WIDTH = 320
THEME = dict(
    style="whitegrid",
    palette=PALETTE,
    font="DejaVu Sans",
    rc={
        "axes.edgecolor": MUTED,
        "axes.labelcolor": TEXT,
        "axes.titlesize": FONT_SIZE,
        "axes.labelsize": FONT_SIZE,
        "font.size": FONT_SIZE,
        "legend.fontsize": FONT_SIZE,
        "xtick.labelsize": FONT_SIZE,
        "ytick.labelsize": FONT_SIZE,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
        "text.color": TEXT,
        "figure.dpi": 72,  # 1 point = 1 SVG user unit = 1 CSS px at natural size
        "axes.spines.top": False,
        "axes.spines.right": False,
        "grid.color": "#dddddd",
        "svg.fonttype": "none",  # text as text: small, sharp, selectable
        "svg.hashsalt": "digitale-inclusie",  # the same figure gives the same bytes
    },
)


@dataclass(frozen=True)
class Mode:
    """The colours of a chart for one colour mode of the page (``html[data-theme]``)."""

    name: str  # "light" or "dark", as pydata-sphinx-theme names them
    background: str  # the page's background in that mode (pydata-sphinx-theme 0.17)
    text: str  # 4.5:1 or more against the background
    muted: str  # secondary marks (arrows): 4.5:1 or more
    palette: tuple  # series colours, each 3:1 or more against the background


LIGHT = Mode("light", "#ffffff", TEXT, MUTED, tuple(PALETTE[:4]))
# Okabe & Ito again, in the same hues where they can be (blue, orange, green, purple); black and
# the dark blue of the light mode fall below 3:1 on the dark page, sky blue and orange do not.
DARK = Mode("dark", "#121212", "#e0e0e0", "#a3a3a3", ("#56B4E9", "#E69F00", "#009E73", "#CC79A7"))
MODES = (LIGHT, DARK)


@lru_cache(maxsize=1)
def theme_rc():
    """The rcParams of the book's theme: what seaborn's ``set_theme(**THEME)`` puts in force, from
    matplotlib's defaults (computed once, without changing the rcParams in force)."""
    import seaborn as sns

    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        sns.set_theme(**THEME)
        return {k: v for k, v in matplotlib.rcParams.items() if k not in ("backend", "backend_fallback", "interactive")}


@contextmanager
def mode_theme(mode):
    """The book's theme (:func:`theme_rc`) in the colours of ``mode`` while the block runs: its
    palette as the colour cycle of matplotlib and seaborn, seaborn.objects included (which keeps
    a theme of its own), its text colour and background."""
    import seaborn.objects as so
    from cycler import cycler

    colours = {"axes.prop_cycle": cycler(color=list(mode.palette)), "text.color": mode.text,
               "axes.labelcolor": mode.text, "xtick.color": mode.text, "ytick.color": mode.text,
               "axes.facecolor": mode.background, "figure.facecolor": mode.background}
    saved = dict(so.Plot.config.theme)
    with matplotlib.rc_context({**theme_rc(), **colours}):
        so.Plot.config.theme.update(colours)
        try:
            yield
        finally:
            so.Plot.config.theme.update(saved)


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
    """White or black, whichever reads better on ``background``; None when neither reaches the
    WCAG AA ratio for normal text (then the value is left to the table)."""
    best = max(("#ffffff", "#000000"), key=lambda c: contrast(c, background))
    return best if contrast(best, background) >= minimum else None


def new_figure(height, mode, width=CHART_WIDTH):
    """A figure ``width`` x ``height`` CSS px with one axes over all of it, in which one data unit
    is one px and y runs downwards (as in SVG): charts place every bar and text themselves. The
    background is the mode's page background, so the chart's contrast holds wherever it is shown.
    Made in the book's theme (call it inside :func:`mode_theme`)."""
    # a bare Figure (no pyplot): nothing global to close, and a faster import
    fig = Figure(figsize=(width / 72, height / 72), facecolor=mode.background)
    FigureCanvasSVG(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    return fig, ax


# ---------------------------------------------------------------------- compact SVG

SVG = "http://www.w3.org/2000/svg"
# the properties a chart's elements use, as SVG presentation attributes (font-family: on the root)
KEPT = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linejoin", "stroke-linecap",
        "font-size", "font-weight", "font-style", "text-anchor"}
FONT_FAMILY = "DejaVu Sans,Bitstream Vera Sans,Verdana,Arial,Helvetica,sans-serif"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def _number(text):
    value = round(float(text), 2)
    return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"


def _path(d):
    """Path data, short: 'M 0 13 \nL 100 13' -> 'M0 13L100 13' (two decimals: 1/100 px)."""
    d = NUMBER.sub(lambda m: _number(m.group(0)), d)
    return re.sub(r"\s*([A-Za-z])\s*", r"\1", " ".join(d.split()))


def _attributes(element):
    """An element's drawing properties (from matplotlib's ``style``) as attributes; the fill
    always said (matplotlib leaves out black, SVG's default, which the root may change)."""
    out = {"fill": "#000000"}
    for declaration in (element.get("style") or "").split(";"):
        if ":" in declaration:
            name, value = (part.strip() for part in declaration.split(":", 1))
            if name in KEPT:
                out[name] = _number(value.removesuffix("px")) if NUMBER.fullmatch(value.removesuffix("px")) else value
    return out


def _tag(name, attributes, content=None):
    text = "".join(f" {k}='{escape(str(v))}'" for k, v in attributes.items())
    return f"<{name}{text}/>" if content is None else f"<{name}{text}>{content}</{name}>"


def compact_svg(text):
    """Matplotlib's SVG without what a browser does not need: no metadata, clip paths, style
    sheet or per-text font list; shapes as paths, text as ``<text>``, numbers to 1/100 px. The
    font, its size and the most common text colour are said once, on the root. The shapes of a
    group the chart named ``di-mark-...`` (a bar, a legend's swatch, an arrow) get
    ``class='mark'``: what carries meaning, for the tests of contrast."""
    root = ET.fromstring(text)
    width, height = (_number(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    elements = []  # (tag, attributes, text or None)

    def walk(element, mark=False):
        name = element.tag.removeprefix(f"{{{SVG}}}")
        if name in ("metadata", "defs", "clipPath", "style"):
            return
        if name == "g":
            for child in element:
                walk(child, mark or element.get("id", "").startswith("di-mark-"))
        elif name == "path":
            elements.append(("path", {**({"class": "mark"} if mark else {}), "d": _path(element.get("d")),
                                      **_attributes(element)}, None))
        elif name == "text":
            attributes = _attributes(element)
            transform = element.get("transform", "")
            moved = re.fullmatch(r"translate\((\S+) (\S+)\)", transform)
            if moved and element.get("x") is None:
                position = {"x": _number(moved.group(1)), "y": _number(moved.group(2))}
            elif re.fullmatch(r"rotate\(-?0 \S+ \S+\)", transform):
                position = {"x": _number(element.get("x")), "y": _number(element.get("y"))}
            else:
                raise ValueError(f"text with an unexpected transform: {transform!r}")
            elements.append(("text", {**position, **attributes}, escape(element.text or "", quote=False)))
        else:
            raise ValueError(f"unexpected SVG element <{name}>")

    for child in root:
        walk(child)
    texts = [a for tag, a, _ in elements if tag == "text"]
    fill = max(sorted({a.get("fill") for a in texts}), key=[a.get("fill") for a in texts].count) if texts else None
    defaults = {"font-size": _number(FONT_SIZE), "text-anchor": "start", "fill": fill}
    parts = []
    for tag, attributes, content in elements:
        if tag == "text":
            attributes = {k: v for k, v in attributes.items() if defaults.get(k) != v}
        parts.append(_tag(tag, attributes, content))
    head = {"xmlns": SVG, "viewBox": f"0 0 {width} {height}", "width": width, "height": height,
            "font-family": FONT_FAMILY, "font-size": defaults["font-size"], **({"fill": fill} if fill else {})}
    return _tag("svg", head, "".join(parts))


def svg_text(fig):
    """The figure as compact SVG text (no date: the same figure gives the same text)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(theme_rc()):  # text as text, the same ids every time
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return compact_svg(buffer.getvalue())


def svg_data_uri(svg):
    """SVG text as a ``data:`` URL, percent-encoded only where a URL or an HTML attribute needs it
    (smaller than base64)."""
    return "data:image/svg+xml," + quote(svg, safe=" !$'()*+,-./:;=?@[]_~")


def figure_html(figures, alt, caption, number=None, caption_html=""):
    """A ``<figure>`` with a chart drawn per colour mode (``{mode: figure}``, light first) as
    inline SVG images, its alt text and a numbered caption; ``caption_html`` (trusted HTML made by
    the book, e.g. a download link) ends the caption, on a line of its own, so that the caption's
    text never runs on into the link's."""
    if not alt or not alt.strip():
        raise ValueError("every figure needs alt text")
    images = []
    for mode, fig in figures.items():
        svg = svg_text(fig)
        size = re.search(r" width='([\d.]+)' height='([\d.]+)'", svg).groups()
        hidden = "" if mode is MODES[0] else " hidden"
        # the inline style sizes the chart where the book's CSS is absent (JupyterLab), and keeps
        # the dark drawing out of sight there whatever its CSS does with [hidden]; the site shows
        # it in dark mode with an !important rule (_static/charts.css)
        display = "" if mode is MODES[0] else ";display:none"
        images.append(f'<img class="di-chart di-chart-{mode.name}" src="{svg_data_uri(svg)}" alt="{escape(alt)}" '
                      f'width="{size[0]}" height="{size[1]}" style="width:100%;max-width:27rem;height:auto{display}"'
                      f'{hidden}>')
    label = f"<strong>{escape(number)}:</strong> " if number else ""
    extra = f'<br><span class="di-caption-link">{caption_html}</span>' if caption_html else ""
    return (f'<figure class="di-figure">{"".join(images)}'
            f'<figcaption><span class="di-caption-text">{label}{escape(caption)}</span>{extra}</figcaption></figure>')
