"""Recomputing the printed numbers from a respondent file."""

from fractions import Fraction

import pandas as pd

from digitale_inclusie.__main__ import main
from digitale_inclusie.codebook import MISSING
from digitale_inclusie.published import COLUMNS, load_published
from digitale_inclusie.tables import compute_tables, compute_value, table_frame


def test_tables_command_matches_print_except_the_register(tmp_path, published):
    assert main(["tables", "--out", str(tmp_path)]) == 0
    tables = pd.read_csv(tmp_path / "tables.csv", dtype=str, keep_default_na=False)
    printed = pd.read_csv("data/published/cijfers.csv", dtype=str, keep_default_na=False)
    register = pd.read_csv("data/register.csv", dtype=str, keep_default_na=False)
    assert list(tables.columns) == COLUMNS
    assert (tables.drop(columns="value") == printed.drop(columns="value")).all().all()
    differs = tables["value"] != printed["value"]
    keys = ["table", "breakdown", "group", "item", "category"]
    assert sorted(map(tuple, tables.loc[differs, keys].values)) == sorted(map(tuple, register[keys].values))


def _frame(rows):
    columns = ["grootte", "subsidie", "uren_per_week", "uitkomst_burgers", "meerjarenplanning_huidig"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["uren_per_week"] = frame["uren_per_week"].astype(float)
    return frame


SMALL = _frame([
    ("klein", "met", 0.5, "ja", "neen"),
    ("klein", "zonder", 4, "nee", "expliciet"),
    ("groot", "met", 40, "ja", "expliciet"),
    ("middelgroot", "met", 5, MISSING, "impliciet"),
])


def _row(**kw):
    base = dict(table="t", breakdown="totaal", group="totaal", item="i", category="c", value=0,
                unit="procent", statistic="share", variable="", code="", rounding="half_up",
                section="", source="", note="")
    base.update(kw)
    return base


def test_share_leaves_out_who_did_not_answer():
    # 2 of the 3 who answered say yes
    assert compute_value(SMALL, _row(variable="uitkomst_burgers", code="ja")) == Fraction(200, 3)
    assert compute_value(SMALL, _row(group="klein", breakdown="grootte", variable="uitkomst_burgers",
                                     code="ja")) == 50


def test_hours_statistics():
    row = _row(variable="uren_per_week", unit="uur")
    assert compute_value(SMALL, {**row, "statistic": "mean"}) == Fraction(495, 40)  # 49.5 / 4
    assert compute_value(SMALL, {**row, "statistic": "median"}) == Fraction(9, 2)  # (4 + 5) / 2
    assert compute_value(SMALL, {**row, "statistic": "share", "code": "<=4"}) == 50
    assert compute_value(SMALL, {**row, "statistic": "share", "code": "in:38|40"}) == 25
    assert compute_value(SMALL, {**row, "statistic": "min"}) == Fraction(1, 2)


def test_rounding_rules_in_compute_tables():
    rows = [_row(category=c, variable="meerjarenplanning_huidig", code=c, rounding="largest_remainder")
            for c in ("neen", "expliciet", "impliciet", "weet_niet")]
    rows.append(_row(item="mean", variable="uren_per_week", statistic="mean", unit="uur", category="m"))
    spec = pd.DataFrame(rows)
    spec["value"] = [Fraction(0)] * len(spec)
    out = compute_tables(SMALL, spec)
    # 25/50/25/0: exact, so both rules agree; the mean 12.375 rounds to 12
    assert list(out["value"]) == [25, 50, 25, 0, 12]


def test_table_frame_is_wide(published, respondents):
    recomputed = compute_tables(respondents, published)
    wide = table_frame(recomputed, "tabel_1")
    assert list(wide.index) == ["klein", "middelgroot", "groot"]
    assert list(wide.columns) == ["Burgers", "Lokale verenigingen", "Interne medewerkers"]
    assert wide.loc["groot", "Burgers"] == 79
