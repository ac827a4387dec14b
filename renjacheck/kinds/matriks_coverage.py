"""Matriks coverage: every kegiatan of the Pendanaan is named by some Matriks kegiatan cell
(see renjacheck.checks.links), so that all of the pagu is tied to a sasaran and an indicator.
One hit per kegiatan left out, at its Pendanaan code.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams

ID = "matriks_coverage"
NEEDS = Needs.tables(all_of=("pendanaan", "matriks"))
PLACEHOLDERS = frozenset({"kode", "uraian", "pagu"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Pendanaan kegiatan that no Matriks row names."""
    links = ctx.shared.links
    named = set().union(*(link.codes for link in links.matriks))
    for row in links.kegiatan:
        kode = row.kode
        if kode.value in named:
            continue
        yield Hit(locations=(kode.loc,), table="pendanaan", key=(kode.value,),
                  expected="Matriks", actual=None,
                  args={"kode": kode.value, "uraian": row.uraian.value, "pagu": row.total})
