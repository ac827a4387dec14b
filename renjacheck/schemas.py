"""Table schemas over a table's Frame: types, non-negative amounts, unique codes, required cells.

Every failing cell is collected in one pass; each failure comes back as (record index, column)
and the caller reports it at that cell.

These four checks ran as pandera schemas (a lazy validation per table) until the national
budget: building a DataFrame of Python objects for two million cells to run per-cell Python
functions in it cost more than the checks, and importing pandas and pandera costs 0.35 s and
some 60 MB on every run, more than a whole check of a provincial Renja. The semantics are
pandera's, kept exactly (tests/test_fast_paths.py compares the two on random frames):
element-wise checks skip empty cells, `required` is pandera's not-nullable, `unique` reports
duplicates but the first and never counts empty keys.
"""

from __future__ import annotations

from collections.abc import Hashable

from renjacheck.model.frame import Frame, unique_key
from renjacheck.model.lazy import plain_values
from renjacheck.model.parse import UNCALCULATED
from renjacheck.model.values import Invalid, Quantity, Text

CHECKS = ("number", "non_negative", "unique", "required")
# What a plain amount at or above zero stands as for the per-cell checks: no check fails it.
_FIGURE = object()
# What a plain cell of a code column with a scope stands as for `unique`: a text (every plain
# cell of a text column reads as one), compared by its scope.
_TEXT = object()


def _is_number(value: object) -> bool:
    # A formula never calculated is READ003's finding, not an unreadable number.
    return not isinstance(value, Invalid) or value.reason == UNCALCULATED


def _non_negative(value: object) -> bool:
    return not isinstance(value, Quantity) or value.value >= 0


def _unique_key(value: object, scoped: Hashable | None) -> Hashable | None:
    # Codes compare by their scope (full path) when they have one, written as compared
    # (Frame.scopes), else by themselves, without spaces and case.
    if value is _TEXT:
        return scoped
    if not isinstance(value, Text):
        return None
    return scoped or unique_key(value.value)


def failures(frame: Frame, specs: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, list]:
    """Run every (check, columns) of `specs` on `frame`, collecting every failing cell.

    Returns, per check, the (record index, column) of each failing cell, in table order. An
    empty cell fails only `required`; `unique` reports every repeat of a key but its first.
    """
    result: dict[str, list] = {check: [] for check, _ in specs}
    found = set()
    for check, columns in specs:
        for name in columns:
            scope = frame.scopes.get(name) or [None] * len(frame.records)
            values = _column(frame, name, check, scope)
            if check == "unique":
                keys = [_unique_key(v, scoped) for v, scoped in zip(values, scope, strict=True)]
                found.update((check, i, name) for i in _repeats(keys))
                continue
            test = _TESTS[check]
            found.update((check, i, name) for i, value in enumerate(values) if test(value))
    return _ordered(frame, found, result)


def _column(frame: Frame, name: str, check: str, scope: list[Hashable | None]) -> list:
    """The column's values; a plain cell (model/lazy.py) is never empty, a whole number is a
    number, and a code is text compared by its scope: it is read into a value only where a
    check may fail it or needs what it says."""
    values = []
    for raw, record, scoped in zip(plain_values(frame.records, name), frame.records, scope,
                                   strict=True):
        if raw is not None and check == "unique":
            values.append(_TEXT if scoped is not None else record.get(name))
        elif raw is not None and (check == "required" or type(raw) is int
                                  and (check == "number" or raw >= 0)):
            values.append(_FIGURE)
        else:
            values.append(record.get(name))
    return values


def _ordered(frame: Frame, found: set, result: dict[str, list]) -> dict[str, list]:
    # In table order: by record, then by column as the header has them.
    order = {name: i for i, name in enumerate(frame.labels)}
    for check, index, column in sorted(found, key=lambda f: (f[1], order.get(f[2], 0))):
        result[check].append((index, column))
    return result


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


# Whether a cell fails each per-cell check; an empty cell fails only `required`.
_TESTS = {
    "number": lambda value: value is not None and not _is_number(value),
    "non_negative": lambda value: value is not None and not _non_negative(value),
    "required": lambda value: value is None,
}
