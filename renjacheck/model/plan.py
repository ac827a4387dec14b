"""The plan a workbook describes, as rules see it: its tables, each with its structure, and what
the reader noticed about the workbook's layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from renjacheck.tables.declare import TableKind
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.parts import TableInfo
from renjacheck.tables.table import Table
from renjacheck.values import Location

T = TypeVar("T", bound=Table)


@dataclass(frozen=True)
class Note:
    """Something the reader noticed about the layout, for the rules to report."""

    code: str
    locations: tuple[Location, ...]
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """Everything read from one workbook: its tables by kind, in workbook order."""

    path: str
    sheets: list[str] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

    def get(self, kind: TableKind[T]) -> T | None:
        """The table of `kind`, None when the workbook holds none."""
        return self.tables.get(kind.name)  # type: ignore[return-value]

    def present(self, name: str) -> bool:
        """True when the workbook holds a table of the kind called `name` with a row read: the
        rules that need a table never vouch for one that read nothing (a header alone)."""
        table = self.tables.get(name)
        return table is not None and len(table) > 0

    @property
    def infos(self) -> list[TableInfo]:
        """Where each table was read, in workbook order."""
        return [table.info for table in self.tables.values()]

    @property
    def year(self) -> int | None:
        """The plan year, from the Identitas."""
        identitas = self.get(IDENTITAS)
        tahun = identitas.tahun if identitas is not None else None
        return int(tahun.value) if tahun is not None else None
