"""A table continued on a later sheet: `Matriks` going on in `Matriks (2)`, a Capaian in
`Capaian (lanjutan)`, under the same header repeated.

A later table of a kind already read continues it when all three hold:
- its header is the same: the same columns under the same headings, in the same order (satker
  names and sub-columns included); a header laid out otherwise is another table (READ002);
- no title above it says it is another table: the text above it on its sheet (after the table
  before it there, at most `TITLE_ROWS` rows) is nothing, the first table's own title again (a
  copied sheet), or says it goes on (`lanjutan`, `sambungan`);
- it does not start over: its first row is not the first table's first row (a copy of the whole
  table is another table, READ002, not its rows twice).
"""

from __future__ import annotations

import re

from renjacheck.tables.detect import Header
from renjacheck.tables.labels import norm_label
from renjacheck.tables.parts import Parts
from renjacheck.workbook.grid import Grid

TITLE_ROWS = 6
_GOES_ON = re.compile(r"lanjut|sambung|bersambung|continued")
# The columns that say what a row is about (as Table.key reads them), in order of preference.
_IDENTITY = ("kode", "uraian", "indikator", "rincian_output", "kegiatan", "teks")


def continues(first: Parts, grid: Grid, header: Header, above: int) -> bool:
    """True when `header` on `grid` (below row `above`, where the table before it there ended)
    continues the table `first` read on an earlier sheet."""
    if first.kind.name != header.kind or grid is first.cells or not first.rows \
            or _signature(first.headers[0]) != _signature(header):
        return False
    title = _title(grid, header.row, above)
    if title and not _GOES_ON.search(title) \
            and title != _title(first.cells, first.headers[0].row, 0):
        return False
    return not _starts_over(first, grid, header)


def _signature(header: Header) -> tuple:
    """What a header says, wherever it stands: each column's role and heading, left to right."""
    roles = {col: name for name, col in header.columns.items()}
    roles.update((col, "satker") for col in header.satker)
    for span in header.spans:
        roles.update((col, name) for name, col in span.part_names().items())
    spans = tuple((s.name, len(s.parts), s.summed, s.unit is not None) for s in header.spans)
    return tuple((roles[c], norm_label(header.text(c))) for c in sorted(roles)), spans


def _title(grid: Grid, row: int, above: int) -> str:
    """The text written in the rows above `row` (after row `above`), normalised."""
    texts = []
    for r in range(max(above + 1, row - TITLE_ROWS), row):
        texts += [grid.text(r, c) for c in grid.filled.get(r, ())]
    return norm_label(" ".join(dict.fromkeys(t for t in texts if t)))


def _starts_over(first: Parts, grid: Grid, header: Header) -> bool:
    """True when one of the two rows below `header` (the first may be column numbers) repeats
    the first table's first row in the column that says what a row is about."""
    start = first.layout[0]
    layout, on = first.layouts[start], first.grids[start]
    name = next((n for n in _IDENTITY if n in layout and n in header.columns), None)
    if name is None:
        return False
    own = norm_label(on.text(first.rows[0], layout[name]))
    row = header.last_row
    for _ in range(2):
        row = grid.next_row(row)
        if row is None:
            return False
        if own and norm_label(grid.text(row, header.columns[name])) == own:
            return True
    return False


def satker_by_name(first: Header, header: Header) -> dict[str, int]:
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
