"""Table schema: every cell of the named columns passes one check (see renjacheck.checks.schemas).

`number`: the cell reads as a number; `non_negative`: an amount is not below zero; `unique`: no
code repeats an earlier one; `required`: the cell is filled. Columns are named per table, as
the table's kind declares them; `satker` stands for every satker column of the Pendanaan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from renjacheck.i18n import Problem
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams, RowTableName
from renjacheck.tables import registry
from renjacheck.tables.declare import FIGURES, FieldType

ID = "table_schema"
NEEDS = Needs()  # the tables its columns name (Params.needs)
PLACEHOLDERS = frozenset({"table", "column", "cell", "found"})
# What each check expects of a cell, as machines read it in a report's `expected`.
EXPECTED = {"number": "number", "non_negative": ">= 0", "unique": "unique", "required": "filled"}


class Params(BaseParams):
    """Which check, on which columns of which tables."""

    check: Literal["number", "non_negative", "unique", "required"]
    columns: dict[RowTableName, list[str]]

    @model_validator(mode="after")
    def _known_columns(self) -> "Params":
        for table, names in self.columns.items():
            kind = registry.kind(table)
            for name in names:
                if name == "satker" and kind.satker:
                    ftype = FieldType.AMOUNT
                elif kind.has(name):
                    ftype = kind.column(name).type
                else:
                    known = ", ".join(kind.names)
                    raise Problem("rf.no_column", table=table, name=name, known=known)
                if self.check in ("number", "non_negative") and ftype not in FIGURES:
                    raise Problem("rf.text_column", table=table, name=name, check=self.check)
        return self

    def needs(self) -> Needs:
        """Any of the tables it names: it checks those the workbook holds."""
        return Needs.tables(any_of=self.columns)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every cell that fails the rule's check."""
    params: Params = rule.params
    seen = set()
    for name in params.columns:
        table = ctx.plan.tables.get(name)
        if table is None:
            continue
        label = registry.kind(name).label
        for index, column in _failing(ctx, table, rule):
            loc = table.loc(index, column)
            if loc in seen:
                continue  # records sharing a merged cell fail at the same place: report it once
            seen.add(loc)
            value = table.value(index, column)
            found = getattr(value, "text", None) or getattr(value, "value", None)
            heading = table.labels[column]
            yield Hit(locations=(loc,), table=name,
                      args={"table": label, "column": heading, "cell": loc.cell,
                            "found": found},
                      expected=EXPECTED[params.check], actual=found,
                      key=(heading if column.startswith("satker:") else column,
                           table.key(index)))


def _failing(ctx, table, rule) -> list[tuple[int, str]]:
    """The failing (record, column) of `rule` on `table`. Every schema rule of a table is
    validated in one pass over it, shared (ctx.shared.schema); each takes its own cells."""
    wanted = {}
    for other in ctx.rules:
        if other.kind == ID and table.kind.name in other.params.columns:
            names = other.params.columns[table.kind.name]
            # A figure read through periods: each period cell is a figure too.
            figures = other.params.check in ("number", "non_negative")
            wanted[other.id] = (other.params.check, tuple(
                c for name in names for c in table.columns(name, parts=figures)))
    found = ctx.shared.schema(table.kind.name, tuple(sorted(set(wanted.values()))))
    check, columns = wanted[rule.id]
    # Two rules may share a check on different columns: each gets the cells of its columns.
    return [f for f in found[check] if f[1] in columns]
