"""Realisasi Anggaran remainder: where the table has a Sisa column, each row's sisa is pagu minus
realisasi (negative when realisasi exceeds pagu).

Figures are compared within the precision they are written with (renjacheck.checks.arith). A
row whose sisa, pagu or realisasi cell is empty (a heading row) states no remainder to check.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.arith import Interval
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.kinds.realisasi_mistakes import analysed, consequences
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.values import Quantity

ID = "realisasi_sisa"
NEEDS = Needs.tables(all_of=("realisasi_anggaran",))
PLACEHOLDERS = frozenset({"nama", "pagu", "realisasi", "expected", "found", "consequences"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written sisa that is not pagu minus realisasi, unless another
    finding reports the mistake that makes it so (its row's %, or an item's carried up)."""
    table = ctx.plan.get(REALISASI_ANGGARAN)
    if "sisa" not in table.labels:
        return
    for row in table.rows:
        pagu, realisasi, sisa = row.pagu, row.realisasi, row.sisa
        figures = (pagu, realisasi, sisa)
        if not all(isinstance(q, Quantity) and not q.empty for q in figures):
            continue  # unreadable cells are the table schemas' (TBL001)
        if all(q.decimals == 0 for q in figures) and pagu.value - realisasi.value == sisa.value:
            continue  # whole figures (Rupiah): the exact difference is the written one
        computed = Interval.written(pagu.value, pagu.decimals) \
            + Interval.written(realisasi.value, realisasi.decimals).scale(-1)
        if computed.meets(Interval.rounded(sisa.value, sisa.decimals)):
            continue
        expected = computed.estimate(sisa.decimals)
        failure = analysed(ctx, table).get(("sisa", row.index))  # made once, if asked
        if failure is not None and failure.owners:
            continue
        yield Hit(locations=(sisa.loc,), table="realisasi_anggaran", expected=expected,
                  actual=sisa, key=(table.key(row.index),),
                  args={"nama": row.name, "pagu": pagu, "realisasi": realisasi,
                        "expected": expected, "found": sisa,
                        "consequences": consequences(table, failure)})
