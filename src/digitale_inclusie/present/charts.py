"""The book's charts, in its one style (:mod:`.style`), each with alt text that lists its values.

Every chart function takes numbers that have already been computed (a DataFrame with Dutch
labels: one row per bar, one column per series) and returns ``(figure, alt text)``; none of them
computes anything from respondents.
"""

import math
import textwrap

from ..vocab import number_text
from .style import MUTED, PALETTE, TEXT, label_colour, new_figure, percent_axis


def _wrap(text, width):
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def _value(v):
    return 0.0 if v is None or v != v else float(v)


def bars(frame, texts, title):
    """Horizontal bars of percentages: one bar per row of ``frame``, one colour per column (a
    group); ``texts`` says each value for the alt text (missing values are drawn as 0 and named
    there)."""
    items, groups = list(frame.index), list(frame.columns)
    lines = max(_wrap(i, 38).count("\n") + 1 for i in items)
    per_item = max(0.32 * len(groups), 0.2 * lines + 0.12)
    fig, ax = new_figure(0.9 + per_item * len(items) + (0.4 if len(groups) > 1 else 0))
    band = 0.8 / len(groups)
    for n, group in enumerate(groups):
        ys = [i + (n - (len(groups) - 1) / 2) * band for i in range(len(items))]
        xs = [_value(frame.at[item, group]) for item in items]
        drawn = ax.barh(ys, xs, height=band * 0.95, color=PALETTE[n % len(PALETTE)], label=group)
        ax.bar_label(drawn, labels=[number_text(frame.at[item, group], "procent") for item in items],
                     padding=3, fontsize=9, color=TEXT)
    ax.set_yticks(range(len(items)), [_wrap(i, 38) for i in items])
    ax.invert_yaxis()  # first item on top, as printed
    ax.set_xlim(0, 108)
    percent_axis(ax.xaxis)
    ax.set_xlabel("Aandeel respondenten")
    ax.grid(axis="y", visible=False)
    if len(groups) > 1:
        ax.legend(loc="lower right", frameon=True)
    alt = f"Staafdiagram: {title}. " + "; ".join(
        (f"{group}: " if len(groups) > 1 else "")
        + ", ".join(f"{item} {texts.at[item, group]}" for item in items)
        for group in groups) + "."
    return fig, alt


def stacked(frame, texts, title):
    """100% stacked horizontal bars: one bar per row, one segment per column (an answer);
    ``texts`` says each value for the alt text."""
    keys, categories = list(frame.index), list(frame.columns)
    labels = [_wrap(k, 55) for k in keys]
    lines = max(label.count("\n") + 1 for label in labels)
    fig, ax = new_figure(1.4 + len(keys) * max(0.45, 0.19 * lines + 0.12))
    left = [0.0] * len(keys)
    positions = list(range(len(keys)))[::-1]
    for n, category in enumerate(categories):
        values = [_value(frame.at[k, category]) for k in keys]
        colour = PALETTE[n % len(PALETTE)]
        drawn = ax.barh(positions, values, left=left, color=colour, label=category, edgecolor="white")
        text_colour = label_colour(colour)
        if text_colour:
            ax.bar_label(drawn, labels=[number_text(frame.at[k, category], "procent") if v >= 6 else ""
                                        for k, v in zip(keys, values)],
                         label_type="center", fontsize=8.5, color=text_colour)
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 100)
    percent_axis(ax.xaxis)
    ax.set_xlabel("Aandeel respondenten")
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(len(categories), 5), frameon=False)
    ax.grid(axis="y", visible=False)
    alt = f"Gestapeld staafdiagram: {title}. " + "; ".join(
        f"{k}: " + ", ".join(f"{c} {texts.at[k, c]}" for c in categories)
        for k in keys) + "."
    return fig, alt


def means(frame, texts, title):
    """Horizontal bars of mean hours: one bar per row (a group), the first column's values;
    ``texts`` says each value for the alt text."""
    groups = list(frame.index)
    column = frame.columns[0]
    values = [_value(frame.at[g, column]) for g in groups]
    fig, ax = new_figure(0.9 + 0.4 * len(groups))
    drawn = ax.barh(list(range(len(groups)))[::-1], values, color=PALETTE[0])
    ax.bar_label(drawn, labels=[number_text(frame.at[g, column], "uur", long=True) for g in groups],
                 padding=3, fontsize=9, color=TEXT)
    ax.set_yticks(list(range(len(groups)))[::-1], groups)
    ax.set_xlim(0, max(values + [0]) * 1.25 + 1)
    ax.set_xlabel("Gemiddeld aantal uur per week")
    alt = f"Staafdiagram: {title}. " + "; ".join(
        f"{g} {texts.at[g, column]}" for g in groups) + "."
    return fig, alt


CHARTS = {"bars": bars, "stacked": stacked, "means": means}


def phases(phase_names, centre):
    """Figure 4: practice actions embedded in policy phases that follow each other in a cycle
    without a fixed start, as a diagram. Returns ``(figure, alt text)``."""
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

    fig, ax = new_figure(4.6)
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(Circle((0, 0), 0.42, color=PALETTE[0]))
    ax.text(0, 0, _wrap(centre, 14), ha="center", va="center", color="white", fontsize=10, weight="bold")
    points = []
    for n, (phase, angle) in enumerate(zip(phase_names, (90, 210, 330))):
        x, y = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        points.append((x, y))
        ax.add_patch(FancyBboxPatch((x - 0.55, y - 0.2), 1.1, 0.4, boxstyle="round,pad=0.05",
                                    facecolor="white", edgecolor=PALETTE[n + 1], linewidth=2.5))
        ax.text(x, y, _wrap(phase, 22), ha="center", va="center", color=TEXT, fontsize=9)
    for n in range(len(points)):
        ax.add_patch(FancyArrowPatch(points[n], points[(n + 1) % len(points)], connectionstyle="arc3,rad=0.45",
                                     arrowstyle="-|>", mutation_scale=16, shrinkA=34, shrinkB=34,
                                     color=MUTED, linewidth=1.5))
    alt = (f"Schema: in het midden '{centre}', daaromheen {len(phase_names)} beleidsfasen in een kring met "
           "pijlen van de ene naar de volgende: " + ", ".join(f"'{p}'" for p in phase_names)
           + ". De kring heeft geen vast beginpunt.")
    return fig, alt
