"""The book's charts, in its one theme (:mod:`.style`), each with alt text that lists its values.

A chart of computed numbers is drawn by seaborn, by a short function that the chapter shows in a
folded cell beside the pandas that computes the numbers::

    def draw_figuur_1(ax, data):
        so.Plot(data, x="waarde", y="rij", color="reeks").add(so.Bar(), so.Dodge()).on(ax).plot()

``data`` holds one row per bar (:func:`long_form`): ``rij`` (the row's label, as in the table
beside the chart), ``reeks`` (the series: a group, an answer) and ``waarde`` (the number). This
module lays the drawing out for a phone first (:func:`bars`, :func:`stacked`, :func:`means`): the
label of each row on its own lines above its bars (wrapped at the chart's width, measured in the
book's font, instead of shrinking), each bar with its value beside or in it, a legend on top, no
axes (the table beside every chart holds the same numbers); it draws the chart once per colour
mode of the page (``{mode: figure}``, :data:`.style.MODES`), the seaborn function each time in
that mode's colours, and places the bars it drew (which row, which series) at their place in the
layout. Every text is :data:`.style.FONT_SIZE` px at the chart's natural width
(:data:`.style.CHART_WIDTH`), which the page never shows much narrower. Nothing here computes a
number from respondents.
"""

import math
from functools import lru_cache

import pandas as pd
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Rectangle
from matplotlib.path import Path
from matplotlib.textpath import text_to_path
from matplotlib.transforms import Affine2D

from .style import (
    CHART_WIDTH,
    FONT_SIZE,
    MODES,
    THEME,
    label_colour,
    mode_theme,
    new_figure,
)
from .text import number_text

LINE = 17  # line pitch of wrapped labels (1.3 x the font size)
BASELINE = 13  # from the top of a line to its baseline
CENTRE = 0.36 * FONT_SIZE  # from a text's vertical centre to its baseline (half the cap height)
GAP = 4  # between a bar and its value, a label and its bars
ROW_GAP = 14  # between one row's bars and the next row's label
SWATCH = 12  # the coloured square of a legend entry
MARGIN = 0.96  # labels wrap at 96% of the width: a browser without DejaVu Sans may set text wider


@lru_cache(maxsize=4096)
def text_width(text, weight="normal"):
    """The width of ``text`` in px, in the book's font at :data:`FONT_SIZE`."""
    prop = FontProperties(family=THEME["font"], size=FONT_SIZE, weight=weight)
    return text_to_path.get_text_width_height_descent(str(text), prop, ismath=False)[0]


def wrap(text, width=CHART_WIDTH * MARGIN, weight="normal"):
    """``text`` in lines no wider than ``width`` px (a word longer than that gets a line of its own)."""
    lines, line = [], ""
    for word in str(text).split():
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, weight) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines or [""]


def _value(v):
    return 0.0 if v is None or v != v else float(v)


