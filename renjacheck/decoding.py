"""What is wrong with a file renjacheck reads (a rule, waiver, vocabulary or configuration file),
said in the reader's language: where a YAML or TOML file is broken (line and column, and what
was expected there), text that is not UTF-8, and a value that does not fit its key (pydantic's
errors). PyYAML, libyaml, tomllib and pydantic word their errors in English, each its own way;
each is classified here and said again in our words (i18n keys `yaml.*`, `toml.*`, `val.*`).
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


# --- YAML ---------------------------------------------------------------------------------

def yaml_broken(exc: Exception, text: str) -> Broken:
    """Where a YAML text is broken and what was expected, from PyYAML's or libyaml's error
    (their wordings differ: 'mapping values are not allowed here' / '... in this context')."""
    problem = (getattr(exc, "problem", None) or "").lower()
    context = (getattr(exc, "context", None) or "").lower()
    mark = getattr(exc, "problem_mark", None)
    opened = getattr(exc, "context_mark", None)
    if mark is None:  # a date YAML cannot build (2024-13-45): a ValueError without a place
        return _bad_date(text) or Broken(Problem("yaml.other", detail=str(exc)))
    line, column = mark.line + 1, mark.column + 1
    opened_line = opened.line + 1 if opened is not None else line

    def at_open(key: str, **args) -> Broken:
        return Broken(Problem(key, **args), opened_line,
                      opened.column + 1 if opened is not None else column)

    if problem.startswith("mapping values are not allowed"):
        indent = _misaligned(text, mark.line, mark.column)
        if indent is not None:  # ` kind: x` under `slug: y`: read as part of y, then ':'
            return Broken(Problem("yaml.misaligned"), line, indent + 1)
        return Broken(Problem("yaml.colon"), line, column)
    if "cannot start any token" in problem:
        char = _char_at(text, mark.line, mark.column)
        key = "yaml.tab" if char == "\t" else "yaml.char"
        return Broken(Problem(key, char=char), line, column)
    if "end of stream" in problem and "quoted scalar" in context:
        return at_open("yaml.quote")
    if "',' or ']'" in problem or "',' or '}'" in problem:
        close = "]" if "']'" in problem else "}"
        return at_open("yaml.unclosed", open="[" if close == "]" else "{", close=close)
    if "flow node" in context and _unclosed(text):
        (row, col), bracket = _unclosed(text)
        return Broken(Problem("yaml.unclosed", open=bracket, close="]" if bracket == "[" else "}"),
                      row, col)
    if "could not find expected ':'" in problem:
        return at_open("yaml.no_colon")
    if "block" in context and ("expected key" in problem or "block end" in problem
                               or "'-' indicator" in problem):
        return Broken(Problem("yaml.indent"), line, column)
    if "undefined alias" in problem:
        return Broken(Problem("yaml.alias"), line, column)
    if "duplicate anchor" in context:
        return Broken(Problem("yaml.anchor"), line, column)
    if "another document" in problem:
        return Broken(Problem("yaml.documents"), line, column)
    if "escape character" in problem:
        # libyaml points at the backslash, PyYAML at the character after it.
        back = _char_at(text, mark.line, mark.column - 1) == "\\" and mark.column > 0
        return Broken(Problem("yaml.escape"), line, column - back)
    if "constructor for the tag" in problem:
        return Broken(Problem("yaml.tag"), line, column)
    detail = "; ".join(p for p in (getattr(exc, "context", None), getattr(exc, "problem", None))
                       if p)
    return Broken(Problem("yaml.other", detail=detail or type(exc).__name__), line, column)


def _misaligned(text: str, row: int, column: int) -> int | None:
    """The indentation of line `row` when its first `key:` (the ':' YAML stumbled at, `column`)
    is indented deeper than the key of the line above: YAML then reads the line as that key's
    value continued."""
    lines = text.splitlines()
    if not 0 < row < len(lines):
        return None
    line = lines[row]
    key = re.match(r"( *)[\w-]+:(\s|$)", line)
    above = next((prev for prev in reversed(lines[:row]) if prev.strip()), "")
    above_key = re.match(r"((?: *- )* *)[\w-]+: *\S", above)  # `key: value`, `- key: value`
    if key and above_key and column == key.end() - len(key.group(2)) - 1 \
            and len(key.group(1)) > len(above_key.group(1)):
        return len(key.group(1))
    return None


def _unclosed(text: str) -> tuple[tuple[int, int], str] | None:
    """The last '[' or '{' left open (outside quotes and comments): its place and itself."""
    stack: list[tuple[tuple[int, int], str]] = []
    for row, line in enumerate(text.splitlines(), start=1):
        quote = None
        for col, char in enumerate(line, start=1):
            if quote:
                quote = None if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (col == 1 or line[col - 2].isspace()):
                break
            elif char in "[{":
                stack.append(((row, col), char))
            elif char in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _bad_date(text: str) -> Broken | None:
    """The first date written YYYY-MM-DD that does not exist (2024-13-45), and where."""
    import datetime as dt

    for row, line in enumerate(text.splitlines(), start=1):
        for found in re.finditer(r"(?<![\w-])(\d{4})-(\d\d?)-(\d\d?)(?![\w-])", line):
            try:
                dt.date(*map(int, found.groups()))
            except ValueError:
                return Broken(Problem("yaml.date", date=found.group()), row, found.start() + 1)
    return None


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if 0 <= line < len(lines) and 0 <= column < len(lines[line]):
        return lines[line][column]
    return "?"


# --- TOML ---------------------------------------------------------------------------------

_TOML_AT = re.compile(r"^(?P<msg>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|"
                      r"end of document)\)$", re.S)
_TOML = [  # tomllib's message -> our key (its own words, Python 3.11 to 3.14)
    (re.compile(r"^Invalid statement"), "toml.statement"),
    (re.compile(r"^Expected newline or end of document"), "toml.newline"),
    (re.compile(r"^Expected '=' after a key"), "toml.equals"),
    (re.compile(r"^Invalid initial character for a key part"), "toml.key"),
    (re.compile(r"^Invalid value"), "toml.value"),
    (re.compile(r"^Unclosed array"), "toml.array"),
    (re.compile(r"^Unclosed inline table"), "toml.inline"),
    (re.compile(r"^Unterminated string"), "toml.string"),
    (re.compile(r"^(Cannot declare|Cannot overwrite|Cannot redefine|Cannot mutate|"
                r"Duplicate inline table key)"), "toml.twice"),
    (re.compile(r"^Expected '\]\]?' at the end of"), "toml.table"),
    (re.compile(r"^Expected (?P<what>'.*')$"), "toml.expected"),
    (re.compile(r"^Illegal character '\\n'$"), "toml.string"),  # a newline in a "text"
    (re.compile(r"^(Found invalid|Illegal) character (?P<char>'.*')$"), "toml.char"),
    (re.compile(r"^Unescaped '\\' in a string"), "toml.backslash"),
    (re.compile(r"^(Invalid hex value|Escaped character is not)"), "toml.escape"),
    (re.compile(r"^Invalid date or datetime"), "toml.date"),
]


def toml_broken(exc: Exception, text: str) -> Broken:
    """Where a TOML text is broken and what was expected, from tomllib's message
    ('Expected '=' after a key in a key/value pair (at line 3, column 5)')."""
    message = getattr(exc, "msg", None) if hasattr(exc, "lineno") else None
    found = _TOML_AT.match(str(exc))
    if found:
        message = found["msg"]
        line, column = (int(found["line"]), int(found["col"])) if found["line"] else _end(text)
    else:
        message = message or str(exc)
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    for pattern, key in _TOML:
        matched = pattern.match(message)
        if matched:
            if key == "toml.backslash" and line:  # tomllib points past the escape
                before = text.split("\n")[line - 1][:max(column - 1, 0)]
                column = before.rfind("\\") + 1 or column
            return Broken(Problem(key, **matched.groupdict()), line, column)
    return Broken(Problem("toml.other", detail=message), line, column)


def _end(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1


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
