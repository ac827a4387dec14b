"""Writing a report to a file: atomically (a temporary file, then a rename), and never over a
workbook being checked, so an interrupted run leaves either the old file or the new one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The report cannot be written where asked."""


def write_report(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` to `path`, refusing any path that is one of `inputs`."""
    target = path.resolve()
    for source in inputs:
        if source.resolve() == target or (path.exists() and source.exists()
                                          and os.path.samefile(source, path)):
            raise OutputError(f"{path} is a workbook being checked; it is never overwritten")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"folder not found: {folder}")
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         prefix=f".{target.name}.", suffix=".tmp")
    try:
        with handle:
            handle.write(text if text.endswith("\n") or not text else text + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
