"""Capaian of a parent row: a Program, Kegiatan or Sasaran row of the Capaian that carries a
capaian over its indicator rows (a heading row with figures, tables/headings.py) follows from
theirs.

`method: average`: the parent's capaian is the average of its rows' capaian; `ratio`: their
realisasi summed over their target summed, x 100 (of a negative polarity: 2 minus that, x 100);
`any` (the default, where the document does not say): either one. A parent with a target and a
realisasi of its own is an indicator of its own, whose capaian CAP001 checks; rows not measured
are left out. Each figure stands for the interval it was written with (checks/arith.py), and the
parent is consistent when an interval computed from its rows meets its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from fractions import Fraction
from typing import Literal

from renjacheck.checks.arith import Interval, total
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.kinds.capaian_ratio import SHOWN_DECIMALS
from renjacheck.tables.capaian import CAPAIAN, CapaianRow
from renjacheck.tables.parse import NOT_MEASURED
from renjacheck.values import Invalid, Quantity

ID = "capaian_parent"
NEEDS = Needs.tables(all_of=("capaian",))
PLACEHOLDERS = frozenset({"name", "found", "found_low", "found_high", "count", "average",
                          "average_low", "average_high", "ratio", "ratio_low", "ratio_high"})


class Params(BaseParams):
    """How a parent's capaian is formed from its rows'."""

    method: Literal["any", "average", "ratio"] = "any"


def average(rows: list[CapaianRow]) -> Interval | None:
    """The average of the rows' written capaian; None when none has one."""
    written = [c for c in (r.capaian for r in rows) if isinstance(c, Quantity) and not c.is_range]
    if not written:
        return None
    return total([Interval.rounded(c.value, c.decimals) for c in written]).scale(
        Fraction(1, len(written)))


def ratio(rows: list[CapaianRow]) -> Interval | None:
    """Sum of realisasi / sum of target x 100 over the rows measured; None when a row has no
    target or realisasi to add, a range, or the rows differ in polarity."""
    pairs = [(r.target, r.realisasi) for r in rows]
    measured = [(t, r) for t, r in pairs if t is not None or r is not None]
    polarity = {r.polaritas for r in rows}
    if not measured or len(polarity) > 1 or any(
            not isinstance(t, Quantity) or not isinstance(r, Quantity) or t.is_range
            or r.is_range for t, r in measured):
        return None
    share = total([Interval.written(r.value, r.decimals) for _, r in measured]).divide(
        total([Interval.written(t.value, t.decimals) for t, _ in measured]))
    if share is None:
        return None
    return share.affine(Fraction(-100), Fraction(200)) if polarity == {"negatif"} \
        else share.scale(100)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every parent capaian that none of the allowed ways gives."""
    table = ctx.plan.get(CAPAIAN)
    method = rule.params.method
    for index in sorted(table.parent_records):
        parent = CapaianRow(table, index)
        written = parent.capaian
        if written is None or written.is_range \
                or (parent.target is not None and parent.realisasi is not None):
            continue
        rows = [row for row in (CapaianRow(table, i) for i in table.members(index))
                if not _unmeasured(row)]
        ways = {"average": average(rows) if method in ("any", "average") else None,
                "ratio": ratio(rows) if method in ("any", "ratio") else None}
        mine = Interval.rounded(written.value, written.decimals)
        computed = [w for w in ways.values() if w is not None]
        if not computed or any(w.meets(mine) for w in computed):
            continue
        shown = max(written.decimals, SHOWN_DECIMALS)
        args = {"name": _name(parent), "found": written, "count": len(rows),
                **_ends("found", mine, written, written.decimals + 1)}
        for way, interval in ways.items():
            args[way] = _percent(written, interval.estimate(shown), shown) if interval else "-"
            args.update(_ends(way, interval, written, shown + 1) if interval else
                        {f"{way}_low": "-", f"{way}_high": "-"})
        yield Hit(locations=(written.loc,), table="capaian", actual=written,
                  expected=_percent(written, computed[0].estimate(written.decimals),
                                    written.decimals),
                  key=(args["name"],), args=args)


def _name(row: CapaianRow) -> str:
    heading = row.table.own_heading(row.index)
    if heading is not None:
        return heading.name.value
    for value in (row.sasaran, row.indikator, row.no):
        if value is not None:
            return value.value  # type: ignore[return-value]
    return "-"


def _unmeasured(row: CapaianRow) -> bool:
    """True for a row whose figures say it was not measured (TBL005)."""
    return any(isinstance(v := row.get(n), Invalid) and v.reason == NOT_MEASURED
               for n in ("target", "realisasi", "capaian"))


def _ends(way: str, interval: Interval, like: Quantity, decimals: int) -> dict[str, Quantity]:
    """The interval's ends, shown as the written capaian is, with `decimals` places."""
    low, high = interval.bounds(decimals)
    return {f"{way}_low": _percent(like, low, decimals),
            f"{way}_high": _percent(like, high, decimals)}


def _percent(like: Quantity, value, decimals: int) -> Quantity:
    return replace(like, value=value, decimals=decimals, unit=None)
