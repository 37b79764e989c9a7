"""Errors raised for bad input files."""


class InputFileError(ValueError):
    """A data file does not follow its specification.

    The message names the file and, for each problem, the line, the column and what was
    expected. ``problems`` holds the individual messages.
    """

    def __init__(self, path, problems):
        self.path = str(path)
        self.problems = list(problems)
        shown = self.problems[:20]
        more = len(self.problems) - len(shown)
        text = f"{shown_path(self.path)}: {len(self.problems)} problem(s)\n" + "\n".join(f"  - {p}" for p in shown)
        if more:
            text += f"\n  ... and {more} more"
        super().__init__(text)


class AnalysisError(RuntimeError):
    """An analysis cell of a page failed on the respondent file in use.

    The message names the page, the cell (number and first line) and the cause."""

    def __init__(self, page, cell, source, cause):
        self.page, self.cell, self.cause = str(page), cell, cause
        first = next((line for line in source.splitlines() if line.strip()), "")
        where = f"{self.page}, cell {cell} ({first.strip()[:80]})" if cell else self.page
        super().__init__(f"{where}: {type(cause).__name__}: {cause}")


def show(value, limit=40):
    """A value as it appears in a message: quoted, with invisible and control characters escaped
    (a NUL as \\x00, a zero-width space as \\u200b, a tab as \\t), and at most ``limit``
    characters of it, followed by an ellipsis and its length when longer."""
    value = str(value)
    head = value[:limit]
    escaped = "".join(c if (_plain(c) and c not in "\\'") or c == " " else _escape(c) for c in head)
    if len(value) > limit:
        return f"'{escaped}…' ({len(value)} characters)"
    return f"'{escaped}'"


def shown_path(path):
    """A file path as it appears in a message: as it is when every character is printable,
    otherwise with invisible and control characters escaped as in :func:`show` (not shortened)."""
    path = str(path)
    if all(_plain(c) for c in path):
        return path
    return "".join(c if _plain(c) and c != "\\" else _escape(c) for c in path)


def _plain(char):
    """Whether a character can be shown as itself: printable, and not a letter of another script
    that looks like a Latin one (a Cyrillic 'а' in 'jа' is shown as \\u0430)."""
    if not char.isprintable():
        return False
    if char.isascii() or not char.isalpha():
        return True
    import unicodedata

    return unicodedata.name(char, "").startswith("LATIN")


def _escape(char):
    if char in "\\'":
        return "\\" + char
    code = ord(char)
    if char in "\t\n\r":
        return {"\t": "\\t", "\n": "\\n", "\r": "\\r"}[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
