"""Rule kinds: the code behind the rule files. Each kind is one small module, registered here.

A kind module has a docstring, `Params` (a pydantic model of its parameters that forbids unknown
keys), `PLACEHOLDERS` (the names its message templates may use), `requires(params)` (the tables
it needs) and a generator `check(ctx, rule)` that yields `Hit`s.
"""

from __future__ import annotations

from types import ModuleType

from renjacheck.kinds import reader_note, table_present, table_schema

KINDS: dict[str, ModuleType] = {
    "reader_note": reader_note,
    "table_present": table_present,
    "table_schema": table_schema,
}


class UnknownKind(KeyError):
    """A rule names a kind that does not exist."""


def get_kind(name: str) -> ModuleType:
    """The kind module called `name`; the error lists the kinds there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None
