"""Writing what renjacheck makes (a report, an annotated copy, a template) to a file: atomically
(a temporary file, then a rename), and never over a workbook being checked, so an interrupted
run leaves either the old file or the new one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from renjacheck.decoding import Refusal
from renjacheck.i18n import Problem


class OutputError(Refusal):
    """The report cannot be written where asked (said in either language: `say(lang)`)."""


def refuse_inputs(path: Path, inputs: list[Path]) -> None:
    """OutputError when `path` is one of `inputs`, the workbooks being read."""
    target = path.resolve()
    for source in inputs:
        if source.resolve() == target or (path.exists() and source.exists()
                                          and os.path.samefile(source, path)):
            raise OutputError(Problem("out.is_input", path=str(path)))


def write_atomic(path: Path, data: bytes, inputs: list[Path] = ()) -> None:
    """Write `data` to `path` through a temporary file in the same folder, renamed into place,
    refusing any path that is one of `inputs`. The file gets the mode of the one it replaces,
    else what the umask allows (as a shell's `>` would); a FIFO or a device (`/dev/null`,
    `/dev/stdout`) is written to as a stream, never replaced by a regular file."""
    refuse_inputs(path, list(inputs))
    try:
        existing = os.stat(path)
    except OSError:
        existing = None
    if existing is not None and _stream(existing.st_mode):
        _write_stream(path, data)
        return
    target = path.resolve()
    if not target.parent.is_dir():
        raise OutputError(Problem("out.no_folder", path=str(target.parent)))
    if existing is not None and stat.S_ISREG(existing.st_mode):
        mode = stat.S_IMODE(existing.st_mode)
    else:
        mode = 0o666 & ~_umask()
    handle = tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False,
                                         prefix=f".{target.name}.", suffix=".tmp")
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)  # tempfile makes it 0600
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _stream(mode: int) -> bool:
    """A FIFO, a character device or a socket: written to, never replaced."""
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISSOCK(mode)


def _write_stream(path: Path, data: bytes) -> None:
    """Write `data` to a FIFO or device. Opened without blocking: a FIFO nobody reads is an
    error (ENXIO), not a hang; then written blocking, as a pipe is."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _umask() -> int:
    """The process's umask (reading it means setting it: set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_report(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` (ending in a newline) to `path`, refusing any path that is one of `inputs`."""
    text = text if text.endswith("\n") or not text else text + "\n"
    write_atomic(path, text.encode("utf-8"), inputs)
