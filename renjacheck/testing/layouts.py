"""Budgets laid out with the layout freedoms the reader accepts (docs/workbook.md): a sheet
anywhere, title rows, one or two header rows, column numbers, the grand total first or last,
a repeated header, codes and amounts typed as numbers or as Indonesian text."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from hypothesis import strategies as st

from renjacheck.api.sheets import Sheet, ref
from renjacheck.testing.budgets import GRAND, GRAND_LABELS, Budget, Key, Where
from renjacheck.testing.figures import indonesian


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
def budget_layouts(draw: st.DrawFn, budget: Budget) -> BudgetLayout:
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
                 change: tuple[Key, int, int] | None = None) -> tuple[Sheet, Where]:
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

    where: Where = {}
    cycle = itertools.count()

    def amounts(key: Key, values: list[int]) -> None:
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
