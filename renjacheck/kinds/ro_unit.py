"""RO unit: an RO's unit often differs from its indicator's (2 Lembaga toward an indicator
counted in Kabupaten/Kota is normal), so a different unit alone is no finding. But when the
RO's name opens with the very unit its indicator is counted in ("Unit Intervensi ..." toward
an indicator in Unit), the RO counts that thing, and a volume in another unit ("2 Lembaga")
says otherwise: one of the two is wrong.

The indicator's unit is its Matriks Satuan, else the unit written with its target.
Reported once per RO volume, at the volume.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.links import links_of
from renjacheck.checks.text import item_number, normalize
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.units import normalize_unit, unit_key

PLACEHOLDERS = frozenset({"ro", "volume", "satuan", "indikator", "no"})
TABLES = frozenset({"ro", "matriks"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO volume whose unit is not the one its name and indicator share."""
    plan = ctx.plan
    if plan.ro is None or plan.matriks is None:
        return
    seen = set()
    for ro, served in zip(plan.ro, links_of(ctx).ro_indicators, strict=True):
        if ro.rincian_output is None or ro.volume is None or unit_key(ro.volume.unit) is None:
            continue
        if (ro.volume.loc, ro.rincian_output.value) in seen:
            continue  # rows sharing a volume cell
        name = f"{normalize(ro.rincian_output.value)} "
        for item in served:
            satuan = _unit_of(item.row) if item.row is not None else None
            if satuan is None or unit_key(satuan) == unit_key(ro.volume.unit) \
                    or not normalize(satuan) or not name.startswith(f"{normalize(satuan)} "):
                continue
            seen.add((ro.volume.loc, ro.rincian_output.value))
            yield Hit(locations=(ro.volume.loc, item.row.indikator.loc), table="ro",
                      key=(ro.rincian_output.value, item.text), expected=satuan,
                      actual=normalize_unit(ro.volume.unit),
                      args={"ro": ro.rincian_output.value, "volume": ro.volume,
                            "satuan": satuan, "indikator": item.row.indikator.value,
                            "no": item_number(ro.no)})
            break  # one finding per RO, for the first indicator it contradicts


def _unit_of(row) -> str | None:
    """The indicator's unit in its canonical form."""
    if row.satuan is not None:
        return normalize_unit(row.satuan.value)
    return normalize_unit(row.target.unit) if row.target is not None else None
