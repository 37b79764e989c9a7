"""Digitale inclusie in Vlaamse lokale besturen: the package behind the executable book.

By layer, each depending only on those above it (the README has the full map):

* :mod:`.data` — what the book reads: the codebook (columns, answer codes, groups), the
  respondent file (loaded and validated), the printed numbers (the oracle), the register, the
  toolbox and catalogue, the context figures;
* :mod:`.analysis` — what it computes: the report's rounding (``stats``), the printed blocks
  declared and results placed by them (``blocks``), the chapters' analysis cells run outside
  Jupyter (``cells``), the report's claims tested (``claims``);
* :mod:`.present` — what a page shows: :class:`~.present.page.Page`, tables, charts, sentences,
  downloads, the Dutch text;
* :mod:`.sphinx` — the book's one Sphinx extension;
* :mod:`.reconstruction` — the reconstructed respondent file and the audit;
* :mod:`.cli` — the command line (``python -m digitale_inclusie``); :mod:`.paths`,
  :mod:`.errors`, :mod:`.fileio` — files, messages, safe writing.
"""

__version__ = "0.3.0"
