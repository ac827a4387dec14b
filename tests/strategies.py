"""Hypothesis strategies for tests/test_properties.py and tests/test_fuzz.py, besides the public
ones of renjacheck.testing (consistent budgets, their layouts and faults):

- `layouts()`: the plan of tests/plans.py laid out with random layout freedoms, always inside the
  workbook contract of docs/workbook.md (what the generator stays away from is said where it does);
- `fuzz_books()`: random workbooks, random cells of random types under real headers.

Workbooks are described as `Sheet`s (renjacheck.api.sheets: values, merges and number formats by
1-based row and column) and saved with `save`, so every test builds them the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st

from renjacheck.api.sheets import Sheet, workbook_bytes
from renjacheck.numbers import to_words
from renjacheck.rounding import format_number
from renjacheck.tables import registry
from renjacheck.tables.registry import KINDS
from renjacheck.testing.budgets import SATKER_NAMES
from renjacheck.testing.figures import numeric
from tests import plans


def save(path: Path, sheets: list[Sheet]) -> Path:
    """Write the sheets, in order, as a workbook at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes(sheets))
    return path


# ---- the plan of tests/plans.py in random layouts -------------------------------------------

TITLES = {"pendanaan": "Tabel Kebutuhan Pendanaan Tahun 2024",
          "capaian": "Tabel Realisasi Pencapaian Sasaran Kegiatan Tahun 2023",
          "matriks": "Matriks Rencana Kerja BNN Provinsi Contoh",
          "ro": "Lampiran Matrik Rencana Volume Rincian Output",
          "narasi": "Uraian Rencana Kerja"}
SHEET_NAMES = ["Sampul", "Anggaran", "Rencana Kerja", "Capaian 2023", "Matriks 2024",
               "Lampiran RO", "Narasi", "Sheet1", "Data Renja"]
TABLES = ("identitas", "pendanaan", "capaian", "matriks", "ro", "narasi")


@dataclass
class Content:
    """The plan's content: tests/plans.py's, possibly with one fault injected."""

    pendanaan: list
    grand: list
    capaian: list
    matriks: list
    ro: list
    narasi: list


def content(fault: str | None = None) -> Content:
    """The plan of tests/plans.py; `fault` (a key of FAULTS) changes one figure."""
    base = Content([(k, u, list(a), t) for k, u, a, t in plans.PENDANAAN], list(plans.GRAND),
                   [list(c) for c in plans.CAPAIAN],
                   [(no, keg, ang, b, [list(r) for r in rows])
                    for no, keg, ang, b, rows in plans.MATRIKS],
                   [list(r) for r in plans.RO], [list(n) for n in plans.NARASI])
    if fault:
        FAULTS[fault](base)
    return base


def _fault_amount(c: Content) -> None:
    c.pendanaan[0][2][0] = "110.000.000"          # PAGU001 at its Total, PAGU003 at the grand


def _fault_capaian(c: Content) -> None:
    c.capaian[1][6] = "128,75%"                   # CAP001: 77,14 / 60 is 128,57%


def _fault_words(c: Content) -> None:
    c.narasi[0][2] = c.narasi[0][2].replace("2 (dua) sasaran", "2 (tiga) sasaran")  # NAR002


def _fault_anggaran(c: Content) -> None:
    no, keg, _, bidang, rows = c.matriks[2]
    c.matriks[2] = (no, keg, "26.000.000", bidang, rows)   # MAT001: the Pendanaan says 25 juta


def _fault_volume(c: Content) -> None:
    c.ro[0][3] = [("Advokasi Program Ketahanan Keluarga", "0 Desa")]   # RO003


FAULTS = {"amount": _fault_amount, "capaian": _fault_capaian, "words": _fault_words,
          "anggaran": _fault_anggaran, "volume": _fault_volume}


