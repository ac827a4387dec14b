"""Figures as Indonesian plans write them, for the corpus builder (otherhands.py): reading a
target or realisasi, writing amounts and percentages, and counts in words.

Deliberately independent of renjacheck: the corpus is the tool's acceptance test, so its sums
and ratios are computed here from the sources, never by the code under test.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# A figure at the start of a cell: "85,25%", "3,1 Indeks", "1.250 Orang", "80 - 90%".
_FIGURE = re.compile(r"^\s*(?:Rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(%?)")
_RANGE = re.compile(r"^\s*([\d.,]+)\s*%?\s*-\s*([\d.,]+)\s*%?")
NOT_MEASURED = {"n/a", "-", "tidak diukur", "na", "belum diukur"}
_ONES = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
         "sepuluh", "sebelas"]


class FigureError(ValueError):
    """A value the builder cannot read as a figure."""


def value_of(cell) -> object:
    """What a source cell holds: a plain value, or {v: value, fmt: number format}."""
    return cell["v"] if isinstance(cell, dict) and "v" in cell else cell


def figure(cell) -> Decimal | None:
    """The figure a target or realisasi cell stands for; a percent-formatted number is shown
    x100 (0.8525 as 85,25%); None for a not-measured cell ("n/a", "-", "tidak diukur")."""
    raw = value_of(cell)
    if isinstance(raw, bool) or raw is None:
        raise FigureError(f"no figure in {cell!r}")
    if isinstance(raw, (int, float)):
        value = Decimal(str(raw))
        percent = isinstance(cell, dict) and "%" in cell.get("fmt", "")
        return value * 100 if percent else value
    text = str(raw).strip()
    if text.casefold() in NOT_MEASURED:
        return None
    match = _FIGURE.match(text)
    if not match:
        raise FigureError(f"no figure in {text!r}")
    return Decimal(match[1].replace(".", "") + ("." + match[2] if match[2] else ""))


def bounds(cell) -> tuple[Decimal, Decimal] | None:
    """(low, high) of a range target ("80 - 90%"), else None."""
    raw = value_of(cell)
    match = _RANGE.match(raw) if isinstance(raw, str) else None
    if not match:
        return None
    return tuple(Decimal(g.replace(".", "").replace(",", ".")) for g in match.groups())


def capaian(target, realisasi, negatif: bool = False) -> Decimal | None:
    """realisasi / target x 100, (2 - realisasi / target) x 100 where lower is better; against a
    range, realisasi within it is 100 and outside it is divided by the nearer bound."""
    done = figure(realisasi)
    if done is None:
        return None
    ends = bounds(target)
    if ends is not None:
        low, high = ends
        if low <= done <= high:
            return Decimal(100)
        goal = high if done > high else low
    else:
        goal = figure(target)
    share = done / goal
    return (2 - share) * 100 if negatif else share * 100


def rounded(value: Decimal, decimals: int) -> Decimal:
    """Rounded half up to `decimals`."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def indonesian(value: Decimal | int, decimals: int = 0) -> str:
    """1234567.5 -> "1.234.567,50" (with decimals=2)."""
    value = rounded(Decimal(value), decimals)
    whole, _, frac = f"{abs(value):.{decimals}f}".partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    return ("-" if value < 0 else "") + groups + ("," + frac if frac else "")


def words(n: int) -> str:
    """A count in Indonesian words: 4 -> "empat", 19 -> "sembilan belas", 125 -> "seratus dua
    puluh lima"."""
    if n < 12:
        return _ONES[n]
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        return f"{_ONES[n // 10]} puluh" + (f" {_ONES[n % 10]}" if n % 10 else "")
    if n < 1000:
        head = "seratus" if n < 200 else f"{_ONES[n // 100]} ratus"
        return head + (f" {words(n % 100)}" if n % 100 else "")
    raise FigureError(f"no words for {n}")


def counted(n: int) -> str:
    """4 -> "4 (empat)", as plans write counts."""
    return f"{n} ({words(n)})"
