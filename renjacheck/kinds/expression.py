"""Expression: an assertion every row of one table must meet (`target > 0`), for what the other
kinds do not cover; `where` limits it to the rows a filter accepts (see renjacheck.expressions).

A row where a named value is empty or unreadable, or where the expression cannot be computed (a
division by zero), is skipped: the table schemas report such cells. The finding sits at the
cell of `at`, else of the first column the assertion names.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from renjacheck.expressions import (NAMES, InvalidExpression, compile_expression, evaluate,
                                    evaluator)
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.model.values import Invalid, Quantity, Text

PLACEHOLDERS = frozenset({"expression", *(n for names in NAMES.values() for n in names)})


class Params(BaseParams):
    """The table, the assertion, an optional row filter, the columns the message shows."""

    table: Literal["capaian", "matriks", "ro", "pendanaan", "narasi"]
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
            if table and name not in NAMES[table]:
                raise ValueError(f"table {table!r} has no column {name!r}")
        return value


def placeholders(params: Params) -> frozenset[str]:
    """The message may show the names the expressions use, the `columns`, and `expression`."""
    used = [compile_expression(t, params.table).names for t in (params.assert_, params.where) if t]
    return frozenset({"expression", *params.columns, *(n for names in used for n in names)})


def requires(params: Params) -> frozenset[str]:
    """The table the expression reads."""
    return frozenset({params.table})


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every row (once a cell) where `where` holds and `assert` does not."""
    params: Params = rule.params
    frame = ctx.frames.get(params.table)
    if frame is None:
        return
    test = compile_expression(params.assert_, params.table)
    where = compile_expression(params.where, params.table) if params.where else None
    named = (*test.names, *(where.names if where else ()))
    ev, seen = evaluator(), set()
    for index, record in enumerate(frame.records):
        values = _bind(record)
        if any(values.get(name) is None for name in named):
            continue
        try:
            if (where and not evaluate(where, values, ev)) or evaluate(test, values, ev):
                continue
        except (ArithmeticError, TypeError, ValueError, InvalidExpression):
            continue  # not computable on this row (a division by zero)
        locs = frame.locs[index]
        column = next((c for c in (params.at, *named) if c in locs), next(iter(locs)))
        if locs[column] in seen:
            continue  # rows sharing a merged cell fail at the same place: report it once
        seen.add(locs[column])
        found = record.get(column)
        yield Hit(locations=(locs[column],), table=params.table, key=(frame.keys[index],),
                  args={**{n: _shown(record.get(n)) for n in NAMES[params.table]},
                        "satker_sum": values.get("satker_sum"), "expression": test.text},
                  expected=test.text, actual=getattr(found, "value", found))


def _shown(value):
    return value.text if isinstance(value, Invalid) else value


def _bind(record: dict) -> dict:
    """Figures as Decimal, text as str; empty or unreadable values are left out."""
    values = {n: v.value for n, v in record.items() if isinstance(v, (Quantity, Text))}
    satker = [record[n] for n in record if n.startswith("satker:")]
    if satker and all(isinstance(v, Quantity) for v in satker):
        values["satker_sum"] = sum((v.value for v in satker), Decimal(0))
    return values