@dataclass(frozen=True)
class TableStyle:
    """The layout freedoms of one table (those that do not apply to a kind are ignored)."""

    column_numbers: bool = False
    numeric: tuple[bool, ...] = (False,)    # per figure cell, cycled: a number or Indonesian text
    repeat_at: int | None = None     # a page-break repeat of the header before this group
    bidang_rows: bool = False        # bidang by group rows instead of a Bidang column
    group_merged: bool = False       # a group row merged across the table
    group_col: int = 0               # the column a group row is written in
    merged: bool = False             # Matriks/RO sub-rows by merged cells instead of blanks
    merge_bidang: bool = False       # the Bidang cell merged over sub-rows too
    two_level: bool = False          # Pendanaan: PAGU over the satker, two header rows
    grand_last: bool = False
    grand_in_kode: bool = False
    wrap: int | None = None          # a continuation row for this row's wrapped text
    satuan_column: bool = False      # RO: volume and satuan in two columns
    multiline: bool = False          # RO: two ROs with two volumes in one cell
    year_text: bool = False          # a year written as text
    identitas: int = 0               # 0 two cells, 1 with ":" between, 2 "Unit Kerja : ..."


class Block:
    """A table being built row by row, at 0-based positions; placed on a sheet later."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], object] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.height = 0
        self._figures = 0

    def row(self, values: list, style: TableStyle | None = None,
            figures: tuple[int, ...] = ()) -> int:
        """Append a row; the cells in `figures` are written as numbers where the style says."""
        at = self.height
        for col, value in enumerate(values):
            if value is None:
                continue
            if col in figures and style is not None and isinstance(value, str):
                turn = style.numeric[self._figures % len(style.numeric)]
                self._figures += 1
                written = numeric(value) if turn else None
                if written is not None:
                    value, fmt = written
                    if fmt is not None:
                        self.formats[(at, col)] = fmt
            self.cells[(at, col)] = value
        self.height += 1
        return at

    def blank(self) -> None:
        """Append an empty row."""
        self.height += 1

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Merge a block range; a single cell is left alone."""
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))


def _split(text: str) -> tuple[str, str]:
    """A text cut at its middle space, as Excel wraps it onto the next row."""
    words = text.split(" ")
    half = len(words) // 2
    return " ".join(words[:half]), " ".join(words[half:])


def _header(block: Block, labels: list[str], style: TableStyle) -> None:
    block.row(labels)
    if style.column_numbers:
        block.row(list(range(1, len(labels) + 1)))


def _group_row(block: Block, text: str, width: int, style: TableStyle) -> None:
    if style.group_merged:  # a merged range shows the value of its top-left cell
        at = block.row([text])
        block.merge(at, 0, at, width - 1)
    else:
        block.row([None] * style.group_col + [text])


def identitas_block(style: TableStyle) -> Block:
    """`Unit Kerja` and `Tahun` as key and value."""
    block = Block()
    year: object = str(plans.YEAR) if style.year_text else plans.YEAR
    if style.identitas == 0:
        block.row(["Unit Kerja", plans.UNIT])
        block.row(["Tahun", year])
    elif style.identitas == 1:
        block.row(["Unit Kerja", ":", plans.UNIT])
        block.row(["Tahun", ":", year])
    else:
        block.row([f"Unit Kerja : {plans.UNIT}"])
        block.row([f"Tahun : {plans.YEAR}"])
    return block


def pendanaan_block(c: Content, style: TableStyle) -> Block:
    """The Pendanaan: one or two header rows, the grand total first or last."""
    block = Block()
    n = len(plans.SATKER)
    width = 3 + n
    figures = tuple(range(2, width))

    def header() -> None:
        if style.two_level:
            top = block.row(["KODE", "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN",
                             "PAGU"])
            block.row([None, None, *plans.SATKER, "TOTAL"])
            block.merge(top, 0, top + 1, 0)
            block.merge(top, 1, top + 1, 1)
            block.merge(top, 2, top, width - 1)
            if style.column_numbers:
                block.row(list(range(1, width + 1)))
        else:
            _header(block, ["Kode", "Uraian", *plans.SATKER, "Total"], style)

    def grand() -> None:
        if style.grand_in_kode:
            at = block.row(["TOTAL PAGU", None, *c.grand], style, figures)
            block.merge(at, 0, at, 1)
        else:
            block.row([None, "TOTAL PAGU", *c.grand], style, figures)

    header()
    if not style.grand_last:
        grand()
    for i, (kode, uraian, amounts, total) in enumerate(c.pendanaan):
        if style.repeat_at == i and i > 0:
            header()
        if style.wrap == i:
            head, tail = _split(uraian)
            block.row([kode, head, *amounts, total], style, figures)
            block.row([None, tail])
        else:
            block.row([kode, uraian, *amounts, total], style, figures)
    if style.grand_last:
        grand()
    return block


