"""Indicator changes: indicators of the previous year's Capaian that the plan year's Matriks
no longer has (`dropped`), and Matriks indicators new this year (`added`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS

ID = "indicator_changes"
NEEDS = Needs.tables(all_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"indikator", "year", "previous"})


class Params(BaseParams):
    """Which change to note."""

    report: Literal["dropped", "added"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every indicator present in one year only."""
    plan = ctx.plan
    pairs = ctx.shared.links.capaian_to_matriks
    if rule.params.report == "dropped":
        rows, table = [r for i, r in enumerate(plan.get(CAPAIAN).rows) if i not in pairs], \
            "capaian"
    else:
        used = {m.index for m in pairs.values()}
        rows, table = [r for j, r in enumerate(plan.get(MATRIKS).rows) if j not in used], \
            "matriks"
    year = plan.year
    for row in rows:
        indikator = row.indikator
        if indikator is None:
            continue
        yield Hit(locations=(indikator.loc,), table=table, key=(indikator.value,),
                  args={"indikator": indikator.value, "year": year or "-",
                        "previous": year - 1 if year else "-"})
