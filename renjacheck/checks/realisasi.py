"""The Realisasi Anggaran's sums down its outline, and which failed row checks (the %: RAG001,
the sisa: RAG004) one mistake explains.

A parent's pagu, realisasi and sisa are often its items' sums, written as formulas (`=SUM(...)`)
or copied: a figure typed wrong in an item is carried up, and the parent's % and sisa, typed
from the right figures, no longer follow from its own. One mistake, one finding. Each row's
mistake is worked out as a correction (`Fix`: how much its pagu, realisasi and sisa are off).
A column carries its items' corrections up to a parent when the parent's figure is the sum of
its items' as written (RAG002 holds there; a heading row stating none passes them on). A
parent's failed check is `carried` when it holds once those corrections are taken off: it is
reported at the item where the mistake is, and that finding names the rows it also put wrong.
A parent that still fails has a mistake of its own (a % or sisa typed wrong by hand), and is
reported as well. A parent's pagu or realisasi typed by hand from the right figures is not its
items' sum (RAG002) when an item's figure is wrong; when it is once the item's correction is
taken off, that is the item's mistake too, reported at the item (`unmatched`).

On one row, a % and a sisa that both fail are one mistake when one figure explains both: the
realisasi (pagu minus sisa gives the written %) or the pagu (realisasi plus sisa does). The %'s
finding (RAG001) reports it, naming that figure (`row`). A row's own correction:
- % and sisa fail: the realisasi or the pagu that explains both; else two mistakes, and no
  correction known (its parents' failures are reported: nothing is explained by a guess);
- % alone fails: the % is wrong when a sisa typed by hand (no formula) agrees with pagu and
  realisasi; else the realisasi, or the pagu (both tried: `HYPOTHESES`);
- sisa alone fails: the sisa is wrong when a % typed by hand agrees; else as above.
A failure is left out only when the rule that reports its cause runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from renjacheck.checks.arith import Interval, rounds_to
from renjacheck.checks.outline_sums import Sum, add, agrees, as_interval, item_sum
from renjacheck.tables.realisasi import RealisasiAnggaran
from renjacheck.values import Quantity

COLUMNS = ("pagu", "realisasi", "sisa")
HYPOTHESES = ("realisasi", "pagu")  # which figure of a row is wrong, when its checks can't say
ZERO = Interval.exact(0)
Fix = tuple[Interval, Interval, Interval]  # how much pagu, realisasi and sisa are off
NONE: Fix = (ZERO, ZERO, ZERO)
_CLEAN: dict[str, Fix | None] = dict.fromkeys(HYPOTHESES, NONE)  # a row with no mistake


@dataclass(eq=False)
class Failure:
    """A row's % (`ratio`) or sisa (`sisa`) that does not follow from its figures, and what
    reports it or what it explains."""

    check: str
    index: int
    owners: list[Failure] = field(default_factory=list)
    explains: list[tuple[str, Failure]] = field(default_factory=list)
    figure: tuple[str, Decimal] | None = None  # ("realisasi", value) that explains its row
    touches: frozenset[int] = frozenset()  # the columns its mistake puts off (of COLUMNS)


def failures(table: RealisasiAnggaran, checks: frozenset[str]) -> dict[tuple[str, int], Failure]:
    """Every failed % and sisa of the table by (check, row), those another failure explains
    marked with its owners, and the parents' pagu and realisasi sums (`pagu`, `realisasi`)
    that an item's mistake explains; `checks`: those whose rule runs."""
    found: dict[tuple[str, int], Failure] = {}
    fixes: dict[int, dict[str, Fix | None]] = {}
    sources: dict[int, list[Failure]] = {}  # the reported failures a row's fix comes from
    memo: dict[str, dict[int, Sum]] = {name: {} for name in COLUMNS}
    rows = range(len(table))
    # Items before their parents (outline order reversed), the totals last.
    for index in [i for i in reversed(rows) if not table.totals[i]] + \
            [i for i in rows if table.totals[i]]:
        items = table.top if table.totals[index] else table.children.get(index, [])
        carried = [k for k in items if fixes[k] is not _CLEAN and (
            None in fixes[k].values() or any(_nonzero(f) for f in fixes[k].values() if f))]
        figures = _figures(table, index)
        failed = [c for c in ("ratio", "sisa") if _fails_as_written(c, figures)]
        if not carried and not failed:
            fixes[index] = _CLEAN  # nearly every row: nothing to work out
            continue
        flows = [_flows(table, index, name, items, memo) for name in COLUMNS]
        inherited = {h: _inherit([fixes[k][h] for k in carried], flows) for h in HYPOTHESES}
        own = set(failed)
        for check in failed:
            if any(fix is not None and _nonzero(fix) and _fails(check, figures, fix) is False
                   for fix in inherited.values()):
                own.discard(check)
                failure = found[check, index] = Failure(check, index)
                _explain(failure, [f for k in carried for f in sources.get(k, [])
                                   if check == "sisa" or f.touches & {0, 1}], checks)
        for check in own:
            found[check, index] = Failure(check, index)
        for at, name in enumerate(COLUMNS[:2]):
            if not flows[at] and carried:
                _unmatched(table, index, name, items, memo[name], found, checks,
                           [fixes[k] for k in carried],
                           [f for k in carried for f in sources.get(k, []) if at in f.touches])
        # A pagu or realisasi that is its items' sum is not where a mistake is typed.
        typed = tuple(h for h in HYPOTHESES if not flows[COLUMNS.index(h)])
        owns = {h: _own(table, figures, inherited[h], h, typed) for h in HYPOTHESES}
        fixes[index] = {h: None if owns[h] is None else _add(inherited[h], owns[h])
                        for h in HYPOTHESES}
        mine = [found[c, index] for c in ("ratio", "sisa") if c in own]
        touches = frozenset(at for own_fix in owns.values() if own_fix
                            for at in range(3) if _nonzero_part(own_fix[at]))
        for failure in mine:
            failure.touches = touches
        if len(mine) == 2 and "ratio" in checks:
            _pair(mine[0], mine[1], figures, inherited, typed)
        sources[index] = [f for f in mine if not f.owners] + \
            [f for k in carried if any(flows) for f in sources.get(k, [])]
    return found


