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

from renjacheck.checks.text import item_number, normalize
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.ro import RO_KIND
from renjacheck.units import normalize_unit, unit_key

ID = "ro_unit"
NEEDS = Needs.tables(all_of=("ro", "matriks"))
PLACEHOLDERS = frozenset({"ro", "volume", "satuan", "indikator", "no"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO volume whose unit is not the one its name and indicator share."""
    seen = set()
    for ro, served in zip(ctx.plan.get(RO_KIND).rows, ctx.shared.links.ro_indicators,
                          strict=True):
        output, volume = ro.rincian_output, ro.volume
        if output is None or volume is None or unit_key(volume.unit) is None:
            continue
        if (volume.loc, output.value) in seen:
            continue  # rows sharing a volume cell
        name = f"{normalize(output.value)} "
        for item in served:
            satuan = _unit_of(item.row) if item.row is not None else None
            if satuan is None or unit_key(satuan) == unit_key(volume.unit) \
                    or not normalize(satuan) or not name.startswith(f"{normalize(satuan)} "):
                continue
            seen.add((volume.loc, output.value))
            yield Hit(locations=(volume.loc, item.row.indikator.loc), table="ro",
                      key=(output.value, item.text), expected=satuan,
                      actual=normalize_unit(volume.unit),
                      args={"ro": output.value, "volume": volume,
                            "satuan": satuan, "indikator": item.row.indikator.value,
                            "no": item_number(ro.no)})
            break  # one finding per RO, for the first indicator it contradicts


def _unit_of(row) -> str | None:
    """The indicator's unit in its canonical form."""
    satuan, target = row.satuan, row.target
    if satuan is not None:
        return normalize_unit(satuan.value)
    return normalize_unit(target.unit) if target is not None else None
