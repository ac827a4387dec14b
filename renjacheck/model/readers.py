"""Builds each part of the plan from its raw table, and the Frame its schema checks run on.

Rows that share a merged cell share its value and its location; rows under a kegiatan that are
left blank where a planner would have merged (No, Kegiatan, Anggaran) belong to the kegiatan above.
"""

from __future__ import annotations

from dataclasses import replace
import re
from collections.abc import Iterable, Iterator

from renjacheck.model.frame import Frame, known, unique_key
from renjacheck.model.lazy import RecordRow, views
from renjacheck.model.parse import parse_cell, parse_figure
from renjacheck.model.plan import (CapaianRow, MatriksKegiatan, MatriksRow, NarasiRow, Pendanaan,
                                   RORow, level_of, LEVELS)
from renjacheck.model.values import Location, Quantity, Text
from renjacheck.units import normalize_unit
from renjacheck.workbook.headers import KINDS, TOTAL_LABELS, FieldType, norm_label
from renjacheck.workbook.tables import RawRow, RawTable

_ENUMERATED = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)]\s+")


def new_frame(table: RawTable) -> Frame:
    """An empty Frame with the table's column labels as its header writes them."""
    kind = KINDS[table.kind]
    header = table.headers[0]
    labels = {name: header.text(col) or name for name, col in header.columns.items()}
    types = {c.name: c.type for c in kind.columns if c.name in header.columns}
    for i, col in enumerate(header.satker):
        labels[f"satker:{i}"] = header.text(col) or f"satker {i + 1}"
        types[f"satker:{i}"] = FieldType.AMOUNT
    return Frame(kind=table.kind, labels=labels, types=types)


def taken(table: RawTable) -> Iterator[RawRow]:
    """The table's rows in order, each let go once read: a national budget's raw cells would
    otherwise live on beside the plan made from them until the whole plan is read."""
    rows, table.rows = table.rows, []
    rows.reverse()
    while rows:
        yield rows.pop()


def typed(row: RawRow, frame: Frame) -> dict:
    """Every column of `row` read by its type, continuation text appended."""
    values = {}
    for name, cell in row.cells.items():
        value = parse_cell(cell, frame.types[name])
        extra = row.continued.get(name) if row.continued else None
        if extra:
            base = [value.value] if isinstance(value, Text) else []
            more = tuple(c.loc for c in extra)
            value = Text(value=" ".join(base + [str(c.value).strip() for c in extra]),
                         loc=value.loc if isinstance(value, Text) else more[0],
                         more=more if isinstance(value, Text) else more[1:])
        values[name] = value
    return values


def _bidang(values: dict, row: RawRow) -> Text | None:
    bidang = known(values.get("bidang"))
    if bidang is None and row.group is not None:
        return Text(value=str(row.group.value), loc=row.group.loc)
    return bidang


