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
                    raise ValueError(f"column {table}.{name} holds text; "
                                     f"'{self.check}' needs figures")
        return self


def requires(params: Params) -> frozenset[str]:
    """The tables this rule reads."""
    return frozenset(params.columns)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every cell that fails the rule's check."""
    params: Params = rule.params
    seen = set()
    for table in params.columns:
        frame = ctx.frames.get(table)
        if frame is None:
            continue
        # All schema rules of a table are validated together, once per table.
        results = ctx.memo.get(("table_schema", table))
        if results is None:
            results = ctx.memo[("table_schema", table)] = _validate(ctx, frame, table)
        for index, column in results.get((rule.id, params.check), []):
            value = frame.records[index].get(column)
            loc = frame.locs[index][column]
            if loc in seen:
                continue  # records sharing a merged cell fail at the same place: report it once
            seen.add(loc)
            found = getattr(value, "text", None) or getattr(value, "value", None)
            label = frame.labels[column]
            yield Hit(locations=(loc,), table=table,
                      args={"table": TABLE_LABELS[table], "column": label, "cell": loc.cell,
                            "found": found},
                      expected=EXPECTED[params.check], actual=found,
                      key=(label if column.startswith("satker:") else column, frame.keys[index]))


def _validate(ctx, frame, table: str) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """Failures of every table_schema rule on `table`, by (rule id, check)."""
    from renjacheck.schemas import failures

    wanted = {}
    for rule in ctx.rules:
        if rule.kind == "table_schema" and table in rule.params.columns:
            columns = [c for name in rule.params.columns[table] for c in frame.columns(name)]
            wanted[rule.id] = (rule.params.check, tuple(columns))
    found = failures(frame, tuple(sorted(set(wanted.values()))))
    # Two rules may share a check on different columns: each gets the cells of its columns.
    return {(rule_id, check): [f for f in found[check] if f[1] in columns]
            for rule_id, (check, columns) in wanted.items()}
