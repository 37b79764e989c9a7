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
