"""The Realisasi Anggaran (optional): last year's budget realisation, pagu against realisasi and
its percentage, by program, kegiatan and sub kegiatan, and the outline its rows make.

A row's level follows from the shape of its code, in a Kode column or at the start of its label:
the national codes (program `066.01.WA`, kegiatan `3247`, KRO `3247.PBC`, RO `3247.PBC.001`) or
the regional nomenclature of Permendagri 90/2019 (urusan `1`, bidang urusan `1.02`, program
`1.02.02`, kegiatan `1.02.02.2.01`, sub kegiatan `1.02.02.2.01.0001`); else from the leading
words of its label (`Program ...`, `Kegiatan ...`, `Sub Kegiatan ...`). A row without a level is
an item of the nearest row above that has one (of none: a flat table). A row's parent is the
nearest row above of a higher level, held as indices, as the Pendanaan's budget tree is. Rows
labelled `Jumlah` or `Total` are totals: each is the sum of the top-level rows.
"""

from __future__ import annotations

import re
from array import array
from functools import cached_property

from renjacheck.tables.codes import LEVELS, REGION as _REGION, Level, level_of
from renjacheck.tables.common import NO
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.labels import TOTAL_LABELS, norm_label
from renjacheck.tables.pendanaan import Children
from renjacheck.tables.table import Table
from renjacheck.tables.views import Row, Rows, value_of
from renjacheck.values import Text, known

# How deep each level sits: the national and the regional outline share program and kegiatan; a
# KRO sits where a sub kegiatan does. A row without a level is an item (deepest of all).
DEPTH: dict[Level, int] = {"urusan": 1, "bidang_urusan": 2, "program": 3, "kegiatan": 4,
                           "sub_kegiatan": 5, "kro": 5, "ro": 6}
ITEM = 7
# A code written at the start of a label counts when it cannot be a row number (`1.`, `1.10`).
_SHORT = frozenset({"urusan", "bidang_urusan"})
_ENUMERATION = r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[IVXLC]{1,6})(?:[.)]\s*|\s+)"
_WORDS = r"sub\s*-?\s*kegiatan|kegiatan|program|bidang\s+urusan|urusan"
_LEADING = re.compile(rf"^\s*(?:{_ENUMERATION})?({_WORDS})\b", re.IGNORECASE)
# The label of a heading row that belongs to the table though it states no figure (a program
# written on a row of its own above its kegiatan): it anchors a row (tables/rows.py).
HEADING = re.compile(rf"^\s*(?:{_ENUMERATION})?(?:{_WORDS})\b"
                     rf"|^\s*(?:\d{{3}}\.\d{{2}}\.[A-Z]{{2}}|\d{{4}}\.[A-Z]{{3}}[.\d]*|{_REGION}\.\d{{2}}[.\d]*)\s",
                     re.IGNORECASE)
TOTALS = TOTAL_LABELS | {"jumlahkeseluruhan", "totalkeseluruhan", "jumlahseluruhnya",
                         "jumlahanggaran", "totalanggaran"}


def label_level(label: str) -> Level | None:
    """The level a label says by its leading code (`1.02.02 Program ...`) or its leading words
    (`Program ...`, `b. Sub Kegiatan ...`), None when it says none."""
    first = label.split(maxsplit=1)
    level = level_of(first[0]) if len(first) == 2 else None
    if level is not None and level not in _SHORT:
        return level
    match = _LEADING.match(label)
    if match is None:
        return None
    word = re.sub(r"[\s-]+", "", match.group(1).casefold())
    return "sub_kegiatan" if word == "subkegiatan" else \
        "bidang_urusan" if word == "bidangurusan" else word  # type: ignore[return-value]


class RealisasiRow(Row):
    """A program, kegiatan or sub kegiatan (or a total) with its pagu and realisasi."""

    __slots__ = ()
    table: RealisasiAnggaran

    no = value_of("no")
    kode = value_of("kode")
    uraian = value_of("uraian")
    pagu = value_of("pagu")
    realisasi = value_of("realisasi")
    persen = value_of("persen")
    sisa = value_of("sisa")

    @property
    def level(self) -> Level | None:
        """The level its code or its label says."""
        at = self.table.levels[self.index]
        return LEVELS[at - 1] if at else None

    @property
    def parent(self) -> RealisasiRow | None:
        """The row it is an item of."""
        at = self.table.parents[self.index]
        return None if at < 0 else RealisasiRow(self.table, at)

    @property
    def is_total(self) -> bool:
        """True for a row labelled as a total of the table."""
        return bool(self.table.totals[self.index])

    @property
    def name(self) -> str:
        """How a message names the row: its code and label (or its number)."""
        parts = [v.value for v in (self.kode, self.uraian) if v is not None]
        no = self.no
        return " ".join(parts) or (no.value if no is not None else "-")  # type: ignore


