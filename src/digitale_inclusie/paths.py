"""Locations of the project's data files."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
PUBLISHED = DATA / "published" / "cijfers.csv"
DATAPACKAGE = DATA / "datapackage.json"
RESPONDENTS = DATA / "respondenten.csv"  # the shipped reconstruction
REGISTER = DATA / "register.csv"
CONTEXT = DATA / "context" / "barometer.csv"
CHECKSUMS = DATA / "SHA256SUMS"
CHECKSUMMED = (PUBLISHED, DATAPACKAGE, RESPONDENTS, REGISTER)
DATA_ENV = "DIGITALE_INCLUSIE_DATA"


def respondents_source():
    """The respondent file to read: ``$DIGITALE_INCLUSIE_DATA`` when set (e.g. the real
    survey file, recoded to the codebook), else the shipped reconstruction."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else RESPONDENTS
