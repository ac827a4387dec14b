"""RO volume: an RO's planned volume is a positive figure with its unit (`2 Lembaga`, or a
Volume and a Satuan column). An empty, unreadable or negative volume is the table schema's
(TBL004, TBL001, TBL002); this kind reports a zero volume and a volume without a unit.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.ro import RO_KIND
from renjacheck.units import normalize_unit, unit_key

ID = "ro_volume"
NEEDS = Needs.tables(all_of=("ro",))
PLACEHOLDERS = frozenset({"ro", "volume", "no"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO volume that is zero or has no unit."""
    seen = set()
    for ro in ctx.plan.get(RO_KIND).rows:
        volume = ro.volume
        if volume is None or volume.value < 0:
            continue
        # A percent sign is a unit too, if an odd one for an output.
        has_unit = normalize_unit(volume.unit) is not None or volume.percent
        if volume.value > 0 and has_unit:
            continue
        output = ro.rincian_output
        name = output.value if output else None
        if (volume.loc, name) in seen:
            continue
        seen.add((volume.loc, name))
        # The key holds the figure and unit, not the text: "0 Desa", a 0 beside a Satuan column
        # and a numeric 0 are the same volume, and a waiver of it must survive the rewrite.
        unit = "%" if volume.percent else unit_key(volume.unit) or ""
        key = (name, format(volume.value.normalize(), "f"), unit)
        yield Hit(locations=(volume.loc,), table="ro", key=key,
                  expected="> 0 + satuan", actual=volume.text,
                  args={"ro": name, "volume": volume, "no": item_number(ro.no)})
