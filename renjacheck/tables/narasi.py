"""The Narasi: the plan's narrative, one paragraph or bullet a row, with the year it speaks of
and its bidang (empty: the whole unit)."""

from __future__ import annotations

from renjacheck.tables.common import BIDANG
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.table import Table
from renjacheck.tables.views import Row, Rows, value_of
from renjacheck.values import Text


class NarasiRow(Row):
    """A paragraph or bullet of the narrative, with the year and bidang it speaks of."""

    __slots__ = ()

    tahun = value_of("tahun")
    bidang = value_of("bidang")
    teks = value_of("teks")


class Narasi(Table):
    """The narrative: its statements are its rows that hold text."""

    Row = NarasiRow

    @property
    def statements(self) -> Rows:
        """The rows with a text, in order (a row with a year but no text states nothing)."""
        return Rows(self, [i for i in range(len(self))
                           if isinstance(self.value(i, "teks"), Text)])


NARASI: TableKind[Narasi] = TableKind(
    name="narasi", label="Narasi", table=Narasi,
    titles={"id": "Narasi Rencana Kerja", "en": "Work plan narrative"},
    columns=(
        Column("tahun", FieldType.YEAR, required=True, heading="Tahun", width=8, style="year"),
        BIDANG,
        Column("teks", FieldType.TEXT, required=True, heading="Teks", width=110),
    ),
    anchors=("tahun", "bidang", "teks"), group_rows=False, resume=("tahun",),
    template=Template(sheet="Narasi", columns=("tahun", "bidang", "teks")))
