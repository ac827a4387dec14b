"""Table schemas over a table's columns: figures that read, non-negative amounts, unique codes,
required cells.

Every failing cell is collected in one pass; each failure comes back as (record index, column)
and the caller reports it at that cell.

These four checks ran as pandera schemas (a lazy validation per table) until the national
budget: building a DataFrame of Python objects for two million cells to run per-cell Python
functions in it cost more than the checks, and importing pandas and pandera costs 0.35 s and
some 60 MB on every run, more than a whole check of a provincial Renja. The semantics are
pandera's, kept exactly (tests/test_fast_paths.py compares the two on random tables):
element-wise checks skip empty cells, `required` is pandera's not-nullable, `unique` reports
duplicates but the first and never counts empty keys.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator

from renjacheck.tables.parse import REPORTED_APART
from renjacheck.tables.table import Table
from renjacheck.values import Invalid, Quantity, Value

CHECKS = ("number", "non_negative", "unique", "required")
_READ = object()  # a cell to read as a value, whatever it shows
# Per check, the failing cells: (record index, column), in table order.
Failures = dict[str, list[tuple[int, str]]]


def is_number(value: Value) -> bool:
    """True unless the cell holds something that does not read as a figure."""
    # A formula never calculated is READ003's finding, a figure not measured TBL005's and a
    # compound value TBL006's: none is a number that cannot be read.
    return not isinstance(value, Invalid) or value.reason in REPORTED_APART


def non_negative(value: Value) -> bool:
    """True unless the cell holds a figure below zero."""
    return not isinstance(value, Quantity) or value.value >= 0


# Whether a cell fails each per-cell check; an empty cell fails only `required`.
_TESTS = {
    "number": lambda value: value is not None and not is_number(value),
    "non_negative": lambda value: value is not None and not non_negative(value),
    "required": lambda value: value is None,
}


def failures(table: Table, specs: tuple[tuple[str, tuple[str, ...]], ...]) -> Failures:
    """Run every (check, columns) of `specs` on `table`, collecting every failing cell.

    Returns, per check, the (record index, column) of each failing cell, in table order. An
    empty cell fails only `required`; `unique` reports every repeat of a key but its first.
    """
    found = set()
    for check, columns in specs:
        for name in columns:
            if check == "unique":
                keys = [table.unique_key(i, name) for i in range(len(table))]
                found.update((check, i, name) for i in _repeats(keys))
            else:
                found.update((check, i, name) for i in _failing(table, name, check))
    order = {name: i for i, name in enumerate(table.labels)}
    result: Failures = {check: [] for check, _ in specs}
    for check, index, column in sorted(found, key=lambda f: (f[1], order.get(f[2], 0))):
        result[check].append((index, column))
    return result


def _failing(table: Table, name: str, check: str) -> Iterator[int]:
    """The records whose cell of `name` fails `check`. What a cell shows decides most of them
    without reading it into a value: a whole number is a figure, and one at or above zero;
    anything shown is filled; an empty cell (or a formula never calculated) fails only
    `required`, as a value will tell."""
    test = _TESTS[check]
    column = [_READ] * len(table) if table.derived(name) else table.shown_column(name)
    # A parent row (a sasaran with its capaian over its indicators) needs no cell of an
    # indicator: it is a heading that carries figures (tables/headings.py).
    parents = getattr(table, "parent_records", ()) if check == "required" else ()
    for index, shown in enumerate(column):
        if parents and index in parents:
            continue
        if shown is not _READ:
            if shown is None:
                if check != "required":
                    continue
            elif type(shown) is int:
                if check != "non_negative" or shown >= 0:
                    continue
            elif check == "required" and (type(shown) is not str or shown.strip()):
                continue
        if test(table.value(index, name)):
            yield index


def _repeats(keys: list[Hashable | None]) -> list[int]:
    """Positions of the keys seen before (empty keys are never repeats)."""
    seen: set[Hashable] = set()
    repeats = []
    for i, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            repeats.append(i)
        seen.add(key)
    return repeats
