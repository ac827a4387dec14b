"""Table schema: every cell of the named columns passes one check (see renjacheck.schemas).

`number`: the cell reads as a number; `non_negative`: an amount is not below zero; `unique`: no
code repeats an earlier one; `required`: the cell is filled. Columns are named per table;
`satker` stands for every satker column of the Pendanaan.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.workbook.headers import KINDS, TABLE_LABELS, FieldType

PLACEHOLDERS = frozenset({"table", "column", "cell", "found"})
_NUMERIC = {FieldType.AMOUNT, FieldType.QUANTITY, FieldType.YEAR}
# What each check expects of a cell, as machines read it in a report's `expected`.
EXPECTED = {"number": "number", "non_negative": ">= 0", "unique": "unique", "required": "filled"}


class Params(BaseParams):
    """Which check, on which columns of which tables."""

    check: Literal["number", "non_negative", "unique", "required"]
    columns: dict[Literal["pendanaan", "capaian", "matriks", "ro", "narasi"], list[str]]

    @model_validator(mode="after")
    def _known_columns(self) -> "Params":
        for table, names in self.columns.items():
            kind = KINDS[table]
            for name in names:
                if name == "satker" and table == "pendanaan":
                    ftype = FieldType.AMOUNT
                elif name in {c.name for c in kind.columns}:
                    ftype = kind.column(name).type
                else:
                    known = ", ".join(c.name for c in kind.columns)
                    raise ValueError(f"table {table!r} has no column {name!r} (columns: {known})")
                if self.check in ("number", "non_negative") and ftype not in _NUMERIC:
                    raise ValueError(f"column {table}.{name} holds text; '{self.check}' needs figures")
        return self


def requires(params: Params) -> frozenset[str]:
    """The tables this rule reads."""
    return frozenset(params.columns)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every cell that fails the rule's check."""
    from renjacheck.schemas import failures

    params: Params = rule.params
    for table, names in params.columns.items():
        frame = ctx.frames.get(table)
        if frame is None:
            continue
        columns = [c for name in names for c in frame.columns(name)]
        for index, column in failures(frame, params.check, columns):
            value = frame.records[index].get(column)
            loc = frame.locs[index][column]
            found = getattr(value, "text", None) or getattr(value, "value", None)
            yield Hit(locations=(loc,), table=table,
                      args={"table": TABLE_LABELS[table], "column": frame.labels[column],
                            "cell": loc.cell, "found": found},
                      expected=EXPECTED[params.check], actual=found,
                      key=(column if not column.startswith("satker:") else frame.labels[column],
                           frame.keys[index]))
