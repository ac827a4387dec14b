"""Pendanaan sums: a row's satker amounts add up to its total (`row`); a parent's amounts are
the sums of its children's, per satker and in the total (`children`); the grand total row is
the sum of the top-level rows in every column (`grand`).

Amounts are compared within the precision they are written with (renjacheck.checks.arith).
Rupiah without decimals are summed as integers straight from the sheet's column arrays
(`Pendanaan.figures`): for such amounts the intervals of the exact check are single whole
numbers, which meet exactly when the sum is the written amount. Only what fails, or is not
whole, goes through the interval arithmetic, which decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.arith import Interval, total
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.pendanaan import PENDANAAN, Pendanaan
from renjacheck.values import Quantity, known

ID = "pendanaan_sums"
NEEDS = Needs.tables(all_of=("pendanaan",))
PLACEHOLDERS = frozenset({"kode", "uraian", "column", "expected", "found", "parts"})


class Params(BaseParams):
    """Which sum."""

    scope: Literal["row", "children", "grand"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written amount that is not the sum it should be."""
    pendanaan = ctx.plan.get(PENDANAAN)
    if rule.params.scope == "row":
        yield from _rows(pendanaan)
        return
    items = pendanaan.item_indices
    children, top = pendanaan.tree
    if rule.params.scope == "children":
        pairs = ((items[at], [items[k] for k in kids]) for at, kids in children.items())
    else:
        grand = pendanaan.grand
        pairs = iter([(grand, [items[k] for k in top])] if grand >= 0 else [])
    columns = pendanaan.amount_columns
    for parent, kids in pairs:
        # Each row is read here twice at most (as a parent, as a child), and nothing is kept:
        # a national budget's two million figures held for all three scopes cost 16 MB more.
        written_all = pendanaan.figures(parent)
        parts_all = [pendanaan.figures(k) for k in kids]
        for n, column in enumerate(columns):
            written, parts = written_all[n], [numbers[n] for numbers in parts_all]
            if written is not None and None not in parts and sum(parts) == written:
                continue
            yield from _compare(pendanaan, parent, column,
                                [_amount(pendanaan, k, column) for k in kids],
                                _amount(pendanaan, parent, column), len(kids))


def _rows(pendanaan: Pendanaan) -> Iterator[Hit]:
    """Each row's satker amounts against its total, the grand total's last."""
    satker = len(pendanaan.names)
    indices = list(pendanaan.item_indices) + ([pendanaan.grand] if pendanaan.grand >= 0 else [])
    for index in indices:
        numbers = pendanaan.figures(index)
        if None not in numbers and sum(numbers[:-1]) == numbers[-1] \
                and len(numbers) - 1 == satker and satker:
            continue
        parts = [known(pendanaan.value(index, name)) for name in pendanaan.names.values()]
        yield from _compare(pendanaan, index, "total", parts,
                            _amount(pendanaan, index, "total"), "satker")


def _amount(pendanaan: Pendanaan, index: int, column: str) -> Quantity | None:
    return known(pendanaan.value(index, column))  # type: ignore[return-value]


def _compare(pendanaan: Pendanaan, index: int, column: str, parts: list[Quantity | None],
             written: Quantity | None, what) -> Iterator[Hit]:
    if written is None or not parts or any(p is None for p in parts):
        return  # an unreadable amount is reported by the table schema
    computed = total([Interval.written(p.value, p.decimals) for p in parts])
    if computed.meets(Interval.rounded(written.value, written.decimals)):
        return
    expected = computed.estimate(written.decimals)
    label = "Total" if column == "total" else pendanaan.labels[column]
    row = pendanaan.Row(pendanaan, index)
    kode, uraian = row.kode, row.uraian
    yield Hit(locations=(written.loc,), table="pendanaan", expected=expected, actual=written,
              key=(kode.value if kode else "TOTAL", label),
              args={"kode": kode.value if kode else "-",
                    "uraian": uraian.value if uraian else "-", "column": label,
                    "expected": expected, "found": written, "parts": what})