def _explain(failure: Failure, causes: list[Failure], checks: frozenset[str],
             how: str = "carried") -> None:
    owners = list(dict.fromkeys(o for o in causes if o.check in checks))
    if not owners:
        return  # the cause is not reported: this failure is
    failure.owners = owners
    for owner in owners:
        owner.explains.append((how, failure))


def _unmatched(table: RealisasiAnggaran, index: int, name: str, items: list[int],
               memo: dict[int, Sum], found: dict, checks: frozenset[str],
               fixes: list[dict[str, Fix | None]], causes: list[Failure]) -> None:
    """A parent's pagu or realisasi typed by hand that is not its items' sum (RAG002), but is
    once their corrections are taken off: the items' mistake, reported at them (`unmatched`)."""
    written = table.known(index, name)
    summed = add([item_sum(table, k, name, memo) for k in items])
    if not isinstance(written, Quantity) or written.empty or summed is None or not causes:
        return
    at = COLUMNS.index(name)
    stands = Interval.rounded(written.value, written.decimals)
    for h in HYPOTHESES:
        if any(fix[h] is None for fix in fixes):
            continue
        off = _sum_parts([fix[h][at] for fix in fixes])  # type: ignore[index]
        if _nonzero_part(off) and (as_interval(summed[0]) + off.scale(-1)).meets(stands):
            failure = found[name, index] = Failure(name, index)
            _explain(failure, causes, checks, "unmatched")
            return


def _sum_parts(parts: list[Interval]) -> Interval:
    out = ZERO
    for part in parts:
        out = out + part
    return out


