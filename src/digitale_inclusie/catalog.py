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
CATALOGUE = DATA / "catalogus" / "catalogus.yaml"
CATALOGUE_SCHEMA = DATA / "catalogus" / "catalogus.schema.json"
PHASES = ("visievorming en voorbereiding", "coördinatie en communicatie", "participatie en evaluatie")


def _load_yaml(path, schema_path):
    import jsonschema

    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputFileError(path, [f"not valid YAML: {exc}"]) from None
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
    from .data.codebook import Codebook
    from .data.published import load_published

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


def load_catalogue(path=CATALOGUE, codebook=None, materials=None):
    """The good-practice catalogue, validated; every reference checked."""
    from .data.codebook import Codebook

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


def _refs(ids, prefix, names):
    return ", ".join(f"{{ref}}`{names[i]} <{prefix}-{i}>`" for i in ids) or "geen"


def catalogue_markdown(data, materials, share_text):
    """The catalogue page's entries as MyST Markdown, each with a stable anchor and links to the
    chapters, the challenges, the toolbox and the requests and expectations. ``share_text``
    gives the computed share of respondents who (rather) do a policy action."""
    challenges = {e["id"]: e for e in data["uitdagingen"]}
    material_names = {e["id"]: e["naam"] for e in materials}
    request_names = {e["id"]: f"vraag {n}" for n, e in enumerate(data["vragen"], start=1)}
    expectation_names = {e["id"]: e["naam"].lower() for e in data["verwachtingen"]}
    lines = ["## Praktijkacties\n"]
    for group, title in GROUP_TITLES.items():
        lines.append(f"### {title}\n")
        for e in (p for p in data["praktijken"] if p["groep"] == group):
            lines += [
                f"(praktijk-{e['id']})=",
                f"#### {e['naam']}\n",
                f"{e['beschrijving']}\n",
                f"- **Soort**: {e['soort']}",
                f"- **Doelgroepen**: {', '.join(e['doelgroepen'])}",
                f"- **Beleidsfase**: {e['fase']}",
                "- **Uitdagingen**: " + (", ".join(f"{{ref}}`{challenges[c]['naam'].lower()} <{challenges[c]['hoofdstuk']}>`"
                                                   for c in e["uitdagingen"]) or "geen genoemd"),
                f"- **Toolbox**: {_refs(e['materialen'], 'materiaal', material_names)}",
                "- **Vragen en verwachtingen**: "
                + (", ".join([f"{{ref}}`{request_names[i]} <vraag-{i}>`" for i in e["vragen"]]
                             + [f"{{ref}}`{expectation_names[i]} <verwachting-{i}>`" for i in e["verwachtingen"]])
                   or "geen"),
                f"- **In het rapport**: {{ref}}`hoofdstuk 3 <{CHAPTER3_PRACTICE}>`\n",
            ]
    lines.append("## Beleidsacties per fase\n")
    for phase in PHASES:
        lines.append(f"### {phase[0].upper() + phase[1:]}\n")
        for e in (b for b in data["beleidsacties"] if b["fase"] == phase):
            lines += [f"(beleidsactie-{e['id']})=",
                      f"#### {e['naam']}\n",
                      f"{share_text(e['variabele'])} van de respondenten zegt dat hun bestuur dit (eerder) "
                      f"doet. Zie {{ref}}`hoofdstuk 3 <{CHAPTER3_POLICY}>`.\n"]
    users = {}
    for e in data["praktijken"]:
        for field in ("vragen", "verwachtingen"):
            for i in e[field]:
                users.setdefault((field, i), []).append(e)
    lines.append("## Vragen aan ondersteunende organisaties\n")
    for n, e in enumerate(data["vragen"], start=1):
        related = users.get(("vragen", e["id"]), [])
        lines += [f"(vraag-{e['id']})=", f"#### Vraag {n}\n", f"{e['tekst']}\n",
                  "Hangt samen met: " + (", ".join(f"{{ref}}`{p['naam'].lower()} <praktijk-{p['id']}>`" for p in related)
                                         or "geen praktijkactie in deze catalogus")
                  + f". Zie {{ref}}`hoofdstuk 4 <{CHAPTER4_REQUESTS}>`.\n"]
    lines.append("## Verwachtingen van hogere overheden\n")
    for e in data["verwachtingen"]:
        related = users.get(("verwachtingen", e["id"]), [])
        lines += [f"(verwachting-{e['id']})=", f"#### {e['naam']}\n", f"{e['tekst']}\n",
                  "Hangt samen met: " + (", ".join(f"{{ref}}`{p['naam'].lower()} <praktijk-{p['id']}>`" for p in related)
                                         or "geen praktijkactie in deze catalogus")
                  + f". Zie {{ref}}`hoofdstuk 6 <{CHAPTER6_EXPECTATIONS}>`.\n"]
    return "\n".join(lines)


