"""The chapter notebooks as a researcher runs them: the data path, JupyterLab, what they import."""

import ast
from pathlib import Path

from digitale_inclusie.analysis.cells import read_page
from digitale_inclusie.paths import DATA_ENV, REPO, respondents_source


def test_a_relative_data_path_is_taken_from_the_repository_root(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_ENV, "data/elders.csv")
    assert respondents_source() == REPO / "data" / "elders.csv"
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "x.csv"))
    assert respondents_source() == tmp_path / "x.csv"
    monkeypatch.delenv(DATA_ENV)
    assert respondents_source() == REPO / "data" / "respondenten.csv"


def test_make_lab_installs_a_pinned_jupyterlab():
    import re
    import subprocess

    lines = [line for line in (REPO / "requirements-lab.txt").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[0] == "-r requirements.txt"
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][A-Za-z0-9.+\-]*", line) for line in lines[1:]), lines
    assert any(line.startswith("jupyterlab==4.5.") for line in lines)  # jupyterlab-myst 2.7 needs 4.5
    assert any(line.lower().replace("-", "_").startswith("jupyterlab_myst==2.") for line in lines)
    # -W: make runs the recipe of lab even where its stamp of the installed set is current
    plan = subprocess.run(["make", "-n", "-W", "requirements-lab.txt", "lab"], cwd=REPO, capture_output=True,
                          text=True, check=True).stdout
    assert "pip install --quiet -r requirements-lab.txt" in plan
    # the chapters run once live (their CSV files), then JupyterLab opens with the project as its root
    assert plan.index("tools/execute_notebooks.py --downloads") < plan.index("jupyter lab --ServerApp.root_dir=.")


def _imports(source, package=None):
    """The modules a piece of Python imports anywhere in it (function bodies included), with
    relative imports resolved against ``package``."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_no_chapter_can_reach_the_reconstruction():
    """No code of any chapter (analysis, presentation, claims, exercises) can load the
    reconstruction (its integer programs and audit): the imports of every code cell, followed
    through the package's modules, including imports inside functions, never reach it. (The data
    page, which explains the reconstruction, may.)"""
    import digitale_inclusie

    root = Path(digitale_inclusie.__file__).parent
    modules = {}
    for path in root.rglob("*.py"):
        name = ".".join(("digitale_inclusie", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        modules[name] = {m for m in _imports(path.read_text(encoding="utf-8"), package) if m.startswith("digitale_inclusie")}
    todo = set()
    for page in sorted((REPO / "notebooks").glob("*.ipynb")):
        for cell in read_page(page).cells:
            if cell.cell_type == "code":
                todo |= {m for m in _imports(cell.source) if m.startswith("digitale_inclusie")}
    assert "digitale_inclusie.data" in todo and len(todo) > 3
    reached = set()
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        parent = name.rsplit(".", 1)[0]
        todo |= modules.get(name, set()) | ({parent} if parent in modules else set())
    assert "digitale_inclusie.present" in reached
    assert not {m for m in reached if ".reconstruction" in m}, sorted(m for m in reached if ".reconstruction" in m)