class RealisasiAnggaran(Table):
    """The budget realisation of the year before the plan year, its rows in outline order."""

    Row = RealisasiRow

    def structure(self) -> None:
        """Each row's level and parent, and the total rows."""
        count = len(self)
        self.levels, self.totals = bytearray(count), bytearray(count)
        self.parents = array("i", [-1]) * count
        stack: list[tuple[int, int]] = []  # (depth, record) the next row may be an item of
        for index in range(count):
            label = self._label(index)
            if label is not None and norm_label(label) in TOTALS:
                self.totals[index] = 1
                continue
            level = self._level(index, label)
            depth = DEPTH[level] if level else ITEM
            while stack and stack[-1][0] >= depth:
                stack.pop()
            self.levels[index] = LEVELS.index(level) + 1 if level else 0
            self.parents[index] = stack[-1][1] if stack else -1
            stack.append((depth, index))

    def _label(self, index: int) -> str | None:
        """The row's label; a total label merged across No or Kode into Uraian is held as the
        Uraian (its checks and its messages see it where the plan does)."""
        uraian = known(self.value(index, "uraian"))
        if uraian is not None:
            return uraian.value  # type: ignore[return-value]
        for name in ("kode", "no"):
            value = known(self.value(index, name))
            if isinstance(value, Text) and norm_label(value.value) in TOTALS:
                self.hold(index, name, None)
                self.hold(index, "uraian", value)
                return value.value
        return None

    def _level(self, index: int, label: str | None) -> Level | None:
        kode = known(self.value(index, "kode"))
        level = level_of(kode.value) if isinstance(kode, Text) else None
        return level or (label_level(label) if label else None)

    @cached_property
    def children(self) -> dict[int, list[int]]:
        """The items of each row that has some, by record, in table order."""
        return {row: list(kids) for row, kids in Children(self.parents).items()}

    @cached_property
    def top(self) -> list[int]:
        """The top-level rows (no parent, no total), in table order."""
        return [i for i in range(len(self)) if self.parents[i] < 0 and not self.totals[i]]

    @property
    def total_rows(self) -> Rows:
        """The rows labelled as totals."""
        return Rows(self, [i for i in range(len(self)) if self.totals[i]])


REALISASI_ANGGARAN: TableKind[RealisasiAnggaran] = TableKind(
    name="realisasi_anggaran", label="Realisasi Anggaran", table=RealisasiAnggaran,
    titles={"id": "Realisasi Anggaran", "en": "Budget realisation"},
    # Their headings are data: rules/data/judul-kolom.yaml, `realisasi_anggaran`.
    columns=(
        NO,
        Column("kode", FieldType.CODE, heading="Kode", width=18, style="code"),
        Column("uraian", FieldType.TEXT, required=True, wraps=True,
               heading="Program/Kegiatan/Sub Kegiatan", width=50),
        Column("pagu", FieldType.AMOUNT, required=True, heading="Pagu (Rp)", width=18,
               style="amount"),
        Column("realisasi", FieldType.AMOUNT, required=True, heading="Realisasi (Rp)", width=18,
               style="amount"),
        # `%` normalises to `persen` (tables/labels.py); `% Realisasi` is `persenrealisasi`.
        Column("persen", FieldType.QUANTITY, required=True, heading="%", width=10,
               style="percent"),
        Column("sisa", FieldType.AMOUNT, heading="Sisa (Rp)", width=18, style="amount"),
    ),
    anchors=("no", "kode", "uraian", "pagu", "realisasi", "persen", "sisa"),
    anchor_shapes={"uraian": HEADING},
    template=Template(
        sheet="Realisasi Anggaran", year=-1,
        columns=("kode", "uraian", "pagu", "realisasi", "persen", "sisa"),
        formulas={"persen": '=IF(OR({pagu}="",{realisasi}=""),"",'
                            'IFERROR({realisasi}/{pagu},""))',
                  "sisa": '=IF(OR({pagu}="",{realisasi}=""),"",{pagu}-{realisasi})'}))
