"""The register (``data/register.csv``): printed numbers the reconstruction does not reproduce,
each with its computed reason. Written by ``python -m digitale_inclusie audit``."""

import pandas as pd

from ..paths import REGISTER

KEY = ["table", "breakdown", "group", "item", "category"]
COLUMNS = KEY + ["value", "unit", "reconstructed", "kind", "reason"]
KIND_INCONSISTENT = "inconsistent"
KIND_NOT_COMPUTABLE = "niet_berekenbaar"


def load_register(path=REGISTER):
    """The register as strings (empty cells as '')."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def reasons(register):
    """(table, breakdown, group, item, category) -> the computed reason."""
    return {tuple(row[k] for k in KEY): row["reason"] for _, row in register.iterrows()}
