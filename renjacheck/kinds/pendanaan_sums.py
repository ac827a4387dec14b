"""Pendanaan sums: a row's satker amounts add up to its total (`row`); a parent's amounts are
the sums of its children's, per satker and in the total (`children`); the grand total row is
the sum of the top-level rows in every column (`grand`).

Amounts are compared within the precision they are written with (renjacheck.checks.arith).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.arith import Interval, total
from renjacheck.checks.budget import tree
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.model.lazy import figures
from renjacheck.model.plan import PendanaanRow
from renjacheck.model.values import Quantity

PLACEHOLDERS = frozenset({"kode", "uraian", "column", "expected", "found", "parts"})
TABLES = frozenset({"pendanaan"})


class Params(BaseParams):
    """Which sum."""

    scope: Literal["row", "children", "grand"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written amount that is not the sum it should be."""
    pendanaan = ctx.plan.pendanaan
    rows, grand = pendanaan.rows, pendanaan.grand_total
    columns = [*pendanaan.satker, "total"]
    if rule.params.scope == "row":
        for row in rows + ([grand] if grand else []):
            numbers = _whole_numbers(row, columns)
            if None not in numbers and sum(numbers[:-1]) == numbers[-1] \
                    and len(numbers) - 1 == len(row.amounts) and row.amounts:
                continue
            yield from _compare(row, "total", list(row.amounts.values()), row.total, "satker")
        return
    children, top = tree(pendanaan)
    if rule.params.scope == "children":
        pairs = children.items()
    else:
        pairs = [(len(rows), top)] if grand is not None else []
    for at, kids in pairs:
        parent = rows[at] if at < len(rows) else grand
        # Each row is read here twice at most (as a parent, as a child), and nothing is kept:
        # a national budget's two million figures held for all three scopes cost 16 MB more.
        written_all = _whole_numbers(parent, columns)
        parts_all = [_whole_numbers(rows[k], columns) for k in kids]
        for n, column in enumerate(columns):
            written, parts = written_all[n], [numbers[n] for numbers in parts_all]
            if written is not None and None not in parts and sum(parts) == written:
                continue
            parts = [_amount(rows[k], column) for k in kids]
            yield from _compare(parent, column, parts, _amount(parent, column), len(kids))


def _whole_numbers(row: PendanaanRow, columns: list[str]) -> list[int | None]:
    """The row's amount in each column as an int where it is a whole number written without
    decimals (Rupiah, the common case), else None.

    For such amounts the intervals of the exact check are single whole numbers, which meet
    exactly when the sum is the written amount: the sums are checked in integers, and only
    what fails (or is not whole) goes through the interval arithmetic, which decides."""
    quick = figures(row.amounts)  # no Quantity for a budget's two million amounts
    numbers = []
    for column in columns:
        if column in quick:
            numbers.append(quick[column])
            continue
        amount = _amount(row, column)
        numbers.append(int(amount.value) if amount is not None and _whole(amount) else None)
    return numbers


def _whole(amount: Quantity) -> bool:
    """True for a whole number written without decimals."""
    return amount.decimals == 0 and amount.value == amount.value.to_integral_value()


def _amount(row: PendanaanRow, column: str) -> Quantity | None:
    return row.total if column == "total" else row.amounts.get(column)


def _compare(row: PendanaanRow, column: str, parts: list[Quantity | None],
             written: Quantity | None, what) -> Iterator[Hit]:
    if written is None or not parts or any(p is None for p in parts):
        return  # an unreadable amount is reported by the table schema
    computed = total([Interval.written(p.value, p.decimals) for p in parts])
    if computed.meets(Interval.rounded(written.value, written.decimals)):
        return
    expected = computed.estimate(written.decimals)
    label = "Total" if column == "total" else column
    yield Hit(locations=(written.loc,), table="pendanaan", expected=expected, actual=written,
              key=(row.kode.value if row.kode else "TOTAL", label),
              args={"kode": row.kode.value if row.kode else "-",
                    "uraian": row.uraian.value if row.uraian else "-", "column": label,
                    "expected": expected, "found": written, "parts": what})
