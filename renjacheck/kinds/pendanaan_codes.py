"""Pendanaan codes: every item's code has the shape of a budget level (`shape`), and a KRO or
RO carries the code of the kegiatan or KRO it sits under as its prefix (`prefix`).

Levels by shape: program 066.01.WA, kegiatan 3247, KRO 3247.PBC, RO 3247.PBC.001, komponen
051, subkomponen A, akun 521211. Uniqueness is the table schema's (TBL003).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.pendanaan import PENDANAAN

ID = "pendanaan_codes"
NEEDS = Needs.tables(all_of=("pendanaan",))
PLACEHOLDERS = frozenset({"kode", "uraian", "parent", "level"})
# The levels whose code repeats its parent's: KRO under kegiatan, RO under KRO.
PREFIXED = {"kro": "kegiatan", "ro": "kro"}


class Params(BaseParams):
    """Which property of the codes."""

    check: Literal["shape", "prefix"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every malformed code, or every KRO/RO code without its parent's prefix."""
    pendanaan = ctx.plan.get(PENDANAAN)
    rows = pendanaan.items
    if rule.params.check == "shape":
        for row in rows:
            if row.level is None and not row.is_total:
                # A row of amounts alone is still reported, at its first cell.
                kode, uraian = row.kode, row.uraian
                loc = kode.loc if kode else (uraian.loc if uraian else row.loc)
                found = kode.value if kode else None
                yield Hit(locations=(loc,), table="pendanaan", actual=found,
                          key=(found, uraian.value if uraian else ""),
                          args=_args(row, None))
        return
    children, _ = pendanaan.tree
    for parent, kids in children.items():
        above = rows[parent]
        for kid in (rows[k] for k in kids):
            if PREFIXED.get(kid.level) != above.level:
                continue
            if not kid.kode.value.startswith(above.kode.value + "."):
                yield Hit(locations=(kid.kode.loc, above.kode.loc), table="pendanaan",
                          expected=f"{above.kode.value}.", actual=kid.kode.value,
                          key=(kid.kode.value, above.kode.value), args=_args(kid, above))


def _args(row, parent) -> dict:
    kode, uraian = row.kode, row.uraian
    return {"kode": kode.value if kode else None,
            "uraian": uraian.value if uraian else "-",
            "parent": parent.kode.value if parent else "-", "level": row.level or "-"}
