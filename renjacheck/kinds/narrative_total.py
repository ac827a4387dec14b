"""Narrative total: the total the narrative states ("jumlah dana yang dibutuhkan ... adalah
sebesar Rp...") equals the Pendanaan's grand total."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.arith import Interval
from renjacheck.checks.narrative import totals
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.numbers import decimals_of
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN

ID = "narrative_total"
NEEDS = Needs.tables(all_of=("narasi", "pendanaan"))
PLACEHOLDERS = frozenset({"expected", "found", "written"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every stated total that differs from the grand total."""
    pendanaan, narasi = ctx.plan.get(PENDANAAN), ctx.plan.get(NARASI)
    grand = pendanaan.grand_total.total if pendanaan.grand_total else None
    if grand is None:
        return
    for row, amount, written in totals(narasi.statements):
        stated = Interval.rounded(amount, decimals_of(amount))
        if stated.meets(Interval.written(grand.value, grand.decimals)):
            continue
        yield Hit(locations=(row.teks.loc, grand.loc), table="narasi", expected=grand,
                  actual=amount, key=(written,),
                  args={"expected": grand, "found": amount, "written": written})
