"""Small file helpers."""

import errno
import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

from .errors import InputFileError


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path, data):
    """Write bytes to ``path`` atomically (see :func:`atomic_write_text`)."""
    _atomic_write(path, data, binary=True)


def atomic_write_text(path, text):
    """Write text to ``path`` atomically (see :func:`_atomic_write`)."""
    _atomic_write(path, text, binary=False)


def _atomic_write(path, content, binary):
    """Write text to ``path`` through a temporary file in the same folder, so that a failure
    never leaves a half-written file. The file gets ordinary permissions (0666 less the umask,
    as ``open`` would give), not the 0600 of a temporary file."""
    path = Path(path)
    created = [p for p in reversed(path.parents) if not p.exists()]  # folders this write makes
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.fchmod(fd, 0o666 & ~_umask())
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        for folder in reversed(created):  # nothing half-made is left: the folders it created, if empty
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(exc, OSError) and exc.filename is None:  # a full disk names no file: name it
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def checksum_lines(files, base):
    """``sha256sum``-style lines for files, with paths relative to ``base``."""
    lines = []
    for path in files:
        digest = hashlib.sha256(read_bytes(path, "a data file")).hexdigest()  # a FIFO or folder is refused
        lines.append(f"{digest}  {Path(path).relative_to(base).as_posix()}\n")
    return "".join(lines)


MAX_BYTES = 2**30  # 1 GiB: the largest input read (the respondent file has about 360 bytes a row: ~3 million rows)


def read_bytes(path, what="a CSV file"):
    """The bytes of a regular file; any other path (missing, a folder, a FIFO, a device, a symlink
    loop, unreadable) is refused with an :class:`InputFileError` at once, without reading."""
    if isinstance(path, str) and not path.strip():
        raise InputFileError(repr(path), [f"the path is empty; expected {what}"])
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(path, ["file not found"]) from None
    except OSError as exc:
        raise InputFileError(path, [f"cannot be opened ({_os_reason(exc)}); expected {what}"]) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, [f"is a folder, expected {what}"])
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(path, [f"is not a regular file ({_file_kind(info.st_mode)}), expected {what}"])
    if info.st_size > MAX_BYTES:
        raise InputFileError(path, [f"is {info.st_size / 2**30:.1f} GiB; the commands read a whole file into memory "
                                    f"and accept up to {MAX_BYTES // 2**30} GiB (a respondent file of about three "
                                    f"million rows); expected {what} of at most that size"])
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since the stat
                raise InputFileError(path, [f"is not a regular file, expected {what}"])
            return handle.read()
    except OSError as exc:
        raise InputFileError(path, [f"cannot be read ({_os_reason(exc)}); expected {what}"]) from None


def _os_reason(exc):
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is not a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    return exc.strerror or type(exc).__name__


def _file_kind(mode):
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"


def check_out_folder(path, option="--out"):
    """Refuse, before any work, an output folder that cannot be written: an empty path, a path
    naming a file or other non-folder, a folder (or the nearest existing parent of a folder
    still to be made) without write permission."""
    _check_out(path, option, folder=True)


def check_out_file(path, option="--out"):
    """Refuse, before any work, an output file that cannot be written: an empty path, a path
    naming a folder or a non-regular file, a folder without write permission."""
    _check_out(path, option, folder=False)


def _check_out(path, option, folder):
    text = os.fspath(path) if not isinstance(path, str) else path
    want = "a folder" if folder else "a file"
    if not text.strip():
        raise InputFileError(f"{option} ''", [f"the path is empty; expected {want} to write into"
                                              if folder else f"the path is empty; expected {want} to write"])
    path = Path(text)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
        if os.path.islink(path):  # checked now, not found out after the work
            raise InputFileError(path, [f"is a symbolic link to {os.readlink(path)!r}, which does not exist; "
                                        f"{option} expects {want}"]) from None
    except OSError as exc:
        raise InputFileError(path, [f"cannot be used as {option} ({_os_reason(exc)}); expected {want}"]) from None
    if info is not None:
        if folder and not stat.S_ISDIR(info.st_mode):
            kind = "a file" if stat.S_ISREG(info.st_mode) else _file_kind(info.st_mode)
            raise InputFileError(path, [f"is {kind}; {option} expects a folder"])
        if not folder and stat.S_ISDIR(info.st_mode):
            raise InputFileError(path, [f"is a folder; {option} expects a file name"])
        if not folder and not stat.S_ISREG(info.st_mode):
            raise InputFileError(path, [f"is {_file_kind(info.st_mode)}; {option} expects a regular file"])
    # the folder the file is written into, or the nearest existing parent of a folder to create
    parent = path if (folder and info is not None) else path.parent
    while True:
        try:
            parent_info = os.stat(parent)
            break
        except FileNotFoundError:
            if parent == parent.parent:
                raise InputFileError(path, [f"no existing folder on the path; expected {want} to write"]) from None
            parent = parent.parent
        except OSError as exc:
            raise InputFileError(path, [f"cannot be used as {option}: {parent} ({_os_reason(exc)})"]) from None
    if not stat.S_ISDIR(parent_info.st_mode):
        raise InputFileError(path, [f"{parent} is not a folder; {option} expects {want} in a folder"])
    if hasattr(os, "statvfs") and os.statvfs(parent).f_flag & getattr(os, "ST_RDONLY", 1):
        raise InputFileError(path, [f"folder {parent} is on a read-only file system; {option} expects {want} "
                                    "on a disk that can be written"])
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputFileError(path, [f"folder {parent} is not writable (permission denied); "
                                    f"{option} expects {want} in a folder you can write to"])


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value):
    """A text cell as a spreadsheet may show it: a cell that a spreadsheet would run as a formula
    (starting with =, +, -, @, a tab or a carriage return, and not a plain number) gets a leading
    apostrophe, as OWASP advises for CSV injection; control characters are written as escapes."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(frame, **options):
    """A DataFrame as CSV text (no index, line feeds) with every text cell made safe (:func:`safe_cell`)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("str", "string"):
            out[column] = out[column].map(safe_cell)
    return out.to_csv(index=False, lineterminator="\n", **options)
