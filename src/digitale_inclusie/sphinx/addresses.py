"""Part of the book's Sphinx extension: where the project lives, when it has a public address.

Two settings in ``_config.yml`` (``sphinx: config:``), empty by default: ``di_repository_url``
(the repository, e.g. on GitHub) and ``di_site_url`` (the published site). A page writes

    ```{project-address} repository
    ```

(or ``site``, or ``issues``: the repository's issue list) and gets one sentence with the link
when the address is set, and nothing at all when it is not: no placeholder is ever shown. An
address must be an ``https://`` URL without spaces or quotes, or the build stops.
"""

import re

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

SAFE_URL = re.compile(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._~%/+-]*)?")
SENTENCES = {  # kind -> (text before the link, setting, path added to the address)
    "repository": ("De broncode en de geschiedenis van de kennisbank staan ook in de repository: ", "di_repository_url", ""),
    "site": ("De gepubliceerde site staat op ", "di_site_url", ""),
    "issues": ("Meld het daar als issue: ", "di_repository_url", "/issues"),
}


def address(config, setting):
    """The address of ``setting`` ('' when not set), checked to be a plain https URL."""
    value = (getattr(config, setting, "") or "").strip().rstrip("/")
    if value and not SAFE_URL.fullmatch(value):
        raise ExtensionError(f"_config.yml: {setting} {value!r} is not a plain https:// address")
    return value


class ProjectAddress(SphinxDirective):
    required_arguments = 1

    def run(self):
        kind = self.arguments[0]
        if kind not in SENTENCES:
            raise self.error(f"project-address: {kind!r}, expected one of {sorted(SENTENCES)}")
        before, setting, suffix = SENTENCES[kind]
        value = address(self.config, setting)
        if not value:
            return []
        url = value + suffix
        paragraph = nodes.paragraph()
        paragraph += nodes.Text(before)
        paragraph += nodes.reference(url, url, refuri=url)
        paragraph += nodes.Text(".")
        return [paragraph]


def _check(app, config):
    for setting in ("di_repository_url", "di_site_url"):
        address(config, setting)


def connect(app):
    """Wire this part into the build (called by the extension's one ``setup``)."""
    app.add_config_value("di_repository_url", "", "html")
    app.add_config_value("di_site_url", "", "html")
    app.add_directive("project-address", ProjectAddress)
    app.connect("config-inited", _check)
