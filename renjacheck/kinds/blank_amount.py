"""Blank amount: an empty amount cell in the Pendanaan is read as zero; the note says so, so a
forgotten figure is not mistaken for a deliberate zero (write "-" or 0 for that). One note a
row, at all its empty cells."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.model.lazy import maybe_empty

PLACEHOLDERS = frozenset({"kode", "uraian", "column"})
TABLES = frozenset({"pendanaan"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every row with empty amount cells, at those cells."""
    pendanaan = ctx.plan.pendanaan
    for row in ([pendanaan.grand_total] if pendanaan.grand_total else []) + pendanaan.rows:
        empty = [(column, amount) for column, amount in [*maybe_empty(row.amounts),
                                                         ("Total", row.total)]
                 if amount is not None and amount.empty]
        if not empty:
            continue
        kode = row.kode.value if row.kode else "-"
        columns = [column for column, _ in empty]
        yield Hit(locations=tuple(amount.loc for _, amount in empty), table="pendanaan",
                  expected=0, key=(kode, *columns),
                  args={"kode": kode, "column": columns,
                        "uraian": row.uraian.value if row.uraian else "-"})
