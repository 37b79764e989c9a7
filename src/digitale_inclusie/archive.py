"""The source archive on the site: the whole project as one zip, the way in for someone who
only has the site (``downloads/digitale-inclusie-broncode.zip``, written by ``make book``).

From a git checkout it is the committed tree (``git archive`` of ``HEAD``: the same commit
gives the same bytes); elsewhere (a build from an unpacked archive) it is the project's files
as they are, in name order, with the fixed time of ``SOURCE_DATE_EPOCH`` (or 1980-01-01), so
that the same files give the same bytes too. Everything sits in one folder,
``digitale-inclusie/``, so that unzipping never scatters files.
"""

import os
import subprocess
import time
import zipfile
from pathlib import Path

from .fileio import atomic_write_bytes
from .paths import REPO

NAME = "digitale-inclusie-broncode.zip"
PREFIX = "digitale-inclusie/"
SKIPPED = {".git", ".venv", "_build", "node_modules", "__pycache__", ".pytest_cache", ".ipynb_checkpoints",
           ".hypothesis", ".ruff_cache"}


def _git_archive(root):
    """The committed tree as zip bytes, or None when ``root`` is not a git checkout."""
    if not (Path(root) / ".git").exists():
        return None
    try:
        done = subprocess.run(["git", "archive", "--format=zip", f"--prefix={PREFIX}", "HEAD"], cwd=root,
                              capture_output=True, timeout=120, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def _tree_archive(root):
    """The project's files as zip bytes, deterministic (sorted names, fixed times and modes)."""
    import io

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, the zip format's first day
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED and not d.endswith(".egg-info"))
        files += [Path(folder) / n for n in names]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
            if not path.is_file() or path.is_symlink():
                continue
            info = zipfile.ZipInfo(PREFIX + path.relative_to(root).as_posix(), date_time=stamp)
            info.external_attr = (0o755 if os.access(path, os.X_OK) else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def write_archive(target, root=REPO):
    """Write the source archive to ``target``; return its size in bytes."""
    data = _git_archive(root)
    if data is None:
        data = _tree_archive(root)
    atomic_write_bytes(target, data)
    return len(data)