def capaian_block(c: Content, style: TableStyle) -> Block:
    """The Capaian: bidang by column or by group rows."""
    block = Block()
    labels = plans.H_CAPAIAN + ([] if style.bidang_rows else ["Bidang"])
    _header(block, labels, style)
    bidang = None
    for i, (b, no, s, ind, t, r, cap) in enumerate(c.capaian):
        if style.repeat_at == i and i > 0:
            _header(block, labels, style)
        if style.bidang_rows and b != bidang:
            _group_row(block, f"Bidang {b}", len(labels), style)
        bidang = b
        values = [no, s, ind, t, r, cap] + ([] if style.bidang_rows else [b])
        if style.wrap == i:
            head, tail = _split(ind)
            values[2] = head
            block.row(values, style, (3, 4, 5))
            block.row([None, None, tail])
        else:
            block.row(values, style, (3, 4, 5))
    return block


def _group_name(bidang: str) -> str:
    return bidang if bidang.startswith("Bagian") else f"Bidang {bidang}"


def matriks_block(c: Content, style: TableStyle) -> Block:
    """The Matriks: sub-rows of a kegiatan merged or left blank, bidang by column or group."""
    block = Block()
    labels = plans.H_MATRIKS + ([] if style.bidang_rows else ["Bidang"])
    _header(block, labels, style)
    bidang = None
    for i, (no, keg, ang, b, rows) in enumerate(c.matriks):
        if style.repeat_at == i and i > 0:
            _header(block, labels, style)
        if style.bidang_rows and b != bidang:
            _group_row(block, _group_name(b), len(labels), style)
        bidang = b
        first = block.height
        for j, (s, ind, t, sat) in enumerate(rows):
            # Merged or left blank, No, Kegiatan, Anggaran (and Bidang) are written once.
            values = [no, keg, s, ind, t, sat, ang, b] if j == 0 else \
                [None, None, s, ind, t, sat, None, None]
            block.row(values[:7] if style.bidang_rows else values, style, (4, 6))
        last = block.height - 1
        if style.merged and last > first:
            for col in (0, 1, 6) + ((7,) if style.merge_bidang and not style.bidang_rows
                                    else ()):
                block.merge(first, col, last, col)
    return block


def ro_block(c: Content, style: TableStyle) -> Block:
    """The RO appendix: sub-rows merged or blank, volume and satuan in one or two columns,
    several ROs in one cell."""
    block = Block()
    labels = plans.H_RO + (["SATUAN"] if style.satuan_column else [])
    _header(block, labels, style)

    def volume(text: str) -> list:
        if not style.satuan_column:
            return [text]
        figure, unit = text.split(" ", 1)
        return [figure, unit]

    for i, (no, keg, ind, ros) in enumerate(c.ro):
        if style.repeat_at == i and i > 0:
            _header(block, labels, style)
        if style.multiline and len(ros) > 1 and len({v.split(" ", 1)[1] for _, v in ros}) == 1:
            names = "\n".join(name for name, _ in ros)
            if style.satuan_column:
                vols = ["\n".join(v.split(" ", 1)[0] for _, v in ros), ros[0][1].split(" ", 1)[1]]
            else:
                vols = ["\n".join(v for _, v in ros)]
            block.row([no, keg, ind, names, *vols])
            continue
        first = block.height
        for j, (name, vol) in enumerate(ros):
            lead = [no, keg, ind] if j == 0 else [None, None, None]
            block.row(lead + [name, *volume(vol)], style, (4,))
        if style.merged and len(ros) > 1:
            for col in (0, 1, 2):
                block.merge(first, col, block.height - 1, col)
    return block


def narasi_block(c: Content, style: TableStyle) -> Block:
    """The narrative, one statement a row."""
    block = Block()
    block.row(["Tahun", "Bidang", "Teks"])
    for year, bidang, teks in c.narasi:
        block.row([str(year) if style.year_text else year, bidang, teks])
    return block


