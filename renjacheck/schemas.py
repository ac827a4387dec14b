"""pandera schemas over a table's Frame: types, non-negative amounts, unique codes, required cells.

Validation is lazy, so every failing cell is collected in one pass; each failure comes back as
(record index, column) and the caller reports it at that cell. pandera and pandas load only when
a schema is first checked, keeping them off the start-up path.
"""

from __future__ import annotations

from functools import lru_cache

from renjacheck.model.frame import Frame
from renjacheck.model.values import Invalid, Quantity, Text

CHECKS = ("number", "non_negative", "unique", "required")


def _is_number(value: object) -> bool:
    return not isinstance(value, Invalid)


def _non_negative(value: object) -> bool:
    return not isinstance(value, Quantity) or value.value >= 0


def _unique_key(value: object, scoped: str | None) -> str | None:
    # Codes compare by their scope (full path) when they have one, without spaces and case.
    if not isinstance(value, Text):
        return None
    return "".join((scoped or value.value).split()).upper()


@lru_cache(maxsize=None)
def _schema(check: str, columns: tuple[str, ...]):
    import pandera.pandas as pa

    def column(name: str):
        if check == "number":
            return pa.Column(checks=pa.Check(_is_number, element_wise=True, name=check),
                             nullable=True)
        if check == "non_negative":
            return pa.Column(checks=pa.Check(_non_negative, element_wise=True, name=check),
                             nullable=True)
        if check == "unique":
            return pa.Column(nullable=True, unique=True, report_duplicates="exclude_first")
        return pa.Column(nullable=False)

    return pa.DataFrameSchema({name: column(name) for name in columns}, coerce=False)


def failures(frame: Frame, check: str, columns: list[str]) -> list[tuple[int, str]]:
    """The (record index, column) of every cell of `columns` that fails `check`, in table order."""
    if not frame.records or not columns:
        return []
    import pandas as pd
    from pandera.errors import SchemaErrors

    data = {}
    for name in columns:
        values = [record.get(name) for record in frame.records]
        if check == "unique":
            scope = frame.scopes.get(name) or [None] * len(values)
            values = [_unique_key(v, scoped) for v, scoped in zip(values, scope)]
        data[name] = pd.Series(values, dtype=object)
    try:
        _schema(check, tuple(columns)).validate(pd.DataFrame(data), lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        found = {(int(i), str(c)) for i, c in zip(cases["index"], cases["column"])
                 if i is not None and i == i}
        return sorted(found, key=lambda ic: (ic[0], columns.index(ic[1])))
    return []
