"""The data: the codebook, the respondent file (loaded and validated), the printed numbers
(the oracle), the register and the context figures.

A chapter notebook needs only :func:`load_respondents` and the codebook's constants.
"""

from .codebook import HOURS, ID, MISSING, SIZE, SIZES, SUBSIDIES, SUBSIDY, Codebook
from .respondents import answer_counts, group_members, load_respondents

__all__ = ["Codebook", "HOURS", "ID", "MISSING", "SIZE", "SIZES", "SUBSIDIES", "SUBSIDY", "answer_counts",
           "group_members", "load_respondents"]
