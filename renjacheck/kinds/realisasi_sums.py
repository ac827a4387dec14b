"""Realisasi Anggaran sums: a parent's pagu and realisasi are the sums of its items' (a program
of its kegiatan, a kegiatan of its sub kegiatan), and a total row's the sums of the top-level
rows, in each of the two columns.

Each parent is held against its items as they are written, as the Pendanaan's sums are
(PAGU002): a mistyped figure is reported once, at the nearest row above it that states a sum,
where the disagreement is; the rows above that agree with what is written under them. An item
that states no sum of its own (a heading row left blank) counts with the sum of its items.
Amounts are compared within the precision they are written
with (renjacheck.checks.arith), as the Pendanaan's sums are. A heading row whose cell is empty
states no sum and is not checked. An unreadable amount leaves the sums it is part of unchecked
(TBL001 reports it).
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.arith import Interval, total
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.realisasi import REALISASI_ANGGARAN, RealisasiAnggaran
from renjacheck.values import Quantity

ID = "realisasi_sums"
NEEDS = Needs.tables(all_of=("realisasi_anggaran",))
PLACEHOLDERS = frozenset({"nama", "column", "parts", "expected", "found"})
COLUMNS = ("pagu", "realisasi")
# The sum of the bottom rows under a row, and how many: a whole number while every amount is
# one written without decimals (Rupiah, the common case: no fractions made), else an interval.
Sum = tuple[int | Interval, int] | None


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written parent or total amount that is not the sum of its items'
    (as written)."""
    table = ctx.plan.get(REALISASI_ANGGARAN)
    sums: dict[str, dict[int, Sum]] = {name: {} for name in COLUMNS}
    for index in range(len(table)):
        if not table.totals[index] and index not in table.children:
            continue
        for name in COLUMNS:
            written = table.known(index, name)
            if not isinstance(written, Quantity) or written.empty:
                continue  # a heading row stating no sum, or an unreadable one
            items = table.top if table.totals[index] else table.children[index]
            found = _add([_item(table, k, name, sums[name]) for k in items])
            if found is None or _agrees(found[0], written):
                continue
            expected = _interval(found[0]).estimate(written.decimals)
            row = table.Row(table, index)
            yield Hit(locations=(written.loc,), table="realisasi_anggaran", expected=expected,
                      actual=written, key=(table.key(index), name),
                      args={"nama": row.name, "column": table.labels[name],
                            "parts": found[1], "expected": expected, "found": written})


def _item(table: RealisasiAnggaran, index: int, name: str, memo: dict[int, Sum]) -> Sum:
    """What row `index` adds to its parent in column `name`: its written amount, or, when it
    states none and has items, theirs (a leaf's empty cell is zero); and how many rows that
    is. None when one is unreadable."""
    if index in memo:
        return memo[index]
    items = table.children.get(index)
    value = table.value(index, name)
    result: Sum
    if items and (not isinstance(value, Quantity) or value.empty):
        result = _add([_item(table, k, name, memo) for k in items])
    else:
        result = (_whole(value) if _whole(value) is not None else
                  Interval.written(value.value, value.decimals), 1) \
            if isinstance(value, Quantity) else None
    memo[index] = result
    return result


def _add(parts: list[Sum]) -> Sum:
    if not parts or any(p is None for p in parts):
        return None
    values = [p[0] for p in parts]  # type: ignore[index]
    count = sum(p[1] for p in parts)  # type: ignore[index]
    if all(type(v) is int for v in values):
        return sum(values), count  # type: ignore[arg-type]
    return total([_interval(v) for v in values]), count


def _agrees(found: int | Interval, written: Quantity) -> bool:
    """True when the sum meets the written amount's interval (whole numbers: when equal)."""
    whole = _whole(written)
    if type(found) is int and whole is not None:
        return found == whole
    return _interval(found).meets(Interval.rounded(written.value, written.decimals))


def _whole(value: Quantity) -> int | None:
    """The amount as an int when it is a whole number written without decimals."""
    if value.decimals == 0 and value.value == value.value.to_integral_value():
        return int(value.value)
    return None


def _interval(value: int | Interval) -> Interval:
    return value if isinstance(value, Interval) else Interval.exact(value)
