"""Matriks budget: a Matriks kegiatan's anggaran is the Pendanaan Total of the kegiatan its cell
names, or the sum of both where it names two ("X dan Y"; see renjacheck.checks.links).

A merged anggaran counts once. Kegiatan that share a Pendanaan kegiatan (one kegiatan listed in
two Matriks rows, each with part of its pagu) are compared together: their anggaran add up to
the pagu of every kegiatan they name. Amounts are compared within their written precision.
The finding names the two columns compared by their template headings (`anggaran`, `total`)
and, for more than one kegiatan, each one's pagu (`terms`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renjacheck.checks.arith import Interval, total
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.i18n import Terms
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.pendanaan import PENDANAAN

ID = "matriks_budget"
NEEDS = Needs.tables(all_of=("pendanaan", "matriks"))
PLACEHOLDERS = frozenset({"kode", "kegiatan", "expected", "found", "anggaran", "total",
                          "terms"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every anggaran that is not the pagu of the kegiatan its row names."""
    matriks = ctx.plan.get(MATRIKS).groups
    # The two columns compared, by their template headings: what a header says differs in
    # case and words from one office to another (`TOTAL`, `Jumlah`); its cells are listed.
    labels = (MATRIKS.column("anggaran").heading, PENDANAAN.column("total").heading)
    named = ctx.shared.links.matriks
    for members in _sharing(named):
        groups = [matriks[i] for i in members]
        cells = [q for g in groups for q in g.anggaran]
        rows = list(dict.fromkeys(r for i in members for r in named[i].rows))
        totals = [r.total for r in rows]
        if not cells or any(t is None for t in totals):
            continue  # an empty or unreadable amount is the table schema's to report
        computed = total([Interval.written(t.value, t.decimals) for t in totals])
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
        yield Hit(locations=tuple(q.loc for q in cells) + tuple(t.loc for t in totals),
                  table="matriks", expected=expected, actual=found, key=(codes,),
                  args={"kode": codes, "kegiatan": kegiatan, "expected": expected,
                        "found": shown, "anggaran": labels[0], "total": labels[1],
                        "terms": Terms(tuple((r.kode.value, r.total) for r in rows))})


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
