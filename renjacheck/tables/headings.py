"""Heading rows: a bidang, a program, a kegiatan or a sasaran written on a row of its own above
the rows it stands for, with or without its code ("Program Dukungan Manajemen",
"066.01.WA Program P4GN", "3247 Penyelenggaraan Advokasi", "Sasaran 1: Meningkatnya ...",
"SS1 Meningkatnya ...", or a name alone in the Sasaran column).

The row reader (tables/rows.py) tells a heading row by its class: no figure of a data row, one
name and at most a number or a code beside it. This module says what the name is: its level,
by its code's shape, its leading word or the column it stands in (`judul` when none says), and
the name itself without its number, code and leading word, as the rows below take it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from collections.abc import Mapping

from renjacheck.tables.codes import level_of
from renjacheck.values import Text, known
from renjacheck.workbook.grid import Grid

# The levels a heading opens, outermost first; a bidang is apart (a unit, not an outline level).
DEPTH = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3, "kro": 4, "ro": 5, "sasaran": 6,
         "judul": 6}
# Which column of a kind's rows a heading of each level names (`judul`: the kind's
# heading_column; a program or a KRO names none the kinds have).
FILLS = {"bidang": "bidang", "kegiatan": "kegiatan", "sub_kegiatan": "kegiatan",
         "sasaran": "sasaran"}
# The levels whose code a row's Kode column takes (a program's code is not a kegiatan's).
CODED = frozenset({"kegiatan", "sub_kegiatan"})
_CODE_LEVELS = frozenset({"program", "kegiatan", "sub_kegiatan", "kro", "ro"})
# The level of a heading whose words say none, by the column its name stands in.
_BY_COLUMN = {"sasaran": "sasaran", "kegiatan": "kegiatan", "bidang": "bidang"}
# The columns a heading's name may stand in (None: a column the kind does not read); its
# number or code stands in No or Kode. A row with text in another (an indicator, an RO, a unit)
# is a row of the table, not a heading.
_NAME_COLUMNS = frozenset({None, "no", "kode", "bidang", "sasaran", "kegiatan", "uraian"})

_NUMBER = r"\(?(?:[IVXLC]{1,6}|[A-Za-z]|\d{1,3}(?:\.\d{1,3})*)[.)]"
_ENUMERATION = re.compile(rf"^{_NUMBER}\s+")
# A row number as a No cell holds it: `1`, `1.`, `A`, `a)`, `IV`.
_ROW_NUMBER = re.compile(r"^\(?(?:\d{1,4}|[A-Za-z]|[IVXLC]{1,6})[.)]?$")
_SHORT_NUMBER = re.compile(r"^\(?\d{1,3}[.)]?$")
_BIDANG = re.compile(r"^(?:bidang|bagian|seksi|sub\s*-?\s*bagian|subbag|sub\s*-?\s*bidang)\s+"
                     r"[^\d]{2,80}$", re.IGNORECASE)
_WORD = re.compile(r"^(program|sub\s*-?\s*kegiatan|kegiatan|sasaran(?:\s+(?:strategis|program|"
                   r"kegiatan))?)(?:\s+(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}))?\s*[:.)\-\u2013]?"
                   r"\s+(?=\S)", re.IGNORECASE)
# Sasaran numbered by their kind: SS1 (strategis), SP1 (program), SK1 (kegiatan).
_SASARAN_CODE = re.compile(r"^(?:SS|SP|SK|SSK)\s*[-.]?\s*\d{1,2}(?:\.\d{1,2})?\s*[:.)\-\u2013]?"
                           r"\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading read: its level, its name as the rows below take it, its code if written,
    the heading it stands under (an index into the table's headings, -1 for none) and the data
    row it is when it carries figures of its own (a parent row; -1 for none)."""

    level: str
    name: Text
    code: Text | None = None
    parent: int = -1
    record: int = -1


def row_number(text: str) -> bool:
    """True for what a No cell holds as a row number (`1`, `A.`, `IV`), not a code."""
    return bool(_ROW_NUMBER.match(text.strip()))


def number_class(text: str | None) -> str | None:
    """The class of a row number: `digit`, `roman` or `letter`; None for none. A parent row
    numbered `A` or `I` over rows numbered `1`, `2` is told so."""
    if text is None:
        return None
    core = text.strip().strip("().")
    if core.isdigit():
        return "digit"
    if core and set(core.upper()) <= set("IVXLC") and len(core) > 1:
        return "roman"
    return "letter" if core.isalpha() else None


def classify(text: str, column: str | None,
             code: str | None = None) -> tuple[str, str, str | None, bool]:
    """(level, name, code, explicit) of a heading whose name cell shows `text`, standing in the
    kind's column `column` (None for a column the kind does not read), with `code` in a cell
    beside it (None for none). The level is `bidang`, `program`, `kegiatan`, `sub_kegiatan`,
    `kro`, `ro`, `sasaran`, or `judul` when neither its code, its words nor its column say;
    `explicit` when its code or words say it (not only its column)."""
    name = " ".join(text.split())
    if _BIDANG.match(name) and len(name.split()) <= 8:
        return "bidang", name, None, True
    level = _code_level(code) if code else None
    bare = name
    if level is None:
        level, code, bare = _leading_code(bare, code)
    if level is None and _ENUMERATION.match(bare):
        bare = _ENUMERATION.sub("", bare, count=1)
        if _BIDANG.match(bare) and len(bare.split()) <= 8:
            return "bidang", name, None, True
        level, code, bare = _leading_code(bare, code)
    word = _WORD.match(bare)
    if word is not None:
        said = re.sub(r"[\s-]+", "", word.group(1).casefold())
        said = "sub_kegiatan" if said == "subkegiatan" else \
            "sasaran" if said.startswith("sasaran") else said
        if said != "program":  # a program's name starts with the word: Program Dukungan ...
            bare = bare[word.end():]
        level = level or said
    elif _SASARAN_CODE.match(bare):
        level, bare = level or "sasaran", _SASARAN_CODE.sub("", bare, count=1)
    said = level is not None
    if level is None:
        level = _BY_COLUMN.get(column or "", "judul")
    return level, (bare.strip(" :") or name) if level != "bidang" else name, code, said


