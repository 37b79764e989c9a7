"""Locations of the project's data files."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
PUBLISHED = DATA / "published" / "cijfers.csv"
DATAPACKAGE = DATA / "datapackage.json"
RESPONDENTS = DATA / "respondenten.csv"
REGISTER = DATA / "register.csv"