BUILDERS = {"pendanaan": pendanaan_block, "capaian": capaian_block, "matriks": matriks_block,
            "ro": ro_block, "narasi": narasi_block}


def build_block(kind: str, c: Content, style: TableStyle) -> Block:
    """The block of one table kind."""
    if kind == "identitas":
        return identitas_block(style)
    return BUILDERS[kind](c, style)


@dataclass
class Layout:
    """Where each table goes and how it is written."""

    styles: dict
    sheets: tuple[tuple[str, tuple[str, ...]], ...]   # sheet name, the tables on it in order
    offsets: dict                   # sheet name -> (top, left)
    gaps: dict                      # table -> blank rows below it, before the next table
    titles: frozenset               # tables with a title row above them
    notes_sheet: int | None = None  # position of an extra sheet holding no table
    fault: str | None = None

    def sheet_list(self) -> list[Sheet]:
        """The sheets of the layout, in order."""
        c = content(self.fault)
        sheets = []
        for name, kinds in self.sheets:
            sheet = Sheet(name)
            top, left = self.offsets[name]
            row = top + 1
            for kind in kinds:
                if kind in self.titles:
                    sheet.put(row, left + 1, TITLES[kind])
                    row += 2
                block = build_block(kind, c, self.styles[kind])
                for (r, col), value in block.cells.items():
                    sheet.put(row + r, left + 1 + col, value, block.formats.get((r, col)))
                for r1, c1, r2, c2 in block.merges:
                    sheet.merge(row + r1, left + 1 + c1, row + r2, left + 1 + c2)
                row += block.height + self.gaps.get(kind, 1)
            sheets.append(sheet)
        if self.notes_sheet is not None:
            notes = Sheet("Catatan")
            notes.put(1, 1, "Draf untuk rapat perencanaan")
            sheets.insert(min(self.notes_sheet, len(sheets)), notes)
        return sheets


def canonical(fault: str | None = None) -> Layout:
    """The template's layout: a sheet a table, at A1, in the template's order."""
    names = {"identitas": "Identitas", "pendanaan": "Pendanaan", "capaian": "Capaian",
             "matriks": "Matriks", "ro": "RO", "narasi": "Narasi"}
    return Layout(styles={k: TableStyle() for k in TABLES},
                  sheets=tuple((names[k], (k,)) for k in TABLES),
                  offsets={names[k]: (0, 0) for k in TABLES}, gaps={}, titles=frozenset(),
                  fault=fault)


@st.composite
def table_styles(draw, kind: str) -> TableStyle:
    """Random freedoms for one table."""
    groups = {"pendanaan": len(plans.PENDANAAN), "capaian": len(plans.CAPAIAN),
              "matriks": len(plans.MATRIKS), "ro": len(plans.RO)}.get(kind, 1)
    merged = draw(st.booleans())
    return TableStyle(
        column_numbers=draw(st.booleans()),
        numeric=tuple(draw(st.lists(st.booleans(), min_size=1, max_size=6))),
        repeat_at=draw(st.none() | st.integers(1, max(groups - 1, 1))),
        bidang_rows=draw(st.booleans()), group_merged=draw(st.booleans()),
        group_col=draw(st.integers(0, 1)), merged=merged,
        merge_bidang=merged and draw(st.booleans()), two_level=draw(st.booleans()),
        grand_last=draw(st.booleans()),
        grand_in_kode=draw(st.booleans()),
        wrap=draw(st.none() | st.integers(0, groups - 1)),
        satuan_column=draw(st.booleans()), multiline=draw(st.booleans()),
        year_text=draw(st.booleans()), identitas=draw(st.integers(0, 2)))