def _leading_code(text: str, code: str | None) -> tuple[str | None, str | None, str]:
    """The level of a code written at the start of `text`, that code, and the rest."""
    first = text.split(maxsplit=1)
    level = _code_level(first[0]) if len(first) == 2 else None
    return (level, first[0], first[1]) if level else (None, code, text)


def _code_level(code: str) -> str | None:
    level = level_of(code.strip().rstrip(".:"))
    return level if level in _CODE_LEVELS else None


@dataclass(slots=True)
class Candidate:
    """A row read as a heading, kept until the rows below it show whether it is one: its sheet
    row, level, name and code, the row number written beside it, the kind's column its name
    stands in, whether its words or code say its level, and whether it carries figures (then it
    is a data row too, `record`)."""

    row: int
    level: str
    name: Text
    code: Text | None
    number: str | None
    column: str | None
    explicit: bool
    figures: bool
    record: int = -1


def read_heading(grid: Grid, row: int, span: tuple[int, int], names: Mapping[int, str],
                 figures: frozenset[str], free: frozenset[int] = frozenset()) -> Candidate | None:
    """Row `row` as a heading, or None: within the table's columns `span` (first, last) it shows
    one name, at most a row number and a code in the No and Kode columns, and figures only in
    the columns `figures` names (`names`: sheet column -> the kind's column); what the `free`
    columns show (a Keterangan) does not count. A cell merged down from the row above makes no
    heading: a heading is a row of its own."""
    merged = row in grid.merged_rows
    seen: set[tuple[int, int]] = set()
    text: tuple[str, int, str | None] | None = None
    number: str | None = None
    code: tuple[str, int] | None = None
    carries = False
    for col in grid.filled.get(row, ()):
        if not span[0] <= col <= span[1] or col in free:
            continue
        at = grid.origin(row, col) if merged else (row, col)
        if at in seen:
            continue
        seen.add(at)
        if at[0] != row:
            return None
        value = grid.values.get(at)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        name = names.get(col)
        if name in figures:
            carries = True
            continue
        shown = grid.text(row, col)
        if name in ("no", "kode") and (row_number(shown) or _code_level(shown)):
            # `3247` in a No column is a kegiatan's code: rows are not numbered so far.
            is_code = _code_level(shown) is not None and (
                name == "kode" or not _SHORT_NUMBER.match(shown.strip()))
            if (code if is_code else number) is not None:
                return None
            if is_code:
                code = (shown, col)
            else:
                number = shown
            continue
        if name not in _NAME_COLUMNS or text is not None:
            return None
        text = (shown, col, name)
    if text is None:
        return None
    shown, col, column = text
    level, bare, said_code, said = classify(shown, None if column in ("no", "kode") else column,
                                            code[0] if code else None)
    loc = grid.location(row, col)
    code_text = None
    if said_code is not None:
        code_loc = grid.location(row, code[1]) if code and code[0] == said_code else loc
        code_text = Text(value=said_code, loc=code_loc)
    return Candidate(row=row, level=level, name=Text(value=bare, loc=loc), code=code_text,
                     number=number, column=column, explicit=said, figures=carries)


def fills(level: str, heading_column: str | None) -> str | None:
    """The column a heading of `level` names for the rows below it, in a kind whose headings of
    no known level name `heading_column`."""
    return FILLS.get(level) or (heading_column if level == "judul" else None)


def fill(table) -> None:
    """A record of `table` (a tables.table.Table) takes from the headings it stands under what
    it does not write itself: a sasaran heading's name as its sasaran, a kegiatan's as its
    kegiatan (and its code as its Kode), one of no known level's in the kind's heading column;
    the innermost first. A parent row's own cell holds its heading's name with its number or
    leading word (`Sasaran 1: ...`): it is known by the name its rows take."""
    headings, kind = table.headings, table.kind
    for heading in headings:
        column = fills(heading.level, kind.heading_column)
        if heading.record >= 0 and column in table.types \
                and table.loc(heading.record, column) == heading.name.loc:
            table.hold(heading.record, column, heading.name)
    for index, at in table.under.items():
        done: set[str] = set()
        while at >= 0:
            heading = headings[at]
            if heading.record >= 0:
                table.over.setdefault(index, heading.record)
            column = fills(heading.level, kind.heading_column)
            for name, value in ((column, heading.name), ("kode", heading.code)):
                if name is None or value is None or name in done or not kind.has(name) \
                        or (name == "kode" and heading.level not in CODED):
                    continue
                done.add(name)
                if known(table.value(index, name)) is None:
                    table.hold(index, name, value)
                    table.taken[index, name] = at
            at = heading.parent


def confirmed(heading: Candidate, present: Mapping[str, int], number: str | None,
              followed: bool, columns: Mapping[str, int], heading_column: str | None) -> bool:
    """True when a numbered row or a row with figures is a heading of the rows below: its
    words or code say so, another heading follows it, the next data row (showing `present`,
    numbered `number`) takes its name (it has none of its own in that column of the table's
    `columns`), or is numbered another way (`1` under `A`)."""
    if heading.explicit or followed:
        return True
    column = fills(heading.level, heading_column)
    if column is not None and column in columns and column not in present:
        return True
    return heading.number is not None and number_class(heading.number) != number_class(number)
