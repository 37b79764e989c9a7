"""The transcription of the printed numbers."""

import csv

import pytest

from digitale_inclusie.data.codebook import BREAKDOWNS
from digitale_inclusie.data.published import CONTRACT, load_published, row_groups
from digitale_inclusie.errors import InputFileError
from digitale_inclusie.paths import PUBLISHED


def test_contract_columns_come_first():
    with open(PUBLISHED, encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:6] == CONTRACT == ["table", "breakdown", "group", "item", "category", "value"]


def test_every_numbered_table_and_figure_is_transcribed(published):
    tables = set(published["table"])
    for n in range(1, 16):
        assert f"tabel_{n}" in tables
    assert {"figuur_1", "figuur_6", "steekproef", "uren", "materiaal", "functieprofielen",
            "samenwerking"} <= tables


def test_group_sizes_add_up(published):
    n = published[published["statistic"] == "n"].set_index("group")["value"]
    assert n["totaal"] == 276
    assert n["klein"] + n["middelgroot"] + n["groot"] == n["totaal"]
    assert n["met"] + n["zonder"] == n["totaal"]


def test_groups_belong_to_their_breakdown(published):
    for _, row in published.iterrows():
        assert row["group"] in BREAKDOWNS[row["breakdown"]]


def test_eighteen_policy_actions_with_three_answers(published):
    policy = published[published["table"].isin(["tabel_8", "tabel_9", "tabel_10"])]
    groups = row_groups(policy)
    assert len(groups) == 18
    for idxs in groups.values():
        assert len(idxs) == 3
        # footnote 8: the three answers sum to 100%
        assert sum(policy.loc[i, "value"] for i in idxs) == 100


def test_eighteen_materials(published):
    assert len(published[published["table"] == "materiaal"]) == 18


def test_tables_14_and_15_record_what_they_show(published):
    t14 = published[published["table"] == "tabel_14"]
    t15 = published[published["table"] == "tabel_15"]
    # Table 14 has no 'Neen' answers, like the next plan in table 11; table 15 has 11-12%.
    assert set(t14["variable"]) == {"meerjarenplanning_volgend"}
    assert set(t15["variable"]) == {"meerjarenplanning_huidig"}
    assert all("huidige meerjarenplanning vermeldt" in note for note in t14["note"])
    assert all("volgende meerjarenplanning zal vermelden" in note for note in t15["note"])
    next_total = published[(published["table"] == "tabel_11") & (published["variable"] == "meerjarenplanning_volgend")
                           & (published["code"] == "neen")]["value"].iloc[0]
    assert next_total == 0 and set(t14[t14["code"] == "neen"]["value"]) == {0}


def test_bad_published_file_is_refused(tmp_path):
    text = PUBLISHED.read_text(encoding="utf-8").replace("tabel_1,grootte,klein", "tabel_1,grootte,kleinst", 1)
    bad = tmp_path / "cijfers.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        load_published(bad)
    message = str(info.value)
    assert str(bad) in message and "column 'group'" in message and "'kleinst'" in message


def test_data_files_match_their_checksums():
    from digitale_inclusie.fileio import checksum_lines
    from digitale_inclusie.paths import CHECKSUMMED, CHECKSUMS, DATA

    assert CHECKSUMS.read_text(encoding="utf-8") == checksum_lines(CHECKSUMMED, DATA), \
        "a data file changed: run `make data` (reconstruct, audit, checksums)"


def test_figure_theme_is_seaborns_and_each_mode_colours_seaborn_objects_too():
    import matplotlib
    import seaborn as sns
    import seaborn.objects as so

    from digitale_inclusie.present.style import DARK, LIGHT, THEME, mode_theme, theme_rc

    rc = theme_rc()
    # the book's theme is what seaborn's set_theme makes of THEME, not a copy of it
    assert rc["axes.grid"] is True and rc["svg.fonttype"] == "none" and rc["font.size"] == 13
    assert [matplotlib.colors.to_hex(c) for c in rc["axes.prop_cycle"].by_key()["color"]] == \
        [c.lower() for c in THEME["palette"]]
    before = dict(matplotlib.rcParams), dict(so.Plot.config.theme)
    for mode in (LIGHT, DARK):
        with mode_theme(mode):
            assert sns.color_palette().as_hex()[:4] == [c.lower() for c in mode.palette]
            assert [matplotlib.colors.to_hex(c) for c in so.Plot.config.theme["axes.prop_cycle"].by_key()["color"]] \
                == [c.lower() for c in mode.palette]
            assert matplotlib.rcParams["axes.facecolor"] == mode.background
    # nothing stays changed
    assert (dict(matplotlib.rcParams), dict(so.Plot.config.theme)) == before


def test_label_colours_reach_wcag_contrast():
    from digitale_inclusie.present.style import PALETTE, contrast, label_colour

    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    for colour in PALETTE:
        chosen = label_colour(colour)
        assert chosen is None or contrast(chosen, colour) >= 4.5