class _Layout:
    """A chart placed top to bottom in px (y down): drawing steps that take the axes and the
    colour mode, run once the chart's height is known, once per mode."""

    def __init__(self):
        self.y = 0.0
        self.steps = []
        self.marks = 0
        self.slots = {}  # (row, series) -> (y, height) of its bar, for a drawing by seaborn

    def text(self, x, baseline, text, colour=None, **kwargs):
        """A text; ``colour(mode)`` gives its colour (default: the mode's text colour)."""
        self.steps.append(lambda ax, mode: ax.text(
            x, baseline, text, fontsize=FONT_SIZE, va="baseline", color=(colour or (lambda m: m.text))(mode),
            **kwargs))

    def lines(self, text):
        """A label, wrapped, from the current height down."""
        for line in wrap(text):
            self.text(0, self.y + BASELINE, line)
            self.y += LINE

    def mark(self, make):
        """A shape that carries meaning (a bar, a swatch, a box, an arrow): ``make(mode)`` gives
        it as a matplotlib patch; it is named ``di-mark-N`` (see :func:`.style.compact_svg`)."""
        self.marks += 1
        gid = f"di-mark-{self.marks}"

        def step(ax, mode):
            patch = make(mode)
            patch.set_gid(gid)
            ax.add_patch(patch)

        self.steps.append(step)

    def rect(self, x, y, width, height, series, edge=False):
        """A bar (or a legend's swatch) in the colour of ``series``, with a line of the
        background's colour around it where ``edge`` (to part adjacent segments)."""
        if width > 0:
            self.mark(lambda mode: Rectangle(
                (x, y), width, height, facecolor=mode.palette[series % len(mode.palette)],
                edgecolor=mode.background if edge else "none", linewidth=1.5 if edge else 0))

    def legend(self, names):
        """One entry per series (a swatch and its name), as many in a row as fit."""
        x = 0.0
        for n, name in enumerate(names):
            width = SWATCH + 5 + text_width(name)
            if x and x + width > CHART_WIDTH:
                x, self.y = 0.0, self.y + LINE + 2
            baseline = self.y + BASELINE
            self.rect(x, baseline - CENTRE - SWATCH / 2, SWATCH, SWATCH, n)
            self.text(x + SWATCH + 5, baseline, name)
            x += width + 14
        self.y += LINE + 10

    def bar(self, row, series, y, height):
        """Where the bar of ``row`` and ``series`` (their positions) goes: from ``y`` down, ``height`` px."""
        self.slots[(row, series)] = (y, height)

    def figures(self, draw=None, data=None, scale=1.0, edge=False):
        """The chart, drawn for every colour mode: {mode: figure}. ``draw(ax, data)`` (seaborn)
        draws the bars, in the mode's theme and colours, on axes over the whole chart whose x runs
        in the data's units (``scale`` px each); each bar it drew is then placed at its slot
        (:meth:`bar`), by its row (the category seaborn put it at) and its series (its colour),
        given the mode's colour at full opacity, and, with ``edge``, an outline in the background's
        colour (to part the segments of a stacked bar)."""
        height = math.ceil(self.y)
        out = {}
        for mode in MODES:
            with mode_theme(mode):
                fig, ax = new_figure(height, mode)
                if draw is not None:
                    bars_ax = fig.add_axes((0, 0, 1, 1), zorder=0)
                    ax.set_zorder(1)
                    draw(bars_ax, data)
                    self._place(fig, bars_ax, mode, scale, height, edge)
                for step in self.steps:
                    step(ax, mode)
            out[mode] = fig
        return out

    def _place(self, fig, ax, mode, scale, height, edge):
        from matplotlib.colors import to_hex

        palette = [c.lower() for c in mode.palette]
        placed = set()
        for patch in list(ax.patches):
            colour = to_hex(patch.get_facecolor()).lower()
            if colour not in palette:
                raise ValueError(f"a bar in {colour}, not a colour of the book's theme: draw with its palette")
            row = round(patch.get_y() + patch.get_height() / 2)  # seaborn: category i at y = i
            key = (row, palette.index(colour))
            if key not in self.slots:
                raise ValueError(f"a bar for row {row}, series {key[1]} that the chart has no place for")
            if key in placed:
                raise ValueError(f"two bars for row {row}, series {key[1]}: draw one bar per row of the data")
            placed.add(key)
            y, h = self.slots[key]
            patch.set_y(y)
            patch.set_height(h)
            patch.set_facecolor(colour)
            patch.set_alpha(None)
            patch.set_edgecolor(mode.background if edge else "none")
            patch.set_linewidth(1.5 if edge else 0)
            patch.set_gid(f"di-mark-bar-{key[0]}-{key[1]}")
        ax.set_xlim(0, CHART_WIDTH / scale)
        ax.set_ylim(height, 0)
        ax.set_axis_off()
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        fig.legends.clear()  # seaborn.objects puts its legend on the figure; the chart has its own


def long_form(frame):
    """The numbers of a chart (one row per row of the chart, one column per series) in the form
    seaborn draws: one row per bar, ``rij``, ``reeks`` and ``waarde``, in the chart's order
    (categories in that order), without the bars that have no number."""
    data = frame.rename_axis(index="rij", columns="reeks").stack(future_stack=True).rename("waarde").reset_index()
    data["waarde"] = data["waarde"].astype("float64")
    data["rij"] = pd.Categorical(data["rij"], categories=list(frame.index))
    data["reeks"] = pd.Categorical(data["reeks"], categories=list(frame.columns))
    return data.dropna(subset=["waarde"]).reset_index(drop=True)


