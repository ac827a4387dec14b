"""The Realisasi Anggaran's sums down its outline as written: what a row adds to its parent
(its amount, or its items' when it states none), for RAG002 and for working out which
failures one mistake explains (checks/realisasi.py)."""

from __future__ import annotations

from renjacheck.checks.arith import Interval, total
from renjacheck.tables.realisasi import RealisasiAnggaran
from renjacheck.values import Quantity

# The sum of the bottom rows under a row, and how many: a whole number while every amount is
# one written without decimals (Rupiah, the common case: no fractions made), else an interval.
Sum = tuple[int | Interval, int] | None


def item_sum(table: RealisasiAnggaran, index: int, name: str, memo: dict[int, Sum]) -> Sum:
    """What row `index` adds to its parent in column `name`: its written amount, or, when it
    states none and has items, theirs (a leaf's empty cell is zero); and how many rows that
    is. None when one is unreadable."""
    if index in memo:
        return memo[index]
    items = table.children.get(index)
    value = table.value(index, name)
    result: Sum
    if items and (not isinstance(value, Quantity) or value.empty):
        result = add([item_sum(table, k, name, memo) for k in items])
    else:
        result = (_whole(value) if _whole(value) is not None else
                  Interval.written(value.value, value.decimals), 1) \
            if isinstance(value, Quantity) else None
    memo[index] = result
    return result


def add(parts: list[Sum]) -> Sum:
    """The sum of items' sums, and how many rows; None when one is unreadable."""
    if not parts or any(p is None for p in parts):
        return None
    values = [p[0] for p in parts]  # type: ignore[index]
    count = sum(p[1] for p in parts)  # type: ignore[index]
    if all(type(v) is int for v in values):
        return sum(values), count  # type: ignore[arg-type]
    return total([as_interval(v) for v in values]), count


def agrees(found: int | Interval, written: Quantity) -> bool:
    """True when the sum meets the written amount's interval (whole numbers: when equal)."""
    whole = _whole(written)
    if type(found) is int and whole is not None:
        return found == whole
    return as_interval(found).meets(Interval.rounded(written.value, written.decimals))


def _whole(value: Quantity) -> int | None:
    """The amount as an int when it is a whole number written without decimals."""
    if value.decimals == 0 and value.value == value.value.to_integral_value():
        return int(value.value)
    return None


def as_interval(value: int | Interval) -> Interval:
    """A sum as an interval."""
    return value if isinstance(value, Interval) else Interval.exact(value)
