"""Unit match: a Capaian row's target and realisasi are counted in the same unit.

Compared only when both cells carry a unit or a percent sign; spellings of one unit agree
(`Kabupaten/ Kota`, `Kabupaten / Kota`, `Kab/Kota`; see renjacheck.units).
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.model.values import Quantity
from renjacheck.units import normalize_unit, unit_key

PLACEHOLDERS = frozenset({"no", "indikator", "target", "realisasi", "target_unit",
                          "realisasi_unit"})
TABLES = frozenset({"capaian"})


class Params(BaseParams):
    """No parameters."""


def unit_of(value: Quantity | None) -> str | None:
    """The unit a figure is written with, in display form; `%` for a percentage."""
    if value is None:
        return None
    return "%" if value.percent else normalize_unit(value.unit)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every realisasi written in another unit than its target."""
    for row in ctx.plan.capaian or []:
        target, realisasi = unit_of(row.target), unit_of(row.realisasi)
        if target is None or realisasi is None or unit_key(target) == unit_key(realisasi):
            continue
        yield Hit(locations=(row.realisasi.loc, row.target.loc), table="capaian",
                  expected=target, actual=realisasi,
                  key=(row.indikator.value if row.indikator else item_number(row.no),),
                  args={"no": item_number(row.no),
                        "indikator": row.indikator.value if row.indikator else "-",
                        # The i18n layer shows one figure; a range target is quoted as written.
                        "target": row.target.text if row.target.is_range else row.target,
                        "realisasi": row.realisasi,
                        "target_unit": target, "realisasi_unit": realisasi})
