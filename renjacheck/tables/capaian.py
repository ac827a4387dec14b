"""The Capaian: target, realisasi and capaian of each indicator in the year before the plan
year, with its sasaran, and optionally its bidang, polarity and unit."""

from __future__ import annotations

from typing import Literal

from renjacheck.tables.common import BIDANG, NO, SATUAN
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.labels import norm_label
from renjacheck.tables.table import Table
from renjacheck.tables.views import Row, value_of


class CapaianRow(Row):
    """An indicator of the year before the plan year: target, realisasi and capaian."""

    __slots__ = ()

    no = value_of("no")
    bidang = value_of("bidang")
    sasaran = value_of("sasaran")
    indikator = value_of("indikator")
    target = value_of("target")
    realisasi = value_of("realisasi")
    capaian = value_of("capaian")
    satuan = value_of("satuan")

    @property
    def polaritas(self) -> Literal["positif", "negatif"]:
        """`negatif` where lower is better (a Polaritas cell starting so), else `positif`."""
        polar = self.known("polaritas")
        negative = polar is not None and norm_label(polar.value).startswith("neg")  # type: ignore
        return "negatif" if negative else "positif"


class Capaian(Table):
    """The realisasi table of the year before the plan year."""

    Row = CapaianRow


CAPAIAN: TableKind[Capaian] = TableKind(
    name="capaian", label="Capaian", table=Capaian,
    titles={"id": "Realisasi Capaian Kinerja", "en": "Performance achieved"},
    columns=(
        NO,
        Column("sasaran", FieldType.TEXT, required=True, wraps=True,
               heading="Sasaran Kegiatan", width=40),
        Column("indikator", FieldType.TEXT, required=True, wraps=True,
               heading="Indikator Kinerja", width=50),
        Column("target", FieldType.QUANTITY, required=True, heading="Target", style="number"),
        Column("realisasi", FieldType.QUANTITY, required=True, heading="Realisasi",
               style="number"),
        Column("capaian", FieldType.QUANTITY, required=True, heading="Capaian",
               style="percent"),
        BIDANG,
        Column("polaritas", FieldType.TEXT, heading="Polaritas", style="polaritas"),
        SATUAN,
    ),
    anchors=("no", "target", "realisasi", "capaian"), heading_column="sasaran",
    template=Template(sheet="Capaian", columns=(
        "no", "bidang", "sasaran", "indikator", "target", "realisasi", "capaian", "polaritas",
        "satuan"), year=-1))
