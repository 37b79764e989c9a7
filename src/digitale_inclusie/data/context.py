"""Context figures around the report (``data/context/barometer.csv``): not survey results,
each with its source, for the introduction (written for a reader by
:func:`..present.text.context_text`)."""

import pandas as pd

from ..errors import InputFileError
from ..paths import BAROMETER
from .published import UNITS

COLUMNS = ["key", "value", "unit", "label", "year", "source", "address"]


def load_context(path=BAROMETER):
    """The context figures, checked: key -> row."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(frame.columns) != COLUMNS:
        raise InputFileError(path, [f"line 1: header is {list(frame.columns)}, expected {COLUMNS}"])
    problems = []
    for i, row in frame.iterrows():
        if not row["value"].isdigit():
            problems.append(f"line {i + 2}, column 'value': '{row['value']}' is not a whole number")
        if row["unit"] not in UNITS:
            problems.append(f"line {i + 2}, column 'unit': '{row['unit']}', expected one of {sorted(UNITS)}")
        if not row["source"]:
            problems.append(f"line {i + 2}, column 'source': empty, every figure needs its source")
    if frame["key"].duplicated().any():
        problems.append(f"column 'key': duplicated {sorted(frame.loc[frame['key'].duplicated(), 'key'])}")
    if problems:
        raise InputFileError(path, problems)
    return {row["key"]: row for _, row in frame.iterrows()}

