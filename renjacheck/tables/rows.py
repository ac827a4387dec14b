"""Reads the rows under each header: data rows, continuation rows, bidang group rows.

What a row is, top to bottom under a header:
- a repeat of the header (a page break of the printed document), or the column-number row: skipped;
- a group row, whose only text is a bidang name: opens that bidang for the rows below;
- a data row, which has a row number, a code or a figure of its own (an "anchor");
- a continuation row, only wrapped text straight after a data row: appended to that row;
- anything else (a title, a note, the next table's title) ends the table. After a blank row only
  data rows, group rows and header repeats continue it; a Narasi row only with a year in Tahun.

A row is told by which of its cells show something, from the sheet's row index; a value is
read only where a rule of the list above needs it (an anchor's shape, a group row's text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from renjacheck.tables.common import DIVISION
from renjacheck.tables.declare import TableKind
from renjacheck.tables.detect import Detector, Header
from renjacheck.tables.labels import norm_label
from renjacheck.tables.partial import Partial
from renjacheck.tables.parts import Parts
from renjacheck.workbook.grid import Grid, RawCell

_ANCHOR_SHAPES = {
    "no": re.compile(r"^\s*\(?(?:\d{1,4}|[a-zA-Z])[.)]?\s*$"),
    "kode": re.compile(r"^\s*[0-9A-Z][0-9A-Z.]*\s*$"),
}
_YEAR = re.compile(r"^\s*(?:19|20)[0-9]{2}\s*$")
_DIGITS = re.compile(r"[0-9]+")
_GROUP_ROW = re.compile(rf"^(?:[a-z0-9]{{1,3}}[.)]\s*)?{DIVISION}\s+[^\d]{{2,80}}$",
                        re.IGNORECASE)


def read_tables(grid: Grid, detector: Detector, kinds: Mapping[str, TableKind],
                partial: list[Partial] | None = None) -> list[Parts]:
    """Every table on the sheet; a header repeating the table above continues that table.
    Rows that look like a header but lack some required labels go to `partial` if given."""
    tables: list[Parts] = []
    resume = 0
    headers = detector.find(grid, partial)
    at_row = {h.row: h for h in headers}
    for header in headers:
        if header.row < resume:
            continue  # a repeat already read inside its table
        previous = tables[-1] if tables else None
        if previous and previous.headers[0].same_layout(header):
            parts = previous  # the same table after a title or note row ("... (lanjutan)")
            parts.headers.append(header)
            satker = _satker_by_name(previous.headers[0], header)
        else:
            parts = Parts(kind=kinds[header.kind], cells=grid, headers=[header],
                          first_row=header.row, last_row=header.last_row,
                          first_col=header.first_col, last_col=header.last_col)
            tables.append(parts)
            satker = {f"satker:{i}": col for i, col in enumerate(header.satker)}
        resume = _Rows(grid, parts, header, satker).read(at_row)
    return tables


def _satker_by_name(first: Header, header: Header) -> dict[str, int]:
    """The columns of a continuation header holding the first header's satker, by name; the
    satker it does not name take, in order, its columns that name none of them (a misspelling).
    A satker still without a column is not read on its rows; PAGU006 reports the header."""
    names = [norm_label(first.text(col)) for col in first.satker]
    at: dict[str, int] = {}
    left = []
    for col in header.satker:
        name = norm_label(header.text(col))
        if name in names:
            at.setdefault(name, col)
        else:
            left.append(col)
    found = {}
    for i, name in enumerate(names):
        col = at[name] if name in at else left.pop(0) if left else None
        if col is not None:
            found[f"satker:{i}"] = col
    return found


class _Rows:
    """Reads the rows under one header into its table's parts."""

    def __init__(self, grid: Grid, parts: Parts, header: Header, satker: dict[str, int]) -> None:
        self.grid, self.parts, self.header = grid, parts, header
        self.kind = parts.kind
        self.columns = {**header.columns, **satker}
        self.names = {col: name for name, col in self.columns.items()}
        self.satker = frozenset(satker)
        self.wraps = frozenset(c.name for c in self.kind.columns if c.wraps)
        if self.columns not in parts.layouts:
            parts.layouts.append(self.columns)
        self.layout = parts.layouts.index(self.columns)

    def read(self, at_row: dict[int, Header]) -> int:
        """Read the rows under the header; return the row where the table stopped."""
        grid, parts, header, kind = self.grid, self.parts, self.header, self.kind
        rows = parts.rows
        group = parts.groups.get(len(rows) - 1)  # a continuation goes on in the last group
        last: int | None = None
        after_blank, under_header = False, True
        row = header.last_row + 1
        while row <= grid.max_row:
            present = self._present(row)
            if not present:
                after_blank = True
                following = grid.next_row(row)  # skip the empty rows in one step
                if following is None:
                    break
                row = following
                continue
            repeat = at_row.get(row)
            if repeat is not None:
                if not header.same_layout(repeat):
                    break  # the next table starts here
                parts.headers.append(repeat)
                row += repeat.height
                after_blank, under_header = False, True
                continue
            if under_header and self._column_numbers(row, present):
                row += 1
                continue
            under_header = False
            amounts = not self.satker.isdisjoint(present)
            group_cell = self._group_cell(row) if kind.group_rows else None
            if group_cell is not None:
                group, last = group_cell, None
            elif (amounts or self._anchored(row, present)) \
                    and (not after_blank or self._resumes(row, present)):
                last = len(rows)
                rows.append(row)
                parts.layout.append(self.layout)
                if group is not None:
                    parts.groups[last] = group
            elif last is not None and not after_blank and not amounts \
                    and self.wraps.issuperset(present) and not self._wide_merge(row):
                for name, col in present.items():
                    parts.continued.setdefault((last, name), []).append(grid.cell(row, col))
            else:
                break
            after_blank = False
            parts.last_row = row
            row += 1
        return row

    def _present(self, row: int) -> dict[str, int]:
        """The table's columns whose cell on `row` shows something: name -> sheet column."""
        grid = self.grid
        if row in grid.merged_rows:  # a merged cell shows its first cell's value
            return {name: col for name, col in self.columns.items()
                    if not _empty(grid.shown(row, col))}
        filled = grid.filled.get(row)
        if not filled:
            return {}
        names = self.names
        # The sheet holds no empty value (the reader leaves blank text out): a cell in the
        # index shows something.
        return {names[col]: col for col in filled if col in names}

    def _anchored(self, row: int, present: dict[str, int]) -> bool:
        """True when the row has a figure, a code or a row number of its own."""
        for name in self.kind.anchors:
            col = present.get(name)
            if col is None:
                continue
            # A row number or a code anchors a row; a title written in that column does not.
            pattern = self.kind.anchor_shapes.get(name) or _ANCHOR_SHAPES.get(name)
            value = self.grid.shown(row, col) if pattern is not None else None
            if pattern is None or isinstance(value, (int, float)) or pattern.match(str(value)):
                return True
        return not self.satker.isdisjoint(present)

    def _resumes(self, row: int, present: dict[str, int]) -> bool:
        """After a blank row: True when the row holds the key its kind's `resume` columns
        name."""
        if not self.kind.resume:
            return True
        for name in self.kind.resume:
            col = present.get(name)
            if col is None:
                continue
            value = self.grid.shown(row, col)
            if isinstance(value, (int, float)) or _YEAR.match(str(value)):
                return True
        return False

    def _wide_merge(self, row: int) -> bool:
        """True when a cell of the row is merged across columns, as titles are."""
        grid = self.grid
        if row not in grid.merged_rows:
            return False
        for col in range(self.header.first_col, self.header.last_col + 1):
            merge = grid.merges.get((row, col))
            if merge is not None and merge.wide:
                return True
        return False

    def _column_numbers(self, row: int, present: dict[str, int]) -> bool:
        """True for the row of column numbers (1 2 3 ...) printed under a header."""
        numbers = []
        for col in sorted(present.values()):
            value = self.grid.shown(row, col)
            text = str(int(value)) if isinstance(value, float) and value.is_integer() \
                else str(value)
            text = text.strip().strip("()")
            if not _DIGITS.fullmatch(text):  # not str.isdigit: it takes "¹" for a digit
                return False
            numbers.append(int(text))
        return len(numbers) >= 3 and numbers == list(range(numbers[0],
                                                           numbers[0] + len(numbers)))

    def _group_cell(self, row: int) -> RawCell | None:
        """The bidang cell of a group row: a row whose only text is a bidang name."""
        grid, header = self.grid, self.header
        low, high = header.first_col, header.last_col
        merged = row in grid.merged_rows
        origin = None  # the one cell that shows something, as (row, col) of its value
        for col in grid.filled.get(row, ()):
            if not low <= col <= high:
                continue
            at = grid.origin(row, col) if merged else (row, col)
            if at == origin or (merged and grid.value(row, col) is None):
                continue
            if origin is not None:
                return None  # a second cell shows something: no group row
            origin, shown = at, col
        if origin is None:
            return None
        text = grid.text(row, shown)
        if not _GROUP_ROW.match(text) or len(text.split()) > 8:
            return None
        return RawCell(text, "General", grid.location(row, shown))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
