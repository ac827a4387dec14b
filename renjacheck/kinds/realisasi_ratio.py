"""Realisasi Anggaran percentage: each row's % is realisasi / pagu x 100.

Pagu and realisasi stand for what they were written as (exact without decimals), the written %
for every value that rounds to it (renjacheck.checks.arith); the message shows both: what the
figures give, and the range the written % stands for. A row whose pagu or realisasi cell is
empty (a heading row), or whose pagu is zero, has no percentage to check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from renjacheck.checks.arith import Interval, rounds_to
from renjacheck.checks.realisasi import Failure
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.kinds.realisasi_mistakes import analysed, consequences
from renjacheck.tables.realisasi import REALISASI_ANGGARAN, RealisasiRow
from renjacheck.values import Quantity

ID = "realisasi_ratio"
NEEDS = Needs.tables(all_of=("realisasi_anggaran",))
PLACEHOLDERS = frozenset({"nama", "pagu", "realisasi", "computed", "found", "found_range",
                          "expected", "consequences"})
# What the figures give is shown with two decimals more than the % is written with, so that a
# figure just across a rounding boundary (95,125 written 95,12) shows why.
MORE_DECIMALS = 2


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written % its row's realisasi and pagu do not give, unless it only
    carries a mistake reported where it is (a parent's realisasi summing a wrong item's)."""
    table = ctx.plan.get(REALISASI_ANGGARAN)
    for row in table.rows:
        pagu, realisasi, written = row.pagu, row.realisasi, row.persen
        if None in (pagu, realisasi, written) or pagu.empty or realisasi.empty \
                or written.is_range or pagu.value <= 0:
            continue  # unreadable cells are the table schemas' (TBL001)
        if _whole(pagu) and _whole(realisasi) and rounds_to(
                100 * int(realisasi.value), int(pagu.value), written.value, written.decimals):
            continue  # Rupiah without decimals: decided in integers, as the intervals would
        computed = Interval.written(realisasi.value, realisasi.decimals) \
            .divide(Interval.written(pagu.value, pagu.decimals))
        if computed is None:
            continue
        computed = computed.scale(100)
        stands_for = Interval.rounded(written.value, written.decimals)
        if computed.meets(stands_for):
            continue
        failure = analysed(ctx, table).get(("ratio", row.index))  # made once, if asked
        if failure is None or not failure.owners:
            yield _hit(row, written, computed, stands_for, failure)


def _hit(row: RealisasiRow, written: Quantity, computed: Interval,
         stands_for: Interval, failure: Failure | None) -> Hit:
    expected = _like(written, computed.estimate(written.decimals), written.decimals)
    shown = written.decimals + MORE_DECIMALS
    return Hit(locations=(written.loc,), table="realisasi_anggaran", expected=expected,
               actual=written, key=(row.table.key(row.index),),
               args={"nama": row.name, "pagu": row.pagu, "realisasi": row.realisasi,
                     "computed": _range(written, computed, shown),
                     "found": written,
                     "found_range": _range(written, stands_for, written.decimals + 1),
                     "expected": expected,
                     "consequences": consequences(row.table, failure)})


def _whole(value: Quantity) -> bool:
    return value.decimals == 0 and value.value == value.value.to_integral_value()


def _range(like: Quantity, interval: Interval, decimals: int) -> Quantity:
    """An interval shown as a figure, or as `low - high` where its ends differ when shown."""
    low, high = interval.bounds(decimals)
    if low == high:
        return _like(like, low, decimals)
    return replace(_like(like, low, decimals), upper=high, upper_decimals=decimals)


def _like(like: Quantity, value: Decimal, decimals: int) -> Quantity:
    """A percentage at the written one's cell, shown with its percent sign (the written one
    may have none: the column's heading says `%`)."""
    return replace(like, value=value, decimals=decimals, percent=True, unit=None, upper=None,
                   upper_decimals=None)
