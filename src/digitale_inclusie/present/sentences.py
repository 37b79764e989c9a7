"""The report's claims as Dutch sentences that follow the file in use (for the chapters).

The claims are tested by :mod:`digitale_inclusie.analysis.claims`; a sentence takes the
comparison word from the data, gives the numbers and their uncertainty in brackets, and says so
where the file contradicts the report.
"""

from ..analysis.claims import ALPHA
from ..analysis.stats import percent, round_half_up
from .text import SMALL_GROUP, decimal, group_name

WORDS = {  # 'ongeveer': the file shows a difference too small to tell from chance
    "vaker": {"hoger": "vaker", "lager": "minder vaak", "gelijk": "even vaak", "ongeveer": "ongeveer even vaak"},
    "meer": {"hoger": "meer", "lager": "minder", "gelijk": "evenveel", "ongeveer": "ongeveer evenveel"},
    "dan": {"hoger": "dan", "lager": "dan", "gelijk": "als", "ongeveer": "als"},
}
LEVEL_WORDS = {"boven": "meer dan", "onder": "minder dan", "rond": "ongeveer"}


def _p_text(p):
    return "p < 0,001" if p < 0.001 else f"p = {decimal(p, 3)}"


def _side(k, m, printed):
    """One side of a comparison: '67% van 24' (n for a small group), with the report's number
    where it prints another one. ``printed``: None, or {"printed": value, "shown": share as the
    table shows it when the report rounds the row to 100}."""
    share = percent(k, m)
    if printed and printed.get("shown") is not None:
        share = printed["shown"]
    out = f"{share}%" + (f" van {m}" if m < SMALL_GROUP else "")
    value = printed["printed"] if printed else None
    return out + (f" [rapport: {value}%]" if value is not None and value != share else "")


def _reported(claim, why):
    """The report's claim, attributed, with why the file in use cannot test it."""
    statement = claim["statement"][0].lower() + claim["statement"][1:].rstrip(".")
    return f"Volgens het rapport: {statement} ({why[0].lower()}{why[1:].rstrip('.')})."


def sentence(claim, row, printed=None, short=False):
    """The claim as a Dutch sentence that follows the data: the comparison word comes from the
    file, the numbers and their uncertainty follow in brackets, and where the file contradicts
    the report the sentence says so. ``printed(side)`` tells, for a side (``0`` first, ``1``
    second), the report's number and how the table shows the share (see :func:`_side`), or None;
    ``short`` leaves the brackets and the remark out (for key findings)."""
    if claim["kind"] == "none" or ("text" not in claim and "texts" not in claim):
        return claim["statement"]
    if row["verdict"] == "niet_toetsbaar" and claim.get("invented") and row["note"] == claim["invented"]:
        return _reported(claim, row["note"])
    look = printed or (lambda side: None)
    verdict = row["verdict"]
    if claim["kind"] == "level":
        bounds = row.get("_bounds") or []
        if not bounds:
            return _reported(claim, "dit bestand heeft er geen antwoorden op")
        if claim["direction"] == "nul":
            level = "nul" if verdict == "bevestigd" else "niet_nul"
        else:
            lows, highs = [b[2] for b in bounds], [b[3] for b in bounds]
            level = ("boven" if min(lows) > claim["threshold"] else "onder" if max(highs) < claim["threshold"]
                     else "rond")
        text = claim["text"].format(niveau={**LEVEL_WORDS, **claim.get("words", {})}[level])
        names = [f"{group_name(g).lower()} " for g in claim["groups"]] if len(bounds) > 1 else [""]
        detail = "; ".join(f"{name}{_side(k, m, look(0) if len(bounds) == 1 else None)}, 95%-interval "
                           f"{decimal(low)}–{decimal(high)}%" for name, (k, m, low, high) in zip(names, bounds))
    else:
        data = row["direction_data"]
        if not data:
            return _reported(claim, f"dit bestand kan het niet toetsen: {row['note']}")
        key = {"stijgend": "hoger", "dalend": "lager"}.get(data, data)
        if claim.get("direction") == "gelijk" and row["p_value"] and float(row["p_value"]) >= ALPHA and key != "gelijk":
            key = "ongeveer"  # the report sees no difference, and the file shows none beyond chance
        if "texts" in claim:
            text = claim["texts"][data]
        else:
            text = claim["text"].format(**{name: WORDS[name].get(key, "anders") for name in WORDS})
        if claim["kind"] == "hours":
            detail = " – ".join(f"{round_half_up(mean)} uur" for mean in row["_means"]) + " gemiddeld per week"
        else:
            detail = " tegenover ".join(_side(k, m, look(i)) for i, (k, m) in enumerate(row["_sides"]))
        if verdict == "niet_toetsbaar":
            detail += "; op dit gereconstrueerde bestand niet te toetsen" if row["note"] else ""
        elif row["p_value"]:
            p = float(row["p_value"])
            detail += (f"; een verschil dat geen toeval lijkt, {_p_text(p)}" if p < ALPHA
                       else f"; zo'n verschil kan toeval zijn, {_p_text(p)}")
    text = text[0].upper() + text[1:]
    if short:
        return text + "."
    out = f"{text} ({detail})."
    if verdict == "tegengesproken":
        if claim.get("direction") == "gelijk":
            out += " Het rapport ziet hier weinig verschil."
        else:
            out += " Het rapport stelt iets anders." if claim["kind"] == "level" else " Het rapport stelt het omgekeerde."
    elif verdict == "niet_significant" and claim["kind"] != "level" and claim.get("direction") != "gelijk":
        out += " Het rapport ziet hier wel een verschil."
    return out
