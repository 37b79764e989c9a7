"""The data: the codebook, the respondent file (loaded and validated), the printed numbers (the
oracle), the register, the toolbox and catalogue, the context figures.

A chapter notebook needs only :func:`load_respondents`, :class:`Codebook` and ``MISSING``.
"""

from .codebook import GROUPS, HOURS, ID, MISSING, SIZE, SIZES, SUBSIDIES, SUBSIDY, TOTAL, Codebook
from .respondents import answer_counts, group_members, load_respondents

__all__ = ["Codebook", "GROUPS", "HOURS", "ID", "MISSING", "SIZE", "SIZES", "SUBSIDIES", "SUBSIDY", "TOTAL",
           "answer_counts", "group_members", "load_respondents"]
