"""Exact rounding (Decimal, ROUND_HALF_UP) and numbers formatted as planners write them:
id "9.269.840.000" / "128,57", en "9,269,840,000" / "128.57"."""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Decimal, localcontext


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half-up to `decimals` places; negative `decimals` rounds to tens, hundreds, ..."""
    if not value.is_finite():
        raise ValueError(f"cannot round {value!r}")
    with localcontext() as ctx:  # enough precision that quantize never overflows the context
        ctx.prec = max(ctx.prec, abs(value.adjusted()) + abs(decimals) + 3)
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN  # nor the exponent range
        rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        # Rounding to thousands still yields a plain integer (1235000, not 1.235E+6).
        return rounded.quantize(Decimal(1)) if decimals < 0 else rounded


def decimals_of(value: Decimal) -> int:
    """Digits after the point in a Decimal's exponent (Decimal("1.50") -> 2), never negative."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"{value!r} is not a finite number")
    return max(0, -exponent)


def format_number(value: Decimal, decimals: int, lang: str = "id", *, percent: bool = False,
                  currency: bool = False) -> str:
    """Format like planners write: id "9.269.840.000" / "128,57", en "9,269,840,000" / "128.57"."""
    from babel.numbers import format_decimal  # lazy: babel is slow to import

    rounded = quantize(value, decimals)  # round here, half-up, so babel never rounds half-even
    if rounded.is_zero():
        rounded = rounded.copy_abs()  # no "-0,00"
    places = max(decimals, 0)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext() as ctx:
        # babel quantizes in the current context: its default 28 digits cannot hold a larger
        # figure (decimal.InvalidOperation), so give it every digit the figure has.
        ctx.prec = max(ctx.prec, rounded.adjusted() + places + 3)
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        text = format_decimal(rounded.copy_abs(), format=pattern, locale=lang,
                              decimal_quantization=False)
    text = ("Rp" if currency else "") + text + ("%" if percent else "")
    return "-" + text if rounded < 0 else text
