"""Values between the cells and pycel (calc.py): what a formula reads, what it gives as the
reader would have read it had Excel cached it, and whether a cached value is what it gives.

Figures: pycel adds whole numbers (Rupiah) as Python integers, exactly; a fraction is a float,
kept to 15 significant digits as Excel shows it (`0.1+0.2` is 0.3), so that the value read is
the one Excel displays and tables/parse.py turns it into the same Decimal as a cached value.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from renjacheck.workbook.cellvalues import date as as_date

DATES = (datetime, date, time, timedelta)


def serial(value, mac: bool) -> float:
    """A date cell as a formula reads it: the serial number the file holds."""
    # Lazy: rare, and openpyxl is heavy to load.
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, to_excel

    return to_excel(value, CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900)


def plain(value) -> object:
    """pycel's result as a plain value: a range's first cell, numpy's numbers as Python's."""
    while isinstance(value, tuple):
        value = value[0] if value else None
    item = getattr(value, "item", None)
    return item() if item is not None and not isinstance(value, (int, float, str)) else value


def stored(value, fmt: tuple[str, bool, bool], mac: bool) -> object:
    """A calculated value as the reader reads it when Excel has cached it, in a cell of format
    `fmt` (format, date?, duration?): a number to 15 significant digits (whole: an int), a date
    where the format shows one, an empty text as nothing, an infinity as `#NUM!`."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return "#NUM!"
        value = float(format(value, ".15g"))
        if value.is_integer() and abs(value) < 2 ** 53:
            value = int(value)
    return as_date(value, mac, fmt[2]) if fmt[1] else value


def same(shown: object, calculated: object) -> bool:
    """True when a cached value is what the formula gives: numbers to 12 significant digits
    (programs round the last of the 15 digits differently: LibreOffice caches 0.968474576271187
    where Python's float gives 0.968474576271186; a value left stale is off by far more)."""
    if isinstance(shown, DATES):
        return True  # a date is compared as its format shows it: not worth the doubt here
    if isinstance(shown, (int, float)) and isinstance(calculated, (int, float)) \
            and not isinstance(shown, bool) and not isinstance(calculated, bool):
        return Decimal(format(shown, ".12g")) == Decimal(format(calculated, ".12g"))
    return shown == calculated
