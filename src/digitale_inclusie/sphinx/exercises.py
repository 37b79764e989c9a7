"""Part of the book's Sphinx extension: exercises are numbered per chapter ("Opgave 2.1").

sphinx-exercise makes its exercises enumerable nodes and leaves their numbers to Sphinx's
``numfig``: Sphinx numbers them in table-of-contents order, per section number; the book's
table of contents is not numbered (its chapters carry the report's numbers in their titles), so
the count ran through the whole book ("Opgave 17"). Once Sphinx has numbered them (on
``env-get-updated``, after reading), this part gives every exercise of a page the number
``(chapter, k)``: the chapter number its title begins with ("2. Wie werkt ...") and its place
among the page's exercises. Every use of the number follows from there: the exercise's title, its solution's
title ("Oplossing van Opgave 2.1") and every ``{numref}`` or ``{ref}`` to it, on any page. A page
with exercises whose title has no chapter number is a build warning (``-W``: an error).
"""

import re

from sphinx.util import logging

logger = logging.getLogger(__name__)

FIGTYPE = "exercise"  # sphinx-exercise's enumerable node type
CHAPTER = re.compile(r"\s*(\d+)\.\s")  # "2. Wie werkt ..." -> 2


def chapter_number(title):
    """The chapter number a page title begins with ('6. Hoe willen ...' -> 6), or None."""
    found = CHAPTER.match(title)
    return int(found.group(1)) if found else None


def per_chapter(numbers, chapter):
    """A page's exercise numbers ({node id: number as Sphinx gave it}) renumbered within the
    page, in the order Sphinx numbered them (the page's order): {node id: (chapter, k)}."""
    order = sorted(numbers, key=lambda node_id: numbers[node_id])
    return {node_id: (chapter, k) for k, node_id in enumerate(order, start=1)}


def _renumber(app, env):
    """After Sphinx's own numbering (``env-get-updated``, run on every build, a no-op one too)."""
    for docname, kinds in env.toc_fignumbers.items():
        numbers = kinds.get(FIGTYPE)
        if not numbers:
            continue
        chapter = chapter_number(env.titles[docname].astext()) if docname in env.titles else None
        if chapter is None:
            logger.warning("this page has exercises but its title does not begin with a chapter number "
                           "('2. ...'), so they cannot be numbered per chapter", location=docname)
            continue
        kinds[FIGTYPE] = per_chapter(numbers, chapter)
    return []  # the pages Sphinx renumbered are rewritten anyway


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    # Sphinx's toctree collector numbers on this event at the default priority (500): after it
    app.connect("env-get-updated", _renumber, priority=900)
