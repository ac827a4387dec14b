"""Hypothesis strategies for tests/test_properties.py and tests/test_fuzz.py.

- `budgets()`: a Pendanaan hierarchy (program ... akun) with exact Rupiah amounts, and
  `budget_sheet()` to lay it out with the layout freedoms the reader accepts;
- `layouts()`: the plan of tests/plans.py laid out with random layout freedoms, always inside the
  workbook contract of docs/workbook.md (what the generator stays away from is said where it does);
- `fuzz_books()`: random workbooks, random cells of random types under real headers.

Workbooks are described as `Sheet`s (values, merges and number formats by 1-based row and column)
and saved with tests/xlsx.py, so every test builds them the same way.
"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

from renjacheck.numbers import format_number, parse_number, to_words
from renjacheck.tables import registry
from renjacheck.tables.registry import KINDS
from tests import plans
from tests.xlsx import write


# ---- sheets ---------------------------------------------------------------------------------

def ref(row: int, col: int) -> str:
    """A1 reference of a 1-based (row, col)."""
    return f"{get_column_letter(col)}{row}"


@dataclass
class Sheet:
    """One sheet being built: values, merged ranges and number formats by 1-based cell."""

    name: str
    cells: dict[tuple[int, int], object] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)

    def put(self, row: int, col: int, value: object, fmt: str | None = None) -> None:
        """Write a value (None leaves the cell empty) and its number format."""
        if value is not None:
            self.cells[(row, col)] = value
        if fmt is not None and value is not None:
            self.formats[(row, col)] = fmt

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Merge a range; a single cell is left alone."""
        if (r1, c1) != (r2, c2):
            self.merges.append((r1, c1, r2, c2))

    @property
    def extent(self) -> tuple[int, int]:
        """The last row and column holding a value or a merge."""
        rows = [r for r, _ in self.cells] + [m[2] for m in self.merges] + [1]
        cols = [c for _, c in self.cells] + [m[3] for m in self.merges] + [1]
        return max(rows), max(cols)


def save(path: Path, sheets: list[Sheet]) -> Path:
    """Write the sheets, in order, as a workbook at `path`."""
    return write(path, {s.name: {ref(r, c): v for (r, c), v in s.cells.items()} for s in sheets},
                 {s.name: [f"{ref(a, b)}:{ref(c, d)}" for a, b, c, d in s.merges]
                  for s in sheets},
                 {s.name: {ref(r, c): f for (r, c), f in s.formats.items()} for s in sheets})


# ---- figures as planners write them ---------------------------------------------------------

def numeric(text: str | None) -> tuple[object, str | None] | None:
    """A figure written as text ("150.000.000", "77,14%", "98,78", "-") as the numeric cell and
    number format Excel would show the same way; None when it has a unit, words or a range and
    must stay text."""
    if text is None:
        return None
    parsed = parse_number(text)
    if parsed.unit or parsed.words or parsed.upper is not None:
        return None
    value, places = parsed.value, parsed.decimals
    decimals = "." + "0" * places if places else ""
    if parsed.percent:
        # A percent cell holds the fraction: 77,14% is 0.7714 shown with "0.00%".
        return float(value / 100), f"0{decimals}%"
    if places == 0:
        return int(value), "#,##0"
    return float(value), f"#,##0{decimals}"


def indonesian(amount: int, style: int) -> tuple[object, str | None]:
    """A Rupiah amount in one of the ways planners write it, and its number format; `style`
    picks the way."""
    style %= 6
    if style < 2:
        return amount, "#,##0" if style == 0 else None
    if amount == 0 and style == 5:
        return "-", None
    text = format_number(Decimal(amount), 0)
    return [text, f"Rp{text}", f"Rp. {text},-", f"{text},-"][style - 2], None


# ---- budget hierarchies ---------------------------------------------------------------------

SATKER_NAMES = ["BNNP BANTEN", "BNNK SERANG", "BNNK LEBAK", "BNNK TANGERANG", "BNNK CILEGON",
                "BNNK TANGSEL", "BNNK PANDEGLANG", "KOTA SERANG"]
CHAIN = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun")
KOMPONEN = ["051", "052", "053", "054", "055", "056", "501", "502"]
AKUN = ["521211", "521213", "521219", "521811", "522151", "524111", "524113", "524114",
        "525112", "532111"]
URAIAN = {
    "program": ["Program Pencegahan dan Pemberantasan Narkoba", "Program Dukungan Manajemen"],
    "kegiatan": ["Penyelenggaraan Advokasi", "Pelaksanaan Intelijen Berbasis Teknologi",
                 "Pembinaan Administrasi dan Pengelolaan Keuangan", "Layanan Rehabilitasi"],
    "kro": ["Pelaksanaan Pendidikan dan Pelatihan", "Layanan Perkantoran", "Advokasi"],
    "ro": ["Advokasi Program Ketahanan Keluarga", "Layanan Manajemen Keuangan",
           "Laporan Informasi Intelijen"],
    "komponen": ["Gaji dan Tunjangan", "Operasional dan Pemeliharaan Kantor",
                 "Pelaksanaan Kegiatan"],
    "subkomponen": ["Persiapan", "Pelaksanaan", "Pelaporan"],
    "akun": ["Belanja Bahan", "Honor Output Kegiatan", "Belanja Perjalanan Dinas Biasa",
             "Belanja Jasa Profesi", "Belanja Keperluan Perkantoran"],
}


