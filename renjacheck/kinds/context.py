"""What a rule kind sees of one workbook: the plan, the rules it runs among, the waivers, and
what several kinds derive from the plan alike, computed once (`Shared`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from renjacheck.checks.links import Links, resolve
from renjacheck.checks.narrative import FigureAt, YearTable, resolve_figures, year_table
from renjacheck.checks.schemas import Failures, failures
from renjacheck.findings import Finding
from renjacheck.kinds.rule import Rule
from renjacheck.model.plan import Note, Plan
from renjacheck.waivers import Waiver


class Shared:
    """What several kinds derive from one plan, each computed when first asked for."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._years: dict[int | None, YearTable | None] = {}
        self._schemas: dict[tuple, Failures] = {}
        self._derived: dict[Hashable, Any] = {}

    @cached_property
    def links(self) -> Links:
        """How the tables refer to each other (checks/links.py)."""
        return resolve(self.plan)

    @cached_property
    def figures(self) -> list[FigureAt]:
        """The narrative's figures, each with its year's table and the indicator it names."""
        return resolve_figures(self.plan, self.year_table)

    def year_table(self, year: int | None) -> YearTable | None:
        """The table statements about `year` are checked against (checks/narrative.py)."""
        if year not in self._years:
            self._years[year] = year_table(self.plan, year)
        return self._years[year]

    def derive(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """What `make` derives from the plan, made once for every rule that asks with `key`
        (the three scopes of the Pendanaan's sums share one analysis)."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def schema(self, table: str, specs: tuple[tuple[str, tuple[str, ...]], ...]) -> Failures:
        """The failing cells of every (check, columns) of `specs` on `table`, validated once
        for all the schema rules that ask for the same."""
        key = (table, specs)
        if key not in self._schemas:
            self._schemas[key] = failures(self.plan.tables[table], specs)
        return self._schemas[key]


@dataclass(frozen=True)
class Context:
    """What a rule kind sees of one workbook, and the rules it runs among."""

    plan: Plan
    rules: tuple[Rule, ...]
    shared: Shared
    # The waivers that apply to this workbook; for kinds that need the findings, the other
    # rules' findings and the ids of the rules that ran.
    waivers: tuple[Waiver, ...] = ()
    # The tables the configuration requires (`require`), by kind name.
    require: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = field(default=())
    ran: frozenset[str] = frozenset()

    @property
    def notes(self) -> list[Note]:
        """What the reader noticed about the workbook."""
        return self.plan.notes
