"""Matriks coverage: every kegiatan of the Pendanaan is named by some Matriks kegiatan cell
(see renjacheck.checks.links), so that all of the pagu is tied to a sasaran and an indicator.
One hit per kegiatan left out, at its Pendanaan code.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.links import kegiatan_rows, links_of
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"kode", "uraian", "pagu"})
TABLES = frozenset({"pendanaan", "matriks"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Pendanaan kegiatan that no Matriks row names."""
    plan = ctx.plan
    if plan.pendanaan is None or plan.matriks is None:
        return
    named = set().union(*(link.codes for link in links_of(ctx).matriks))
    for row in kegiatan_rows(plan):
        if row.kode.value in named:
            continue
        yield Hit(locations=(row.kode.loc,), table="pendanaan", key=(row.kode.value,),
                  expected="Matriks", actual=None,
                  args={"kode": row.kode.value, "uraian": row.uraian.value, "pagu": row.total})