@dataclass
class Item:
    """A budget item: its code, level, parent (an index into Budget.items) and amounts."""

    code: str
    uraian: str
    level: str
    parent: int | None
    amounts: list[int]
    children: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """The item's Total: the sum of its satker amounts."""
        return sum(self.amounts)


@dataclass
class Budget:
    """A Pendanaan hierarchy in outline order with exact amounts; `grand` per satker."""

    satker: list[str]
    items: list[Item]

    @property
    def grand(self) -> list[int]:
        """The grand total per satker: the sum of the top-level items."""
        top = [i for i in self.items if i.parent is None]
        return [sum(i.amounts[s] for i in top) for s in range(len(self.satker))]


def _codes(level: str, parent: str | None):
    """One code of `level` under a parent whose code is `parent` (KRO and RO carry it)."""
    upper = st.sampled_from(string.ascii_uppercase)
    if level == "program":
        return st.builds(lambda a, b, c, d: f"{a:03d}.{b:02d}.{c}{d}", st.integers(1, 999),
                         st.integers(1, 99), upper, upper)
    if level == "kegiatan":
        return st.integers(1000, 9999).map(str)
    if level == "kro":
        return st.tuples(upper, upper, upper).map(lambda t: f"{parent}.{''.join(t)}")
    if level == "ro":
        return st.integers(1, 999).map(lambda n: f"{parent}.{n:03d}")
    if level == "komponen":
        return st.sampled_from(KOMPONEN)  # the same few repeat under every RO, as in a real RKA
    if level == "subkomponen":
        return st.sampled_from("ABCDEF")
    return st.sampled_from(AKUN)


AMOUNTS = st.one_of(st.just(0), st.integers(1, 10**7).map(lambda n: n * 1000),
                    st.integers(0, 10**11))


@st.composite
def budgets(draw, max_items: int = 40) -> Budget:
    """A hierarchy from program (or kegiatan) down to akun; amounts at akun level, parents and
    the grand total summed exactly. Sibling codes differ; komponen and akun codes repeat under
    different parents. Subkomponen is sometimes left out, as RKA-K/L allows."""
    satker = draw(st.permutations(SATKER_NAMES))[:draw(st.integers(1, 6))]
    items: list[Item] = []

    def grow(level: str, parent: int | None) -> None:
        parent_code = items[parent].code if parent is not None else None
        most = 3 if len(items) < max_items else 1
        count = draw(st.integers(1, most))
        codes = draw(st.lists(_codes(level, parent_code), min_size=count, max_size=count,
                              unique=True))
        for code in codes:
            index = len(items)
            amounts = draw(st.lists(AMOUNTS, min_size=len(satker), max_size=len(satker))) \
                if level == "akun" else [0] * len(satker)
            items.append(Item(code, draw(st.sampled_from(URAIAN[level])), level, parent,
                              amounts))
            if parent is not None:
                items[parent].children.append(index)
            if level != "akun":
                below = CHAIN[CHAIN.index(level) + 1]
                if below == "subkomponen" and draw(st.booleans()):
                    below = "akun"
                grow(below, index)

    grow(draw(st.sampled_from(["program", "kegiatan"])), None)
    for item in reversed(items):  # children come after their parent in outline order
        if item.children:
            item.amounts = [sum(items[c].amounts[s] for c in item.children)
                            for s in range(len(satker))]
    return Budget(satker=list(satker), items=items)


GRAND = "grand"
GRAND_LABELS = ["TOTAL PAGU", "Jumlah", "TOTAL"]


@dataclass(frozen=True)
class BudgetLayout:
    """How a Budget is laid out: every choice the reader must not care about."""

    sheet: str
    top: int
    left: int
    title: bool
    two_level: bool
    total_upper: bool       # two-level: TOTAL in the upper header row, merged down
    column_numbers: bool
    grand_first: bool
    grand_label: str
    grand_in_kode: bool     # "TOTAL PAGU" merged across Kode and Uraian
    repeat_before: int | None   # a page-break repeat of the header before this data row
    numeric_codes: bool     # kegiatan and akun typed as numbers, komponen as 51 with "000"
    styles: tuple[int, ...]     # how each amount is written (see `indonesian`), cycled
    blank_zero: bool        # an amount of zero (not in the grand total) left empty


@st.composite
def budget_layouts(draw, budget: Budget) -> BudgetLayout:
    """A random layout of `budget`."""
    two_level = draw(st.booleans())
    return BudgetLayout(
        sheet=draw(st.sampled_from(["Pendanaan", "RKA 2025", "Anggaran"])),
        top=draw(st.integers(0, 4)), left=draw(st.integers(0, 3)), title=draw(st.booleans()),
        two_level=two_level, total_upper=two_level and draw(st.booleans()),
        column_numbers=draw(st.booleans()), grand_first=draw(st.booleans()),
        grand_label=draw(st.sampled_from(GRAND_LABELS)),
        grand_in_kode=draw(st.booleans()),
        repeat_before=draw(st.none() | st.integers(1, len(budget.items))),
        numeric_codes=draw(st.booleans()),
        styles=tuple(draw(st.lists(st.integers(0, 5), min_size=1, max_size=8))),
        blank_zero=draw(st.booleans()))


