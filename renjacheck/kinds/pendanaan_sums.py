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
    rows = pendanaan.rows
    if rule.params.scope == "row":
        for row in rows + ([pendanaan.grand_total] if pendanaan.grand_total else []):
            yield from _compare(row, "total", list(row.amounts.values()), row.total, "satker")
        return
    children, top = tree(pendanaan)
    if rule.params.scope == "children":
        pairs = [(rows[i], [rows[c] for c in kids]) for i, kids in children.items()]
    elif pendanaan.grand_total is not None:
        pairs = [(pendanaan.grand_total, [rows[i] for i in top])]
    else:
        pairs = []
    for parent, kids in pairs:
        for column in [*pendanaan.satker, "total"]:
            parts = [_amount(k, column) for k in kids]
            yield from _compare(parent, column, parts, _amount(parent, column), len(kids))


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
