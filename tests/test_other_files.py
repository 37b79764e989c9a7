"""Other valid respondent files, as a researcher brings them: random answers, relabelled groups,
a subset without large governments, one respondent, every question skipped. Nothing may crash;
what a file cannot give stays empty, with the reason."""

import json
import os
import subprocess
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from digitale_inclusie.cli import main
from digitale_inclusie.data.codebook import MISSING
from digitale_inclusie.paths import DATA_ENV, PUBLISHED, copy_checkout

KEY = ["table", "breakdown", "group", "item", "category"]


def _variants(respondents, codebook):
    rng = np.random.default_rng(20231)
    random = respondents.copy()
    for field in codebook.fields:
        if field.codes and field.name not in ("grootte", "subsidie"):
            random[field.name] = rng.choice(list(field.codes), size=len(random))
    for items in codebook.questions.values():  # a multiple-choice question is skipped as a whole
        skipped_any = random[items].eq(MISSING).any(axis=1)
        random.loc[skipped_any, items] = MISSING
    relabelled = respondents.copy()
    relabelled["grootte"] = respondents["grootte"].map({"klein": "groot", "groot": "klein", "middelgroot": "middelgroot"})
    relabelled["subsidie"] = respondents["subsidie"].map({"met": "zonder", "zonder": "met"})
    skipped = respondents.copy()
    for field in codebook.fields:
        if MISSING in field.codes:
            skipped[field.name] = MISSING
    return {"random": random, "relabelled": relabelled, "zonder_groot": respondents[respondents["grootte"] != "groot"],
            "single": respondents.head(1), "all_skipped": skipped}


@pytest.fixture(scope="module")
def computed(respondents, codebook, tmp_path_factory):
    """`tables` on every variant: name -> (exit status, tables.csv as strings)."""
    out = {}
    for name, frame in _variants(respondents, codebook).items():
        folder = tmp_path_factory.mktemp(name)
        frame.to_csv(folder / f"{name}.csv", index=False)
        status = main(["tables", "--data", str(folder / f"{name}.csv"), "--out", str(folder)])
        out[name] = (status, pd.read_csv(folder / "tables.csv", dtype=str, keep_default_na=False) if status == 0 else None)
    return out


def test_tables_never_fails_on_a_valid_file(computed):
    for name, (status, tables) in computed.items():
        assert status == 0, name
        assert len(tables) == len(pd.read_csv(PUBLISHED)), name


def test_an_empty_group_gives_empty_numbers_and_a_count_of_zero(computed):
    _, tables = computed["zonder_groot"]
    large = tables[tables["group"] == "groot"]
    counts = large[large["table"] == "steekproef"]
    assert counts["value"].tolist() == ["0"]
    assert (large.loc[large["table"] != "steekproef", "value"] == "").all()
    assert (tables.loc[tables["group"] == "klein", "value"] != "").all()


def test_a_question_nobody_answered_gives_empty_shares(computed):
    _, tables = computed["all_skipped"]
    shares = tables[(tables["unit"] == "procent") & ~tables["table"].isin(["steekproef", "uren"])]
    assert len(shares) > 150 and (shares["value"] == "").all()
    hours = tables[(tables["table"] == "uren") & (tables["category"] == "Mediaan")]
    assert hours["value"].tolist() != [""]  # hours have no 'skipped': still computed


def test_relabelled_groups_swap_their_numbers(computed, tmp_path):
    original = pd.read_csv(PUBLISHED, dtype=str, keep_default_na=False)
    _, tables = computed["relabelled"]
    assert main(["tables", "--out", str(tmp_path)]) == 0
    shipped = pd.read_csv(tmp_path / "tables.csv", dtype=str, keep_default_na=False)
    swap = {"klein": "groot", "groot": "klein", "met": "zonder", "zonder": "met"}
    for table, group in (("tabel_1", "klein"), ("tabel_2", "met"), ("tabel_3", "groot")):
        before = shipped[(shipped["table"] == table) & (shipped["group"] == group)]["value"].tolist()
        after = tables[(tables["table"] == table) & (tables["group"] == swap[group])]["value"].tolist()
        assert before == after and len(before) == len(original[(original["table"] == table) & (original["group"] == group)])


def test_validate_warns_about_empty_groups(respondents, codebook, tmp_path, capsys):
    subset = _variants(respondents, codebook)["zonder_groot"]
    subset.to_csv(tmp_path / "s.csv", index=False)
    assert main(["validate", "--data", str(tmp_path / "s.csv")]) == 0
    assert "warning: no respondents in group 'groot'" in capsys.readouterr().err


