"""Files a reader can take home, written by the build into ``_build/site-extra/downloads`` (served
as ``downloads/`` on the site; ``html_extra_path`` in ``_config.yml``).

Every table and figure gets a CSV with exactly the numbers shown, written from the same cells
as the page; ``LEESMIJ.txt`` travels with them. The data page adds the codebook, the printed
numbers, the register and (only when it is the shipped reconstruction) the respondent file.
Nothing here is committed: every build writes the files afresh from the data in use.
"""

import os
import shutil
from html import escape
from pathlib import Path

import pandas as pd

from .. import __version__
from ..data.published import csv_number
from ..fileio import atomic_write_text, csv_text
from ..paths import DOWNLOADS, LIVE_DOWNLOADS, live_notebook_folder, standalone_folder

SITE_PATH = "../downloads/"  # from a page (every page is one folder deep) to the downloads
STANDALONE = "downloads"  # beside a notebook that runs outside a checkout: its own folder's downloads/


def folder():
    """Where the files go: the site's downloads while the site is built; in a checkout, a
    notebook that runs live (JupyterLab) writes them into the checkout's ``downloads/``
    (:data:`~digitale_inclusie.paths.LIVE_DOWNLOADS`), where the links of its committed outputs
    (``../downloads/``, as on the site) find them too; a chapter downloaded elsewhere writes them
    into ``downloads/`` beside itself, and nothing outside its own folder."""
    here = live_notebook_folder()
    if here is None:
        return DOWNLOADS
    return here / STANDALONE if standalone_folder() is not None else LIVE_DOWNLOADS


def _link_path():
    """The links' path from the page (or the live notebook's folder) to :func:`folder`."""
    here = live_notebook_folder()
    if here is None:
        return SITE_PATH
    return Path(os.path.relpath(folder(), here)).as_posix() + "/"


README = "LEESMIJ.txt"
CSV_COLUMNS = ["blok", "rij", "kolom", "groep", "n", "n_antwoord", "variabele", "antwoord", "waarde", "eenheid",
               "gedrukt", "toelichting", "vraag", "omschrijving"]
CITATION_REPORT = ("Anrijs, S., Verhaert, P., Rothe, F., Van Audenhove, L. & Ponnet, K. (2024, mei). Digitale "
                   "inclusie in Vlaamse lokale besturen. Waarom en hoe realiseren lokale besturen een "
                   "digitale-inclusiebeleid. Rapport in opdracht van de Vlaamse Overheid. Gent: imec-mict, "
                   "Universiteit Gent.")
CITATION_BOOK = (f"Digitale inclusie in Vlaamse lokale besturen: uitvoerbare kennisbank (versie {__version__}), "
                 "op basis van Anrijs e.a. (2024).")


def block_rows(label, cells, codebook):
    """The rows of a block's CSV: one per number shown."""
    rows = []
    for c in cells:
        field = codebook.by_name.get(c.variable)
        rows.append({
            "blok": label, "rij": c.row, "kolom": c.column, "groep": c.group, "n": c.n, "n_antwoord": c.answered,
            "variabele": c.variable, "antwoord": c.answer, "waarde": csv_number(c.value), "eenheid": c.unit,
            "gedrukt": csv_number(c.printed), "toelichting": c.reason if c.differs else "",
            "vraag": field.title if field else "", "omschrijving": field.description if field else "",
        })
    return pd.DataFrame(rows, columns=CSV_COLUMNS)


def write_block(name, label, cells, codebook, reconstruction):
    """Write ``{name}.csv`` (and the README) into the downloads folder; return the file name."""
    text = csv_text(block_rows(label, cells, codebook))
    atomic_write_text(folder() / f"{name}.csv", text)
    write_readme(reconstruction)
    return f"{name}.csv"


def copy_file(source, name, reconstruction):
    """Copy a data file into the downloads folder (for the data page); return the copy's path."""
    folder().mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, folder() / name)
    write_readme(reconstruction)
    return folder() / name


def readme_text(reconstruction):
    if reconstruction:
        origin = ("Alle cijfers zijn berekend uit het gereconstrueerde respondentenbestand van de kennisbank "
                  "(respondenten.csv): een bestand dat de gedrukte cijfers van het rapport reproduceert, geen "
                  "echte enquêtedata. Welke antwoorden samen bij één respondent horen, is door de reconstructie "
                  "gekozen; kruisverbanden tussen vragen zeggen dus niets.")
    else:
        origin = ("Alle cijfers zijn berekend uit het respondentenbestand dat bij het bouwen van de site werd "
                  "opgegeven (DIGITALE_INCLUSIE_DATA), niet uit de reconstructie van de kennisbank.")
    return f"""Cijfers uit de kennisbank 'Digitale inclusie in Vlaamse lokale besturen'
=======================================================================

Bron: {CITATION_REPORT}

{origin}

Elk CSV-bestand hoort bij één tabel of figuur van de site en bevat precies de getoonde cijfers,
één rij per cijfer, gecodeerd in UTF-8 met komma als scheidingsteken en punt als decimaalteken:

  blok         de tabel of figuur (zoals genummerd in het rapport)
  rij, kolom   waar het cijfer in de tabel op de site staat
  groep        totaal, klein, middelgroot, groot (grootte van het bestuur), met of zonder
               (Iedereen-Digitaalsubsidie)
  n            aantal respondenten in die groep
  n_antwoord   van hen, wie deze vraag beantwoordde: de noemer van een percentage
  variabele    de kolom van het respondentenbestand (zie datapackage.json, het codeboek)
  antwoord     het antwoord of de maat (bv. Ja, (Eerder) wel, Gemiddelde)
  waarde       het berekende cijfer; percentages zijn berekend over wie de vraag beantwoordde
               (wie de vraag oversloeg, telt niet mee) en half naar boven afgerond
  eenheid      procent, uur (per week) of aantal
  gedrukt      het cijfer dat het rapport afdrukt, als het er een afdrukt
  toelichting  waarom het berekende cijfer afwijkt van het gedrukte, als dat bekend is
  vraag        het item zoals het rapport het afdrukt (de exacte vraagformulering staat niet in
               het rapport)
  omschrijving wat het item meet, volgens het codeboek

Licentie: de code van de kennisbank valt onder de MIT-licentie; deze cijferbestanden mag je vrij
hergebruiken onder CC BY 4.0, met vermelding van de kennisbank en van het rapport. Het auteursrecht
op het rapport zelf blijft bij de auteurs.

Citeren: {CITATION_BOOK}
En het rapport: {CITATION_REPORT}
"""


def write_readme(reconstruction):
    atomic_write_text(folder() / README, readme_text(reconstruction))


def link_html(filename, text):
    """A download link from a page to a file of the downloads folder."""
    return f'<a class="di-download-link" href="{escape(_link_path() + filename)}" download>{escape(text)}</a>'


def links_html(filename, label):
    """The line under a table: its CSV and the README."""
    return (f'<p class="di-download">Download: {link_html(filename, f"{label} als CSV")} · '
            f'{link_html(README, "toelichting bij de cijferbestanden")}</p>')
