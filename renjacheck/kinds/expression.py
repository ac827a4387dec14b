"""Expression: an assertion every row of one table must meet (`target > 0`), for what the other
kinds do not cover; `where` limits it to the rows a filter accepts (see renjacheck.expressions).

A row where a named value is empty or unreadable, or where the expression cannot be computed (a
division by zero), is skipped: the table schemas report such cells. The finding sits at the
cell of `at`, else of the first column the assertion names.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pydantic import Field, ValidationInfo, field_validator

from renjacheck.expressions import (InvalidExpression, column_names, compile_expression,
                                    evaluate, evaluator)
from renjacheck.i18n import Problem
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams, RowTableName
from renjacheck.values import Invalid, Quantity, Text

ID = "expression"
NEEDS = Needs()  # the table it names (Params.needs)
PLACEHOLDERS = frozenset({"expression"})  # and the names it uses (Params.placeholders)


class Params(BaseParams):
    """The table, the assertion, an optional row filter, the columns the message shows."""

    table: RowTableName
    assert_: str = Field(alias="assert", min_length=1)
    where: str | None = None
    columns: list[str] = Field(default_factory=list)
    at: str | None = None

    @field_validator("assert_", "where")
    @classmethod
    def _compiles(cls, text: str | None, info: ValidationInfo) -> str | None:
        if text is not None and "table" in info.data:
            compile_expression(text, info.data["table"])
        return text

    @field_validator("columns", "at")
    @classmethod
    def _known(cls, value, info: ValidationInfo):
        table = info.data.get("table")
        for name in [value] if isinstance(value, str) else value or []:
            if table and name not in column_names(table):
                raise Problem("rf.no_column", table=table, name=name,
                              known=", ".join(column_names(table)))
        return value

    def placeholders(self) -> frozenset[str]:
        """The message may show the names the expressions use, the `columns`, and
        `expression`."""
        used = [compile_expression(t, self.table).names for t in (self.assert_, self.where) if t]
        return frozenset({"expression", *self.columns, *(n for names in used for n in names)})

    def needs(self) -> Needs:
        """The table the expression reads."""
        return Needs.tables(all_of=(self.table,))


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every row (once a cell) where `where` holds and `assert` does not."""
    params: Params = rule.params
    table = ctx.plan.tables[params.table]
    test = compile_expression(params.assert_, params.table)
    where = compile_expression(params.where, params.table) if params.where else None
    named = (*test.names, *(where.names if where else ()))
    shown = column_names(params.table)
    ev, seen = evaluator(), set()
    for index in range(len(table)):
        values = _bind(table, index, named)
        if any(values.get(name) is None for name in named):
            continue
        try:
            if (where and not evaluate(where, values, ev)) or evaluate(test, values, ev):
                continue
        except (ArithmeticError, TypeError, ValueError, InvalidExpression):
            continue  # not computable on this row (a division by zero)
        record, locs = table.record(index), table.locations(index)
        column = next((c for c in (params.at, *named) if c in locs), next(iter(locs)))
        if locs[column] in seen:
            continue  # rows sharing a merged cell fail at the same place: report it once
        seen.add(locs[column])
        found = record.get(column)
        yield Hit(locations=(locs[column],), table=params.table, key=(table.key(index),),
                  args={**{n: _shown(record.get(n)) for n in shown},
                        "satker_sum": _bind(table, index, ("satker_sum",)).get("satker_sum"),
                        "expression": test.text},
                  expected=test.text, actual=getattr(found, "value", found))


def _shown(value):
    return value.text if isinstance(value, Invalid) else value


def _bind(table, index: int, names) -> dict:
    """The values the expression names on a row: figures as Decimal, text as str; empty or
    unreadable values left out (only what it names is read)."""
    values = {}
    for name in names:
        if name == "satker_sum":
            satker = [table.value(index, n) for n in table.columns("satker")
                      if n in table.record_names(index)]
            if satker and all(isinstance(v, Quantity) for v in satker):
                values[name] = sum((v.value for v in satker), Decimal(0))
            continue
        value = table.value(index, name)
        if isinstance(value, (Quantity, Text)):
            values[name] = value.value
    return values
