"""Narrative total: the total the narrative states for the plan year ("jumlah dana yang
dibutuhkan ... adalah sebesar Rp...", "pagu anggaran ... Tahun 2025 sebesar ...") equals the
Pendanaan's grand total, within the precision it is written with ("Rp 15,5 miliar"). A
statement about another year (last year's pagu beside its realisasi) is not the plan's total
and is not compared."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.arith import Interval
from renjacheck.checks.narrative import totals
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
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
    plan_year = ctx.plan.year
    for row, amount, decimals, written, year in totals(narasi.statements):
        if year is not None and plan_year is not None and year != plan_year:
            continue
        # Within the precision written: "Rp 15,5 miliar" is any amount from 15.45 to 15.55 bn.
        stated = Interval.rounded(amount, decimals)
        if stated.meets(Interval.written(grand.value, grand.decimals)):
            continue
        yield Hit(locations=(row.teks.loc, grand.loc), table="narasi", expected=grand,
                  actual=amount, key=(written,),
                  args={"expected": grand, "found": amount, "written": written})
