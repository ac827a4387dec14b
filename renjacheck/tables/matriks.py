"""The Matriks Rencana Kerja of the plan year: kegiatan, sasaran, indicators with their targets,
and each kegiatan's anggaran, the indicator rows grouped under the kegiatan cell they belong to.

A group starts where No, Kegiatan or Kode is written (not merged from above), or an anggaran
stands on a row without them; rows that take their kegiatan from a heading row above them
(tables/headings.py) are that heading's group, and a kegiatan row with its anggaran is the
group of the rows below it that take its name. A group's rows take No, Kegiatan, Kode and Bidang
from its first row, and a Sasaran left blank from the row above (groups.py). A merged anggaran
counts once.
"""

from __future__ import annotations

from array import array
from decimal import Decimal
from functools import cached_property

from renjacheck.tables.common import BIDANG, NO, SATUAN
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.groups import inherit, starts_group
from renjacheck.tables.table import Table
from renjacheck.tables.views import Row, Rows, value_of
from renjacheck.values import Location, Quantity, known


class MatriksRow(Row):
    """An indicator row of the plan year's Matriks."""

    __slots__ = ()

    no = value_of("no")
    kode = value_of("kode")
    kegiatan = value_of("kegiatan")
    bidang = value_of("bidang")
    sasaran = value_of("sasaran")
    indikator = value_of("indikator")
    target = value_of("target")
    satuan = value_of("satuan")


class MatriksKegiatan:
    """The Matriks rows of one kegiatan cell, as a view of the table."""

    __slots__ = ("table", "index")

    def __init__(self, table: Matriks, index: int) -> None:
        self.table, self.index = table, index

    @property
    def head(self) -> int:
        """The record the group starts on."""
        return self.table.starts[self.index]

    no = property(lambda self: known(self.table.value(self.head, "no")), doc="Its No.")
    kode = property(lambda self: known(self.table.value(self.head, "kode")), doc="Its Kode.")
    kegiatan = property(lambda self: known(self.table.value(self.head, "kegiatan")),
                        doc="Its kegiatan cell.")
    bidang = property(lambda self: known(self.table.value(self.head, "bidang")),
                      doc="Its bidang.")

    @property
    def rows(self) -> Rows:
        """Its indicator rows."""
        starts = self.table.starts
        end = starts[self.index + 1] if self.index + 1 < len(starts) else len(self.table)
        return Rows(self.table, range(starts[self.index], end))

    @property
    def anggaran(self) -> list[Quantity]:
        """Its distinct anggaran cells (a merged one once); an empty one only if none is
        written."""
        cells: dict[Location, Quantity] = {}
        for row in self.rows:
            amount = row.known("anggaran")
            if isinstance(amount, Quantity) and (not amount.empty or not cells):
                cells.setdefault(amount.loc, amount)
        written = [q for q in cells.values() if not q.empty]
        return written or list(cells.values())[:1]

    @property
    def total(self) -> Decimal | None:
        """The kegiatan's anggaran: the sum of its distinct anggaran cells."""
        anggaran = self.anggaran
        return sum((q.value for q in anggaran), Decimal(0)) if anggaran else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MatriksKegiatan) and other.table is self.table \
            and other.index == self.index

    def __hash__(self) -> int:
        return hash((id(self.table), self.index))


class Matriks(Table):
    """The Matriks, its indicator rows grouped under the kegiatan cell they belong to."""

    Row = MatriksRow

    def structure(self) -> None:
        """Its kegiatan groups, and what their rows take from above."""
        self.starts = array("i")  # the record each group starts on
        previous = None
        own = {h.record: at for at, h in enumerate(self.headings) if h.record >= 0}
        heading = [self.taken.get((i, "kegiatan"), own.get(i)) for i in range(len(self))]
        for index in range(len(self)):
            if previous is None or heading[index] != heading[previous] or (
                    heading[index] is None and starts_group(
                        self, index, previous, ("no", "kegiatan", "kode"), "anggaran")):
                self.starts.append(index)
            else:
                inherit(self, index, self.starts[-1], ("no", "kegiatan", "kode", "bidang"))
                inherit(self, index, previous, ("sasaran",))
            previous = index

    @cached_property
    def groups(self) -> list[MatriksKegiatan]:
        """The kegiatan groups, in table order."""
        return [MatriksKegiatan(self, g) for g in range(len(self.starts))]


MATRIKS: TableKind[Matriks] = TableKind(
    name="matriks", label="Matriks", table=Matriks,
    titles={"id": "Matriks Rencana Kerja", "en": "Work plan matrix"},
    columns=(
        NO,
        Column("kegiatan", FieldType.TEXT, required=True, wraps=True,
               heading="Program/Kegiatan/Komponen/Aktivitas", width=40),
        Column("sasaran", FieldType.TEXT, required=True, wraps=True,
               heading="Sasaran", width=40),
        Column("indikator", FieldType.TEXT, required=True, wraps=True,
               heading="Indikator Kinerja", width=50),
        Column("target", FieldType.QUANTITY, required=True, heading="Target/Vol",
               style="number"),
        SATUAN,
        Column("anggaran", FieldType.AMOUNT, required=True, heading="Anggaran (Rp)", width=18,
               style="amount"),
        BIDANG,
        Column("kode", FieldType.CODE, heading="Kode", width=10, style="code"),
    ),
    anchors=("no", "target", "anggaran"), heading_column="kegiatan",
    template=Template(sheet="Matriks", columns=(
        "no", "bidang", "kode", "kegiatan", "sasaran", "indikator", "target", "satuan",
        "anggaran")))
