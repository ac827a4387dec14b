"""The RO appendix (Matrik Rencana Volume Rincian Output): each Rincian Output with its planned
volume, its kegiatan and the indicator(s) it serves.

Rows under one kegiatan take No, Kegiatan and Bidang from its first row, and an Indikator left
blank from the row above (groups.py). A cell listing several ROs, one a line, with as many
volumes a line in its Volume cell, is one record per RO. A volume without a unit takes the
Satuan column's.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import replace

from renjacheck.tables.common import BIDANG, NO, SATUAN
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.groups import inherit, starts_group
from renjacheck.tables.parse import parse_figure
from renjacheck.tables.table import Table
from renjacheck.tables.views import Row, value_of
from renjacheck.units import normalize_unit
from renjacheck.values import Quantity, Text, Value, known
from renjacheck.workbook.grid import RawCell

_ENUMERATED = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+")


class RORow(Row):
    """A Rincian Output with its planned volume and the indicator(s) it serves."""

    __slots__ = ()

    no = value_of("no")
    kegiatan = value_of("kegiatan")
    indikator = value_of("indikator")
    rincian_output = value_of("rincian_output")
    volume = value_of("volume")
    bidang = value_of("bidang")

    @property
    def indikator_list(self) -> list[str]:
        """The indicators its cell lists (`1. A 2. B`, or one a line)."""
        indikator = self.indikator
        return split_enumeration(indikator.value) if indikator else []  # type: ignore


def split_enumeration(text: str) -> list[str]:
    """`1. A 2. B` or one item a line -> [`A`, `B`]; anything else -> [text]."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return [_ENUMERATED.sub("", line, count=1) if _ENUMERATED.match(line) else line
                for line in lines]
    marks = list(_ENUMERATED.finditer(text))
    expected, cuts = 1, []
    for mark in marks:
        if int(mark.group(1)) == expected:
            cuts.append(mark)
            expected += 1
    if not cuts or cuts[0].start() != 0:
        return [text.strip()]
    ends = [m.start() for m in cuts[1:]] + [len(text)]
    return [text[m.end():end].strip() for m, end in zip(cuts, ends, strict=True)]


class RO(Table):
    """The RO appendix; a cell listing several ROs with as many volumes gives one record each."""

    Row = RORow

    def structure(self) -> None:
        """What rows take from above, and the rows their cells split into."""
        head, previous = -1, None
        for index in range(len(self)):
            if head < 0 or starts_group(self, index, previous, ("no", "kegiatan")):
                head = index
            else:
                inherit(self, index, head, ("no", "kegiatan", "bidang"))
                inherit(self, index, previous, ("indikator",))
            previous = index
        self._split([self._parts(index) for index in range(len(self))])
        for index in range(len(self)):
            volume, satuan = known(self.value(index, "volume")), known(self.value(index, "satuan"))
            if isinstance(volume, Quantity) and volume.unit is None and satuan is not None:
                # Volume and Satuan in two columns: the unit joins the figure.
                self.hold(index, "volume", replace(volume, unit=normalize_unit(satuan.value)))

    def _parts(self, index: int) -> list[tuple[Text, Value]] | None:
        """The (RO, volume) pairs a row's cells list one a line, or None for a row of one."""
        names, cell = self.value(index, "rincian_output"), self.cell(index, "volume")
        if not isinstance(names, Text) or cell is None or cell.empty:
            return None
        lines = [s.strip() for s in names.value.splitlines() if s.strip()]
        volumes = [s.strip() for s in str(cell.value).splitlines() if s.strip()]
        if len(lines) < 2 or len(lines) != len(volumes):
            return None
        return [(Text(value=line, loc=names.loc),
                 parse_figure(RawCell(volume, cell.number_format, cell.loc), amount=False))
                for line, volume in zip(lines, volumes, strict=True)]

    def _split(self, split: list[list[tuple[Text, Value]] | None]) -> None:
        """One record per (RO, volume) pair: the row's other values are every part's."""
        if not any(split):
            return
        first: list[int] = []  # each row's first record
        rows, layout = array("i"), array("H")
        for index, pairs in enumerate(split):
            first.append(len(rows))
            for _ in pairs or (None,):
                rows.append(self.sheet_rows[index])
                layout.append(self.layout[index])
        ends = first[1:] + [len(rows)]
        held = {name: {r: v for i, v in values.items() for r in range(first[i], ends[i])}
                for name, values in self.held.items()}
        sources = {name: {r: first[s] for i, s in values.items() for r in range(first[i], ends[i])}
                   for name, values in self.sources.items()}
        self.sheet_rows, self.layout, self.held, self.sources = rows, layout, held, sources
        # What stands over each record (table.py) stands over each of its parts.
        self.under = {r: h for i, h in self.under.items() for r in range(first[i], ends[i])}
        self.over = {r: first[p] for i, p in self.over.items() for r in range(first[i], ends[i])}
        self.headings = [replace(h, record=first[h.record]) if h.record >= 0 else h
                         for h in self.headings]
        if self._kept is not None:
            self._kept = {}  # kept by the records before they were split
        for index, pairs in enumerate(split):
            for at, (name, volume) in enumerate(pairs or ()):
                self.hold(first[index] + at, "rincian_output", name)
                self.hold(first[index] + at, "volume", volume)


RO_KIND: TableKind[RO] = TableKind(
    name="ro", label="RO", table=RO,
    titles={"id": "Matrik Rencana Volume Rincian Output",
            "en": "Planned volumes of the output details (RO)"},
    columns=(
        NO,
        Column("kegiatan", FieldType.TEXT, required=True, wraps=True, heading="Kegiatan",
               width=40),
        Column("indikator", FieldType.TEXT, required=True, wraps=True,
               heading="Indikator Kinerja Kegiatan", width=50),
        Column("rincian_output", FieldType.TEXT, required=True, wraps=True,
               heading="Rincian Output", width=40),
        Column("volume", FieldType.QUANTITY, required=True, heading="Volume", style="number"),
        SATUAN,
        BIDANG,
    ),
    anchors=("no", "volume"), heading_column="kegiatan",
    template=Template(sheet="RO", columns=(
        "no", "kegiatan", "indikator", "rincian_output", "volume", "satuan")))
