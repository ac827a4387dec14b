"""Reads the rows under each header: data rows, continuation rows, bidang group rows.

What a row is, top to bottom under a header:
- a repeat of the header (a page break of the printed document), or the column-number row: skipped;
- a group row, whose only text is a bidang name: opens that bidang for the rows below;
- a data row, which has a row number, a code or a figure of its own (an "anchor");
- a continuation row, only wrapped text straight after a data row: appended to that row;
- anything else (a title, a note, the next table's title) ends the table. After a blank row only
  data rows, group rows and header repeats continue it; a Narasi row only with a year in Tahun.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from renjacheck.model.values import Location
from renjacheck.workbook.detect import Header, find_headers
from renjacheck.workbook.grid import Grid
from renjacheck.workbook.headers import KINDS, TableKind, norm_label
from renjacheck.workbook.plain import PlainCells

_ANCHOR_SHAPES = {
    "no": re.compile(r"^\s*\(?(?:\d{1,4}|[a-zA-Z])[.)]?\s*$"),
    "kode": re.compile(r"^\s*[0-9A-Z][0-9A-Z.]*\s*$"),
}
_YEAR = re.compile(r"^\s*(?:19|20)[0-9]{2}\s*$")
_DIGITS = re.compile(r"[0-9]+")
_GROUP_ROW = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s*)?(?:bidang|bagian)\s+[^\d]{2,80}$",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawCell:
    """What one table column shows on one row: value, number format and where it is written."""

    value: object
    number_format: str
    loc: Location
    # A formula whose value was never calculated: it shows nothing but is not an empty cell.
    uncalculated: bool = False

    @property
    def empty(self) -> bool:
        """True when the cell shows nothing."""
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


# Slots, and no dict of continuations until a row has one, nor of cells when every cell is plain
# (`EMPTY`): a national budget has 50,000 rows.
@dataclass(slots=True)
class RawRow:
    """A data row: its cells by column name, continuation cells, and the bidang of its group."""

    row: int
    cells: Mapping[str, RawCell]
    continued: dict[str, list[RawCell]] | None = None
    group: RawCell | None = None
    # Column name -> sheet column of the cells left in the table's PlainCells (a Pendanaan's,
    # see plain.py); not in `cells`. Rows with the same columns share one dict.
    plain: dict[str, int] = field(default_factory=dict)


# An empty mapping that rows share (no cells, no values read, no plain cells): read-only, so
# that no row can fill another's.
EMPTY: Mapping = MappingProxyType({})


@dataclass
class RawTable:
    """One table found on a sheet, with the rows read as data."""

    kind: str
    sheet: str
    headers: list[Header]
    satker: list[list[RawCell]]
    rows: list[RawRow]
    first_row: int
    last_row: int
    first_col: int
    last_col: int
    # Where the plain cells of the rows are read (a Pendanaan's); see plain.py.
    plain: PlainCells | None = None

    @property
    def range(self) -> str:
        """The A1-style range the table covers, header included."""
        start = Location(sheet=self.sheet, row=self.first_row, col=self.first_col,
                         end_row=self.last_row, end_col=self.last_col)
        return start.cell


def read_tables(grid: Grid) -> list[RawTable]:
    """Every table on the sheet; a header repeating the table above continues that table."""
    tables: list[RawTable] = []
    resume = 0
    headers = find_headers(grid)
    at_row = {h.row: h for h in headers}
    for header in headers:
        if header.row < resume:
            continue  # a repeat already read inside its table
        previous = tables[-1] if tables else None
        if previous and previous.headers[0].same_layout(header):
            table = previous  # the same table after a title or note row ("... (lanjutan)")
            table.headers.append(header)
            table.satker.append(_satker_cells(grid, header))
            satker = _satker_by_name(previous.headers[0], header)
        else:
            table = RawTable(kind=header.kind, sheet=grid.name, headers=[header],
                             satker=[_satker_cells(grid, header)], rows=[],
                             first_row=header.row, last_row=header.last_row,
                             first_col=header.first_col, last_col=header.last_col)
            if header.satker:
                table.plain = PlainCells(grid.name, grid.formats.names, grid.formats.extra)
            tables.append(table)
            satker = {f"satker:{i}": col for i, col in enumerate(header.satker)}
        resume = _read_rows(grid, table, header, at_row, satker)
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


def _satker_cells(grid: Grid, header: Header) -> list[RawCell]:
    return [_cell(grid, header.last_row, c) for c in header.satker]


def _cell(grid: Grid, row: int, col: int) -> RawCell:
    # Grid.value, number_format and location in one: this runs for every cell of every table.
    merge = grid.merges.get((row, col))
    if merge is None:
        origin = (row, col)
        loc = Location(sheet=grid.name, row=row, col=col)
    else:
        origin = (merge.min_row, merge.min_col)
        loc = Location(sheet=grid.name, row=merge.min_row, col=merge.min_col,
                       end_row=merge.max_row, end_col=merge.max_col)
        if merge.wide and col != merge.min_col:
            # A value merged across columns belongs to its first column only.
            return RawCell(None, "General", loc)
    return RawCell(grid.values.get(origin), grid.formats.get(origin, "General"), loc,
                   origin in grid.uncalculated)


def _read_rows(grid: Grid, table: RawTable, header: Header, at_row: dict[int, Header],
               satker: dict[str, int]) -> int:
    """Read the rows under `header` into `table`, the satker amounts from the `satker` columns;
    return the row where the table stopped."""
    kind = KINDS[table.kind]
    columns = {**header.columns, **satker}
    wraps = {c.name for c in kind.columns if c.wraps}
    store = table.plain
    if store is not None:
        store.order.update(dict.fromkeys(columns))
    shared: dict[tuple, dict[str, int]] = {}
    group = table.rows[-1].group if table.rows else None
    last: RawRow | None = None
    after_blank, under_header = False, True
    row = header.last_row + 1
    while row <= grid.max_row:
        cells, plain, filled, amounts = {}, {}, {}, False
        for name, col in columns.items():
            if store is not None and store.take(grid, row, col, whole=name in satker):
                plain[name] = col  # never empty
                if name in satker:
                    amounts = True
                else:  # what the row is, below, may depend on its text: read, not kept
                    filled[name] = store.cell(row, col)
            else:
                cells[name] = cell = _cell(grid, row, col)
                if not cell.empty:
                    filled[name] = cell
        if not filled and not plain:
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
            table.headers.append(repeat)
            table.satker.append(_satker_cells(grid, repeat))
            row += repeat.height
            after_blank, under_header = False, True
            continue
        if under_header and _column_numbers(
                {**cells, **{name: store.cell(row, col) for name, col in plain.items()}}):
            row += 1
            continue
        under_header = False
        group_cell = _group_cell(grid, row, header) if kind.group_rows else None
        if group_cell is not None:
            group, last = group_cell, None
        elif (amounts or _anchored(kind.anchors, filled)) \
                and (not after_blank or _resumes(kind, filled)):
            last = RawRow(row=row, cells=cells or EMPTY, group=group,
                          plain=shared.setdefault(tuple(plain.items()), plain))
            table.rows.append(last)
        elif last is not None and not after_blank and not amounts and set(filled) <= wraps \
                and not _wide_merge(grid, row, header):
            for name, cell in filled.items():
                if last.continued is None:
                    last.continued = {}
                last.continued.setdefault(name, []).append(cell)
                if name in last.plain:  # text to append to: the cell is read, not left plain
                    last.cells = {**last.cells, name: store.cell(last.row, last.plain[name])}
                    last.plain = {k: c for k, c in last.plain.items() if k != name}
        else:
            break
        after_blank = False
        table.last_row = row
        row += 1
    return row


def _anchored(anchors: tuple[str, ...], filled: dict[str, RawCell]) -> bool:
    """True when the row has a figure, a code or a row number of its own."""
    for name in anchors:
        cell = filled.get(name)
        if cell is None:
            continue
        # A row number or a code anchors a row; a title written in that column does not.
        pattern = _ANCHOR_SHAPES.get(name)
        if pattern is None or isinstance(cell.value, (int, float)):
            return True
        if pattern.match(str(cell.value)):
            return True
    return any(n.startswith("satker:") for n in filled)


def _resumes(kind: TableKind, filled: dict[str, RawCell]) -> bool:
    """After a blank row: True when the row holds the key its kind's `resume` columns name."""
    if not kind.resume:
        return True
    for name in kind.resume:
        cell = filled.get(name)
        if cell is not None and (isinstance(cell.value, (int, float))
                                 or _YEAR.match(str(cell.value))):
            return True
    return False


def _wide_merge(grid: Grid, row: int, header: Header) -> bool:
    """True when a cell of the row is merged across columns, as titles are."""
    for col in range(header.first_col, header.last_col + 1):
        merge = grid.merges.get((row, col))
        if merge is not None and merge.wide:
            return True
    return False


def _column_numbers(cells: dict[str, RawCell]) -> bool:
    """True for the row of column numbers (1 2 3 ...) printed under a header."""
    numbers = []
    for cell in sorted(cells.values(), key=lambda c: c.loc.col):
        if cell.empty:
            continue
        value = cell.value
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        text = text.strip().strip("()")
        if not _DIGITS.fullmatch(text):  # not str.isdigit: it takes "¹" for a digit
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _group_cell(grid: Grid, row: int, header: Header) -> RawCell | None:
    """The bidang cell of a group row: a row whose only text is a bidang name."""
    origins = {grid.origin(row, c): c for c in range(header.first_col, header.last_col + 1)
               if grid.value(row, c) is not None}
    if len(origins) != 1:
        return None
    (col,) = origins.values()
    text = grid.text(row, col)
    if not _GROUP_ROW.match(text) or len(text.split()) > 8:
        return None
    return RawCell(text, "General", grid.location(row, col))
