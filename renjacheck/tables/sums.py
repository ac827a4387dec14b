"""The value of a figure column read through the sub-columns a super-header spans
(tables/spans.py): the sum of its periods where it has no Jumlah of its own, and the unit of a
Satuan sub-column beside it. Held as each record's value of the column when the table is made;
only tables whose header has such sub-columns do any of this.

A sum is exact (Decimal) with the precision of its finest part, and written where its periods
are (the span of their cells). An empty period counts as nothing, all of them empty is an empty
cell; a period not measured (`-`, `n/a`) counts as nothing beside measured ones. For a
percentage or an index (a percent figure, or a unit such as `%` or `Indeks`: spans.ratio_unit)
the year's figure is the last period filled in (a cumulative figure), not a sum.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from renjacheck.tables.declare import FieldType
from renjacheck.tables.parse import COMPOUND, NOT_MEASURED, PART, REPORTED_APART
from renjacheck.tables.spans import ratio_unit
from renjacheck.units import normalize_unit
from renjacheck.values import Invalid, Location, Quantity, Text, Value

UNIT = ":satuan"  # the suffix of a column's Satuan sub-column (`target:satuan`)


def parts_by_layout(layouts: list[dict[str, int]]) -> list[dict[str, tuple[str, ...]]]:
    """Per layout, each column read through periods -> its periods' names (`realisasi:1` ...),
    in order."""
    found = []
    for columns in layouts:
        parts: dict[str, list[tuple[int, str]]] = {}
        for name in columns:
            base, _, n = name.partition(":")
            if n.isdigit() and base != "satker":
                parts.setdefault(base, []).append((int(n), name))
        found.append({base: tuple(n for _, n in sorted(p)) for base, p in parts.items()})
    return found


def declare(table, header) -> None:
    """The labels and types of the figures `header` reads through sub-columns (`Realisasi`, or
    `Realisasi Jumlah` where it has a Jumlah), and of those (`Realisasi TW I`)."""
    table.spans = {sub.name: sub for sub in header.spans}
    for sub in header.spans:
        own = header.columns.get(sub.name)
        table.labels[sub.name] = sub.heading if own is None \
            else f"{sub.heading} {header.text(own)}".strip()
        table.types.setdefault(sub.name, table.kind.column(sub.name).type)
        for name, col in sub.part_names().items():
            table.labels[name] = f"{sub.heading} {header.text(col)}".strip()
            table.types[name] = FieldType.TEXT if name.endswith(UNIT) else table.types[sub.name]


def span_location(table, index: int, name: str) -> Location | None:
    """Where record `index`'s periods of `name` are written: the span of their cells (None for
    a column without periods)."""
    at = table.layout[index]
    parts = table.parts[at].get(name) if table.parts else None
    if not parts:
        return None
    first, last = table.layouts[at][parts[0]], table.layouts[at][parts[-1]]
    row = table.sheet_rows[index]
    return Location(sheet=table.grids[at].name, row=row, col=first, end_row=row, end_col=last)


def derive(table) -> None:
    """Hold, for every record of `table` (a tables.table.Table), the value of each column read
    through sub-columns: the sum of its periods where it has no cell of its own, and its figure
    with the unit of its Satuan sub-column."""
    for layout, parts in enumerate(table.parts):
        columns = table.layouts[layout]
        summed = [(name, names) for name, names in parts.items() if name not in columns]
        units = [name[:-len(UNIT)] for name in columns if name.endswith(UNIT)]
        if not summed and not units:
            continue
        for index in (i for i, at in enumerate(table.layout) if at == layout):
            for name, names in summed:
                ratio = _ratio_row(table, index, name)
                table.hold(index, name, period_sum(
                    [table.value(index, n) for n in names], table.loc(index, name),
                    table.types[name], ratio))
            for name in units:
                value, unit = table.value(index, name), table.value(index, name + UNIT)
                if isinstance(value, Quantity) and value.unit is None and isinstance(unit, Text):
                    table.hold(index, name, replace(value, unit=normalize_unit(unit.value)))


def _ratio_row(table, index: int, name: str) -> bool:
    """True when the record's figure of `name` is a percentage or an index: its Satuan says so
    (the column's own Satuan sub-column, or the table's Satuan column)."""
    for unit in (name + UNIT, "satuan"):
        if unit in table.types:
            value = table.value(index, unit)
            if isinstance(value, Text) and ratio_unit(value.value):
                return True
    return False


def period_sum(values: list[Value], loc: Location, ftype: FieldType, ratio: bool) -> Value:
    """The year's figure of `values`, a record's periods in order, written at `loc` (their
    span): their sum, or for a percentage or an index the last one filled in."""
    figures: list[Quantity] = []
    unmeasured: Invalid | None = None
    for value in values:
        if value is None:
            continue
        if isinstance(value, Invalid):
            if value.reason == NOT_MEASURED:
                unmeasured = unmeasured or value
                continue
            if value.reason in REPORTED_APART:
                return value  # never a sum without it: a formula never calculated, a compound
            return Invalid(text=value.text, loc=value.loc, reason=PART)  # TBL001 at the part
        figures.append(value)  # type: ignore[arg-type]
    written = [q for q in figures if not q.empty]
    if not written:
        if unmeasured is not None:
            return Invalid(text=unmeasured.text, loc=loc, reason=NOT_MEASURED)
        if ftype is FieldType.AMOUNT:
            return Quantity(value=Decimal(0), decimals=0, loc=loc, text="", empty=True)
        return None
    units = {q.unit for q in written if q.unit}
    if len(units) > 1 or any(q.is_range for q in written):
        text = "; ".join(q.text for q in written)
        return Invalid(text=text, loc=loc, reason=COMPOUND)
    if ftype is not FieldType.AMOUNT and (
            ratio or any(q.percent or ratio_unit(q.unit) for q in written)):
        return written[-1]
    value = sum((q.value for q in written), Decimal(0))
    decimals = max(q.decimals for q in written)
    return Quantity(value=value, decimals=decimals, loc=loc, text=_text(value, decimals),
                    unit=units.pop() if units else None)


def _text(value: Decimal, decimals: int) -> str:
    """A sum as planners write it: a decimal comma, no grouping (`126`, `93,6`)."""
    text = f"{value:.{decimals}f}" if decimals > 0 else f"{value:.0f}"
    return text.replace(".", ",")
