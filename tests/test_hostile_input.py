"""Property-based test (hypothesis): corrupted copies of the shipped respondent file.

Each example applies one to three corruptions to ``data/respondenten.csv`` (a cell replaced by
random, Unicode or control text; lines deleted, duplicated, blanked or swapped; the delimiter
changed; the header mutated; the bytes truncated or the encoding broken) and runs the command
line in-process. The contract: the file is valid (``validate`` exits 0 and ``tables`` writes
its table), or both ``validate`` and ``tables --out DIR`` exit 2 with one message that names
the file and a line or a column, without a traceback, and nothing is written to DIR.
"""

import contextlib
import io
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digitale_inclusie.cli import main
from digitale_inclusie.paths import RESPONDENTS

GOOD = RESPONDENTS.read_bytes()
LINES = GOOD.decode("utf-8").split("\n")[:-1]  # header + 276 rows
N_COLUMNS = LINES[0].count(",") + 1

NASTY = ["", " ", "ja ", "Ja", "nee\t", "geen_antwoord\u200b", "R001", "R0001", "1_0", "\uff15", "1e1", "-0",
         "+1", "0x10", "NaN", "inf", "4,5", "4.5", "40.0001", "\x00", "\u2028", "\u2029", "\x85", "\r",
         "\ufeff", '"', '"ja"', '"ja', "ja\"", "x" * 5000, "é", "\U0001F600", "<script>", "None", "null",
         "klein", "met", "geen_antwoord", "eerder_wel", "40", "0", "1.5", "\\", "'", ";", "\t"]

cell_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=30),
                      st.text(alphabet=st.characters(max_codepoint=0x3000), max_size=12))


@st.composite
def corruption(draw):
    """One corruption: a function from a list of text lines to a list of lines or bytes."""
    kind = draw(st.sampled_from(["cell", "cell", "cell", "delete", "duplicate", "blank", "swap",
                                 "delimiter", "header", "truncate", "encoding", "insert_bytes",
                                 "insert_char", "trailing"]))
    line = draw(st.integers(1, len(LINES) - 1))
    column = draw(st.integers(0, N_COLUMNS - 1))
    if kind == "cell":
        value = draw(cell_text)
        row = draw(st.integers(0, len(LINES) - 1))

        def apply(lines):
            lines = list(lines) or [""]
            i = row % len(lines)
            cells = lines[i].split(",")
            cells[column % len(cells)] = value
            lines[i] = ",".join(cells)
            return lines
    elif kind == "delete":
        def apply(lines):
            return [ln for i, ln in enumerate(lines) if i != line % max(len(lines), 1)]
    elif kind == "duplicate":
        def apply(lines):
            if not lines:
                return lines
            i = line % len(lines)
            return lines[:i + 1] + [lines[i]] + lines[i + 1:]
    elif kind == "blank":
        filler = draw(st.sampled_from(["", " ", "\t", ",,,"]))

        def apply(lines):
            i = line % (len(lines) + 1)
            return lines[:i] + [filler] + lines[i:]
    elif kind == "swap":
        other = draw(st.integers(0, len(LINES) - 1))

        def apply(lines):
            lines = list(lines) or [""]
            i, j = line % len(lines), other % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
            return lines
    elif kind == "delimiter":
        new = draw(st.sampled_from([";", "\t", "|", ", ", ",,"]))
        everywhere = draw(st.booleans())

        def apply(lines):
            if everywhere:
                return [ln.replace(",", new) for ln in lines]
            lines = list(lines) or [""]
            i = line % len(lines)
            lines[i] = lines[i].replace(",", new, 1)
            return lines
    elif kind == "header":
        name = draw(cell_text)

        def apply(lines):
            lines = list(lines) or [""]
            cells = lines[0].split(",")
            cells[column % len(cells)] = name
            lines[0] = ",".join(cells)
            return lines
    elif kind == "truncate":
        fraction = draw(st.floats(0, 1))

        def apply(lines):
            data = ("\n".join(lines) + "\n").encode("utf-8")
            return data[:int(len(data) * fraction)]
    elif kind == "encoding":
        codec = draw(st.sampled_from(["latin-1", "utf-16", "utf-16-le", "cp1252"]))
        accent = draw(st.booleans())

        def apply(lines):
            text = "\n".join(lines) + "\n"
            if accent:
                text = text.replace("klein", "kléin", 1)
            return text.encode(codec, errors="replace")
    elif kind == "insert_bytes":
        junk = draw(st.binary(min_size=1, max_size=8))
        fraction = draw(st.floats(0, 1))

        def apply(lines):
            data = ("\n".join(lines) + "\n").encode("utf-8")
            i = int(len(data) * fraction)
            return data[:i] + junk + data[i:]
    elif kind == "insert_char":
        char = draw(st.sampled_from(["\u2028", "\u2029", "\x00", "\x0b", "\x0c", "\r", "\x85", "\u200b",
                                     "\ufeff", '"', "\x1e"]))
        fraction = draw(st.floats(0, 1))

        def apply(lines):
            text = "\n".join(lines) + "\n"
            i = int(len(text) * fraction)
            return (text[:i] + char + text[i:]).split("\n")[:-1]
    else:  # trailing blank lines or spaces
        tail = draw(st.sampled_from(["\n", "\n\n", "\n" * 50, " \n", "\r\n"]))

        def apply(lines):
            return ("\n".join(lines) + "\n" + tail).encode("utf-8")
    apply.__name__ = apply.__qualname__ = f"corrupt_{kind}"
    return apply


def _build(corruptions):
    content = LINES
    for apply in corruptions:
        if isinstance(content, bytes):  # a byte-level corruption came first: continue on its text
            content = content.decode("utf-8", errors="replace").split("\n")
        content = apply(content)
    return content if isinstance(content, bytes) else ("\n".join(content) + "\n").encode("utf-8")


def _run(argv):
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        rc = main(argv)
    return rc, err.getvalue()


LOCATED = re.compile(r"\blines? \d+|column '")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(corruption(), min_size=1, max_size=3))
def test_corrupted_file_is_valid_or_refused_with_a_located_message(corruptions):
    data = _build(corruptions)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "antwoorden.csv"
        path.write_bytes(data)
        out = Path(tmp) / "uit"
        # main runs in this process: an exception escaping it (what a user would see as a
        # traceback) fails the example by itself
        rc, err = _run(["validate", "--data", str(path)])
        assert rc in (0, 2), err
        rc_tables, err_tables = _run(["tables", "--data", str(path), "--out", str(out)])
        if rc == 0:
            assert rc_tables == 0, err_tables
            assert (out / "tables.csv").is_file()
            return
        for message in (err, err_tables):
            assert message.startswith(f"error: {path}:"), message[:300]
            assert message.count("error: ") == 1
            assert LOCATED.search(message) or "file is empty" in message, message[:500]
            assert len(message) < 5000, f"{len(message)} characters"
        assert rc_tables == 2
        assert not out.exists(), "tables wrote something for a refused file"
