"""Rows that belong together under one cell: the indicator rows of a Matriks kegiatan, the RO
rows of a kegiatan, told apart as a planner writes them.

Rows that share a merged cell share its value and its location; rows under a kegiatan that are
left blank where a planner would have merged (No, Kegiatan, Anggaran) belong to the kegiatan
above, and take its values (`inherit`).
"""

from __future__ import annotations

from collections.abc import Iterable

from renjacheck.tables.table import Table
from renjacheck.values import Quantity, known


def written(table: Table, index: int, previous: int | None, name: str) -> bool | None:
    """None when record `index` has no value in `name`; True when it is written on this row,
    not merged with (nor taken from) the row above."""
    value = known(table.value(index, name))
    if value is None or (isinstance(value, Quantity) and value.empty):
        return None
    if previous is None:
        return True
    above = known(table.value(previous, name))
    return above is None or above.loc != value.loc


def starts_group(table: Table, index: int, previous: int | None, keys: Iterable[str],
                 budget: str | None = None) -> bool:
    """A row starts a new group when one of `keys` (No, Kegiatan) is written on it.

    An anggaran of its own starts one only on a row without No or Kegiatan at all: under a
    merged kegiatan, an anggaran a row is that kegiatan's, split over its rows.
    """
    if previous is None:
        return True
    found = [written(table, index, previous, key) for key in keys]
    if any(found):
        return True
    return budget is not None and all(w is None for w in found) \
        and bool(written(table, index, previous, budget))


def inherit(table: Table, index: int, source: int, keys: Iterable[str]) -> None:
    """Where record `index` has no value of its own in `keys`, it takes record `source`'s."""
    for key in keys:
        if known(table.value(index, key)) is None and table.value(source, key) is not None:
            table.take(index, key, table.sources.get(key, {}).get(source, source))
