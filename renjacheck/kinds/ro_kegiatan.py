"""RO kegiatan: an RO belongs to the kegiatan of the indicator it serves. Where both kegiatan
cells name Pendanaan kegiatan (renjacheck.checks.links), every kegiatan the RO's cell names is
one its indicator's Matriks cell names (an RO of 3251 may serve an indicator of "5354 dan 3251");
otherwise the two names agree once normalised (a typo is NAM002's, not a different kegiatan).

Reported once per RO kegiatan cell and Matriks kegiatan, at the RO's kegiatan cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.links import links_of
from renjacheck.checks.text import NEAR, item_number, normalize, similarity
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"kegiatan", "matriks", "indikator", "no"})
TABLES = frozenset({"ro", "matriks"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO kegiatan cell that is not its indicator's Matriks kegiatan."""
    plan = ctx.plan
    if plan.ro is None or plan.matriks is None:
        return
    links = links_of(ctx)
    seen = set()
    for ro, named, served in zip(plan.ro, links.ro_kegiatan, links.ro_indicators, strict=True):
        for item in served:
            if ro.kegiatan is None or item.group is None or item.group.kegiatan is None:
                continue  # an empty cell is TBL004's; an unknown indicator RO001's
            if (ro.kegiatan.loc, item.group_index) in seen:
                continue
            seen.add((ro.kegiatan.loc, item.group_index))
            theirs = links.matriks[item.group_index]
            if named.codes and theirs.codes:
                if named.codes <= theirs.codes:
                    continue
            elif _alike(ro.kegiatan.value, item.group.kegiatan.value):
                continue
            yield Hit(locations=(ro.kegiatan.loc, item.group.kegiatan.loc), table="ro",
                      key=(ro.kegiatan.value, item.group.kegiatan.value),
                      expected=item.group.kegiatan.value, actual=ro.kegiatan.value,
                      args={"kegiatan": ro.kegiatan.value, "matriks": item.group.kegiatan.value,
                            "indikator": item.text, "no": item_number(ro.no)})


def _alike(a: str, b: str) -> bool:
    return normalize(a) == normalize(b) or similarity(a, b) >= NEAR
