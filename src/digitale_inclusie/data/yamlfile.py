"""The book's YAML files (toolbox, catalogue, claims) read safely: plain data only, within limits.

PyYAML's ``safe_load`` builds only plain types, but it still expands aliases (a 1 KB file of
nested aliases grows to gigabytes), keeps the last of two equal keys silently, and accepts any
character. Here a file is refused, with its line, when it holds an alias or anchor, is nested
deeper than :data:`MAX_DEPTH`, repeats a key in one mapping, is larger than :data:`MAX_BYTES`,
or holds in any text a control character (other than a line break in a block of text),
a bidirectional override or an invisible formatting character: those would show one thing on a
page and mean another.
"""

import re

import yaml

from ..errors import InputFileError, show
from ..fileio import read_bytes

MAX_BYTES = 5 * 2**20  # 5 MiB: the largest file is about 60 KB
MAX_DEPTH = 12  # nesting of mappings and lists; the files use at most 4
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases, with a depth limit and unique keys."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise InputFileError(self.name, [f"line {mark.line + 1}: an alias (*name) is not allowed in this file; "
                                             "write the value out"])
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise InputFileError(self.name, [f"line {event.start_mark.line + 1}: an anchor (&{event.anchor}) is "
                                             "not allowed in this file; write the value out"])
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise InputFileError(self.name, [f"line {event.start_mark.line + 1}: nested deeper than {MAX_DEPTH} "
                                                 "levels; expected the file's flat structure"])
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                continue  # PyYAML reports an unhashable key itself
            if key in seen:
                raise InputFileError(self.name, [
                    f"line {key_node.start_mark.line + 1}: key {show(key)} occurs twice in one entry (first on line "
                    f"{seen[key] + 1}); expected each key once"])
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep=deep)


def load_yaml(path):
    """The data of a YAML file, checked as described above (an :class:`InputFileError` naming
    the file and line otherwise)."""
    data = read_bytes(path, "a YAML file")
    if len(data) > MAX_BYTES:
        raise InputFileError(path, [f"is {len(data)} bytes; expected a YAML file of at most {MAX_BYTES // 2**20} MiB"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputFileError(path, [f"line {line}: not valid UTF-8; expected a UTF-8 YAML file"]) from None
    loader = _Loader(text)
    loader.name = str(path)
    try:
        content = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise InputFileError(path, [f"not valid YAML: {exc}"]) from None
    except RecursionError:
        raise InputFileError(path, ["nested too deeply to read; expected the file's flat structure"]) from None
    finally:
        loader.dispose()
    problems = []
    _check_text(content, [], problems)
    if problems:
        raise InputFileError(path, problems[:10] + ([f"and {len(problems) - 10} more"] if len(problems) > 10 else []))
    return content


def _check_text(value, where, problems):
    if isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, where + [f"{key}"], problems)
            _check_text(item, where + [str(key)], problems)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            name = item.get("id") if isinstance(item, dict) else None
            _check_text(item, where + [f"entry {show(name)}" if isinstance(name, str) else f"#{i + 1}"], problems)
    elif isinstance(value, str):
        place = ", ".join(where[:-1] + [f"field '{where[-1]}'"]) if where else "(root)"
        found = UNSAFE.search(value)
        if found:
            problems.append(f"{place}: {show(value)} holds the invisible or control character "
                            f"U+{ord(found.group()):04X}; expected visible text")
        elif not value.strip():
            problems.append(f"{place}: empty text; expected text, or leave the field out")
        elif value != value.strip():
            problems.append(f"{place}: {show(value)} begins or ends with white space or a line break; "
                            "expected the text alone")