def read_pendanaan(table: RawTable, frame: Frame) -> Pendanaan:
    """The funding table: levels from code shapes, parents from the outline order."""
    satker = [frame.labels[n] for n in frame.labels if n.startswith("satker:")]
    # A satker named twice is one key of a row's amounts, its last column, as in a dict.
    names = {label: f"satker:{i}" for i, label in enumerate(satker)}
    # (level, kode, scope) of the rows the next one may be under. A row's scope is what the
    # uniqueness check compares its code by: a top-level code itself, else (its parent's scope,
    # its code), which equals another exactly when their full paths (066.01.WA/3247/.../521211)
    # do; a pair shares what is above, where a path string a row cost 5 MB of a national budget.
    stack: list[tuple[str, str, object]] = []
    if table.plain is not None:
        table.plain.types = frame.types  # a plain cell is read as its column's type
    rows, grand = [], None
    for raw in taken(table):
        values = typed(raw, frame)
        record, locs = views(values, raw, table.plain)
        kode, uraian = known(record.get("kode")), known(record.get("uraian"))
        if uraian is None and kode is not None and norm_label(kode.value) in TOTAL_LABELS:
            # "TOTAL PAGU" merged across Kode and Uraian is the row's Uraian: swapped before the
            # Frame takes the record, so that its checks see the label the plan sees.
            kode, uraian = None, kode
            values["kode"], values["uraian"] = None, uraian
            record, locs = views(values, raw, table.plain)
        is_total = kode is None and uraian is not None and norm_label(uraian.value) in TOTAL_LABELS
        level = level_of(kode.value) if kode else None
        if level is not None:
            while stack and LEVELS.index(stack[-1][0]) >= LEVELS.index(level):
                stack.pop()
        parent = stack[-1][1] if stack and level else None
        # A continuation header may lack a satker column (read by name, workbook/tables.py):
        # its rows then have no amount for that satker.
        first = None if kode or uraian else \
            _first(raw, record.locations() if locs is None else locs)
        item = RecordRow(record, level=level, parent=parent, names=names, is_total=is_total,
                         loc=first)
        frame.append(item, locs)  # the row is its record (model/lazy.py)
        if is_total and grand is None:
            grand = item
            frame.scopes.setdefault("kode", []).append(None)
            continue
        rows.append(item)
        if level is not None:
            # A code of a level's shape has no space nor lower case: it is compared as it is.
            scope = (stack[-1][2], kode.value) if stack else kode.value
            stack.append((level, kode.value, scope))
        else:  # a code that fits no level is compared by itself (schemas.py)
            scope = unique_key(kode.value) if kode and kode.value else None
        frame.scopes.setdefault("kode", []).append(scope)
    headers = [[Text(value=str(c.value or "").strip(), loc=c.loc) for c in occurrence]
               for occurrence in table.satker]
    return Pendanaan(satker=satker, headers=headers, grand_total=grand, rows=rows)


def _first(raw: RawRow, locs) -> Location:
    """The leftmost cell of the row that shows something (or holds a formula)."""
    cells = list(raw.cells.values())
    shown = [c.loc for c in cells if not c.empty or c.uncalculated] + [locs[n] for n in raw.plain]
    return min(shown or [c.loc for c in cells], key=lambda loc: loc.col)


def read_capaian(table: RawTable, frame: Frame) -> list[CapaianRow]:
    """The realisasi table of the year before the plan year."""
    rows = []
    for raw in taken(table):
        values = typed(raw, frame)
        frame.add(values, raw.cells)
        polar = known(values.get("polaritas"))
        negative = polar is not None and norm_label(polar.value).startswith("neg")
        rows.append(CapaianRow(
            no=known(values.get("no")), bidang=_bidang(values, raw),
            sasaran=known(values["sasaran"]), indikator=known(values["indikator"]),
            target=known(values["target"]), realisasi=known(values["realisasi"]),
            capaian=known(values["capaian"]), satuan=known(values.get("satuan")),
            polaritas="negatif" if negative else "positif"))
    return rows


def _written(values: dict, previous: dict | None, key: str) -> bool | None:
    """None when the row has no value for `key`; True when written on this row, not merged."""
    value = known(values.get(key))
    if value is None or (isinstance(value, Quantity) and value.empty):
        return None
    return previous is None or known(previous.get(key)) is None or previous[key].loc != value.loc


def _starts_group(values: dict, previous: dict | None, keys: Iterable[str],
                  budget: str | None = None) -> bool:
    """A row starts a new group when one of `keys` (No, Kegiatan) is written on it.

    An anggaran of its own starts one only on a row without No or Kegiatan at all: under a
    merged kegiatan, an anggaran a row is that kegiatan's, split over its rows.
    """
    if previous is None:
        return True
    written = [_written(values, previous, key) for key in keys]
    if any(written):
        return True
    return budget is not None and all(w is None for w in written) \
        and bool(_written(values, previous, budget))


def _inherit(values: dict, group: dict, keys: Iterable[str]) -> None:
    for key in keys:
        if known(values.get(key)) is None and group.get(key) is not None:
            values[key] = group[key]


