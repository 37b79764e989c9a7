"""Part of the book's Sphinx extension: a script or a style sheet that only one page needs is
loaded by that page alone (``di_page_assets`` in ``_config.yml``: page name -> file names), so
that no other page pays for it.

The files live in this package's ``assets/`` folder, not in ``_static/``: Jupyter Book 1 adds
every ``.js`` and ``.css`` file under ``_static`` to every page. The build copies them into the
site's ``_static/`` when it starts.
"""

import shutil
from pathlib import Path

ASSETS = Path(__file__).with_name("assets")


def _copy(app):
    for names in app.config.di_page_assets.values():
        for name in names:
            if Path(name).suffix not in (".js", ".css") or Path(name).name != name:
                raise ValueError(f"di_page_assets: {name!r} is not the name of a .js or .css file")
            source = ASSETS / name
            if not source.is_file():
                raise FileNotFoundError(f"di_page_assets: {name!r} is not in {ASSETS}")
            target = Path(app.outdir) / "_static" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _page_assets(app, pagename, templatename, context, doctree):
    for name in app.config.di_page_assets.get(pagename, []):
        if name.endswith(".js"):
            app.builder.add_js_file(name, defer="defer", priority=600)
        else:
            app.builder.add_css_file(name, priority=600)


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.add_config_value("di_page_assets", {}, "html")
    app.connect("builder-inited", _copy)
    app.connect("html-page-context", _page_assets)
