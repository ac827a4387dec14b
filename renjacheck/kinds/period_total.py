"""Period total: where a figure is written in a Jumlah sub-column beside its periods
(`Realisasi` over `TW I .. TW IV | Jumlah`, or over the months: tables/spans.py), the Jumlah is
the sum of the periods written. For a percentage or an index (a percent figure, or a unit such
as `%` or `Indeks` in the row's Satuan) the year's figure may instead be the last period filled
in (a cumulative figure) or their average. Within the precision each figure is written with
(renjacheck.checks.arith); a row whose periods are all empty states no periods to add up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from fractions import Fraction

from pydantic import model_validator

from renjacheck.checks.arith import Interval, total
from renjacheck.kinds.base import (Hit, Needs, Params as BaseParams, RowTableName,
                                   columns_of_type, row_name)
from renjacheck.tables import registry
from renjacheck.tables.declare import FIGURES
from renjacheck.tables.spans import ratio_unit
from renjacheck.tables.sums import UNIT, span_location
from renjacheck.values import Invalid, Quantity, Text

ID = "period_total"
NEEDS = Needs()  # the tables its columns name (Params.needs)
PLACEHOLDERS = frozenset({"table", "name", "column", "periods", "count", "expected", "found"})
# What names the row in a message, the first a row has.
_NAMES = ("indikator", "uraian", "rincian_output", "kegiatan", "kode")


class Params(BaseParams):
    """The figure columns, per table, whose Jumlah is checked against its periods."""

    columns: dict[RowTableName, list[str]]

    @model_validator(mode="after")
    def _figures(self) -> "Params":
        columns_of_type(self.columns, lambda type_: type_ in FIGURES, "rf.not_figure")
        return self

    def needs(self) -> Needs:
        """Any of the tables it names: it checks those the workbook holds."""
        return Needs.tables(any_of=self.columns)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Jumlah its periods do not give."""
    for table_name, names in rule.params.columns.items():
        table = ctx.plan.tables.get(table_name)
        if table is None or not any(table.parts):
            continue
        for index in range(len(table)):
            at = table.layout[index]
            for name in names:
                parts = table.parts[at].get(name)
                if parts and name in table.layouts[at]:
                    yield from _check(table, table_name, index, name, parts)


def _check(table, table_name: str, index: int, name: str, parts: tuple[str, ...]):
    written = table.value(index, name)
    values = [table.value(index, n) for n in parts]
    if not isinstance(written, Quantity) or written.is_range \
            or any(isinstance(v, Invalid) or (v is not None and v.is_range) for v in values):
        return  # an unreadable figure is the table schema's finding; a range adds up to none
    figures = [v for v in values if v is not None and not v.empty]
    if not figures:
        return
    result = Interval.rounded(written.value, written.decimals)
    summed = total([Interval.written(q.value, q.decimals) for q in figures])
    if summed.meets(result):
        return
    if _ratio(table, index, name, [written, *figures]):
        last = figures[-1]
        if Interval.written(last.value, last.decimals).meets(result) \
                or summed.scale(Fraction(1, len(figures))).meets(result):
            return
    span = span_location(table, index, name)
    heading = table.labels[name]
    expected = summed.estimate(written.decimals)
    periods = f"{_short(table, parts[0], name)} - {_short(table, parts[-1], name)}"
    who = row_name(table, index, _NAMES)
    satuan = _satuan(table, index, name)
    # Shown with the row's Satuan when the figure is written without one: `44 Orang`.
    shown = written
    if satuan is not None and not (written.unit or written.percent):
        unit = satuan.value.strip()
        shown = replace(written, percent=True) if unit == "%" else replace(written, unit=unit)
    yield Hit(locations=(written.loc, span), table=table_name, expected=expected,
              actual=shown, key=(name, table.key(index)),
              args={"table": registry.kind(table_name).label, "name": who, "column": heading,
                    "periods": periods, "count": len(figures), "expected": expected,
                    "found": written})


def _ratio(table, index: int, name: str, figures: list[Quantity]) -> bool:
    """True when the figure is a percentage or an index: written so, or its Satuan says so."""
    if any(q.percent or ratio_unit(q.unit) for q in figures):
        return True
    satuan = _satuan(table, index, name)
    return satuan is not None and bool(ratio_unit(satuan.value))


def _satuan(table, index: int, name: str) -> Text | None:
    """The row's Satuan for the column: its own (`target_satuan`), else the row's."""
    for unit in (name + UNIT, "satuan"):
        value = table.value(index, unit) if unit in table.types else None
        if isinstance(value, Text) and value.value.strip():
            return value
    return None


def _short(table, part: str, name: str) -> str:
    """A period's label without its column's heading: `TW I`."""
    heading = table.spans[name].heading if name in table.spans else ""
    return table.labels[part].removeprefix(heading).strip() or table.labels[part]
