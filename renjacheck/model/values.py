"""Values read from a workbook: each knows its cell and the precision it was written with."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


def column_letter(col: int) -> str:
    """1 -> A, 27 -> AA (kept here so the model does not import openpyxl)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Location(BaseModel):
    """A cell, or the range of a merged cell, on one sheet."""

    model_config = ConfigDict(frozen=True)

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


class Text(BaseModel):
    """A text cell; `more` holds the continuation cells whose text was appended to it."""

    model_config = ConfigDict(frozen=True)

    value: str
    loc: Location
    more: tuple[Location, ...] = ()

    def __str__(self) -> str:
        return self.value


class Quantity(BaseModel):
    """A number as written: exact value, stated decimals, and what came with it (%, unit, words)."""

    model_config = ConfigDict(frozen=True)

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


class Invalid(BaseModel):
    """A cell that should hold a number but holds something else; schema checks report it."""

    model_config = ConfigDict(frozen=True)

    text: str
    loc: Location
    reason: str


Cell = Text | Quantity | Invalid | None