def _horizontal_bars(layout, rows, series, value, text, scale_max):
    """Rows of bars (one per series) under their wrapped labels, each with its value beside it;
    the longest bar (``scale_max``) leaves room for the widest value. Returns the scale (px per
    unit of the data)."""
    room = CHART_WIDTH - max(text_width(text(r, s)) for r in rows for s in series) - GAP - 2
    scale = room / (scale_max or 1)
    bar = 14 if len(series) > 1 else 18
    for r, row in enumerate(rows):
        layout.lines(row)
        layout.y += GAP - 1
        for n, s in enumerate(series):
            length = value(row, s) * scale
            layout.bar(r, n, layout.y, bar)
            layout.text(length + GAP, layout.y + bar / 2 + CENTRE, text(row, s))
            layout.y += bar + 3
        layout.y += ROW_GAP - 3
    layout.y -= ROW_GAP
    return scale


def _check(frame):
    if len(frame.columns) > min(len(m.palette) for m in MODES):
        raise ValueError(f"{len(frame.columns)} series: the book's palette has colours for "
                         f"{min(len(m.palette) for m in MODES)}")


def bars(draw, frame, texts, title):
    """Horizontal bars of percentages, drawn by ``draw`` (seaborn, see the module): one row of
    bars per row of ``frame``, one bar and colour per column (a group); ``texts`` says each value
    for the alt text (missing values are drawn as no bar, shown as '–' and named there)."""
    _check(frame)
    items, groups = list(frame.index), list(frame.columns)
    layout = _Layout()
    if len(groups) > 1:
        layout.legend(groups)
    values = [_value(frame.at[i, g]) for i in items for g in groups]
    scale = _horizontal_bars(layout, items, groups, lambda i, g: _value(frame.at[i, g]),
                             lambda i, g: number_text(frame.at[i, g], "procent"), max(values + [100]))
    alt = f"Staafdiagram: {title}. " + "; ".join(
        (f"{group}: " if len(groups) > 1 else "")
        + ", ".join(f"{item} {texts.at[item, group]}" for item in items)
        for group in groups) + "."
    return layout.figures(draw, long_form(frame), scale), alt


def stacked(draw, frame, texts, title):
    """100% stacked horizontal bars, drawn by ``draw`` (seaborn, see the module): one bar per row
    under its label, one segment per column (an answer), each segment with its value where it
    fits; ``texts`` says each value for the alt text."""
    _check(frame)
    keys, categories = list(frame.index), list(frame.columns)
    layout = _Layout()
    layout.legend(categories)
    total = max([100.0] + [sum(_value(frame.at[k, c]) for c in categories) for k in keys])
    scale = CHART_WIDTH / total
    bar = 24
    for r, key in enumerate(keys):
        layout.lines(key)
        layout.y += GAP - 1
        left = 0.0
        for n, category in enumerate(categories):
            width = _value(frame.at[key, category]) * scale
            layout.bar(r, n, layout.y, bar)
            label = number_text(frame.at[key, category], "procent")
            # a value that does not fit in its segment, or cannot reach 4.5:1 on it, is left to the table
            if width >= text_width(label) + 6 and all(label_colour(m.palette[n % len(m.palette)]) for m in MODES):
                layout.text(left + width / 2, layout.y + bar / 2 + CENTRE, label,
                            lambda mode, n=n: label_colour(mode.palette[n % len(mode.palette)]), ha="center")
            left += width
        layout.y += bar + ROW_GAP
    layout.y -= ROW_GAP
    alt = f"Gestapeld staafdiagram: {title}. " + "; ".join(
        f"{k}: " + ", ".join(f"{c} {texts.at[k, c]}" for c in categories)
        for k in keys) + "."
    return layout.figures(draw, long_form(frame), scale, edge=True), alt


