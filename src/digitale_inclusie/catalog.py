"""Structured content of the toolbox page: the support materials the report surveys.

Each entry lives in ``data/toolbox/materialen.yaml`` and is checked against
``materialen.schema.json`` (JSON Schema) and against the codebook and the printed numbers. The
share of respondents who used a material is computed from the respondent file, never typed.
"""

import json

import yaml

from .errors import InputFileError
from .paths import DATA

MATERIALS = DATA / "toolbox" / "materialen.yaml"
MATERIALS_SCHEMA = DATA / "toolbox" / "materialen.schema.json"


def _load_yaml(path, schema_path):
    import jsonschema

    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputFileError(path, [f"not valid YAML: {exc}"]) from None
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(entries), key=lambda e: list(e.absolute_path)):
        where = list(error.absolute_path)
        entry = where[0] if where else None
        name = entries[entry].get("id", f"#{entry + 1}") if isinstance(entry, int) and isinstance(entries[entry], dict) else "file"
        field = ".".join(str(p) for p in where[1:]) or "(entry)"
        problems.append(f"entry '{name}', field '{field}': {error.message}")
    if problems:
        raise InputFileError(path, problems)
    ids = [e["id"] for e in entries]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise InputFileError(path, [f"id(s) {duplicated} occur more than once; expected unique anchors"])
    return entries


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


def address_markdown(entry):
    """The web address with the status of what is known about it."""
    status = entry["adres_status"]
    if entry["adres"] is None:
        return "onbekend"
    if status.startswith("waarschijnlijk"):
        return f"<{entry['adres']}> (waarschijnlijk adres: afgeleid, niet nagekeken)"
    return f"<{entry['adres']}> ({status})"


def materials_markdown(entries, share_text):
    """The toolbox page's entries as MyST Markdown, grouped by provider, each with a stable
    anchor, the computed share of users (``share_text(variable)``) and a link to the chapter."""
    lines = []
    for provider in PROVIDER_ORDER:
        group = [e for e in entries if e["aanbieder"] == provider]
        if not group:
            continue
        lines.append(f"## {'Andere aanbieders' if provider == 'andere' else provider}\n")
        for entry in group:
            used = (f"{share_text(entry['variabele'])} van de respondenten gebruikte het al"
                    if entry["variabele"] else f"geen cijfer. {entry['zonder_cijfer']}")
            lines += [
                f"({anchor(entry)})=",
                f"### {entry['naam']}\n",
                f"{entry['wat']}\n",
                f"- **Soort**: {entry['soort']}",
                f"- **Voor**: {', '.join(entry['voor_wie'])}",
                f"- **Gebruik**: {used}",
                f"- **Adres**: {address_markdown(entry)}",
                f"- **In het rapport**: {{ref}}`hoofdstuk 4 <{CHAPTER_LABEL}>`\n",
            ]
    return "\n".join(lines)
