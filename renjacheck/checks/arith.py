"""Consistency within the precision a figure was written with (XBRL Calculations 1.1 style).

A result written with d decimals stands for every value that rounds (half up) to it: `128,57`
is [128,565; 128,575). An input written with decimals stands for the same interval; an input
written without decimals (a count, a target, an amount in Rupiah) is taken as exact. A sum or
a ratio is consistent when the interval computed from its inputs meets the interval of the
written result. Endpoints are exact fractions, so 2/3 is compared without rounding at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from renjacheck.rounding import quantize


@dataclass(frozen=True)
class Interval:
    """The values a figure may stand for; either end may be open."""

    lo: Fraction
    hi: Fraction
    lo_open: bool = False
    hi_open: bool = False

    @classmethod
    def exact(cls, value: Decimal | int | Fraction) -> Interval:
        """A single value."""
        point = Fraction(value)
        return cls(point, point)

    @classmethod
    def rounded(cls, value: Decimal, decimals: int) -> Interval:
        """Every value that rounds half up (away from zero) to `value` at `decimals` places."""
        half = Fraction(1, 2) / Fraction(10) ** decimals
        point = Fraction(value)
        if point > 0:
            return cls(point - half, point + half, hi_open=True)
        if point < 0:
            return cls(point - half, point + half, lo_open=True)
        return cls(-half, half, lo_open=True, hi_open=True)

    @classmethod
    def written(cls, value: Decimal, decimals: int) -> Interval:
        """An input as written: exact without decimals, else the interval of its last place."""
        return cls.exact(value) if decimals <= 0 else cls.rounded(value, decimals)

    @property
    def is_point(self) -> bool:
        """True for a single value."""
        return self.lo == self.hi

    def meets(self, other: Interval) -> bool:
        """True when the two intervals share at least one value."""
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        # At a shared end, an open side excludes that value from the overlap.
        lo_open = (self.lo == lo and self.lo_open) or (other.lo == lo and other.lo_open)
        hi_open = (self.hi == hi and self.hi_open) or (other.hi == hi and other.hi_open)
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi,
                        self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def scale(self, factor: Fraction | int) -> Interval:
        """Every value times `factor`."""
        return self.affine(Fraction(factor), Fraction(0))

    def affine(self, factor: Fraction, offset: Fraction) -> Interval:
        """factor * x + offset for every x; a negative factor turns the interval round."""
        lo, hi = self.lo * factor + offset, self.hi * factor + offset
        if factor >= 0:
            return Interval(lo, hi, self.lo_open, self.hi_open)
        return Interval(hi, lo, self.hi_open, self.lo_open)

    def divide(self, other: Interval) -> Interval | None:
        """Every x / y; None when `other` reaches zero or below (the ratio is undefined)."""
        if other.lo <= 0:
            return None
        ends = [(a / b, a_open or b_open) for a, a_open in ((self.lo, self.lo_open),
                                                           (self.hi, self.hi_open))
                for b, b_open in ((other.lo, other.lo_open), (other.hi, other.hi_open))]
        low = min(value for value, _ in ends)
        high = max(value for value, _ in ends)
        # An end is open only if every way of reaching it is open.
        return Interval(low, high, all(o for v, o in ends if v == low),
                        all(o for v, o in ends if v == high))

    def estimate(self, decimals: int) -> Decimal:
        """The middle of the interval rounded half up to `decimals`: the figure to expect."""
        middle = (self.lo + self.hi) / 2
        return quantize(Decimal(middle.numerator) / Decimal(middle.denominator), decimals)

    def bounds(self, decimals: int) -> tuple[Decimal, Decimal]:
        """Both ends rounded half up to `decimals`, for messages."""
        return tuple(quantize(Decimal(end.numerator) / Decimal(end.denominator), decimals)
                     for end in (self.lo, self.hi))


def total(intervals: list[Interval]) -> Interval:
    """The interval of a sum."""
    result = Interval.exact(0)
    for interval in intervals:
        result = result + interval
    return result


def rounds_to(numerator: int, denominator: int, written: Decimal, decimals: int) -> bool:
    """`Interval.exact(Fraction(numerator, denominator)).meets(Interval.rounded(written,
    decimals))` for an exact ratio (denominator > 0), in integers: a capaian of exact figures,
    checked row by row, needs no fractions. None when `written` has more places than
    `decimals` (the intervals then decide)."""
    scaled = written.scaleb(decimals)
    if scaled != scaled.to_integral_value():
        return None  # type: ignore[return-value]
    whole, scale = int(scaled), 2 * 10 ** decimals
    value = scale * numerator  # the ratio times 2 * 10**decimals, times the denominator
    low, high = (2 * whole - 1) * denominator, (2 * whole + 1) * denominator
    if whole > 0:
        return low <= value < high
    if whole < 0:
        return low < value <= high
    return low < value < high
