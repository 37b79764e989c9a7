"""The reconstruction: a respondent file that reproduces the printed numbers (integer programs,
:mod:`.reconstruct` and :mod:`.milp`), and the audit of the printed numbers (:mod:`.audit`).

Only ``python -m digitale_inclusie reconstruct`` and ``audit`` (and the data page, which explains
them) use this package; no chapter imports it.
"""
