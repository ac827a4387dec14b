"""A plan's tables from plain Python rows, laid out as the blank template lays them out: a sheet
a table (named as the template names it), its headings in row 1, its rows below, and the
Identitas as `Unit Kerja | ...`, `Tahun | ...`. The plan is read from those sheets by the
workbook's own reader (api/sheets.py), so rules see what they would see in the workbook, and
`cell` says where each value went, as findings name it (`Pendanaan!F4`).

A row is a mapping from the kind's column names (`renjacheck.TABLE_KINDS`, docs/workbook.md:
`kode`, `uraian`, `total`, `indikator`, ...) to what its cell holds, a `Cell` for a value with
its number format; the Pendanaan's amounts per satker are the list `satker`. A column no row
names is left out (the header names every required one); a row that is a plain string is a
heading row, its text in the first column (`"Bidang Rehabilitasi"` opens that bidang for the
rows below it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renjacheck.api.sheets import Cell, Sheet, read_sheets, ref, workbook_bytes
from renjacheck.model.plan import Plan
from renjacheck.tables import registry
from renjacheck.tables.declare import TableKind

# A table row: column name -> cell value (`satker`: the amounts per satker, in order), or a
# heading row's text.
Row = Mapping[str, Any] | str
SATKER = "satker"


@dataclass(frozen=True)
class _Table:
    kind: TableKind
    rows: tuple[Row, ...]
    columns: tuple[str, ...]  # in sheet order: column names, `satker:i` for the satker
    headings: tuple[str, ...]


class PlanBuilder:
    """Builds a plan from plain rows, table by table; each table method returns the builder."""

    def __init__(self, unit: str | None = None, year: int | None = None) -> None:
        self.unit, self.year = unit, year
        self._tables: dict[str, _Table] = {}

    def table(self, kind: str, rows: Sequence[Row], satker: Sequence[str] = (),
              columns: Sequence[str] = ()) -> PlanBuilder:
        """Add the table of `kind` (a name of `renjacheck.TABLE_KINDS`) with `rows`; `satker`
        names the Pendanaan's satker columns, `columns` adds columns no row fills."""
        spec = registry.kind(kind)
        if spec.template is None or spec.layout != "header":
            raise ValueError(f"{kind!r} is not a table written under a header")
        if kind in self._tables:
            raise ValueError(f"the plan has a {kind} table already")
        used = {name for row in rows if not isinstance(row, str) for name in row} | set(columns)
        unknown = used - set(spec.names) - ({SATKER} if spec.satker else set())
        if unknown:
            raise ValueError(f"{kind} has no column {sorted(unknown)[0]!r} "
                             f"(columns: {', '.join(spec.names)})")
        if spec.satker and not satker:
            raise ValueError(f"a {kind} table names its satker: satker=[...]")
        names = [c for c in spec.template.columns if c in used or spec.column(c).required]
        names += [c.name for c in spec.columns if c.name in used and c.name not in names]
        headings = [spec.column(c).heading for c in names]
        if spec.satker:  # the satker columns stand between the label and the total column
            at = names.index(spec.satker[1])
            names[at:at] = [f"{SATKER}:{i}" for i in range(len(satker))]
            headings[at:at] = list(satker)
        for row in rows:
            if not isinstance(row, str) and len(row.get(SATKER, satker)) != len(satker):
                raise ValueError(f"a {kind} row has {len(row[SATKER])} satker amounts, "
                                 f"not {len(satker)}: {row!r}")
        self._tables[kind] = _Table(spec, tuple(rows), tuple(names), tuple(headings))
        return self

    def pendanaan(self, rows: Sequence[Row], satker: Sequence[str]) -> PlanBuilder:
        """The Pendanaan: `kode`, `uraian`, `satker` (amounts, in the order of `satker`),
        `total`; the grand total is a row too (`{"uraian": "TOTAL PAGU", ...}`)."""
        return self.table("pendanaan", rows, satker)

    def capaian(self, rows: Sequence[Row]) -> PlanBuilder:
        """The Capaian: `no`, `sasaran`, `indikator`, `target`, `realisasi`, `capaian`,
        optionally `bidang`, `polaritas`, `satuan`."""
        return self.table("capaian", rows)

    def matriks(self, rows: Sequence[Row]) -> PlanBuilder:
        """The Matriks: `no`, `kegiatan`, `sasaran`, `indikator`, `target`, `satuan`,
        `anggaran`, optionally `bidang`, `kode`; a kegiatan's further rows leave `no`,
        `kegiatan` and `anggaran` out."""
        return self.table("matriks", rows)

    def ro(self, rows: Sequence[Row]) -> PlanBuilder:
        """The RO appendix: `no`, `kegiatan`, `indikator`, `rincian_output`, `volume`
        (`2 Desa`, or a figure with `satuan`)."""
        return self.table("ro", rows)

    def narasi(self, rows: Sequence[Row]) -> PlanBuilder:
        """The narrative: `tahun`, `bidang` (None: the whole unit), `teks`."""
        return self.table("narasi", rows)

    def realisasi_anggaran(self, rows: Sequence[Row]) -> PlanBuilder:
        """Last year's budget realisation: `kode`, `uraian`, `pagu`, `realisasi`, `persen`,
        optionally `no`, `sisa`."""
        return self.table("realisasi_anggaran", rows)

    def cell(self, kind: str, index: int, column: str) -> str:
        """Where row `index` of the `kind` table writes `column` (`satker:0` for the first
        satker's amount), as findings name a cell: `Pendanaan!F4`."""
        if kind == "identitas":
            return f"Identitas!B{('unit', 'tahun').index(column) + 1}"
        table = self._tables[kind]
        if not 0 <= index < len(table.rows):
            raise IndexError(f"the {kind} table has {len(table.rows)} rows, not {index + 1}")
        return f"{table.kind.template.sheet}!{ref(index + 2, table.columns.index(column) + 1)}"

    def sheets(self) -> list[Sheet]:
        """The workbook's sheets: the Identitas (when given a unit or a year), then a sheet a
        table, in the blank template's order."""
        sheets = []
        if self.unit is not None or self.year is not None:
            identitas = Sheet("Identitas")
            for row, (label, value) in enumerate((("Unit Kerja", self.unit),
                                                  ("Tahun", self.year)), start=1):
                if value is not None:
                    identitas.put(row, 1, label)
                    identitas.put(row, 2, value)
            sheets.append(identitas)
        for name in registry.KINDS:
            if name in self._tables:
                sheets.append(_sheet(self._tables[name]))
        return sheets

    def plan(self, vocabulary: tuple[Path, ...] = ()) -> Plan:
        """The plan, read from the sheets as from a workbook holding them."""
        return read_sheets(self.sheets(), vocabulary)

    def xlsx(self) -> bytes:
        """The workbook as an .xlsx file, to save and open in Excel."""
        return workbook_bytes(self.sheets())


def _sheet(table: _Table) -> Sheet:
    """A table's sheet: the headings in row 1, a row a line below."""
    sheet = Sheet(table.kind.template.sheet)
    for col, heading in enumerate(table.headings, start=1):
        sheet.put(1, col, heading)
    for at, row in enumerate(table.rows, start=2):
        if isinstance(row, str):
            sheet.put(at, 1, row)
            continue
        amounts = row.get(SATKER, ())
        for col, name in enumerate(table.columns, start=1):
            index = name.partition(":")[2]
            value = amounts[int(index)] if index else row.get(name)
            sheet.put(at, col, *(value if isinstance(value, Cell) else (value,)))
    return sheet
