"""Indicator changes: indicators of the previous year's Capaian that the plan year's Matriks
no longer has (`dropped`), and Matriks indicators new this year (`added`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.links import links_of
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"indikator", "year", "previous"})
TABLES = frozenset({"capaian", "matriks"})


class Params(BaseParams):
    """Which change to note."""

    report: Literal["dropped", "added"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every indicator present in one year only."""
    plan = ctx.plan
    if plan.capaian is None or plan.matriks is None:
        return
    pairs = links_of(ctx).capaian_to_matriks
    if rule.params.report == "dropped":
        rows, table = [(i, r) for i, r in enumerate(plan.capaian) if i not in pairs], "capaian"
    else:
        used = {m.index for m in pairs.values()}
        matriks = [r for g in plan.matriks for r in g.rows]
        rows, table = [(j, r) for j, r in enumerate(matriks) if j not in used], "matriks"
    year = plan.year
    for _, row in rows:
        if row.indikator is None:
            continue
        yield Hit(locations=(row.indikator.loc,), table=table, key=(row.indikator.value,),
                  args={"indikator": row.indikator.value, "year": year or "-",
                        "previous": year - 1 if year else "-"})
