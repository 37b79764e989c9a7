"""The book's Sphinx extension, one ``setup`` for all it adds to Jupyter Book's build
(``extra_extensions: [digitale_inclusie.sphinx]`` in ``_config.yml``):

* :mod:`.cells`: folded code cells with their Dutch text as accessible name; every script once;
  words of HTML outputs kept apart in the search index;
* :mod:`.tables`: ``scope`` on the header cells of Sphinx's own tables; only exercises numbered;
* :mod:`.exercises`: exercises numbered per chapter ("Opgave 2.1"), their solutions and references alike;
* :mod:`.footer`: version and build date in every page's footer, the ``di-build`` role;
* :mod:`.entries`: the toolbox and catalogue pages (directives, overview tables, the shared
  DataTables script);
* :mod:`.search`: the search page patched (section titles as text, numbers findable, snippets
  from the text found) and Dutch search without accents ("enquete" finds "enquête");
* :mod:`.addresses`: the repository and site addresses (``di_repository_url``, ``di_site_url``
  in ``_config.yml``), shown by ``{project-address}`` only where set;
* :mod:`.pagescripts`: a script or style sheet loaded only by the page that needs it
  (``di_page_assets``);
* :mod:`.lighten`: the themes' style sheets cut to the rules the site uses, their icon fonts to
  the glyphs it shows.
"""

from .. import __version__
from . import addresses, cells, entries, exercises, footer, lighten, pagescripts, search, tables


def setup(app):
    for part in (cells, tables, exercises, footer, entries, search, addresses, pagescripts, lighten):
        part.connect(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
