"""What is wrong with a file renjacheck reads (a rule, waiver, vocabulary or configuration file),
said in the reader's language: a file that is no regular file or too large, text that is not
UTF-8, an operating system error, and a value that does not fit its key (pydantic's errors,
i18n keys `val.*`). Where a YAML or TOML text is broken: renjacheck.syntax.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from renjacheck.i18n import Problem, said


@dataclass(frozen=True)
class Broken:
    """A file that cannot be decoded: the Problem and where (1-based line and column)."""

    problem: Problem
    line: int | None = None
    column: int | None = None

    def where(self, path: Path | str) -> str:
        """`FILE:LINE:COLUMN` (or `FILE` when the place is unknown), as compilers write it."""
        if self.line is None:
            return str(path)
        return f"{path}:{self.line}:{self.column or 1}"


# A rule, waiver, vocabulary or configuration file is a few kilobytes; a bigger one is a mistake
# (or /dev/zero), refused before it is read.
MAX_TEXT_BYTES = 1024 * 1024


def read_text(path: Path) -> str:
    """The UTF-8 text of `path`; Broken for text that is not UTF-8 (at its line and column),
    for a file that is no regular file (a FIFO or a device would block or never end) and for
    one over MAX_TEXT_BYTES."""
    data = read_regular(path, MAX_TEXT_BYTES)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise BrokenFile(Broken(Problem("not_utf8", byte=f"0x{data[exc.start]:02x}"), line,
                                column)) from None


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; BrokenFile otherwise (a
    folder: IsADirectoryError). Opened without blocking, so a FIFO is refused, not waited on."""
    if stat.S_ISDIR(os.stat(path).st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)  # of what was opened, not of what the path named a moment before
        if not stat.S_ISREG(info.st_mode):
            raise BrokenFile(Broken(Problem("not_regular")))
        if info.st_size > limit:
            raise BrokenFile(Broken(Problem("too_large", size=info.st_size, limit=limit)))
        data = handle.read(limit + 1)
    if len(data) > limit:  # grown since
        raise BrokenFile(Broken(Problem("too_large", size=len(data), limit=limit)))
    return data


class BrokenFile(Exception):
    """A file that cannot be decoded (see Broken)."""

    def __init__(self, broken: Broken) -> None:
        self.broken = broken
        super().__init__(str(broken.problem))


def os_problem(exc: OSError) -> Problem:
    """An operating system error in words (the OS words its own in the system's language)."""
    key = {errno.ENOENT: "os.missing", errno.EACCES: "os.denied", errno.EPERM: "os.denied",
           errno.EISDIR: "os.is_dir", errno.ENOTDIR: "os.not_dir", errno.ENOSPC: "os.full",
           errno.EROFS: "os.read_only"}.get(exc.errno)
    if key:
        return Problem(key)
    return Problem("os.other", code=exc.errno, detail=exc.strerror or type(exc).__name__)


# --- pydantic -----------------------------------------------------------------------------

_TYPES = {"string_type": "val.text", "list_type": "val.list", "dict_type": "val.mapping",
          "model_type": "val.mapping", "model_attributes_type": "val.mapping",
          "int_type": "val.whole", "int_parsing": "val.whole", "int_from_float": "val.whole",
          "float_type": "val.number", "float_parsing": "val.number",
          "decimal_type": "val.number", "decimal_parsing": "val.number",
          "bool_type": "val.bool", "bool_parsing": "val.bool", "date_type": "val.date",
          "date_parsing": "val.date", "date_from_datetime_parsing": "val.date",
          "date_from_datetime_inexact": "val.date", "string_too_short": "val.empty",
          "too_short": "val.empty"}
_BOUNDS = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<",
           "less_than_equal": "<="}
_PATTERNS = {r"^[0-9a-f]{16}$": "val.fingerprint", r"^[A-Z]{2,6}\d{3}$": "val.rule_id",
             r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "val.slug"}


def field_problem(error: dict, prefix: tuple = ()) -> tuple[str, Problem]:
    """One of pydantic's errors as (the dotted key it is about, what is wrong with it)."""
    loc = prefix + tuple(error["loc"])
    # pydantic marks a failing mapping key with "[key]": the key itself says enough.
    key = ".".join(str(p) for p in loc if p != "[key]")
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        return "", Problem("val.unknown_key", key=key)
    if kind == "missing":
        return "", Problem("val.missing", key=key)
    if kind in _TYPES:
        return key, Problem(_TYPES[kind])
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()), "")
        return key, Problem("val.bound", op=_BOUNDS[kind], bound=str(bound))
    if kind in ("literal_error", "enum"):
        return key, Problem("val.one_of", choices=", ".join(re.findall(r"'([^']*)'",
                                                                       str(ctx.get("expected")))))
    if kind == "string_pattern_mismatch":
        said = _PATTERNS.get(str(ctx.get("pattern")))
        return key, Problem(said) if said else Problem("val.shape", value=repr(error["input"]))
    if kind in ("value_error", "assertion_error") and isinstance(ctx.get("error"), Problem):
        return key, ctx["error"]
    # A validator's own message says enough without pydantic's "Value error, " in front.
    detail = str(error.get("msg", "")).removeprefix("Value error, ")
    return key, Problem("val.other", value=repr(error.get("input")), detail=detail)


def where_key(key: str) -> Problem | None:
    """`key 'x'` for the dotted key a problem is about (None for the file as a whole)."""
    return Problem("where.key", name=key) if key else None


class Refusal(Exception):
    """A file (or flag) renjacheck refuses, as parts said in either language and joined by
    ': ' (the file and place, the entry, the key, the problem); `str()` is the English."""

    def __init__(self, *parts: object) -> None:
        self.parts = tuple(p for p in parts if p is not None)
        super().__init__(self.say("en"))

    def say(self, lang: str) -> str:
        """The refusal in `lang`."""
        return said(list(self.parts), lang)

    def __str__(self) -> str:
        return self.say("en")
