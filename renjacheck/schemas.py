"""pandera schemas over a table's Frame: types, non-negative amounts, unique codes, required cells.

Validation is lazy, so every failing cell is collected in one pass; each failure comes back as
(record index, column) and the caller reports it at that cell. pandera and pandas load only when
a schema is first checked, keeping them off the start-up path.
"""

from __future__ import annotations

from functools import lru_cache

from renjacheck.model.frame import Frame
from renjacheck.model.parse import UNCALCULATED
from renjacheck.model.values import Invalid, Quantity, Text

CHECKS = ("number", "non_negative", "unique", "required")


def _is_number(value: object) -> bool:
    # A formula never calculated is READ003's finding, not an unreadable number.
    return not isinstance(value, Invalid) or value.reason == UNCALCULATED


def _non_negative(value: object) -> bool:
    return not isinstance(value, Quantity) or value.value >= 0


def _unique_key(value: object, scoped: str | None) -> str | None:
    # Codes compare by their scope (full path) when they have one, without spaces and case.
    if not isinstance(value, Text):
        return None
    return "".join((scoped or value.value).split()).upper()


_PANDERA_NAMES = {"not_nullable": "required", "field_uniqueness": "unique"}
_UNIQUE = "#unique"  # suffix of the column holding a column's scoped uniqueness keys


@lru_cache(maxsize=None)
def _schema(specs: tuple[tuple[str, tuple[str, ...]], ...]):
    import pandera.pandas as pa

    checks: dict[str, list] = {}
    required: set[str] = set()
    unique: set[str] = set()
    for check, columns in specs:
        for name in columns:
            checks.setdefault(name, [])
            if check == "number":
                checks[name].append(pa.Check(_is_number, element_wise=True, name=check))
            elif check == "non_negative":
                checks[name].append(pa.Check(_non_negative, element_wise=True, name=check))
            elif check == "required":
                required.add(name)
            else:
                unique.add(name)
    schema = {name: pa.Column(checks=found, nullable=name not in required)
              for name, found in checks.items()}
    schema.update({name + _UNIQUE: pa.Column(nullable=True, unique=True,
                                             report_duplicates="exclude_first")
                   for name in unique})
    return pa.DataFrameSchema(schema, coerce=False)


def failures(frame: Frame, specs: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, list]:
    """Run every (check, columns) of `specs` on `frame` in one lazy validation.

    Returns, per check, the (record index, column) of each failing cell, in table order.
    """
    result: dict[str, list] = {check: [] for check, _ in specs}
    if not frame.records:
        return result
    import pandas as pd
    from pandera.errors import SchemaErrors

    data = {}
    for check, columns in specs:
        for name in columns:
            values = [record.get(name) for record in frame.records]
            if check == "unique":
                scope = frame.scopes.get(name) or [None] * len(values)
                keys = [_unique_key(v, scoped) for v, scoped in zip(values, scope, strict=True)]
                data[name + _UNIQUE] = pd.Series(keys, dtype=object)
            else:
                data[name] = pd.Series(values, dtype=object)
    try:
        _schema(specs).validate(pd.DataFrame(data), lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        found = set()
        for index, column, check in zip(cases["index"], cases["column"], cases["check"],
                                        strict=True):
            if index is None or index != index:
                continue  # a failure of the table as a whole, not of a cell
            check = _PANDERA_NAMES.get(str(check), str(check))
            found.add((check, int(index), str(column).removesuffix(_UNIQUE)))
        order = {name: i for i, name in enumerate(frame.labels)}
        for check, index, column in sorted(found, key=lambda f: (f[1], order.get(f[2], 0))):
            result[check].append((index, column))
    return result
