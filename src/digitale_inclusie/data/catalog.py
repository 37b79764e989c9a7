"""Structured content of the toolbox and the good-practice catalogue.

The toolbox entries live in ``data/toolbox/materialen.yaml``, the catalogue in
``data/catalogus/catalogus.yaml``; each is checked against its JSON Schema, the codebook and
the printed numbers. The shares shown (who used a material, who does a policy action) are
computed from the respondent file in use by the chapters' own analysis cells, never typed.
The pages themselves are built by :mod:`digitale_inclusie.sphinx.entries`, which turns these
entries into document nodes, so that no text from the files can become markup.
"""

import json


from ..errors import InputFileError
from ..paths import DATA

MATERIALS = DATA / "toolbox" / "materialen.yaml"
MATERIALS_SCHEMA = DATA / "toolbox" / "materialen.schema.json"
CATALOGUE = DATA / "catalogus" / "catalogus.yaml"
CATALOGUE_SCHEMA = DATA / "catalogus" / "catalogus.schema.json"
# the chapters whose analysis cells compute the shares shown (toolbox: 4, catalogue: 3)
PHASES = ("visievorming en voorbereiding", "coördinatie en communicatie", "participatie en evaluatie")


def _load_yaml(path, schema_path):
    import jsonschema

    from .yamlfile import load_yaml

    entries = load_yaml(path)  # no aliases, duplicate keys or invisible characters
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = [_where(entries, list(error.absolute_path)) + error.message
                for error in sorted(validator.iter_errors(entries), key=lambda e: [str(p) for p in e.absolute_path])]
    if problems:
        raise InputFileError(path, problems)
    for name, group in (entries.items() if isinstance(entries, dict) else [("", entries)]):
        ids = [e["id"] for e in group]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise InputFileError(path, [f"{name + ': ' if name else ''}id(s) {duplicated} occur more than "
                                        "once; expected unique anchors"])
    return entries


def _where(data, path):
    """'entry 'x', field 'y': ' for a JSON-schema error path (list root or dict of lists)."""
    prefix = ""
    if path and isinstance(data, dict):
        prefix = f"{path[0]}: "
        data, path = data[path[0]], path[1:]
    if path and isinstance(path[0], int) and isinstance(data, list) and isinstance(data[path[0]], dict):
        name = data[path[0]].get("id", f"#{path[0] + 1}")
        field = ".".join(str(p) for p in path[1:]) or "(entry)"
        return f"{prefix}entry '{name}', field '{field}': "
    return prefix


def load_materials(path=MATERIALS, codebook=None, published=None):
    """The toolbox entries, validated; checked against the codebook and the printed list."""
    from .codebook import Codebook
    from .published import load_published

    entries = _load_yaml(path, MATERIALS_SCHEMA)
    codebook = codebook or Codebook.load()
    published = published if published is not None else load_published()
    printed = set(published.loc[published["table"] == "materiaal", "variable"])
    problems = []
    for entry in entries:
        variable = entry["variabele"]
        if variable is None and not entry.get("zonder_cijfer"):
            problems.append(f"entry '{entry['id']}': no 'variabele', so 'zonder_cijfer' must say why")
        if variable is not None and variable not in codebook.by_name:
            problems.append(f"entry '{entry['id']}', field 'variabele': '{variable}' is not a codebook column")
        if (entry["adres"] is None) != entry["adres_status"].startswith("onbekend"):
            problems.append(f"entry '{entry['id']}': an address needs a known status, status 'onbekend' no address")
        if entry["adres"] is not None:
            problems += [f"entry '{entry['id']}', field 'adres': {p}" for p in address_problems(entry["adres"])]
    missing = printed - {e["variabele"] for e in entries}
    if missing:
        problems.append(f"printed materials without an entry: {sorted(missing)}")
    if problems:
        raise InputFileError(path, problems)
    return entries


PROVIDER_ORDER = ["VVSG en Mediawijs", "Inter", "FOD BOSA", "Gebruiker Centraal",
                  "Departement Werk en Sociale Economie", "andere"]
CHAPTER_LABEL = "h4-materiaal"  # the section of chapter 4 that discusses the materials


