"""RO kegiatan: an RO belongs to the kegiatan of the indicator it serves. Where both kegiatan
cells name Pendanaan kegiatan (renjacheck.checks.links), every kegiatan the RO's cell names is
one its indicator's Matriks cell names (an RO of 3251 may serve an indicator of "5354 dan 3251");
otherwise the two names agree once normalised (a typo is NAM002's, not a different kegiatan).

Reported once per RO kegiatan cell and Matriks kegiatan, at the RO's kegiatan cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import NEAR, different, item_number, normalize, similarity
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.ro import RO_KIND

ID = "ro_kegiatan"
NEEDS = Needs.tables(all_of=("ro", "matriks"))
PLACEHOLDERS = frozenset({"kegiatan", "matriks", "indikator", "no"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO kegiatan cell that is not its indicator's Matriks kegiatan."""
    links = ctx.shared.links
    seen = set()
    for ro, named, served in zip(ctx.plan.get(RO_KIND).rows, links.ro_kegiatan,
                                 links.ro_indicators, strict=True):
        own = ro.kegiatan
        for item in served:
            theirs = item.group.kegiatan if item.group is not None else None
            if own is None or theirs is None:
                continue  # an empty cell is TBL004's; an unknown indicator RO001's
            if (own.loc, item.group_index) in seen:
                continue
            seen.add((own.loc, item.group_index))
            codes = links.matriks[item.group_index].codes
            if named.codes and codes:
                if named.codes <= codes:
                    continue
            elif _alike(own.value, theirs.value):
                continue
            yield Hit(locations=(own.loc, theirs.loc), table="ro",
                      key=(own.value, theirs.value), expected=theirs.value, actual=own.value,
                      args={"kegiatan": own.value, "matriks": theirs.value,
                            "indikator": item.text, "no": item_number(ro.no)})


def _alike(a: str, b: str) -> bool:
    return normalize(a) == normalize(b) or (similarity(a, b) >= NEAR and not different(a, b))
