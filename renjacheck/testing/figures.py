"""Figures as planners write them: Indonesian text (`150.000.000`, `77,14%`, `Rp. 1.000,-`) or
the numeric cell and number format Excel shows the same way."""

from __future__ import annotations

from decimal import Decimal

from renjacheck.numbers import parse_number
from renjacheck.rounding import format_number


def numeric(text: str | None) -> tuple[object, str | None] | None:
    """A figure written as text ("150.000.000", "77,14%", "98,78", "-") as the numeric cell and
    number format Excel would show the same way; None when it has a unit, words or a range and
    must stay text."""
    if text is None:
        return None
    parsed = parse_number(text)
    if parsed.unit or parsed.words or parsed.upper is not None:
        return None
    value, places = parsed.value, parsed.decimals
    decimals = "." + "0" * places if places else ""
    if parsed.percent:
        # A percent cell holds the fraction: 77,14% is 0.7714 shown with "0.00%".
        return float(value / 100), f"0{decimals}%"
    if places == 0:
        return int(value), "#,##0"
    return float(value), f"#,##0{decimals}"


def indonesian(amount: int, style: int) -> tuple[object, str | None]:
    """A Rupiah amount in one of the ways planners write it, and its number format; `style`
    picks the way."""
    style %= 6
    if style < 2:
        return amount, "#,##0" if style == 0 else None
    if amount == 0 and style == 5:
        return "-", None
    text = format_number(Decimal(amount), 0)
    return [text, f"Rp{text}", f"Rp. {text},-", f"{text},-"][style - 2], None
