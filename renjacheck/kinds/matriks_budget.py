"""Matriks budget: a Matriks kegiatan's anggaran is the Pendanaan Total of the kegiatan its cell
names, or the sum of both where it names two ("X dan Y"; see renjacheck.checks.links).

A merged anggaran counts once. Kegiatan that share a Pendanaan kegiatan (one kegiatan listed in
two Matriks rows, each with part of its pagu) are compared together: their anggaran add up to
the pagu of every kegiatan they name. Amounts are compared within their written precision.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renjacheck.checks.arith import Interval, total
from renjacheck.checks.links import links_of
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"kode", "kegiatan", "expected", "found"})
TABLES = frozenset({"pendanaan", "matriks"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every anggaran that is not the pagu of the kegiatan its row names."""
    plan = ctx.plan
    if plan.pendanaan is None or plan.matriks is None:
        return
    named = links_of(ctx).matriks
    for members in _sharing(named):
        groups = [plan.matriks[i] for i in members]
        cells = [q for g in groups for q in g.anggaran]
        rows = list({id(r): r for i in members for r in named[i].rows}.values())
        if not cells or any(r.total is None for r in rows):
            continue  # an empty or unreadable amount is the table schema's to report
        computed = total([Interval.written(r.total.value, r.total.decimals) for r in rows])
        written = total([Interval.rounded(q.value, q.decimals) for q in cells])
        if computed.meets(written):
            continue
        decimals = max(q.decimals for q in cells)
        expected = computed.estimate(decimals)
        found = sum((q.value for q in cells), Decimal(0))
        # One cell is shown as written; an empty one as empty, not as the zero it is read as.
        shown = (None if cells[0].empty else cells[0]) if len(cells) == 1 else found
        codes = " + ".join(r.kode.value for r in rows)
        kegiatan = "; ".join(g.kegiatan.value for g in groups if g.kegiatan)
        yield Hit(locations=tuple(q.loc for q in cells) + tuple(r.total.loc for r in rows),
                  table="matriks", expected=expected, actual=found, key=(codes,),
                  args={"kode": codes, "kegiatan": kegiatan, "expected": expected,
                        "found": shown})


def _sharing(named) -> list[list[int]]:
    """Matriks kegiatan indices grouped where they name a Pendanaan kegiatan in common."""
    owner: dict[str, int] = {}
    parts: list[list[int]] = []
    for i, link in enumerate(named):
        if not link.rows:
            continue  # names no Pendanaan kegiatan: MAT003's
        joined = sorted({owner[c] for c in link.codes if c in owner})
        merged = [i] + [j for k in joined for j in parts[k]]
        for k in joined:
            parts[k] = []
        parts.append(sorted(merged))
        for j in merged:
            for code in named[j].codes:
                owner[code] = len(parts) - 1
    return [p for p in parts if p]
