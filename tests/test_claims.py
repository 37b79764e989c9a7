"""The claims register and the claims command. Expected verdicts come from independent
reasoning: a two-proportion z-test and Wilson bounds worked out by hand from the printed numbers."""

import math

import pandas as pd
import pytest

from digitale_inclusie.cli import main
from digitale_inclusie.analysis.claims import COLUMNS, VERDICTS, evaluate_all, load_claims
from digitale_inclusie.errors import InputFileError


@pytest.fixture(scope="module")
def register():
    return load_claims()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    out = tmp_path_factory.mktemp("claims")
    assert main(["claims", "--out", str(out)]) == 0
    return pd.read_csv(out / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id", drop=False)


def _z_test(p1, n1, p2, n2):
    """Two-sided p of a two-proportion z-test, by hand."""
    p = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    return math.erfc(abs(z) / math.sqrt(2))


def _wilson_low(p, n, z=1.959964):
    return (p + z * z / (2 * n) - z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / (1 + z * z / n)


def test_the_register_covers_every_chapter_and_the_conclusion(register):
    assert len(register) >= 40
    assert {str(c["chapter"]) for c in register} == {"1", "2", "3", "4", "5", "6", "besluit"}
    kinds = {c["kind"] for c in register}
    assert kinds == {"groups", "hours", "level", "items", "none"}


def test_claims_csv_is_the_contract(shipped, register):
    assert list(shipped.columns) == COLUMNS
    assert shipped["claim_id"].tolist() == [c["id"] for c in register]
    assert set(shipped["verdict"]) <= set(VERDICTS)
    # every tested comparison carries its test and p-value
    comparisons = shipped[(shipped["verdict"] != "niet_toetsbaar") & (shipped["test"] != "Wilson-interval (95%)")]
    assert len(comparisons) > 10 and (comparisons["test"] != "").all() and (comparisons["p_value"] != "").all()


def test_big_printed_differences_are_confirmed(shipped):
    # Tabel 2: 76% of 222 with subsidy against 55% of 54 without: z-test by hand p = 0.002
    assert _z_test(0.76, 222, 0.55, 54) < 0.01
    row = shipped.loc["h1-subsidie-burgers"]
    assert (row["direction_data"], row["verdict"]) == ("hoger", "bevestigd") and float(row["p_value"]) < 0.01
    # Tabel 7: advisers 35% against 9%: by hand p < 0.001
    assert _z_test(0.35, 222, 0.09, 54) < 0.001
    assert shipped.loc["h2-samenwerking-subsidie-advies", "verdict"] == "bevestigd"


def test_levels_use_the_wilson_interval(shipped):
    # B-profiel: 88% of 276 (the reconstruction; the report prints 90%): Wilson lower bound 84% > 75%
    assert _wilson_low(243 / 276, 276) > 0.75
    assert shipped.loc["h2-profiel-b-meerderheid", "verdict"] == "bevestigd"
    assert shipped.loc["h2-profiel-b-meerderheid", "values"].startswith("88% [84–91]")
    # residents involved: 48% of 276, interval 42-54 straddles 50: the data cannot tell
    assert shipped.loc["h3-inwoners-geen-meerderheid", "verdict"] == "niet_significant"


def test_what_the_reconstruction_made_up_is_not_tested(shipped):
    # spread of hours within a group, and answers combined within respondents: invented
    for claim in ("h2-uren-grootte", "h2-uren-subsidie", "h2-profiel-b-meest", "h4-website-meest"):
        row = shipped.loc[claim]
        assert (row["verdict"], row["test"], row["p_value"]) == ("niet_toetsbaar", "", ""), claim
        assert row["direction_data"] and row["note"]
    # the printed means 6 < 12 < 22 hours: the direction is still given
    assert shipped.loc["h2-uren-grootte", "direction_data"] == "stijgend"
    assert shipped.loc["besluit-subsidies-stimulans", "verdict"] == "niet_toetsbaar"


def _variant(respondents, tmp_path, change):
    frame = change(respondents.copy())
    frame.to_csv(tmp_path / "f.csv", index=False)
    assert main(["claims", "--data", str(tmp_path / "f.csv"), "--out", str(tmp_path)]) == 0
    return pd.read_csv(tmp_path / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")


def test_relabelled_groups_flip_the_verdicts(respondents, shipped, tmp_path):
    def relabel(frame):
        frame["grootte"] = frame["grootte"].map({"klein": "groot", "groot": "klein", "middelgroot": "middelgroot"})
        frame["subsidie"] = frame["subsidie"].map({"met": "zonder", "zonder": "met"})
        return frame

    flipped = _variant(respondents, tmp_path, relabel)
    subsidy = [c for c in shipped.index if "subsidie" in c and shipped.loc[c, "verdict"] == "bevestigd"
               and shipped.loc[c, "direction_report"] in ("hoger", "lager")]
    assert len(subsidy) >= 6
    for claim in subsidy:
        assert flipped.loc[claim, "verdict"] == "tegengesproken", claim
    # large against small and medium: with 'groot' now holding the small governments the
    # direction turns (Tabel 6: 38% of the large against 72% cooperate with other governments)
    assert shipped.loc["h2-samenwerking-groot-besturen", "direction_data"] == "lager"
    assert flipped.loc["h2-samenwerking-groot-besturen", "direction_data"] == "hoger"


def test_an_empty_group_makes_a_claim_untestable_not_a_crash(respondents, tmp_path):
    result = _variant(respondents, tmp_path, lambda f: f[f["grootte"] != "groot"])
    assert result.loc["h1-groot-verenigingen", "verdict"] == "niet_toetsbaar"
    assert "geen antwoorden" in result.loc["h1-groot-verenigingen", "note"]


def test_a_bad_register_entry_is_refused(tmp_path, codebook):
    from digitale_inclusie.analysis import claims

    bad = tmp_path / "claims.yaml"
    bad.write_text("- {id: x, chapter: 1, source: s, statement: Een zin die iets vergelijkt, kind: groups,"
                   " item: onbekend, answers: [ja], first: [klein], second: [groot], direction: hoger}\n",
                   encoding="utf-8")
    with pytest.raises(InputFileError, match="'onbekend' is not a codebook column"):
        claims.load_claims(bad, codebook)
    assert evaluate_all(pd.DataFrame(), False, claims=[]).columns.tolist() == COLUMNS


def _sentences(respondents, reconstruction, ids):
    from digitale_inclusie.analysis.claims import evaluate
    from digitale_inclusie.present.sentences import sentence

    claims = {c["id"]: c for c in load_claims()}
    return {i: sentence(claims[i], evaluate(claims[i], respondents, reconstruction)) for i in ids}


def test_sentences_follow_the_data_and_say_when_the_report_disagrees(respondents):
    shipped = _sentences(respondents, True, ["h1-subsidie-burgers", "h1-klein-middelgroot-gelijk"])
    assert shipped["h1-subsidie-burgers"].startswith("Besturen met een Iedereen-Digitaalsubsidie melden vaker")
    assert "76% tegenover 55%" in shipped["h1-subsidie-burgers"] and "omgekeerde" not in shipped["h1-subsidie-burgers"]
    # 69% against 74%: no difference beyond chance, as the report says
    assert "ongeveer even vaak" in shipped["h1-klein-middelgroot-gelijk"]
    swapped = respondents.copy()
    swapped["subsidie"] = respondents["subsidie"].map({"met": "zonder", "zonder": "met"})
    flipped = _sentences(swapped, False, ["h1-subsidie-burgers"])["h1-subsidie-burgers"]
    assert "melden minder vaak" in flipped and "55% tegenover 76%" in flipped
    assert flipped.endswith("Het rapport stelt het omgekeerde.")


def test_sentence_numbers_equal_the_chapter_tables(respondents):
    """Every two-group sentence quotes the same shares as the tables the chapters compute with
    their own cells (two independent countings of the same file)."""
    from digitale_inclusie.analysis import cells as analysis

    results = analysis.run(respondents)
    tables = {("uitkomst_burgers", "met"): results["tabel_2"].loc["met", "uitkomst_burgers"],
              ("uitkomst_burgers", "zonder"): results["tabel_2"].loc["zonder", "uitkomst_burgers"],
              ("samenwerking_advies", "met"): results["tabel_7"].loc["met", "samenwerking_advies"],
              ("samenwerking_advies", "zonder"): results["tabel_7"].loc["zonder", "samenwerking_advies"]}
    said = _sentences(respondents, True, ["h1-subsidie-burgers", "h2-samenwerking-subsidie-advies"])
    for claim, item in (("h1-subsidie-burgers", "uitkomst_burgers"), ("h2-samenwerking-subsidie-advies", "samenwerking_advies")):
        assert f"{tables[(item, 'met')]}%" in said[claim] and f"{tables[(item, 'zonder')]}% tegenover" not in said[claim]
        assert said[claim].index(f"{tables[(item, 'met')]}%") < said[claim].index(f"tegenover {tables[(item, 'zonder')]}%")


def test_an_untestable_claim_is_attributed_to_the_report(respondents):
    subset = respondents[respondents["grootte"] != "groot"]
    said = _sentences(subset, False, ["h1-groot-verenigingen"])["h1-groot-verenigingen"]
    assert said.startswith("Volgens het rapport: grote besturen melden vaker")
    assert "dit bestand kan het niet toetsen: een van de groepen heeft geen antwoorden" in said
