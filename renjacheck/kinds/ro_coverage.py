"""RO coverage: every indicator of the Matriks is served by at least one RO of the appendix,
named identically or nearly so (renjacheck.checks.links). Reported at the Matriks indicator.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.matriks import MATRIKS

ID = "ro_coverage"
NEEDS = Needs.tables(all_of=("matriks", "ro"))
PLACEHOLDERS = frozenset({"indikator", "kegiatan", "no"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Matriks indicator that no RO serves."""
    served = {item.row for items in ctx.shared.links.ro_indicators for item in items}
    for group in ctx.plan.get(MATRIKS).groups:
        for row in group.rows:
            indikator = row.indikator
            if indikator is None or row in served:
                continue
            kegiatan = group.kegiatan.value if group.kegiatan else "-"
            yield Hit(locations=(indikator.loc,), table="matriks",
                      key=(indikator.value,), expected="RO", actual=None,
                      args={"indikator": indikator.value, "kegiatan": kegiatan,
                            "no": item_number(group.no)})
