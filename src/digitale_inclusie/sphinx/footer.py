"""Part of the book's Sphinx extension: the version and build date in the footer of every page.

The footer template (``_templates/copyright.html``) shows ``di_version`` (the package's
``__version__``, the version ``CITATION.cff`` and ``CHANGELOG.md`` name) and ``di_build_date``, the
build date in Dutch. Pages name them with the role ``{di-build}`versie``` (also ``datum`` and ``jaar``). The date comes from ``SOURCE_DATE_EPOCH`` when it is set (reproducible
builds: the same sources and epoch give the same pages), else from today's date.
"""

import datetime
import os

from docutils import nodes

from .. import __version__

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def build_date(environ=None):
    """The build date: ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, else today."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    return datetime.date.today()


def dutch_date(day):
    """A date as Dutch text: ``30 november 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _build_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{di-build}`versie```, ``datum`` or ``jaar``: the version or build date as plain text."""
    config = inliner.document.settings.env.config
    values = {"versie": __version__, "datum": config.di_build_date, "jaar": config.di_build_date_iso[:4]}
    if text not in values:
        message = inliner.reporter.error(f"di-build: unknown value {text!r}, expected one of {sorted(values)}",
                                         line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.Text(values[text])], []


def _page_context(app, pagename, templatename, context, doctree):
    context["di_version"] = __version__
    context["di_build_date"] = app.config.di_build_date
    context["di_build_date_iso"] = app.config.di_build_date_iso


def _config_inited(app, config):
    day = build_date()
    config.di_build_date = dutch_date(day)
    config.di_build_date_iso = day.isoformat()


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.add_config_value("di_build_date", "", "html")
    app.add_config_value("di_build_date_iso", "", "html")
    app.add_role("di-build", _build_role)
    app.connect("config-inited", _config_inited)
    app.connect("html-page-context", _page_context)
