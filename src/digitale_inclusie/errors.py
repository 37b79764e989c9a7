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
        text = f"{self.path}: {len(self.problems)} problem(s)\n" + "\n".join(f"  - {p}" for p in shown)
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
