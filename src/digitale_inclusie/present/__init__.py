"""Presentation: the figure style, charts, accessible tables, downloads, and :class:`Page`, what a
page calls to show a computed result. Nothing in this package computes a statistic."""

from .page import HTML, Markdown, Page
from .tables import result_html


def show_result(frame, caption):
    """An exercise's pandas result as an accessible table with a caption (see
    :func:`.tables.result_html`)."""
    return HTML(result_html(frame, caption))


__all__ = ["HTML", "Markdown", "Page", "show_result"]
