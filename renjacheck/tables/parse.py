"""Turns the raw cells of a table into typed values: Text, Quantity, or Invalid when unreadable.

A numeric cell is taken as Excel shows it: a percent format shows 1.2857 as `128.57%`, so the
value is 128.57 with two decimals; `#,##0` shows no decimals. A text cell is read the Indonesian
way by `renjacheck.numbers`.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, getcontext
from functools import lru_cache

from renjacheck.numbers import NumberError, compound, parse_number
from renjacheck.rounding import decimals_of, format_number, quantize
from renjacheck.resources import data_file, load_yaml
from renjacheck.tables.declare import FieldType
from renjacheck.units import normalize_unit
from renjacheck.values import Invalid, Quantity, Text
from renjacheck.workbook.formats import format_precision
from renjacheck.workbook.grid import RawCell

_ENUM = re.compile(r"^\(?(\d{1,4})[.)]?$|^\(?([a-zA-Z])[.)]$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DASHES = re.compile(r"[-\u2010-\u2015\u2212]{1,3}")
UNCALCULATED = "uncalculated"
# A performance figure written as words saying it was not measured (`n/a`, `-`, `tidak
# diukur`: rules/data/tidak-diukur.yaml), and several figures each with its unit in one cell
# (`1 Prov & 7 Kab/Kota`): read, but no figure to compute with (TBL005, TBL006).
NOT_MEASURED = "not_measured"
COMPOUND = "compound"
# A sum of periods with a period that cannot be read (tables/sums.py): that cell is reported.
PART = "part"
# The reasons a rule of their own reports: no number that cannot be read (TBL001).
REPORTED_APART = frozenset({UNCALCULATED, NOT_MEASURED, COMPOUND, PART})
# Excel keeps 15 significant digits; more are binary noise of the float.
_SIGNIFICANT = 15


def parse_cell(cell: RawCell, ftype: FieldType) -> Text | Quantity | Invalid | None:
    """The typed value of `cell` read as a column of type `ftype`."""
    if cell.uncalculated:
        # Never a silent zero or blank: READ003 says the value was never calculated.
        return Invalid(text="", loc=cell.loc, reason=UNCALCULATED)
    if ftype in (FieldType.AMOUNT, FieldType.QUANTITY):
        return parse_figure(cell, amount=ftype is FieldType.AMOUNT)
    if ftype is FieldType.YEAR:
        return parse_year(cell)
    if cell.empty:
        return None
    return Text(value=_as_text(cell), loc=cell.loc)


def parse_figure(cell: RawCell, amount: bool) -> Quantity | Invalid | None:
    """A number cell; an empty or `-` amount is zero, an empty quantity is None."""
    value = cell.value
    if type(value) is int or type(value) is float:  # most cells of a budget: first
        return _numeric(value, cell)
    if cell.empty:
        if not amount:
            return None
        return Quantity(value=Decimal(0), decimals=0, loc=cell.loc, text="", empty=True)
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return Invalid(text=str(value), loc=cell.loc, reason=type(value).__name__)
    if isinstance(value, (int, float)):
        return _numeric(value, cell)
    text = str(value).strip()
    try:
        parsed = parse_number(text)
    except NumberError as exc:
        if not amount and unmeasured(text):
            return Invalid(text=text, loc=cell.loc, reason=NOT_MEASURED)
        if not amount and compound(text) is not None:
            return Invalid(text=text, loc=cell.loc, reason=COMPOUND)
        return Invalid(text=text, loc=cell.loc, reason=exc.reason)
    if parsed.dash and not amount and unmeasured(text):
        return Invalid(text=text, loc=cell.loc, reason=NOT_MEASURED)  # `-` is zero in Rupiah only
    return Quantity(value=parsed.value, decimals=parsed.decimals, loc=cell.loc, text=text,
                    percent=parsed.percent, unit=normalize_unit(parsed.unit),
                    upper=parsed.upper, upper_decimals=parsed.upper_decimals,
                    words=parsed.words, words_value=parsed.words_value)


def unmeasured(text: str) -> bool:
    """True when a figure cell's `text` says the indicator was not measured (`n/a`, `-`,
    `Tidak diukur`; rules/data/tidak-diukur.yaml)."""
    return _words_key(text) in _unmeasured_words()


def _words_key(text: str) -> str:
    """Text as not-measured words compare: case, spaces and punctuation ignored; dashes alone
    (`-`, `--`, an en dash) as a dash."""
    key = " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())
    return key or ("-" if _DASHES.fullmatch(text.strip()) else "")


@lru_cache(maxsize=1)
def _unmeasured_words() -> frozenset[str]:
    # Read when a cell first fails to read as a number: most plans never need it.
    path = data_file("tidak-diukur.yaml")
    data = load_yaml(path.read_text(encoding="utf-8"), strings=True) or {}
    words = data.get("tidak_diukur") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{path}: 'tidak_diukur' is a list of phrases")
    return frozenset(_words_key(w) for w in words)


def _numeric(value: int | float, cell: RawCell) -> Quantity | Invalid:
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return Invalid(text=str(value), loc=cell.loc, reason="not_finite")
    number, decimals, text, percent = shown(value, cell.number_format)
    return Quantity(value=number, decimals=decimals, loc=cell.loc, text=text, percent=percent)


def shown(value: int | float, number_format: str) -> tuple[Decimal, int, str, bool]:
    """(value, decimals, text, percent) of a finite numeric cell as Excel shows it in its format.

    A budget repeats its figures (zeros, round amounts): each is read once per format."""
    ident = (type(value), value, number_format)
    found = _SHOWN.get(ident)
    if found is None:
        found = _shown(value, number_format)
        if len(_SHOWN) >= _SHOWN_MAX:
            _SHOWN.clear()
        _SHOWN[ident] = found
    return found


_SHOWN: dict[tuple, tuple[Decimal, int, str, bool]] = {}
# Kept small: it pays for repeated figures, and each entry costs 300 bytes (a national
# budget's totals are mostly distinct).
_SHOWN_MAX = 4096


def _shown(value: int | float, number_format: str) -> tuple[Decimal, int, str, bool]:
    """(value, decimals, text, percent) of a numeric cell as Excel shows it in its format."""
    if isinstance(value, int):
        number = Decimal(value)
    else:
        number = Decimal(format(value, f".{_SIGNIFICANT}g"))
    decimals, percent = format_precision(number_format)
    if percent:
        number = number * 100
    if decimals is None:
        number = number.normalize() if number == number.to_integral_value() else number
        decimals = decimals_of(number)
    else:
        number = _rounded(number, decimals)
    return number, decimals, written(number, decimals, percent), percent


# 1, 0.1, 0.01, ...: what a number is rounded to for so many decimals.
_QUANTA = tuple(Decimal(1).scaleb(-d) for d in range(16))


def _rounded(number: Decimal, decimals: int) -> Decimal:
    """`quantize(number, decimals)`, without its local context where the default one is precise
    enough (a figure of a spreadsheet always is)."""
    if decimals < len(_QUANTA) and abs(number.adjusted()) + decimals + 3 <= getcontext().prec:
        return number.quantize(_QUANTA[decimals], rounding=ROUND_HALF_UP)
    return quantize(number, decimals)


def written(number: Decimal, decimals: int, percent: bool = False) -> str:
    """`format_number(number, decimals, percent=percent)` for a finite number already rounded to
    `decimals` >= 0: the same Indonesian text ("9.269.840.000", "128,57%"), without babel's
    cost per call, which a national budget pays two million times."""
    if decimals < 0 or number.as_tuple().exponent < -decimals:
        return format_number(number, decimals, percent=percent)  # to be rounded: babel's way
    if number.is_zero():
        number = number.copy_abs()  # no "-0,00"
    text = format(number.copy_abs(), f",.{decimals}f").translate(_ID_SEPARATORS)
    text = text + "%" if percent else text
    return "-" + text if number < 0 else text


_ID_SEPARATORS = str.maketrans(",.", ".,")


def parse_year(cell: RawCell) -> Quantity | Invalid | None:
    """A plan year such as 2024, written as a number or as text."""
    if cell.empty:
        return None
    value = cell.value
    integral = isinstance(value, float) and value.is_integer()
    text = str(int(value)) if integral else str(value).strip()
    if isinstance(value, bool) or not _YEAR.match(text):
        return Invalid(text=text, loc=cell.loc, reason="not_a_year")
    return Quantity(value=Decimal(text), decimals=0, loc=cell.loc, text=text)


def enum_number(text: Text | None) -> int | None:
    """The number of a row-number cell (`7`, `7.`, `(7)`), or None for `a.` and other marks."""
    if text is None:
        return None
    match = _ENUM.match(text.value.strip())
    return int(match.group(1)) if match and match.group(1) else None


def _as_text(cell: RawCell) -> str:
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        # A code kept as a number may have lost leading zeros: restore them from a `000` format.
        width = cell.number_format.count("0") if set(cell.number_format) <= {"0"} else 0
        return str(value).zfill(width)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()
