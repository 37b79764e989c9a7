"""The worked examples of "Hoe lees je de cijfers?": every number from the file, true on odd files."""

from digitale_inclusie.analysis.claims import evaluate_register
from digitale_inclusie.present.reading import example_share, many_tests, small_groups, verdict_counts


def test_an_interval_is_read_in_natural_frequencies():
    # 243 of 276: Wilson 84.0-91.4 -> "tussen 84 en 91 van de 100"
    text = example_share(243, 276, "een B-profiel aan digitale inclusie werkt")
    assert "zeggen er 243" in text and "88%" in text and "tussen 84 en 91 van de 100" in text
    assert example_share(0, 1, "x").startswith("De enige respondent die de vraag beantwoordde, zegt niet")
    assert "niemand" in example_share(0, 0, "x")


def test_counts_and_small_groups_follow_the_file(respondents):
    register = evaluate_register(respondents, True)
    counts = verdict_counts(register)
    assert counts["Aantal uitspraken"].sum() == len(register)
    tested = [t for t in register.values() if t.p is not None]
    assert f"toetst de site {len(tested)} uitspraken" in many_tests(register, 0.05)
    # the shipped file: only the 26 large governments are a small group
    assert "n = 26" in small_groups(respondents, register) and "n = 136" not in small_groups(respondents, register)
    only_small = respondents[respondents["grootte"] == "klein"]
    assert "n = 0, leeg" in small_groups(only_small, evaluate_register(only_small, False))
