"""Unit match: a Capaian row's target and realisasi are counted in the same unit.

Compared only when both cells carry a unit or a percent sign; spellings of one unit agree
(`Kabupaten/ Kota`, `Kabupaten / Kota`, `Kab/Kota`; see renjacheck.units).
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.units import normalize_unit, unit_key
from renjacheck.values import Quantity

ID = "unit_match"
NEEDS = Needs.tables(all_of=("capaian",))
PLACEHOLDERS = frozenset({"no", "indikator", "target", "realisasi", "target_unit",
                          "realisasi_unit"})


class Params(BaseParams):
    """No parameters."""


def unit_of(value: Quantity | None) -> str | None:
    """The unit a figure is written with, in display form; `%` for a percentage."""
    if value is None:
        return None
    return "%" if value.percent else normalize_unit(value.unit)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every realisasi written in another unit than its target."""
    for row in ctx.plan.get(CAPAIAN).rows:
        written, done = row.target, row.realisasi
        target, realisasi = unit_of(written), unit_of(done)
        if target is None or realisasi is None or unit_key(target) == unit_key(realisasi):
            continue
        indikator, no = row.indikator, item_number(row.no)
        yield Hit(locations=(done.loc, written.loc), table="capaian",
                  expected=target, actual=realisasi,
                  key=(indikator.value if indikator else no,),
                  args={"no": no, "indikator": indikator.value if indikator else "-",
                        # The i18n layer shows one figure; a range target is quoted as written.
                        "target": written.text if written.is_range else written,
                        "realisasi": done,
                        "target_unit": target, "realisasi_unit": realisasi})
