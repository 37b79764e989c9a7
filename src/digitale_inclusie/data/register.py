"""The register (``data/register.csv``): printed numbers the reconstruction does not reproduce,
each with its computed reason. Written by ``python -m digitale_inclusie audit``."""

import pandas as pd

from ..paths import REGISTER
from .published import KEY  # a printed number's key: the register names its numbers the same way
COLUMNS = KEY + ["value", "unit", "reconstructed", "kind", "reason", "alternative"]
KIND_INCONSISTENT = "inconsistent"  # cannot hold together with the numbers the reconstruction keeps
KIND_TRADE_OFF = "afweging"  # could have been kept: missed by the reconstruction's weights
KIND_NOT_COMPUTABLE = "niet_berekenbaar"  # not about respondents


def load_register(path=REGISTER):
    """The register as strings (empty cells as ''); a FIFO or other non-regular file is refused
    without reading (it would block)."""
    import io

    from ..errors import InputFileError
    from ..fileio import read_bytes

    data = read_bytes(path)
    try:
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputFileError(path, [f"cannot be read as UTF-8 CSV: {exc}"]) from None


KIND_LABELS = {  # how a note under a table names the kind
    KIND_INCONSISTENT: "Tegenspraak in het rapport",
    KIND_TRADE_OFF: "Keuze van de reconstructie",
}  # a number that is not computable says so in its reason


def reasons(register):
    """(table, breakdown, group, item, category) -> the kind and the computed reason, for the
    note under a table ('Tegenspraak in het rapport: geen aantal op 26 …')."""
    out = {}
    for _, row in register.iterrows():
        reason = row["reason"]
        label = KIND_LABELS.get(row["kind"])
        text = f"{label}: {reason[:1].lower()}{reason[1:]}" if label else reason
        if row["alternative"]:
            text += " Het niet gekozen alternatief staat in het register (Over de data)."
        out[tuple(row[k] for k in KEY)] = text
    return out