def budget_sheet(budget: Budget, layout: BudgetLayout,
                 change: tuple[object, int, int] | None = None
                 ) -> tuple[Sheet, dict[tuple[object, int], str]]:
    """The sheet of `budget` laid out by `layout`, and where each amount is written:
    (item index or GRAND, column) -> "Sheet!A1", column len(satker) being Total.

    `change` = (item index or GRAND, column, new value) writes that one amount differently."""
    sheet = Sheet(layout.sheet)
    n = len(budget.satker)
    kode, uraian, total = layout.left + 1, layout.left + 2, layout.left + 3 + n
    row = layout.top + 1
    if layout.title:
        sheet.put(row, kode, "Rincian Kebutuhan Pendanaan Tahun Anggaran 2025")
        row += 2

    def header() -> None:
        nonlocal row
        if layout.two_level:
            sheet.put(row, kode, "KODE")
            sheet.put(row, uraian, "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN")
            sheet.merge(row, kode, row + 1, kode)
            sheet.merge(row, uraian, row + 1, uraian)
            # PAGU stands over the satker columns, and over TOTAL when TOTAL is in the lower
            # row. Over one satker column alone it is a single cell, not merged
            # (test_properties.test_pagu_over_one_satker_column).
            sheet.put(row, uraian + 1, "PAGU")
            if layout.total_upper:
                sheet.merge(row, uraian + 1, row, total - 1)
                sheet.put(row, total, "TOTAL")
                sheet.merge(row, total, row + 1, total)
            else:
                sheet.merge(row, uraian + 1, row, total)
                sheet.put(row + 1, total, "TOTAL")
            for i, name in enumerate(budget.satker):
                sheet.put(row + 1, uraian + 1 + i, name)
            row += 2
        else:
            for col, label in zip(range(kode, total + 1),
                                  ["Kode", "Uraian", *budget.satker, "Total"], strict=True):
                sheet.put(row, col, label)
            row += 1
        if layout.column_numbers:
            for i, col in enumerate(range(kode, total + 1), start=1):
                sheet.put(row, col, i)
            row += 1

    where: dict[tuple[object, int], str] = {}
    cycle = itertools.count()

    def amounts(key: object, values: list[int]) -> None:
        for col, amount in enumerate(values):
            if change is not None and change[:2] == (key, col):
                amount = change[2]
            cell = (row, uraian + 1 + col)
            where[(key, col)] = f"{layout.sheet}!{ref(*cell)}"
            if amount == 0 and layout.blank_zero and key != GRAND:
                continue
            sheet.put(*cell, *indonesian(amount, layout.styles[next(cycle) % len(layout.styles)]))

    def grand() -> None:
        nonlocal row
        if layout.grand_in_kode:
            sheet.put(row, kode, layout.grand_label)
            sheet.merge(row, kode, row, uraian)
        else:
            sheet.put(row, uraian, layout.grand_label)
        values = budget.grand
        amounts(GRAND, values + [sum(values)])
        row += 1

    header()
    if layout.grand_first:
        grand()
    for index, item in enumerate(budget.items):
        if layout.repeat_before == index and index > 0:
            header()
        code: object = item.code
        fmt = None
        if layout.numeric_codes and item.level in ("kegiatan", "akun"):
            code = int(item.code)
        elif layout.numeric_codes and item.level == "komponen":
            code, fmt = int(item.code), "000"
        sheet.put(row, kode, code, fmt)
        sheet.put(row, uraian, item.uraian)
        amounts(index, item.amounts + [item.total])
        row += 1
    if not layout.grand_first:
        grand()
    return sheet, where


def budget_value(budget: Budget, key: object, col: int) -> int:
    """The amount at (item index or GRAND, column) as the budget computes it."""
    values = budget.grand if key == GRAND else budget.items[key].amounts
    return sum(values) if col == len(values) else values[col]


def broken_sums(budget: Budget, key: object, col: int,
                where: dict[tuple[object, int], str]) -> list[tuple[str, str]]:
    """The one PAGU001-003 finding, as (rule, "Sheet!A1"), that changing the amount at (key,
    col) must cause, every other amount staying right (renjacheck.checks.sums).

    The change fails its row's sum, and its column's where it is a parent's or the grand
    total's amount, and the sum it is part of (its parent's, or the grand total's for a
    top-level item); ancestors further up still add up. It is reported once: in its column
    (PAGU002, or PAGU003 for the grand total row) where the row is a parent's or the grand
    total's, else at the row's Total (PAGU001)."""
    total = len(budget.satker)
    if key == GRAND:
        return [("PAGU003", where[(GRAND, col)])]
    if budget.items[key].children:
        return [("PAGU002", where[(key, col)])]
    return [("PAGU001", where[(key, total)])]


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
