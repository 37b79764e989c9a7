"""Small file helpers."""

import hashlib
import os
import tempfile
from pathlib import Path


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path, text):
    """Write text to ``path`` through a temporary file in the same folder, so that a failure
    never leaves a half-written file. The file gets ordinary permissions (0666 less the umask,
    as ``open`` would give), not the 0600 of a temporary file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.fchmod(fd, 0o666 & ~_umask())
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def checksum_lines(files, base):
    """``sha256sum``-style lines for files, with paths relative to ``base``."""
    lines = []
    for path in files:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        lines.append(f"{digest}  {Path(path).relative_to(base).as_posix()}\n")
    return "".join(lines)