def _pair(ratio: Failure, sisa: Failure, figures: tuple, inherited: dict,
          typed: tuple[str, ...]) -> None:
    """The row's % and sisa fail: one finding when one figure typed explains both."""
    fix = next((f for f in inherited.values() if f is not None), NONE)
    found = _explaining(_corrected(figures, fix), typed)
    if found:
        name, value = found[0]
        ratio.figure = (name, value.estimate(figures[0 if name == "pagu" else 1].decimals))
        sisa.owners = [ratio]
        ratio.explains.append(("row", sisa))


def _explaining(corrected: tuple, typed: tuple[str, ...]) -> list[tuple[str, Interval]]:
    """The figures of `typed` whose value from the other two (realisasi = pagu - sisa, pagu =
    realisasi + sisa) gives the written % too, with that value."""
    pagu, realisasi, pct, sisa = corrected
    values = {"realisasi": pagu + sisa.scale(-1), "pagu": realisasi + sisa}
    return [(n, values[n]) for n in typed
            if _ratio_holds(*((values[n], realisasi) if n == "pagu" else (pagu, values[n])), pct)]


def _own(table: RealisasiAnggaran, figures: tuple, inherited: Fix | None,
         hypothesis: str, typed: tuple[str, ...]) -> Fix | None:
    """The correction of the row's own mistake under `hypothesis`, once what it inherits is
    taken off; None when it is not known. Only a figure `typed` (not its items' sum) can be
    the wrong one: a sum's mistake is in its items."""
    if inherited is None:
        return None
    pagu, realisasi, pct, sisa = corrected = _corrected(figures, inherited)
    ratio, remainder = _fails("ratio", figures, inherited), _fails("sisa", figures, inherited)
    only_sisa = (ZERO, ZERO, sisa + (pagu + realisasi.scale(-1)).scale(-1)) if remainder \
        else NONE
    if hypothesis not in typed:
        hypothesis = typed[0] if typed else ""
    if ratio and remainder:
        fixed = _explaining(corrected, typed)
        if not fixed:
            return None if typed else only_sisa  # two mistakes; a sum's: its % and its sisa
        hypothesis, right = fixed[0]
    elif ratio:
        if (remainder is False and not _formula(table, figures[3])) or not hypothesis:
            return NONE  # a sisa typed by hand agrees with pagu and realisasi: the % is off
        right = _from_pct(pagu, realisasi, pct, hypothesis)
    elif remainder:
        if (ratio is False and not _formula(table, pct)) or not hypothesis:
            return only_sisa  # a % typed by hand agrees with pagu and realisasi: the sisa is off
        right = pagu + sisa.scale(-1) if hypothesis == "realisasi" else realisasi + sisa
    else:
        return NONE
    if right is None:
        return None
    at = 0 if hypothesis == "pagu" else 1
    off = (pagu, realisasi)[at] + right.scale(-1)
    fix = [ZERO, ZERO, ZERO]
    fix[at] = off
    if figures[3] is not None and _formula(table, figures[3]):
        fix[2] = off if at == 0 else off.scale(-1)  # the sisa's formula carries it too
    return tuple(fix)  # type: ignore[return-value]


def _from_pct(pagu: Interval, realisasi: Interval, pct: Quantity, hypothesis: str
              ) -> Interval | None:
    """The realisasi (or pagu) the written % gives with the other figure."""
    stands = Interval.rounded(pct.value, pct.decimals)
    if hypothesis == "realisasi":
        return stands.scale(pagu.lo / 100) if pagu.is_point else None
    got = realisasi.divide(stands)
    return got.scale(100) if got is not None else None


