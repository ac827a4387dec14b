"""The table kinds a Renja workbook holds, their columns, and the header labels each column goes by.

Labels match case-, whitespace- and punctuation-insensitively (`Anggaran (Rp)` is `anggaranrp`),
and a trailing year is ignored (`Target 2023` is `target`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class FieldType(Enum):
    """How a column's cells are read."""

    TEXT = "text"
    CODE = "code"
    ENUM = "enum"          # a row number: 1, "1.", "a."
    AMOUNT = "amount"      # money: blank and "-" read as zero
    QUANTITY = "quantity"  # a figure that may carry a unit, a percent or a range
    YEAR = "year"


@dataclass(frozen=True)
class Column:
    """One column of a table kind."""

    name: str
    type: FieldType
    aliases: tuple[str, ...]
    required: bool = False
    # Text that may wrap onto a continuation row.
    wraps: bool = False


@dataclass(frozen=True)
class TableKind:
    """A kind of table: its columns and which of them prove a row is a data row."""

    name: str
    label: str
    columns: tuple[Column, ...]
    anchors: tuple[str, ...]
    group_rows: bool = True
    # After a blank row, a row carries the table on only when one of these columns holds its
    # key (a year, for the Narasi, whose every text would otherwise anchor a row: a signature
    # block or a note under the table). Empty: any anchor does.
    resume: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        """The column called `name`."""
        return next(c for c in self.columns if c.name == name)


T, CODE, ENUM, AMOUNT, QTY, YEAR = (FieldType.TEXT, FieldType.CODE, FieldType.ENUM,
                                    FieldType.AMOUNT, FieldType.QUANTITY, FieldType.YEAR)

_NO = Column("no", ENUM, ("no", "nomor", "nourut"))
_BIDANG = Column("bidang", T, ("bidang", "bidangbagian", "bagian", "unitpelaksana"))
_INDIKATOR = ("indikatorkinerja", "indikatorkinerjakegiatan", "indikator", "ikk",
              "indikatorkinerjakegiatanikk")
_SASARAN = ("sasarankegiatan", "sasaran", "sasaranprogram")
_SATUAN = Column("satuan", T, ("satuan", "sat"))

KINDS: dict[str, TableKind] = {k.name: k for k in (
    TableKind("pendanaan", "Pendanaan", (
        Column("kode", CODE, ("kode", "kd", "kodeakun"), required=True),
        Column("uraian", T, ("programkegiatankrorokomponensubkompakun", "uraian",
                             "programkegiatan", "uraianprogramkegiatan",
                             "programkegiatankrorokomponensubkomponenakun",
                             "programkegiatankroro"), required=True, wraps=True),
        Column("total", AMOUNT, ("total", "jumlah", "totalpagu", "jumlahpagu"), required=True),
    ), anchors=("kode", "total"), group_rows=False),
    TableKind("capaian", "Capaian", (
        _NO,
        Column("sasaran", T, _SASARAN, required=True, wraps=True),
        Column("indikator", T, _INDIKATOR, required=True, wraps=True),
        Column("target", QTY, ("target",), required=True),
        Column("realisasi", QTY, ("realisasi",), required=True),
        Column("capaian", QTY, ("capaian", "persentasecapaian", "capaianpersen"), required=True),
        _BIDANG,
        Column("polaritas", T, ("polaritas",)),
        _SATUAN,
    ), anchors=("no", "target", "realisasi", "capaian")),
    TableKind("matriks", "Matriks", (
        _NO,
        Column("kegiatan", T, ("programkegiatankomponenaktivitas", "kegiatan", "programkegiatan",
                               "uraiankegiatan"), required=True, wraps=True),
        Column("sasaran", T, _SASARAN, required=True, wraps=True),
        Column("indikator", T, _INDIKATOR, required=True, wraps=True),
        Column("target", QTY, ("targetvol", "target", "targetvolume"), required=True),
        _SATUAN,
        Column("anggaran", AMOUNT, ("anggaranrp", "anggaran", "paguanggaran", "pagurp"),
               required=True),
        _BIDANG,
        Column("kode", CODE, ("kode", "kodekegiatan")),
    ), anchors=("no", "target", "anggaran")),
    TableKind("ro", "RO", (
        _NO,
        Column("kegiatan", T, ("kegiatan", "programkegiatan"), required=True, wraps=True),
        Column("indikator", T, _INDIKATOR, required=True, wraps=True),
        Column("rincian_output", T, ("klasifikasirincianoutputrincianoutput", "rincianoutput",
                                     "kroro", "ro", "klasifikasirincianoutput"),
               required=True, wraps=True),
        Column("volume", QTY, ("rencanavolume", "volume", "targetvolume"), required=True),
        _SATUAN,
        _BIDANG,
    ), anchors=("no", "volume")),
    TableKind("narasi", "Narasi", (
        Column("tahun", YEAR, ("tahun",), required=True),
        _BIDANG,
        Column("teks", T, ("teks", "text", "narasi", "isi", "uraian", "pernyataan"),
               required=True),
    ), anchors=("tahun", "bidang", "teks"), group_rows=False, resume=("tahun",)),
)}

# Every table kind a workbook may hold, with the name reports give it.
TABLE_LABELS = {"identitas": "Identitas", **{name: kind.label for name, kind in KINDS.items()}}

# The Pendanaan grand-total row and the super-header over its amount columns.
TOTAL_LABELS = frozenset({"totalpagu", "jumlah", "total", "jumlahpagu", "jumlahtotal",
                          "grandtotal"})
PAGU_LABELS = frozenset({"pagu", "pagurp", "paguanggaran", "alokasi"})

# Labels of the Identitas key | value pairs.
IDENTITAS_KEYS = {
    "unit": frozenset({"unitkerja", "namaunitkerja", "unit"}),
    "tahun": frozenset({"tahun", "tahunanggaran", "tahunrencana"}),
}

# Every label any column of any kind goes by: a row with none of them starts no header.
KNOWN_LABELS = frozenset(a for kind in KINDS.values() for c in kind.columns for a in c.aliases)

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_YEAR_TAIL = re.compile(r"(?:tahun|th|ta)?(?:19|20)\d\d$")


def norm_label(text: str) -> str:
    """Lower-case `text` and drop whitespace and punctuation: the form header labels match in."""
    return _PUNCT.sub("", text.casefold())


def known_label(label: str) -> bool:
    """True when `label` (normalised) is a heading of some column of some kind."""
    return label in KNOWN_LABELS or _YEAR_TAIL.sub("", label) in KNOWN_LABELS


def match_column(kind: TableKind, label: str) -> str | None:
    """The column of `kind` that header `label` (already normalised) names, if any."""
    for candidate in (label, _YEAR_TAIL.sub("", label)):
        if not candidate:
            continue
        for column in kind.columns:
            if candidate in column.aliases:
                return column.name
    return None
