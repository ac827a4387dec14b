"""Where a YAML or TOML text is broken (line and column) and what was expected there. PyYAML,
libyaml and tomllib word their errors in English, each its own way; each is classified here and
said again in our words (i18n keys `yaml.*`, `toml.*`).
"""

from __future__ import annotations

import re

from renjacheck.decoding import Broken
from renjacheck.i18n import Problem


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
