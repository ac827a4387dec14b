"""Writing what renjacheck makes (a report, an annotated copy, a template) to a file: atomically
(a temporary file, then a rename), and never over a workbook being checked, so an interrupted
run leaves either the old file or the new one."""

from __future__ import annotations

import os
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
    refusing any path that is one of `inputs`."""
    refuse_inputs(path, list(inputs))
    target = path.resolve()
    if not target.parent.is_dir():
        raise OutputError(Problem("out.no_folder", path=str(target.parent)))
    handle = tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False,
                                         prefix=f".{target.name}.", suffix=".tmp")
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, target)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_report(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` (ending in a newline) to `path`, refusing any path that is one of `inputs`."""
    text = text if text.endswith("\n") or not text else text + "\n"
    write_atomic(path, text.encode("utf-8"), inputs)
