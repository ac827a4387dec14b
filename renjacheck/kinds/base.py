"""What a rule kind is made of: its parameters, the tables it needs, what it yields.

A kind is one module (yamllint's rules are the model) with a docstring and:
- `ID`: the kind's name, as a rule file writes it in `kind:`;
- `Params`: a pydantic model of its parameters, unknown keys refused;
- `NEEDS`: what it reads, as `Needs`: tables (all of them, or any of them), or the findings of
  the other rules (such a kind runs after them);
- `PLACEHOLDERS`: the names its message templates may use;
- `check(ctx, rule)`: a generator of `Hit`s (ctx: kinds/context.py).
Where the parameters decide the tables or the placeholders, `Params.needs` and
`Params.placeholders` say so. The registry (kinds/__init__.py) refuses a module without these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import core_schema

from renjacheck.i18n import Problem
from renjacheck.tables import registry
from renjacheck.values import Location, Text


class _Tables:
    """A rule parameter naming a table kind, checked against the kinds declared when a rule
    file is read (tables/registry.py), and listed as they are when the rule files' JSON schema
    is made. `rows`: only the kinds read row by row under a header (not the Identitas)."""

    def __init__(self, rows: bool) -> None:
        self.rows = rows

    def names(self) -> list[str]:
        """The table names a rule may use here."""
        return [k.name for k in registry.KINDS.values() if not self.rows or k.layout == "header"]

    def check(self, name: str) -> str:
        """`name` if it is one of `names`; else ValueError naming those there are."""
        if name not in self.names():
            raise Problem("unknown_table", name=name, known=", ".join(self.names()))
        return name

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(self.check,
                                                            core_schema.str_schema())

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler):
        return {"type": "string", "enum": self.names()}


TableName = Annotated[str, _Tables(rows=False)]
RowTableName = Annotated[str, _Tables(rows=True)]


@dataclass(frozen=True)
class Needs:
    """What a rule reads: every table of `all_of`, at least one of `any_of`; `findings`: the
    other rules' findings (it runs after them)."""

    all_of: frozenset[str] = frozenset()
    any_of: frozenset[str] = frozenset()
    findings: bool = False

    @classmethod
    def tables(cls, all_of: Iterable[str] = (), any_of: Iterable[str] = ()) -> Needs:
        """Needs of these tables; an unknown name is refused here, where the kind is declared."""
        for name in (*all_of, *any_of):
            registry.kind(name)
        return cls(frozenset(all_of), frozenset(any_of))

    @property
    def names(self) -> frozenset[str]:
        """Every table named."""
        return self.all_of | self.any_of

    def missing(self, present: Callable[[str], bool]) -> tuple[str, ...]:
        """The tables whose absence keeps the rule from running, in the registry's order:
        those of `all_of` not present, and every one of `any_of` when none is."""
        gone = {name for name in self.all_of if not present(name)}
        if self.any_of and not any(present(name) for name in self.any_of):
            gone |= self.any_of
        return tuple(name for name in registry.names() if name in gone)


class Params(BaseModel):
    """Base of every kind's parameters: strict, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def needs(self) -> Needs | None:
        """The tables a rule with these parameters reads, where they decide it (else None:
        the kind's NEEDS)."""
        return None

    def placeholders(self) -> frozenset[str] | None:
        """The names its messages may use, where these parameters decide them (else None: the
        kind's PLACEHOLDERS)."""
        return None


@dataclass(frozen=True)
class Hit:
    """One finding as a kind reports it; the engine adds the rule's id, severity and messages."""

    locations: tuple[Location, ...]
    args: dict[str, Any] = field(default_factory=dict)
    expected: Any = None
    actual: Any = None
    key: tuple = ()
    table: str | None = None


def columns_of_type(columns: dict[str, list[str]], accepts: Callable[[Any], bool],
                    problem: str) -> None:
    """Refuse (`problem`, naming the table and column) a column of `columns` (table -> names)
    that its table does not have or whose type `accepts` does not take."""
    for table, names in columns.items():
        kind = registry.kind(table)
        for name in names:
            if not kind.has(name) or not accepts(kind.column(name).type):
                raise Problem(problem, table=table, name=name)


def row_name(table, index: int, columns: tuple[str, ...]) -> str:
    """How a message names record `index` of `table`: the text of the first of `columns` it
    has (its indicator, its label ...), else "-"."""
    for column in columns:
        value = table.known(index, column) if column in table.types else None
        if isinstance(value, Text):
            return value.value
    return "-"