def means(draw, frame, texts, title):
    """Horizontal bars of mean hours, drawn by ``draw`` (seaborn, see the module): one bar per
    row (a group), the first column's values; ``texts`` says each value for the alt text."""
    groups = list(frame.index)
    column = frame.columns[0]
    layout = _Layout()
    values = [_value(frame.at[g, column]) for g in groups]
    scale = _horizontal_bars(layout, groups, [column], lambda g, c: _value(frame.at[g, c]),
                             lambda g, c: number_text(frame.at[g, c], "uur", long=True), max(values + [0]))
    alt = f"Staafdiagram: {title}. " + "; ".join(
        f"{g} {texts.at[g, column]}" for g in groups) + "."
    return layout.figures(draw, long_form(frame[[column]]), scale), alt


CHARTS = {"bars": bars, "stacked": stacked, "means": means}


def phases(phase_names, centre):
    """Figure 4: practice actions embedded in policy phases that follow each other in a cycle
    without a fixed start, as a diagram: the phases on a ring of arrows around the practice
    actions. Returns ``(figures, alt text)``."""
    pad, ring = 8, 112
    boxes = []
    for phase in phase_names:
        lines = wrap(phase, 110)
        boxes.append((lines, max(text_width(line) for line in lines) / 2 + pad, len(lines) * LINE / 2 + 5))
    angles = [90 + 120 * n for n in range(len(phase_names))]  # counter-clockwise from the top
    # the ring as large as the boxes on it allow within the chart's width
    widest = max(half_width for _, half_width, _ in boxes)
    ring = min(ring, (CHART_WIDTH / 2 - 3 - widest) / math.cos(math.radians(30)))
    top = max(half_height for _, _, half_height in boxes) + 3
    cx, cy = CHART_WIDTH / 2, top + ring

    def point(angle, radius=ring):
        return cx + radius * math.cos(math.radians(angle)), cy - radius * math.sin(math.radians(angle))

    def inside(angle, box):
        (bx, by), (_, half_width, half_height) = point(box), boxes[angles.index(box)]
        x, y = point(angle)
        return abs(x - bx) <= half_width + 6 and abs(y - by) <= half_height + 6

    layout = _Layout()
    layout.y = cy + ring + 6
    for n, angle in enumerate(angles):
        # an arrow along the ring from this phase's box to the next one's
        following = angles[(n + 1) % len(angles)]
        start, end = angle, angle + 120
        while inside(start, angle):
            start += 0.5
        while inside(end, following):
            end -= 0.5
        arc = Path.arc(start, end).transformed(Affine2D().scale(ring, -ring).translate(cx, cy))
        layout.mark(lambda mode, arc=arc: FancyArrowPatch(path=arc, arrowstyle="-|>", mutation_scale=16,
                                                          color=mode.muted, linewidth=2))
    for n, ((lines, half_width, half_height), angle) in enumerate(zip(boxes, angles)):
        x, y = point(angle)
        # a box with rounded corners (4 px) in the background's colour, outlined in the phase's colour
        layout.mark(lambda mode, x=x, y=y, w=half_width, h=half_height, n=n: FancyBboxPatch(
            (x - w + 4, y - h + 4), 2 * w - 8, 2 * h - 8, boxstyle="round,pad=4", facecolor=mode.background,
            edgecolor=mode.palette[n + 1], linewidth=2.5))
        for k, line in enumerate(lines):
            layout.text(x, y - half_height + 5 + k * LINE + BASELINE, line, ha="center")
    # the practice actions in the middle, on a pill in the first colour
    width = text_width(centre, "bold") / 2 + 12
    layout.mark(lambda mode: FancyBboxPatch((cx - width + 12, cy - 6), 2 * width - 24, 12, boxstyle="round,pad=12",
                                            facecolor=mode.palette[0], edgecolor="none", linewidth=0))
    layout.text(cx, cy + CENTRE, centre, lambda mode: label_colour(mode.palette[0]), ha="center", weight="bold")
    alt = (f"Schema: in het midden '{centre}', daaromheen {len(phase_names)} beleidsfasen in een kring met "
           "pijlen van de ene naar de volgende: " + ", ".join(f"'{p}'" for p in phase_names)
           + ". De kring heeft geen vast beginpunt.")
    return layout.figures(), alt