@pytest.mark.site
def test_the_book_builds_on_a_file_without_large_governments(respondents, codebook, tmp_path):
    """A whole build on another file, in a copy of the repository (the main site stays as it
    is): no page fails, the empty group shows '–' with why, no note speaks of the reconstruction
    and the respondent file is not offered. The file is named by a path relative to the
    repository root, as a researcher may; the build runs every page in its own folder
    (notebooks/), and the numbers shown are still those of that file."""
    copy = copy_checkout(tmp_path / "repo")
    (copy / "_build" / "other").mkdir(parents=True)
    _variants(respondents, codebook)["zonder_groot"].to_csv(copy / "_build" / "other" / "subset.csv", index=False)
    env = {**os.environ, DATA_ENV: "_build/other/subset.csv", "PYTHONPATH": str(copy / "src")}
    done = subprocess.run(["make", "book"], cwd=copy, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    site = copy / "_build" / "html"
    chapter = BeautifulSoup((site / "notebooks" / "01_waarom.html").read_text(encoding="utf-8"), "html.parser")
    notes = " ".join(li.get_text(" ", strip=True) for li in chapter.select("ul.di-notes li"))
    assert "geen respondenten in deze groep" in notes and "reconstructie" not in notes
    notice = [box for box in chapter.select("div.admonition") if "Over deze cijfers" in box.get_text()]
    assert len(notice) == 1 and "subset.csv" in notice[0].get_text()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "&lt;Markdown&gt;" not in text and "object at 0x" not in text, page.name
    assert not (site / "downloads" / "respondenten.csv").exists()
    # Figuur 1 shows the subset's own share (counted here), not the shipped file's 72%
    subset = _variants(respondents, codebook)["zonder_groot"]["uitkomst_burgers"]
    answered = subset[subset != MISSING]
    share = int(Fraction(100 * int((answered == "ja").sum()), len(answered)) + Fraction(1, 2))
    figure = next(t for t in chapter.select("table.di-table") if "cijfers bij figuur 1" in t.caption.get_text())
    cells = {tr.th.get_text(" ", strip=True): tr.td.get_text(" ", strip=True) for tr in figure.tbody.find_all("tr")}
    assert share != 72 and cells["Burgers"].startswith(f"{share}%"), (share, cells)
    # exercise 1.1's answer: the empty combinations shown with n = 0 and no share, and its
    # sentence names only groups with answers; chapter 6 says there is no large row to round
    solution = chapter.select("#oefeningen div.solution")[0]
    rows = {tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr.find_all("td")]
            for tr in solution.select_one("table.di-result").tbody.find_all("tr")}
    assert rows["Groot · met subsidie"] == rows["Groot · zonder subsidie"] == ["0", "–"], rows
    answer = next(p.get_text(" ", strip=True) for p in solution.find_all("p") if p.get_text().startswith("Antwoord."))
    assert "het hoogst bij" in answer and "Groot" not in answer, answer
    plans = BeautifulSoup((site / "notebooks" / "06_toekomst.html").read_text(encoding="utf-8"), "html.parser")
    notes = [p.get_text(" ", strip=True) for p in plans.select("p.di-rounding")]
    assert len(notes) == 3 and all("de rij Groot (n = 0, kleine groep) wordt als geheel afgerond" in n
                                   and "niemand" in n for n in notes[:2]), notes
    # "Verken de cijfers" shows the subset too: its size, no large group, no reconstruction note
    explorer = BeautifulSoup((site / "book" / "verken.html").read_text(encoding="utf-8"), "html.parser")
    total = explorer.select_one("#v-uitkomst_burgers-totaal tbody tr")
    assert total.th.get_text(" ", strip=True) == f"Alle respondenten (n = {len(subset)})"
    assert total.select("td")[1].get_text(strip=True).startswith(f"{share}%")
    by_size = [tr.th.get_text(" ", strip=True) for tr in explorer.select("#v-uitkomst_burgers-grootte tbody tr")]
    assert not any(label.startswith("Groot") for label in by_size), by_size
    assert "subset.csv" in explorer.get_text() and "gereconstrueerde" not in explorer.get_text()
    # and the self-scan compares with the subset: its n for all respondents, none for large ones
    scan = BeautifulSoup((site / "book" / "zelfscan.html").read_text(encoding="utf-8"), "html.parser")
    peers = json.loads(scan.select_one('fieldset[data-item="uitkomst_burgers"]')["data-peers"])
    assert peers["totaal"][:2] == [len(answered), share] and peers["groot"][0] == 0, peers
    assert "subset.csv" in scan.get_text() and "gereconstrueerde" not in scan.get_text()