@st.composite
def layouts(draw, faults: bool = True) -> Layout:
    """The plan in a random layout: tables spread over 1 to 4 sheets in random order, at random
    offsets, under titles or not, each table with random freedoms.

    Within the contract and away from known limits: the Identitas comes first on its sheet
    (right below a table, its `Tahun | 2024` would be read as one more row of it), with or
    without a blank row below it (right above a Narasi header too, see
    test_properties.test_identitas_right_above_narasi). A table's title right below a Narasi
    has a blank row above it: a Narasi row needs no number, so a title there, with nothing to
    set it apart, is read as one more paragraph (after a blank row only a year goes on)."""
    count = draw(st.integers(1, 4))
    names = draw(st.permutations(SHEET_NAMES))[:count]
    where = {kind: draw(st.integers(0, count - 1)) for kind in TABLES}
    sheets = []
    for name_index in draw(st.permutations(range(count))):
        kinds = [k for k in TABLES if where[k] == name_index and k != "identitas"]
        kinds = list(draw(st.permutations(kinds)))
        if where["identitas"] == name_index:
            kinds.insert(0, "identitas")
        if kinds:
            sheets.append((names[name_index], tuple(kinds)))
    gaps = {kind: draw(st.integers(0, 2)) for kind in TABLES}
    titles = frozenset(k for k in TABLES if k != "identitas" and draw(st.booleans()))
    for _, kinds in sheets:
        below = kinds[kinds.index("narasi") + 1:] if "narasi" in kinds else ()
        if below and below[0] in titles:
            gaps["narasi"] = max(gaps["narasi"], 1)
    styles = {kind: draw(table_styles(kind)) for kind in TABLES}
    fault = draw(st.none() | st.sampled_from(sorted(FAULTS))) if faults else None
    return Layout(
        styles=styles, sheets=tuple(sheets),
        offsets={name: (draw(st.integers(0, 4)), draw(st.integers(0, 3)))
                 for name, _ in sheets},
        gaps=gaps, titles=titles,
        notes_sheet=draw(st.none() | st.integers(0, len(sheets))), fault=fault)


# ---- random workbooks for the fuzzer --------------------------------------------------------

# Characters a cell may hold: openpyxl refuses control characters other than tab and newline.
# Nor may XML hold noncharacters (U+FFFE): unassigned and private code points are left out.
CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")) | st.sampled_from("\n\t")
UNITS = ["Orang", "Kabupaten / Kota", "Indeks", "Laporan", "Desa", "Dokumen (RKA)", "m2",
         "Berkas Perkara", "Layanan"]


@st.composite
def indonesian_figures(draw) -> str:
    """A figure as planners write it: grouping, decimals, %, Rp, a unit, words, a range."""
    places = draw(st.integers(0, 4))
    value = Decimal(draw(st.integers(-10**13, 10**15))).scaleb(-places)
    text = format_number(value, places, draw(st.sampled_from(["id", "id", "en"])),
                         percent=draw(st.booleans()), currency=draw(st.booleans()))
    extra = draw(st.integers(0, 5))
    if extra == 1 and value >= 0 and places == 0 and value < 10**9:
        words = to_words(int(value)) if draw(st.booleans()) else to_words(int(value) + 1)
        text += f" ({words})"
    elif extra == 2:
        text += " " + draw(st.sampled_from(UNITS))
    elif extra == 3:
        text += draw(st.sampled_from([" - ", " s.d. ", "-", " sampai "])) + format_number(
            abs(value) + 1, places)
    elif extra == 4:
        text += draw(st.sampled_from([",-", ",--", " %", "%%", ".", ",", " (", ")"]))
    return text


FORMULAS = ["=SUM(A1:A3)", "=1/0", "=A1", "=NA()", '="x"&"y"', "=SUM(C2:D2)*100%",
            "=IF(A1>0,1,0)"]
FORMATS = ["General", "0%", "0.00%", "0.0%", "#,##0", "#,##0.00", "0.0", "@", "000", "0",
           "dd/mm/yyyy", '"Rp"#,##0', "0.00E+00", "#,##0;[Red]-#,##0", "[h]:mm:ss",
           '#,##0_);(#,##0)', "0.000000000000000000000", "???", '_-* #,##0_-;-* #,##0_-']

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10**18, 10**18),
    st.integers(0, 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -1e308, 5e-324, 1e-300, 0.1 + 0.2, 1.005, 2.5, 0.5, -0.0,
                     1.2857, 0.7714, 99999999999999.995]),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(9999, 12, 31)),
    st.times(),
    st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=1000)),
    indonesian_figures(),
    st.text(CHARS, max_size=40),
    st.text(CHARS, max_size=8).map(lambda s: s * 4000),            # very long text
    st.sampled_from(FORMULAS),
    st.sampled_from(["066.01.WA", "3247", "3247.PBC", "3247.PBC.001", "051", "A", "521211",
                     "3247.PBC.01", "3247.pbc", "TOTAL PAGU", "Jumlah", "-", "Rp -", "4 (empat)",
                     "3 (empat) sasaran", "empat", "80 - 90%", "1.", "a.", "(7)", "2024",
                     "Bidang Rehabilitasi", "Bagian Umum", "1. A\n2. B", "12\n12", "#N/A",
                     "#DIV/0!", "nan", "inf", "1e309", "\u2212 1.000", "1.23.456", "1234.567"]),
)