# DataTables in Dutch, for the searchable overviews (itables, bundle embedded in the page)
DATATABLES_DUTCH = {
    "search": "Zoeken:",
    "info": "Rij _START_ tot _END_ van _TOTAL_",
    "infoEmpty": "Geen rijen",
    "infoFiltered": "(gefilterd uit _MAX_)",
    "zeroRecords": "Niets gevonden",
    "emptyTable": "Geen gegevens",
    "lengthMenu": "_MENU_ rijen per pagina",
    "paginate": {"first": "Eerste", "last": "Laatste", "next": "Volgende", "previous": "Vorige"},
    "aria": {"orderable": "Sorteer op deze kolom", "orderableReverse": "Sorteer omgekeerd op deze kolom"},
}


def _link(text, anchor_id):
    from html import escape

    return f'<a href="#{anchor_id}">{escape(text)}</a>'


def materials_overview(entries, share_text):
    """One row per toolbox entry, for the searchable overview table."""
    import pandas as pd

    return pd.DataFrame({
        "Materiaal": [_link(e["naam"], anchor(e)) for e in entries],
        "Aanbieder": [e["aanbieder"] for e in entries],
        "Soort": [e["soort"] for e in entries],
        "Voor": [", ".join(e["voor_wie"]) for e in entries],
        "Gebruikt door": [share_text(e["variabele"]) if e["variabele"] else "geen cijfer" for e in entries],
    })


def practices_overview(data):
    """One row per practice action, for the searchable overview table."""
    import pandas as pd

    practices = data["praktijken"]
    return pd.DataFrame({
        "Actie": [_link(p["naam"], f"praktijk-{p['id']}") for p in practices],
        "Soort": [p["soort"] for p in practices],
        "Beleidsfase": [p["fase"] for p in practices],
        "Doelgroepen": [", ".join(p["doelgroepen"]) for p in practices],
        "Groep": [p["groep"] for p in practices],
    })


def overview_html(frame, caption):
    """A searchable, sortable table (DataTables via itables), Dutch, with a filter per column;
    the DataTables bundle is embedded in the page by ``itables.init_notebook_mode``."""
    from itables import to_html_datatable

    return to_html_datatable(frame, caption=caption, allow_html=True, language=DATATABLES_DUTCH,
                             column_filters="header", paging=False, classes="display compact",
                             style="table-layout:auto;width:100%;margin:0;caption-side:top",
                             display_logo_when_loading=False, connected=False, showIndex=False)


def challenges_markdown(challenges, practices):
    """The challenges with the catalogue's actions that name them, as a MyST list-table (a
    caption, the challenge as row header, links to chapter 5's sections and to the fiches).
    ``challenges`` is a DataFrame indexed by challenge id with ``naam``, ``soort``,
    ``hoofdstuk`` and ``acties`` (a list of practice ids)."""
    names = {p["id"]: p["naam"] for p in practices}
    lines = ["```{list-table} De uitdagingen uit het rapport en de acties uit de catalogus die ermee samenhangen",
             ":header-rows: 1", ":stub-columns: 1", "", "* - Uitdaging", "  - Soort", "  - Acties in de catalogus"]
    for _, row in challenges.iterrows():
        actions = ", ".join(f"{{ref}}`{_text(names[i])} <praktijk-{i}>`" for i in row["acties"]) or "geen"
        lines += [f"* - {{ref}}`{_text(row['naam'])} <{row['hoofdstuk']}>`", f"  - {row['soort']}", f"  - {actions}"]
    lines.append("```")
    return "\n".join(lines)


def _text(value):
    """Text for inside a MyST role's title: no backquotes or angle brackets that would end it."""
    return str(value).replace("`", "'").replace("<", "‹").replace(">", "›")
