"""Target trend: a plan-year target below the previous year's realisasi for the same indicator
(lower is worse; for a negative indicator, above) asks for a reason.

The same indicator: the Capaian indicator paired with a Matriks indicator (checks.links),
identical or a near match; compared only when both are counted in the same unit.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator

from renjacheck.checks.links import links_of
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.units import unit_key

PLACEHOLDERS = frozenset({"indikator", "target", "realisasi", "year", "previous"})
TABLES = frozenset({"capaian", "matriks"})


class Params(BaseParams):
    """No parameters."""


def _unit(quantity, satuan=None) -> str | None:
    if quantity.percent:
        return "%"
    return unit_key(quantity.unit or (satuan.value if satuan else None))


def _with_satuan(target, satuan):
    """The target as the Matriks states it: its figure with the Satuan column's unit."""
    if target.unit or target.percent or satuan is None:
        return target
    if satuan.value.strip() == "%":
        return replace(target, percent=True)
    return replace(target, unit=satuan.value.strip())


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every plan-year target that falls short of last year's realisasi."""
    plan = ctx.plan
    if plan.capaian is None or plan.matriks is None:
        return
    rows = [r for g in plan.matriks for r in g.rows]
    for i, match in links_of(ctx).capaian_to_matriks.items():
        before, now = plan.capaian[i], rows[match.index]
        realisasi, target = before.realisasi, now.target
        if realisasi is None or target is None or target.is_range or realisasi.is_range:
            continue
        units = _unit(realisasi), _unit(target, now.satuan)
        if None not in units and units[0] != units[1]:
            continue  # not counted in the same unit: not comparable
        worse = target.value > realisasi.value if before.polaritas == "negatif" \
            else target.value < realisasi.value
        if worse:
            year = plan.year
            target = _with_satuan(target, now.satuan)
            yield Hit(locations=(target.loc, realisasi.loc), table="matriks",
                      expected=realisasi, actual=target, key=(now.indikator.value,),
                      args={"indikator": now.indikator.value, "target": target,
                            "realisasi": realisasi, "year": year or "-",
                            "previous": year - 1 if year else "-"})
