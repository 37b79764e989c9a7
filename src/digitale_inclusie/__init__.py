"""Digitale inclusie in Vlaamse lokale besturen: the package behind the executable book.

One job per module (the README has the full map):

* :mod:`.data` — the codebook, the respondent file (loaded and validated), the printed numbers
  (the oracle), the register, the context figures;
* :mod:`.stats` — the report's percentages and rounding, exact;
* :mod:`.vocab` — the Dutch vocabulary: group labels, table names, number formatting;
* :mod:`.analysis` — runs the chapter notebooks' ``analysis`` cells, the one implementation of
  every table, for the book, ``tables`` and the audit;
* :mod:`.present` — what a page shows: tables, charts, downloads;
* :mod:`.reconstruction` — the reconstructed respondent file and the audit;
* :mod:`.catalog` — the toolbox and the good-practice catalogue;
* :mod:`.claims` — the report's claims, tested on a respondent file;
* :mod:`.sphinx_ext`, :mod:`.sphinx_tables`, :mod:`.sphinx_entries` — the build's Sphinx
  extensions (folded cells, search index, table scopes; toolbox and catalogue pages).
"""

__version__ = "0.3.0"
