"""The chapters in JupyterLab as `make lab` opens them (issue 20): rendered by jupyterlab-myst
with no raw MyST left, each chart once, every CSV link answered with its file, solutions folded,
and a working "Verken zelf" after Run All. Chromium drives a real JupyterLab server on the
loopback interface (tools/a11y/lab-check.js)."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest
from site_tools import needs_browser, node

from digitale_inclusie.paths import LIVE_DOWNLOADS, REPO

BIN = Path(sys.executable).parent
CHAPTERS = sorted((REPO / "notebooks").glob("0*.ipynb"))
LIVE = "notebooks/01_waarom.ipynb"  # the chapter whose "Verken zelf" is used in a running kernel


def _solutions(notebook):
    """The first words of every folded solution ({solution} with :class: dropdown) of a chapter:
    Lab must not show them before the reader opens the solution."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("```{solution}") and "dropdown" in cell.source:
            body = [line for line in cell.source.splitlines()[1:] if line.strip() and not line.startswith(":")]
            found.append(re.sub(r"[`*_]", "", body[0])[:40])
    return found


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server as `make lab` starts it (the project as its root), after the chapters
    ran once live (their CSV files in downloads/), isolated from the user's own settings."""
    if shutil.which("jupyter-lab", path=str(BIN)) is None or not _installed("jupyterlab_myst"):
        pytest.fail("JupyterLab with jupyterlab-myst is not installed: `make test` installs requirements-lab.txt")
    home = tmp_path_factory.mktemp("lab")
    settings = home / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # every cell rendered at once (JupyterLab otherwise renders only the cells in view)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIGITALE_INCLUSIE")}
    env.update(JUPYTERLAB_SETTINGS_DIR=str(home / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(home / "runtime"), JUPYTER_CONFIG_DIR=str(home / "config"))
    # as `make lab`: the chapters run once (their CSV files), then the server starts, one after
    # the other as make does (their kernels on Unix sockets: digitale_inclusie.kernels)
    prepared = subprocess.run([sys.executable, "tools/execute_notebooks.py", "--downloads"], cwd=REPO, check=False,
                              env={k: v for k, v in env.items() if k != "JUPYTER_RUNTIME_DIR"},
                              capture_output=True, text=True, timeout=600)
    assert prepared.returncode == 0, prepared.stdout[-2000:] + prepared.stderr[-2000:]
    token = uuid.uuid4().hex
    command = [str(BIN / "jupyter-lab"), "--no-browser", "--ServerApp.root_dir=.", f"--IdentityProvider.token={token}",
               "--ServerApp.port=18899", "--ServerApp.port_retries=100", "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = _wait_for_server(home / "runtime", server, token)
        yield {"url": url, "token": token, "home": home}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def _installed(module):
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _wait_for_server(runtime, server, token, limit=120):
    """The server's address, from the file it writes when it listens; then its API answers."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        assert server.poll() is None, "JupyterLab stopped at start (see its log)"
        for info in runtime.glob("jpserver-*.json"):
            url = json.loads(info.read_text(encoding="utf-8"))["url"]
            try:
                with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        return url
            except OSError:
                pass
        time.sleep(0.2)
    raise AssertionError(f"JupyterLab did not answer within {limit} s")


def test_no_chapter_relies_on_glue_that_jupyterlab_cannot_render():
    """jupyterlab-myst shows a {glue} role as its bare name: the prose takes its numbers from
    page.text and page.summary (code cells whose output is MyST), never from glue."""
    for path in CHAPTERS:
        for cell in nbformat.read(path, as_version=4).cells:
            assert "{glue" not in cell.source and "myst_nb" not in cell.source, (path.name, cell.source[:200])


@needs_browser
def test_every_chapter_reads_in_jupyterlab_as_on_the_site(lab):
    notebooks = []
    for path in CHAPTERS:
        notebook = nbformat.read(path, as_version=4)
        notebooks.append({"path": path.relative_to(REPO).as_posix(), "cells": len(notebook.cells),
                          "solutions": _solutions(notebook)})
    assert sum(len(n["solutions"]) for n in notebooks) >= 6  # the check has something to find
    config = lab["home"] / "check.json"
    config.write_text(json.dumps({"url": lab["url"], "token": lab["token"], "notebooks": notebooks, "live": LIVE}),
                      encoding="utf-8")
    done = node("lab-check.js", config, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:] + (lab["home"] / "lab.log").read_text(encoding="utf-8")[-2000:]
    results = json.loads(done.stdout)
    problems = {path: r["problems"] for path, r in results.items() if r["problems"]}
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    # every chapter with tables links their CSV files; the chapters with charts show them once each
    for path, result in results.items():
        if path != "notebooks/05_uitdagingen.ipynb":
            assert result["links"] >= 2 and result["charts"] >= 1, (path, result)
    live = results[LIVE]["live"]
    assert live["chosen"] in live["options"] and live["after"] != live["before"], live
    # the CSV files the links found are those the chapters write when they run live
    assert (LIVE_DOWNLOADS / "figuur_1.csv").is_file() and (LIVE_DOWNLOADS / "tabel_15.csv").is_file()
