"""How a table kind is declared: its columns, their types and header labels, how its rows are
told apart, its template sheet and its titles.

A declaration is data. The reader finds and reads a table by it, the schema checks and the
rule files name its columns by it, the template writes its sheet from it; the class it names
(`table`) holds the rows read and the structure between them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, Literal, TypeVar

T = TypeVar("T")  # the kind's Table class (tables/table.py, which builds on this module)


class FieldType(Enum):
    """How a column's cells are read."""

    TEXT = "text"
    CODE = "code"
    ENUM = "enum"          # a row number: 1, "1.", "a."
    AMOUNT = "amount"      # money: blank and "-" read as zero
    QUANTITY = "quantity"  # a figure that may carry a unit, a percent or a range
    YEAR = "year"


# The types whose cells are figures: what `number` and `non_negative` checks and expressions'
# arithmetic apply to.
FIGURES = frozenset({FieldType.AMOUNT, FieldType.QUANTITY, FieldType.YEAR})

# How the template prepares a column's cells: kept as text (a code keeps its leading zero), a
# number format, a formula, or a drop-down list.
Style = Literal["text", "code", "amount", "number", "percent", "year", "bidang", "polaritas",
                "satuan"]


@dataclass(frozen=True)
class Column:
    """One column of a table kind: its name in rules, how its cells are read, header labels it
    goes by besides its heading and those of rules/data/judul-kolom.yaml (normalised: lower
    case, no spaces or punctuation; tables/vocabulary.py), and its template heading."""

    name: str
    type: FieldType
    aliases: tuple[str, ...] = ()
    # The header must name it for the table to be recognised as this kind.
    required: bool = False
    # Text that may wrap onto a continuation row.
    wraps: bool = False
    heading: str = ""
    width: int = 12
    style: Style = "text"


@dataclass(frozen=True)
class Template:
    """The kind's sheet in the blank template: its name, its columns in order, the year its
    title names, counted from the plan year (the Capaian's is the year before: -1), and the
    columns that are formulas of the others on the row: Excel text in which `{name}` stands for
    column `name`'s cell (`=IF({pagu}="","",{pagu}-{realisasi})`)."""

    sheet: str
    columns: tuple[str, ...]
    year: int = 0
    formulas: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TableKind(Generic[T]):
    """A kind of table: what the reader looks for and what it reads into.

    `anchors` are the columns whose value makes a row a data row (a row number, a code, a
    figure); `anchor_shapes` the shape an anchor's text must have to do so, for a text column
    (a label column whose `Program ...` heading rows are rows of the table); `group_rows` lets
    heading rows (a bidang, program, kegiatan or sasaran on a row of its own, tables/headings.py)
    open a group for the rows below; `heading_column` is the column a heading names when its
    words say no level (a Capaian's sasaran), and lets a row with figures and a heading's name
    be a parent of the rows below (a sasaran with its capaian over its indicators); `resume` names
    the columns whose value carries a table on past a blank row (a year, for the Narasi, whose
    every text would otherwise anchor a signature block).
    A kind with `satker` (two column names) has an amount column per satker between those two
    columns: whatever the header holds there. A kind of `layout` "pairs" is read as `key |
    value` cells anywhere, not under a header.
    """

    name: str
    label: str
    titles: dict[str, str]
    columns: tuple[Column, ...]
    table: type[T]
    anchors: tuple[str, ...] = ()
    anchor_shapes: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    group_rows: bool = True
    heading_column: str | None = None
    resume: tuple[str, ...] = ()
    satker: tuple[str, str] | tuple[()] = ()
    layout: Literal["header", "pairs"] = "header"
    template: Template | None = None
    _by_name: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name.update((c.name, c) for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called `name`."""
        return self._by_name[name]

    def has(self, name: str) -> bool:
        """True when the kind has a column called `name`."""
        return name in self._by_name

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in declaration order."""
        return tuple(c.name for c in self.columns)