def _fails_as_written(check: str, figures: tuple) -> bool:
    """True when the row's check fails on its figures as written; whole Rupiah decided in
    integers, as the intervals would (and as the rules' kinds do), for speed."""
    pagu, realisasi, pct, sisa = figures
    if pagu is not None and realisasi is not None and _whole(pagu) and _whole(realisasi):
        if check == "ratio" and pct is not None and not pct.is_range and pagu.value > 0:
            return not rounds_to(100 * int(realisasi.value), int(pagu.value), pct.value,
                                 pct.decimals)
        if check == "sisa" and sisa is not None and _whole(sisa):
            return pagu.value - realisasi.value != sisa.value
    return _fails(check, figures, NONE) is True


def _whole(value: Quantity) -> bool:
    return value.decimals == 0 and value.value == value.value.to_integral_value()


def _fails(check: str, figures: tuple, fix: Fix | None) -> bool | None:
    """True when the row's check fails once `fix` is taken off, None when it has none."""
    if fix is None:
        return None
    pagu, realisasi, pct, sisa = _corrected(figures, fix)
    if check == "ratio":
        if pct is None or pagu is None or realisasi is None or pct.is_range or pagu.hi <= 0:
            return None
        return not _ratio_holds(pagu, realisasi, pct)
    if sisa is None or pagu is None or realisasi is None:
        return None
    return not (pagu + realisasi.scale(-1)).meets(sisa)


def _ratio_holds(pagu: Interval, realisasi: Interval, pct: Quantity) -> bool:
    computed = realisasi.divide(pagu)
    return computed is None or computed.scale(100).meets(
        Interval.rounded(pct.value, pct.decimals))


def _corrected(figures: tuple, fix: Fix) -> tuple:
    """Pagu, realisasi and sisa as intervals with `fix` taken off; the % as written."""
    pagu, realisasi, pct, sisa = figures
    out = []
    for value, off, rounded in ((pagu, fix[0], False), (realisasi, fix[1], False),
                                (sisa, fix[2], True)):
        if value is None:
            out.append(None)
            continue
        written = Interval.rounded(value.value, value.decimals) if rounded \
            else Interval.written(value.value, value.decimals)
        out.append(written + off.scale(-1))
    return out[0], out[1], pct, out[2]


def _figures(table: RealisasiAnggaran, index: int) -> tuple:
    """Pagu, realisasi, % and sisa of a row: written Quantities, or None."""
    values = [table.known(index, name) if name in table.labels else None
              for name in ("pagu", "realisasi", "persen", "sisa")]
    return tuple(v if isinstance(v, Quantity) and not v.empty else None for v in values)


def _formula(table: RealisasiAnggaran, value: Quantity | None) -> bool:
    """True when the figure's cell holds a formula."""
    if value is None:
        return False
    loc = value.loc
    grid = next((g for g in [table.cells, *table.grids] if g is not None
                 and g.name == loc.sheet), None)
    return grid is not None and grid.formulas.text(loc.row, loc.col) is not None


def _nonzero(fix: Fix) -> bool:
    return any(_nonzero_part(part) for part in fix)


def _nonzero_part(part: Interval) -> bool:
    return not (part.is_point and part.lo == 0)


def _add(a: Fix, b: Fix) -> Fix:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _inherit(fixes: list[Fix | None], flows: list[bool]) -> Fix | None:
    """The items' corrections, in the columns that carry them up."""
    out = [ZERO, ZERO, ZERO]
    for fix in fixes:
        for at, flow in enumerate(flows):
            if flow:
                if fix is None:
                    return None
                out[at] = out[at] + fix[at]
    return tuple(out)  # type: ignore[return-value]


def _flows(table: RealisasiAnggaran, index: int, name: str, items: list[int],
           memo: dict[str, dict[int, Sum]]) -> bool:
    """True when the row's figure in `name` is its items' sum as written, or it states none."""
    if not items or name not in table.labels:
        return False
    written = table.known(index, name)
    if not isinstance(written, Quantity):
        return False
    if written.empty:
        return True  # a heading row stating no sum passes its items' on
    found = add([item_sum(table, k, name, memo[name]) for k in items])
    return found is not None and agrees(found[0], written)