def read_matriks(table: RawTable, frame: Frame) -> list[MatriksKegiatan]:
    """The Matriks, its indicator rows grouped under the kegiatan cell they belong to."""
    groups: list[dict] = []
    previous = None
    for raw in taken(table):
        values = typed(raw, frame)
        values["bidang"] = _bidang(values, raw)
        if _starts_group(values, previous, ("no", "kegiatan", "kode"), "anggaran") or not groups:
            groups.append({"head": dict(values), "rows": [], "anggaran": {}})
        group = groups[-1]
        _inherit(values, group["head"], ("no", "kegiatan", "kode", "bidang"))
        _inherit(values, group["rows"][-1] if group["rows"] else {}, ("sasaran",))
        frame.add(values, raw.cells)
        amount = known(values.get("anggaran"))
        if amount is not None and (not amount.empty or not group["anggaran"]):
            group["anggaran"].setdefault(amount.loc, amount)
        group["rows"].append(values)
        previous = values
    result = []
    for group in groups:
        head = group["head"]
        cells = list(group["anggaran"].values())
        written = [q for q in cells if not q.empty]
        result.append(MatriksKegiatan(
            no=known(head.get("no")), kode=known(head.get("kode")),
            kegiatan=known(head.get("kegiatan")), bidang=known(head.get("bidang")),
            anggaran=written or cells[:1],
            rows=[MatriksRow(bidang=known(v.get("bidang")), sasaran=known(v["sasaran"]),
                             indikator=known(v["indikator"]), target=known(v["target"]),
                             satuan=known(v.get("satuan"))) for v in group["rows"]]))
    return result


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


def read_ro(table: RawTable, frame: Frame) -> list[RORow]:
    """The RO appendix; a cell listing several ROs with as many volumes gives one row each."""
    rows: list[RORow] = []
    head: dict = {}
    previous = None
    for raw in taken(table):
        values = typed(raw, frame)
        values["bidang"] = _bidang(values, raw)
        if _starts_group(values, previous, ("no", "kegiatan")) or not head:
            head = dict(values)
        else:
            # An RO row under the same kegiatan: blank No, Kegiatan, Indikator mean "as above".
            _inherit(values, head, ("no", "kegiatan", "bidang"))
            _inherit(values, previous, ("indikator",))
        previous = values
        for part in _split_volumes(values, raw):
            volume, satuan = known(part["volume"]), known(part.get("satuan"))
            if isinstance(volume, Quantity) and volume.unit is None and satuan is not None:
                # Volume and Satuan in two columns: the unit joins the figure.
                part["volume"] = replace(volume, unit=normalize_unit(satuan.value))
            frame.add(part, raw.cells)
            indikator = known(part["indikator"])
            rows.append(RORow(
                no=known(part.get("no")), kegiatan=known(part["kegiatan"]), indikator=indikator,
                indikator_list=split_enumeration(indikator.value) if indikator else [],
                rincian_output=known(part["rincian_output"]), volume=known(part["volume"]),
                bidang=known(part.get("bidang"))))
    return rows


def _split_volumes(values: dict, raw: RawRow) -> list[dict]:
    names, volume_cell = values.get("rincian_output"), raw.cells["volume"]
    if not isinstance(names, Text) or volume_cell.empty:
        return [values]
    lines = [s.strip() for s in names.value.splitlines() if s.strip()]
    volumes = [s.strip() for s in str(volume_cell.value).splitlines() if s.strip()]
    if len(lines) < 2 or len(lines) != len(volumes):
        return [values]
    parts = []
    for line, volume in zip(lines, volumes, strict=True):
        cell = type(volume_cell)(volume, volume_cell.number_format, volume_cell.loc)
        parts.append({**values, "rincian_output": Text(value=line, loc=names.loc),
                      "volume": parse_figure(cell, amount=False)})
    return parts


def read_narasi(table: RawTable, frame: Frame) -> list[NarasiRow]:
    """The narrative, one statement per row."""
    rows = []
    for raw in taken(table):
        values = typed(raw, frame)
        frame.add(values, raw.cells)
        teks = known(values["teks"])
        if teks is None:
            continue
        rows.append(NarasiRow(tahun=known(values["tahun"]), bidang=_bidang(values, raw), teks=teks))
    return rows


READERS = {"pendanaan": read_pendanaan, "capaian": read_capaian, "matriks": read_matriks,
           "ro": read_ro, "narasi": read_narasi}
