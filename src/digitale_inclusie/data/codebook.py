"""The codebook: the Frictionless data package that describes the respondent file.

It is the one definition of the survey's columns, their answer codes (in order) and their Dutch
labels, and of the groups every table is broken down by: the codes of the two grouping columns,
in the order of their ``enum`` (checked when the codebook is read), and ``totaal`` for everyone.
"""

import json
from dataclasses import dataclass
from functools import cached_property

from ..paths import DATAPACKAGE

MISSING = "geen_antwoord"  # explicit code: the respondent did not answer the item
ID, SIZE, SUBSIDY, HOURS = "respondent_id", "grootte", "subsidie", "uren_per_week"
TOTAL = "totaal"  # the group of all respondents
SIZES = ("klein", "middelgroot", "groot")  # the codes of SIZE, in order
SUBSIDIES = ("met", "zonder")  # the codes of SUBSIDY, in order
BREAKDOWNS = {TOTAL: (TOTAL,), SIZE: SIZES, SUBSIDY: SUBSIDIES}  # the groups of each breakdown
GROUPS = (TOTAL,) + SIZES + SUBSIDIES  # every group, in the order the book shows them


def breakdown_of(group):
    """The breakdown a group belongs to: 'totaal', 'grootte' or 'subsidie'."""
    return next(column for column, groups in BREAKDOWNS.items() if group in groups)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    title: str
    codes: tuple  # allowed codes for categorical fields, in codebook order; () otherwise
    labels: dict  # code -> Dutch label
    question: str  # items of one question share their non-response
    description: str = ""  # what the item records (Dutch)
    minimum: float = None
    maximum: float = None
    pattern: str = None  # a regular expression the whole value must match
    required: bool = False


DESCRIPTOR_SCHEMA = {  # what this book reads of a Frictionless data package, checked before it is used
    "type": "object", "required": ["resources"],
    "properties": {"resources": {"type": "array", "minItems": 1, "prefixItems": [{
        "type": "object", "required": ["schema"],
        "properties": {"schema": {
            "type": "object", "required": ["fields"],
            "properties": {
                "primaryKey": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                "fields": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["name", "type"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1}, "type": {"enum": ["string", "number", "integer"]},
                        "title": {"type": "string"}, "description": {"type": "string"}, "question": {"type": "string"},
                        "constraints": {"type": "object", "properties": {
                            "enum": {"type": "array", "items": {"type": "string", "minLength": 1}},
                            "minimum": {"type": "number"}, "maximum": {"type": "number"},
                            "pattern": {"type": "string"}, "required": {"type": "boolean"},
                            "unique": {"type": "boolean"}}},
                        "categories": {"type": "array", "items": {
                            "type": "object", "required": ["value", "label"],
                            "properties": {"value": {"type": "string"}, "label": {"type": "string"}}}}}}}}}}}]}},
}


def descriptor_problems(descriptor):
    """What is wrong with a data package for this book, one located sentence each: its structure
    (:data:`DESCRIPTOR_SCHEMA`), patterns that are not regular expressions, duplicate names."""
    import re

    import jsonschema

    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                for e in jsonschema.Draft202012Validator(DESCRIPTOR_SCHEMA).iter_errors(descriptor)]
    if problems:
        return problems[:10]
    fields = descriptor["resources"][0]["schema"]["fields"]
    names = [f["name"] for f in fields]
    problems += [f"field '{n}' occurs more than once" for n in sorted({n for n in names if names.count(n) > 1})]
    for i, spec in enumerate(fields):
        pattern = spec.get("constraints", {}).get("pattern")
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"resources/0/schema/fields/{i} ('{spec['name']}'): pattern {pattern!r} is not a "
                                f"regular expression ({exc})")
    return problems


class Codebook:
    """Fields of the respondent file, read from ``datapackage.json``."""

    def __init__(self, descriptor, path=None):
        self.path = path  # where it was read from, if from a file
        resource = descriptor["resources"][0]
        self.resource = resource
        fields = []
        for spec in resource["schema"]["fields"]:
            constraints = spec.get("constraints", {})
            codes = tuple(constraints.get("enum", ()))
            labels = {c["value"]: c["label"] for c in spec.get("categories", [])}
            fields.append(Field(
                name=spec["name"], type=spec["type"], title=spec.get("title", spec["name"]),
                codes=codes, labels=labels, question=spec.get("question", ""),
                description=spec.get("description", ""),
                minimum=constraints.get("minimum"), maximum=constraints.get("maximum"),
                pattern=constraints.get("pattern"), required=constraints.get("required", False),
            ))
        self.fields = tuple(fields)
        self.by_name = {f.name: f for f in fields}
        for column, groups in ((SIZE, SIZES), (SUBSIDY, SUBSIDIES)):
            codes = self.by_name[column].codes if column in self.by_name else ()
            if codes != groups:
                raise ValueError(f"field '{column}' has the codes {list(codes)}; the book's groups are {list(groups)}")

    @classmethod
    def load(cls, path=DATAPACKAGE):
        from ..errors import InputFileError
        from ..fileio import read_bytes

        data = read_bytes(path, what="a JSON data package")
        try:
            descriptor = json.loads(data.decode("utf-8"))
        except RecursionError:
            raise InputFileError(path, ["nested too deeply to read; expected the codebook's flat structure"]) from None
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputFileError(path, [f"line {line}: not valid UTF-8; expected a UTF-8 JSON file"]) from None
        except json.JSONDecodeError as exc:
            raise InputFileError(path, [f"line {exc.lineno}, column {exc.colno}: {exc.msg}; expected JSON"]) from None
        problems = descriptor_problems(descriptor)
        if problems:
            raise InputFileError(path, problems)
        try:
            return cls(descriptor, path=path)
        except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
            raise InputFileError(path, [f"not a data package with a resource schema ({type(exc).__name__}: "
                                        f"{exc}); expected the codebook's structure"]) from None

    @property
    def names(self):
        return [f.name for f in self.fields]

    @cached_property
    def questions(self):
        """question id -> names of its item fields, in codebook order."""
        out = {}
        for f in self.fields:
            if f.question:
                out.setdefault(f.question, []).append(f.name)
        return out

    def items(self, question):
        """The columns (items) of one question, in codebook order: ``items("samenwerking")``."""
        return list(self.questions[question])

    def answer_codes(self, name):
        """The codes of a categorical item other than the non-response code, in codebook order."""
        return [c for c in self.by_name[name].codes if c != MISSING]

    @cached_property
    def answer_labels(self):
        """answer code -> Dutch label, the first label the codebook gives the code (so 'ja' is
        'Ja'; a question may label it otherwise, e.g. 'Gebruikt': see :meth:`label`)."""
        out = {}
        for f in self.fields:
            for code, label in f.labels.items():
                out.setdefault(code, label)
        return out

    def label(self, value, variable=None):
        """The Dutch label of a column name (its title) or an answer code (of ``variable`` when
        given); other values unchanged."""
        if value in self.by_name:
            return self.by_name[value].title
        if variable in self.by_name and value in self.by_name[variable].labels:
            return self.by_name[variable].labels[value]
        return self.answer_labels.get(value, value)
