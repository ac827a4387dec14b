"""Figures written as words: a performance figure that says it was not measured (`n/a`, `-`,
`tidak diukur`, rules/data/tidak-diukur.yaml), or a cell that joins several figures each with
its unit (`1 Prov & 7 Kab/Kota`). Both are read, neither is a number that cannot be read
(TBL001), and the rules that compute skip them (tables/parse.py reads them so).

`reason: not_measured` gives one finding an indicator: the cells of its row that say so;
`reason: compound` one finding a cell, with the figures it joins.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import model_validator

from renjacheck.kinds.base import (Hit, Needs, Params as BaseParams, RowTableName,
                                   columns_of_type, row_name)
from renjacheck.numbers import compound
from renjacheck.rounding import format_number
from renjacheck.tables import registry
from renjacheck.tables.declare import FieldType
from renjacheck.tables.parse import COMPOUND, NOT_MEASURED
from renjacheck.values import Invalid

ID = "figure_words"
NEEDS = Needs()  # the tables its columns name (Params.needs)
PLACEHOLDERS = frozenset({"table", "name", "cells", "column", "found", "parts"})
REASONS = {"not_measured": NOT_MEASURED, "compound": COMPOUND}
# What names the row in a message, the first a row has.
_NAMES = ("indikator", "rincian_output", "uraian", "kegiatan", "sasaran")


class Params(BaseParams):
    """Which words, in which quantity columns of which tables."""

    reason: Literal["not_measured", "compound"]
    columns: dict[RowTableName, list[str]]

    @model_validator(mode="after")
    def _quantities(self) -> "Params":
        columns_of_type(self.columns, lambda type_: type_ is FieldType.QUANTITY,
                        "rf.not_quantity")
        return self

    def needs(self) -> Needs:
        """Any of the tables it names: it checks those the workbook holds."""
        return Needs.tables(any_of=self.columns)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every row (not measured) or cell (compound) written so."""
    params: Params = rule.params
    reason = REASONS[params.reason]
    for table_name, names in params.columns.items():
        table = ctx.plan.tables.get(table_name)
        if table is None:
            continue
        names = [n for n in names if n in table.types]
        shown = {n: table.shown_column(n) for n in names}
        label = registry.kind(table_name).label
        for index in range(len(table)):
            found = [(n, value) for n in names
                     if (isinstance(shown[n][index], str) or table.derived(n))
                     and isinstance(value := table.value(index, n), Invalid)
                     and value.reason == reason]
            if not found:
                continue
            name = row_name(table, index, _NAMES)
            if params.reason == "not_measured":
                cells = ", ".join(f'{table.labels[n]} "{v.text}"' for n, v in found)
                yield Hit(locations=tuple(v.loc for _, v in found), table=table_name,
                          expected="figure", actual=found[0][1].text,
                          key=(table.key(index),),
                          args={"table": label, "name": name, "cells": cells,
                                "column": table.labels[found[0][0]], "found": found[0][1].text,
                                "parts": "-"})
                continue
            for column, value in found:
                yield Hit(locations=(value.loc,), table=table_name, expected="one figure",
                          actual=value.text, key=(column, table.key(index)),
                          args={"table": label, "name": name, "column": table.labels[column],
                                "found": value.text, "cells": f'"{value.text}"',
                                "parts": _parts(value.text)})


def _parts(text: str) -> str:
    """The figures a compound cell joins, written again one by one: `1 Prov; 7 Kab/Kota`."""
    return "; ".join(format_number(p.value, p.decimals, percent=p.percent)
                     + (f" {p.unit}" if p.unit else "") for p in compound(text) or ())
