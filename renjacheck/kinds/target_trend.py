"""Target trend: a plan-year target below the previous year's realisasi for the same indicator
(lower is worse; for a negative indicator, above) asks for a reason.

The same indicator: the Capaian indicator paired with a Matriks indicator (checks.links),
identical or a near match; compared only when both are counted in the same unit.
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS
from renjacheck.units import unit_key

ID = "target_trend"
NEEDS = Needs.tables(all_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"indikator", "target", "realisasi", "year", "previous"})


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
    capaian, rows = plan.get(CAPAIAN).rows, plan.get(MATRIKS).rows
    for i, match in ctx.shared.links.capaian_to_matriks.items():
        before, now = capaian[i], rows[match.index]
        realisasi, target = before.realisasi, now.target
        if realisasi is None or target is None or target.is_range or realisasi.is_range:
            continue
        units = _unit(realisasi), _unit(target, now.satuan)
        if None not in units and units[0] != units[1]:
            continue  # not counted in the same unit: not comparable
        worse = target.value > realisasi.value if before.polaritas == "negatif" \
            else target.value < realisasi.value
        if worse:
            year, indikator = plan.year, now.indikator
            target = _with_satuan(target, now.satuan)
            yield Hit(locations=(target.loc, realisasi.loc), table="matriks",
                      expected=realisasi, actual=target, key=(indikator.value,),
                      args={"indikator": indikator.value, "target": target,
                            "realisasi": realisasi, "year": year or "-",
                            "previous": year - 1 if year else "-"})
