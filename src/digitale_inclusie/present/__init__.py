"""Presentation: the figure style, charts, accessible tables, downloads, and :class:`Page`, what a
page calls to show a computed result; an exercise's answer as a table and a sentence
(:mod:`.answers`). Nothing in this package computes a statistic."""

from .answers import answer_text, share_summary, show_result
from .page import HTML, Markdown, Page

__all__ = ["HTML", "Markdown", "Page", "answer_text", "share_summary", "show_result"]
