"""Presentation: the figure style, charts, accessible tables, downloads, and :class:`Page`, what a
page calls to show a computed result. Nothing in this package computes a statistic."""

from .page import HTML, Markdown, Page

__all__ = ["HTML", "Markdown", "Page"]