def anchor(entry):
    """The stable anchor (Sphinx label and HTML id) of a toolbox entry."""
    return f"materiaal-{entry['id']}"


ADDRESS_STATUS = {  # the status in the data -> what the page says (no address was checked live)
    "gezien op een kopie": "gezien op een kopie van de pagina",
    "genoemd in het rapport": "zo genoemd in het rapport",
    "afgeleid": "afgeleid, niet nagekeken",
    "onbekend": "geen adres bekend",
}


def address_status_text(status):
    """What the page says about an address: ``'gezien op een kopie (overzichtspagina)'`` ->
    ``'gezien op een kopie van de pagina; overzichtspagina'``."""
    kind, _, note = status.partition(" (")
    note = note.removesuffix(")")
    return ADDRESS_STATUS[kind] + (f"; {note}" if note else "")


# characters an address must not hold: they could end an HTML attribute or a Markdown link
_UNSAFE = set("\"'<>\\`{}|^")


def address_problems(url):
    """What is wrong with a web address for a link on the site (an empty list when nothing is):
    parsed with :func:`urllib.parse.urlsplit`; https with a host, no user or password, no quote,
    angle bracket, backslash, space or control character."""
    import unicodedata
    from urllib.parse import urlsplit

    bad = sorted({c for c in url if c in _UNSAFE or unicodedata.category(c)[0] in "CZ"})
    if bad:
        shown = ", ".join(f"U+{ord(c):04X}" if unicodedata.category(c)[0] in "CZ" else repr(c) for c in bad)
        return [f"holds {shown}; expected a plain https address"]
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError as exc:
        return [f"is not a valid address ({exc})"]
    problems = []
    if parts.scheme != "https":
        problems.append(f"has scheme '{parts.scheme}'; expected https")
    if not parts.hostname or "." not in parts.hostname:
        problems.append("has no host name; expected https://host/...")
    if parts.username is not None or parts.password is not None:
        problems.append("holds a user name or password; expected none")
    return problems


def load_catalogue(path=CATALOGUE, codebook=None, materials=None):
    """The good-practice catalogue, validated; every reference checked."""
    from .codebook import Codebook

    data = _load_yaml(path, CATALOGUE_SCHEMA)
    codebook = codebook or Codebook.load()
    materials = materials if materials is not None else load_materials(codebook=codebook)
    known = {"uitdagingen": {e["id"] for e in data["uitdagingen"]}, "materialen": {e["id"] for e in materials},
             "vragen": {e["id"] for e in data["vragen"]}, "verwachtingen": {e["id"] for e in data["verwachtingen"]}}
    problems = []
    for entry in data["praktijken"]:
        for field, ids in known.items():
            unknown = sorted(set(entry[field]) - ids)
            if unknown:
                problems.append(f"praktijken: entry '{entry['id']}', field '{field}': unknown id(s) {unknown}")
    policy = {f.name for f in codebook.fields if f.name.startswith("beleid_")}
    listed = [e["variabele"] for e in data["beleidsacties"]]
    for entry in data["beleidsacties"]:
        if entry["variabele"] not in policy:
            problems.append(f"beleidsacties: entry '{entry['id']}', field 'variabele': '{entry['variabele']}' "
                            "is not a policy action of the codebook")
    if sorted(listed) != sorted(policy):
        problems.append(f"beleidsacties: expected one entry per policy action of the codebook, "
                        f"missing {sorted(policy - set(listed))}")
    if problems:
        raise InputFileError(path, problems)
    return data


GROUP_TITLES = {"veelvoorkomend": "Acties die bijna overal terugkomen", "uniek": "Originele initiatieven",
                "trots": "Waar besturen trots op zijn"}
CHAPTER3_PRACTICE, CHAPTER3_POLICY = "h3-praktijk", "h3-beleid"
CHAPTER4_REQUESTS, CHAPTER6_EXPECTATIONS = "h4-vragen", "h6-verwachtingen"


def practices_naming(data, field):
    """Request or expectation id -> the practices that name it (``field``: 'vragen' or
    'verwachtingen'), in catalogue order."""
    named = {}
    for practice in data["praktijken"]:
        for i in practice[field]:
            named.setdefault(i, []).append(practice)
    return named
