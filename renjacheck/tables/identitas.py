"""The Identitas: whose plan, for which year. `Unit Kerja` and `Tahun` are written as key |
value outside the tables, anywhere.

Both `Unit Kerja | BNN Provinsi Banten` (two cells, perhaps with a `:` cell between) and
`Unit Kerja : BNN Provinsi Banten` (one cell) are accepted. The first `Unit Kerja` in sheet order
wins, and its `Tahun` is looked for on the same sheet first.
"""

from __future__ import annotations

import re
from array import array

from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.labels import norm_label
from renjacheck.tables.parse import parse_cell
from renjacheck.tables.parts import Parts
from renjacheck.tables.table import Table
from renjacheck.values import Quantity, Text
from renjacheck.workbook.grid import Grid, RawCell

_YEAR = re.compile(r"(?:19|20)\d\d")
_INLINE = re.compile(r"^\s*([^:]{2,30}?)\s*:\s*(.+?)\s*$", re.DOTALL)


class Identitas(Table):
    """The plan's identity: one record of the values found for its keys."""

    def __init__(self, sheet: str, unit: RawCell | None, tahun: RawCell | None,
                 cells: tuple[RawCell, ...]) -> None:
        # Not read under a header: the record's values are the cells found, wherever they are.
        self.kind, self.sheet, self.cells, self.headers = IDENTITAS, sheet, None, []
        self.labels = {"unit": "Unit Kerja", "tahun": "Tahun"}
        self.types = {c.name: c.type for c in IDENTITAS.columns}
        self.sheet_rows, self.layout, self.layouts = array("i", [0]), array("H", [0]), [{}]
        self.grids, self.parts, self.more, self.spans = [None], [{}], [], {}
        self.data_rows = sum(cell is not None for cell in (unit, tahun))
        self.held, self.sources, self._repeats, self._kept = {}, {}, None, None
        for name, cell in (("unit", unit), ("tahun", tahun)):
            if cell is not None:
                self.hold(0, name, parse_cell(cell, self.types[name]))
        locs = [c.loc for c in cells if c.loc.sheet == sheet]
        self.first_row = min(loc.row for loc in locs)
        self.last_row = max(loc.end_row or loc.row for loc in locs)
        self.first_col = min(loc.col for loc in locs)
        self.last_col = max(loc.end_col or loc.col for loc in locs)

    @property
    def unit(self) -> Text | None:
        """The Unit Kerja, as text."""
        value = self.value(0, "unit")
        return value if isinstance(value, Text) else None

    @property
    def tahun(self) -> Quantity | None:
        """The plan year, as a figure."""
        value = self.value(0, "tahun")
        return value if isinstance(value, Quantity) else None


IDENTITAS: TableKind[Identitas] = TableKind(
    name="identitas", label="Identitas", table=Identitas, layout="pairs",
    titles={"id": "Identitas Rencana Kerja", "en": "Work plan identity"},
    columns=(
        Column("unit", FieldType.TEXT, heading="Unit Kerja", width=50),
        Column("tahun", FieldType.YEAR, heading="Tahun", style="year"),
    ),
    template=Template(sheet="Identitas", columns=("unit", "tahun")))
Keys = dict[str, frozenset[str]]  # column -> the labels its key goes by (the vocabulary's)


def find_identitas(grids: list[Grid], tables: list[Parts], keys: Keys) -> Identitas | None:
    """The plan's identity, or None when no `Unit Kerja` or `Tahun` key is written anywhere."""
    pairs = {"unit": [], "tahun": []}
    for grid in grids:
        # Keys and inline pairs are text outside the tables: figures and the tables' own text
        # are passed over before sorting (a national budget's 100,000 codes and names).
        boxes = [box for t in tables for box in t.boxes(grid)]
        places = sorted((row, col) for (row, col), v in grid.values.nonwhole_items(boxes)
                        if isinstance(v, str))
        for row, col in places:
            found = _pair(grid, row, col, keys)
            if found:
                key, key_cell, value_cell = found
                pairs[key].append((grid.name, key_cell, value_cell))
    if not pairs["unit"] and not pairs["tahun"]:
        return None
    first = (pairs["unit"] or pairs["tahun"])[0]
    sheet = first[0]

    def pick(key: str):
        same = [p for p in pairs[key] if p[0] == sheet]
        chosen = (same or pairs[key] or [None])[0]
        return chosen

    unit, tahun = pick("unit"), pick("tahun")
    cells = tuple(c for p in (unit, tahun) if p for c in (p[1], p[2]) if c is not None)
    return Identitas(sheet, unit[2] if unit else None, tahun[2] if tahun else None, cells)


def _key(text: str, keys: Keys) -> str | None:
    label = norm_label(text)
    return next((k for k, labels in keys.items() if label in labels), None)


def _pair(grid: Grid, row: int, col: int, keys: Keys) -> tuple[str, RawCell, RawCell] | None:
    text = grid.text(row, col)
    if not text or grid.origin(row, col) != (row, col):
        return None
    loc = grid.location(row, col)
    key = _key(text, keys)
    if key is not None:
        # The value is the next written cell on the right, past a lone ":".
        for c in range(col + 1, min(grid.max_col, col + 4) + 1):
            value = grid.value(row, c)
            if value is None or (grid.origin(row, c) != (row, c) and grid.origin(row, c)[1] < c):
                continue
            if str(value).strip() == ":":
                continue
            if key == "tahun" and not _YEAR.fullmatch(str(value).strip().removesuffix(".0")):
                return None
            cell = RawCell(value, grid.number_format(row, c), grid.location(row, c))
            return key, RawCell(text, "General", loc), cell
        return None
    match = _INLINE.match(text)
    key = _key(match.group(1), keys) if match else None
    if key == "unit" or (key == "tahun" and _YEAR.fullmatch(match.group(2))):
        key_cell = RawCell(match.group(1), "General", loc)
        return key, key_cell, RawCell(match.group(2), "General", loc)
    return None