def _decorate(label: str, how: int) -> str:
    return [label, label.upper(), label.lower(), f"{label} 2024", f" {label} (Rp) ",
            f"{label}:", label.replace(" ", "  ")][how % 7]


@st.composite
def headers(draw, kind: str) -> list[str]:
    """A real header of `kind`: its required columns and some optional ones, each under one of
    its aliases, decorated; shuffled now and then."""
    if kind == "identitas":
        return ["Unit Kerja", "BNN Provinsi Contoh"]
    columns = [c for c in KINDS[kind].columns if c.required or draw(st.booleans())]
    labels = [_decorate(draw(st.sampled_from(sorted(registry.vocabulary().labels(kind, c.name)))),
                        draw(st.integers(0, 6)))
              for c in columns]
    if kind == "pendanaan":
        satker = draw(st.lists(st.sampled_from(SATKER_NAMES + ["PAGU", "Bidang", "Target"]),
                               max_size=4))
        at = labels.index(next(lab for lab, c in zip(labels, columns, strict=True)
                               if c.name == "total"))
        labels[at:at] = satker
    if draw(st.integers(0, 4)) == 0:
        labels = list(draw(st.permutations(labels)))
    return labels


@st.composite
def fuzz_sheets(draw, name: str) -> Sheet:
    """A sheet of 0 to 3 tables under real headers, random rows, merges and formats, and
    stray cells."""
    sheet = Sheet(name)
    row = draw(st.integers(1, 6))
    for _ in range(draw(st.integers(0, 3))):
        left = draw(st.integers(1, 6))
        kind = draw(st.sampled_from(tuple(KINDS)))
        labels = draw(headers(kind))
        top = row
        for col, label in enumerate(labels):
            sheet.put(row, left + col, label)
        row += 1
        width = len(labels)
        for _ in range(draw(st.integers(0, 8))):
            shape = draw(st.integers(0, 5))
            if shape == 0:    # a group row, a column-number row or the header again
                line = draw(st.sampled_from([["Bidang Rehabilitasi"], ["Bagian Umum"],
                                             list(range(1, width + 1)), labels]))
            else:
                line = draw(st.lists(VALUES, min_size=0, max_size=width + 1))
            for col, value in enumerate(line):
                fmt = draw(st.none() | st.sampled_from(FORMATS))
                sheet.put(row, left + col, value, fmt)
            row += 1
        for _ in range(draw(st.integers(0, 3))):
            r1 = draw(st.integers(top, row))
            c1 = draw(st.integers(left, left + width))
            sheet.merge(r1, c1, draw(st.integers(r1, row + 1)), draw(st.integers(c1, c1 + 3)))
        row += draw(st.integers(0, 2))
    for _ in range(draw(st.integers(0, 3))):
        far = draw(st.sampled_from([(1, 1), (200, 50), (1048576, 16384), (5000, 3)]))
        sheet.put(draw(st.integers(1, far[0])), draw(st.integers(1, far[1])), draw(VALUES))
    return sheet


SHEET_CHARS = st.characters(whitelist_categories=("Lu", "Ll", "Nd"),
                            max_codepoint=0x2FF) | st.sampled_from(" -_().,'")


@st.composite
def fuzz_books(draw) -> list[Sheet]:
    """One to three random sheets with distinct names (Excel compares them without case)."""
    names: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.text(SHEET_CHARS, min_size=1, max_size=31)
                    .map(lambda s: s.strip(" '") or "S"))
        if name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return [draw(fuzz_sheets(name)) for name in names]
