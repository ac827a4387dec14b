"""Values read from a workbook: each knows its cell and the precision it was written with.

They are frozen dataclasses with slots, not pydantic models: a check may read two million of
them, which nothing needs to validate (each is made by parsing its cell by its column's type),
and a pydantic model costs about twice the time to make and seven times the memory. A table
makes them when asked for (renjacheck.tables.table).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA (kept here so the model does not import openpyxl)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_VALUE = dict(frozen=True, slots=True, kw_only=True)


@dataclass(**_VALUE)
class Location:
    """A cell, or the range of a merged cell, on one sheet."""

    sheet: str
    row: int
    col: int
    end_row: int | None = None
    end_col: int | None = None

    @property
    def cell(self) -> str:
        """`F7`, or `C14:C16` for a merged cell."""
        start = f"{column_letter(self.col)}{self.row}"
        if self.end_row is None or (self.end_row, self.end_col) == (self.row, self.col):
            return start
        return f"{start}:{column_letter(self.end_col or self.col)}{self.end_row}"

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass(**_VALUE)
class Text:
    """A text cell; `more` holds the continuation cells whose text was appended to it."""

    value: str
    loc: Location
    more: tuple[Location, ...] = ()

    def __str__(self) -> str:
        return self.value


@dataclass(**_VALUE)
class Quantity:
    """A number as written: exact value, stated decimals, and what came with it (%, unit, words)."""

    value: Decimal
    decimals: int
    loc: Location
    text: str
    percent: bool = False
    unit: str | None = None
    upper: Decimal | None = None
    upper_decimals: int | None = None
    words: str | None = None
    words_value: int | None = None
    # An empty amount cell is read as zero; rules may note it.
    empty: bool = False

    @property
    def is_range(self) -> bool:
        """True for a range target such as `80 - 90%`."""
        return self.upper is not None


@dataclass(**_VALUE)
class Invalid:
    """A cell that should hold a number but holds something else; schema checks report it."""

    text: str
    loc: Location
    reason: str


Value = Text | Quantity | Invalid | None


def known(value: Value) -> Text | Quantity | None:
    """The value if it was read, None if it was empty or unreadable."""
    return None if isinstance(value, Invalid) else value
