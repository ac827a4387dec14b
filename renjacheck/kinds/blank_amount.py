"""Blank amount: an empty amount cell in the Pendanaan is read as zero; the note says so, so a
forgotten figure is not mistaken for a deliberate zero (write "-" or 0 for that). One note a
row, at all its empty cells."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.values import Quantity

ID = "blank_amount"
NEEDS = Needs.tables(all_of=("pendanaan",))
PLACEHOLDERS = frozenset({"kode", "uraian", "column"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every row with empty amount cells, at those cells."""
    pendanaan = ctx.plan.get(PENDANAAN)
    # Column by column: a cell that shows something is not blank, and is not read.
    empty: dict[int, list[tuple[str, Quantity]]] = {}
    for label, name in [*pendanaan.names.items(), ("Total", "total")]:
        for index, shown in enumerate(pendanaan.shown_column(name)):
            if shown is None:
                amount = pendanaan.value(index, name)
                if isinstance(amount, Quantity) and amount.empty:
                    empty.setdefault(index, []).append((label, amount))
    grand = [pendanaan.grand] if pendanaan.grand >= 0 else []
    for index in grand + list(pendanaan.item_indices):
        if index not in empty:
            continue
        row = pendanaan.Row(pendanaan, index)
        kode = row.kode.value if row.kode else "-"
        labels = [label for label, _ in empty[index]]
        yield Hit(locations=tuple(amount.loc for _, amount in empty[index]), table="pendanaan",
                  expected=0, key=(kode, *labels),
                  args={"kode": kode, "column": labels,
                        "uraian": row.uraian.value if row.uraian else "-"})
