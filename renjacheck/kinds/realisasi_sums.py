"""Realisasi Anggaran sums: a parent's pagu and realisasi are the sums of its items' (a program
of its kegiatan, a kegiatan of its sub kegiatan), and a total row's the sums of the top-level
rows, in each of the two columns.

Each parent is held against its items as they are written, as the Pendanaan's sums are
(PAGU002): a mistyped figure is reported once, at the nearest row above it that states a sum,
where the disagreement is; the rows above that agree with what is written under them. When
the item's own % or sisa shows the mistake (renjacheck.checks.realisasi), RAG001 or RAG004
reports it at the item, naming this row, and this row is not reported again. An item
that states no sum of its own (a heading row left blank) counts with the sum of its items.
Amounts are compared within the precision they are written
with (renjacheck.checks.arith), as the Pendanaan's sums are. A heading row whose cell is empty
states no sum and is not checked. An unreadable amount leaves the sums it is part of unchecked
(TBL001 reports it).
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.outline_sums import Sum, add, agrees, as_interval, item_sum
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.kinds.realisasi_mistakes import analysed
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.values import Quantity

ID = "realisasi_sums"
NEEDS = Needs.tables(all_of=("realisasi_anggaran",))
PLACEHOLDERS = frozenset({"nama", "column", "parts", "expected", "found"})
COLUMNS = ("pagu", "realisasi")


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
            found = add([item_sum(table, k, name, sums[name]) for k in items])
            if found is None or agrees(found[0], written):
                continue
            mistake = analysed(ctx, table).get((name, index))  # made once, if asked
            if mistake is not None and mistake.owners:
                continue  # an item's mistake its % or sisa shows, reported at the item
            expected = as_interval(found[0]).estimate(written.decimals)
            row = table.Row(table, index)
            yield Hit(locations=(written.loc,), table="realisasi_anggaran", expected=expected,
                      actual=written, key=(table.key(index), name),
                      args={"nama": row.name, "column": table.labels[name],
                            "parts": found[1], "expected": expected, "found": written})
