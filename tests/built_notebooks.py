"""The chapter notebooks' committed outputs, checked against the book's own execution.

`make book` executes every page once (tools/preexecute.py, into the jupyter-cache of
``_build/``). nbval would execute each chapter a second time in a kernel to compare its outputs
with the committed ones; this plugin gives nbval the outputs of the build instead: every code
cell of ``notebooks/*.ipynb`` is an nbval item (``notebooks/02_wie.ipynb::Cell 4``) compared by
nbval's own comparison, with the sanitizers of ``tests/nbval_sanitize.cfg``, against the same
cell as the session's build ran it. So a chapter runs once per test run, and a committed output
that the current package or data no longer give is still a failure (run ``make notebooks``).

``pytest --nbval notebooks/`` still runs nbval the classic way (a kernel per notebook); this
plugin then stands aside.
"""

from pathlib import Path

import pytest
from nbval.plugin import IPyNbCell, IPyNbFile, coalesce_streams, get_sanitize_patterns

from site_tools import CACHE, ensure_site

SANITIZE = Path(__file__).with_name("nbval_sanitize.cfg")


def pytest_collect_file(file_path, parent):
    if parent.config.option.nbval or parent.config.option.nbval_lax:
        return None  # nbval itself collects and executes the notebooks
    if file_path.suffix == ".ipynb" and file_path.parent.name == "notebooks":
        return BuiltNotebook.from_parent(parent, path=file_path)
    return None


class BuiltNotebook(IPyNbFile):
    """A committed chapter notebook whose cells are compared with the build's execution."""

    def setup(self):
        from jupyter_cache import get_cache

        ensure_site()
        cache = get_cache(str(CACHE))
        record = cache.get_cached_project_nb(str(Path(self.fspath)))
        if record is None:
            pytest.fail(f"{self.fspath}: not executed by the book's build (not in _toc.yml?)")
        self.built = [c for c in cache.get_cache_bundle(record.pk).nb.cells if c.cell_type == "code"]
        self.sanitize_patterns.clear()
        self.sanitize_patterns.update(get_sanitize_patterns(SANITIZE.read_text(encoding="utf-8")))

    def collect(self):
        for item in super().collect():
            yield BuiltCell.from_parent(self, name=item.name, cell_num=item.cell_num, cell=item.cell,
                                        options=item.options)

    def teardown(self):
        pass  # no kernel was started


class BuiltCell(IPyNbCell):
    def runtest(self):
        if self.options["skip"]:
            pytest.skip()
        if self.cell_num >= len(self.parent.built) or self.parent.built[self.cell_num].source != self.cell.source:
            self.raise_cell_error("The build ran another cell here: rebuild (make book) after changing the notebook")
        if self.cell.execution_count is None:
            if self.cell.outputs:
                self.raise_cell_error("Unrun reference cell has outputs")
            return
        built = coalesce_streams(self.parent.built[self.cell_num].get("outputs", []))
        if self.options["check"] and not self.compare_outputs(built, coalesce_streams(self.cell.outputs)):
            self.raise_cell_error("Cell outputs differ from the build's (run `make notebooks`)",
                                  "\n".join(self.comparison_traceback))
