"""Capaian ratio: each Capaian row's capaian is realisasi / target x 100 (positive indicators),
(2 - realisasi / target) x 100 (negative ones); against a range target (`80 - 90%`) realisasi
above the range is divided by the upper bound, below it by the lower bound, within it is 100%.

Target and realisasi stand for what they were written as (exact without decimals); the written
capaian for every value that rounds to it (renjacheck.checks.arith).
"""

from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator
from fractions import Fraction

from renjacheck.checks.arith import Interval, rounds_to
from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.values import Quantity

ID = "capaian_ratio"
NEEDS = Needs.tables(all_of=("capaian",))
PLACEHOLDERS = frozenset({"no", "indikator", "target", "realisasi", "polaritas", "computed",
                          "expected", "found"})
# The computed capaian is shown with at least this many decimals, so 122,50% is not hidden
# behind a capaian written as a whole percent.
SHOWN_DECIMALS = 2


class Params(BaseParams):
    """No parameters."""


def ratio(target: Quantity, realisasi: Quantity, polaritas: str) -> Interval | None:
    """The capaian a target and realisasi give, in percent; None when undefined."""
    actual = Interval.written(realisasi.value, realisasi.decimals)
    bound = Interval.written(target.value, target.decimals)
    if target.is_range:
        upper = Interval.written(target.upper, target.upper_decimals or 0)
        if realisasi.value > target.upper:
            bound = upper
        elif realisasi.value >= target.value:
            return Interval.exact(100)  # within the range: the target is met exactly
    share = actual.divide(bound)
    if share is None:
        return None
    if polaritas == "negatif":
        return share.affine(Fraction(-100), Fraction(200))
    return share.scale(100)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written capaian its target and realisasi do not give."""
    for row in ctx.plan.get(CAPAIAN).rows:
        target, realisasi, written = row.target, row.realisasi, row.capaian
        if None in (target, realisasi, written) or target.value <= 0 or realisasi.is_range:
            continue  # a missing or zero target is the table schema's and CAP010's finding
        if _exactly_written(target, realisasi, written, row.polaritas):
            continue
        computed = ratio(target, realisasi, row.polaritas)
        if computed is None or computed.meets(Interval.rounded(written.value, written.decimals)):
            continue
        expected = _percent(written, computed.estimate(written.decimals), written.decimals)
        shown = max(written.decimals, SHOWN_DECIMALS)
        indikator, no = row.indikator, item_number(row.no)
        yield Hit(locations=(written.loc,), table="capaian", expected=expected, actual=written,
                  key=(indikator.value if indikator else no,),
                  args={"no": no, "indikator": indikator.value if indikator else "-",
                        "target": _figure(target), "realisasi": _figure(realisasi),
                        "polaritas": row.polaritas,
                        "computed": _percent(written, computed.estimate(shown), shown),
                        "expected": expected, "found": written})


def _exactly_written(target: Quantity, realisasi: Quantity, written: Quantity,
                     polaritas: str) -> bool:
    """True when a target and realisasi of whole figures give the written capaian: the ratio
    is exact, and integers decide as `ratio` and its intervals would (checks.arith)."""
    if target.is_range or target.decimals > 0 or realisasi.decimals > 0:
        return False
    if target.value != target.value.to_integral_value() \
            or realisasi.value != realisasi.value.to_integral_value():
        return False
    done, goal = int(realisasi.value), int(target.value)
    share = 200 * goal - 100 * done if polaritas == "negatif" else 100 * done
    return rounds_to(share, goal, written.value, written.decimals) is True


def _percent(like: Quantity, value, decimals: int) -> Quantity:
    """A capaian figure shown as the written one is (with its percent sign, if any)."""
    return replace(like, value=value, decimals=decimals, unit=None)


def _figure(value: Quantity) -> Quantity | str:
    # The i18n layer shows one figure; a range target is quoted as written.
    return value.text if value.is_range else value
