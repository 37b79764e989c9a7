"""The analysis: the report's rounding (:mod:`.stats`), the chapter notebooks' analysis cells
run outside Jupyter (:mod:`.cells`), and the report's claims tested on a respondent file
(:mod:`.claims`)."""
