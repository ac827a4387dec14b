"""RO coverage: every indicator of the Matriks is served by at least one RO of the appendix,
named identically or nearly so (renjacheck.checks.links). Reported at the Matriks indicator.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.links import links_of
from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"indikator", "kegiatan", "no"})
TABLES = frozenset({"matriks", "ro"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Matriks indicator that no RO serves."""
    plan = ctx.plan
    if plan.ro is None or plan.matriks is None:
        return
    served = {id(item.row) for items in links_of(ctx).ro_indicators for item in items}
    for group in plan.matriks:
        for row in group.rows:
            if row.indikator is None or id(row) in served:
                continue
            kegiatan = group.kegiatan.value if group.kegiatan else "-"
            yield Hit(locations=(row.indikator.loc,), table="matriks",
                      key=(row.indikator.value,), expected="RO", actual=None,
                      args={"indikator": row.indikator.value, "kegiatan": kegiatan,
                            "no": item_number(group.no)})
