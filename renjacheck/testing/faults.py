"""Single faults: a consistent plan with one value changed, and what renjacheck must report
for it, at its cells. Each strategy gives (plan, Fault): the plan a PlanBuilder or sheets
(both go to `renjacheck.check`), the Fault the findings it must cause among the rules it
judges, so that `check(plan).places(*fault.rules) == fault.expected` holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from hypothesis import strategies as st

from renjacheck.api.builder import PlanBuilder
from renjacheck.api.sheets import Sheet
from renjacheck.testing.budgets import (BUDGET_RULES, GRAND, Budget, Key, broken_sums,
                                        budget_tables, budget_value, consistent_budget)
from renjacheck.testing.capaian import CAPAIAN_RULES, capaian_builder, capaian_table, off_capaian
from renjacheck.testing.layouts import budget_layouts, budget_sheet
from renjacheck.testing.programme import PROGRAMME_RULES, consistent_programme

Faulty = tuple[Union[PlanBuilder, list[Sheet]], "Fault"]


@dataclass(frozen=True)
class Fault:
    """One fault: what was changed (`what`, at `cell`) and the findings, as sorted (rule,
    "Sheet!A1") pairs, it must cause among `rules` (and nothing else among them)."""

    what: str
    cell: str
    expected: tuple[tuple[str, str], ...]
    rules: frozenset[str]


def _amount(draw: st.DrawFn, old: int) -> int:
    """An amount other than `old`: near it (a typo) or anywhere."""
    return draw(st.one_of(st.integers(max(old - 10**6, 0), old + 10**6),
                          st.integers(0, old + 10**9)).filter(lambda v: v != old))


@st.composite
def budget_faults(draw: st.DrawFn, layouts: bool = True) -> Faulty:
    """A consistent budget with one amount (an item's, the grand total's, in a satker column or
    the Total) changed: PAGU001 at the row's Total, PAGU002/PAGU003 at the sums it breaks
    (`broken_sums`). In a random layout, or with `layouts=False` the template's."""
    budget: Budget = draw(consistent_budget(max_items=25))
    key: Key = draw(st.sampled_from([GRAND, *range(len(budget.items))]))
    column = draw(st.integers(0, len(budget.satker)))
    change = (key, column, _amount(draw, budget_value(budget, key, column)))
    plan: PlanBuilder | list[Sheet]
    if layouts:
        sheet, where = budget_sheet(budget, draw(budget_layouts(budget)), change=change)
        plan = [sheet]
    else:
        plan, where = budget_tables(budget, change=change)
    expected = tuple(sorted(broken_sums(budget, key, column, where)))
    return plan, Fault("amount", where[(key, column)], expected, BUDGET_RULES)


@st.composite
def capaian_faults(draw: st.DrawFn) -> Faulty:
    """A Capaian table with one capaian its target and realisasi cannot give (outside every
    rounding of them): CAP001 at that capaian."""
    indicators = draw(capaian_table())
    at = draw(st.integers(0, len(indicators) - 1))
    wrong = off_capaian(indicators[at], draw(st.integers(1, 50)))
    builder = capaian_builder(indicators, {at: wrong})
    cell = builder.cell("capaian", at, "capaian")
    return builder, Fault("capaian", cell, (("CAP001", cell),), CAPAIAN_RULES)


@st.composite
def programme_faults(draw: st.DrawFn) -> Faulty:
    """Pendanaan, Matriks and RO tables with one fault: a Matriks anggaran that is not its
    kegiatan's pagu (MAT001 at the anggaran), or an RO volume of zero (RO003 at the volume)."""
    programme = draw(consistent_programme())
    k = draw(st.integers(0, len(programme.kegiatan) - 1))
    if draw(st.booleans()):
        builder = programme.builder(anggaran={k: _amount(draw, programme.kegiatan[k].pagu)})
        what, rule = "anggaran", "MAT001"
        cell = builder.cell("matriks", programme.matriks_row(k), "anggaran")
    else:
        o = draw(st.integers(0, len(programme.kegiatan[k].outputs) - 1))
        builder = programme.builder(volume={(k, o): 0})
        what, rule = "volume", "RO003"
        cell = builder.cell("ro", programme.ro_row(k, o), "volume")
    return builder, Fault(what, cell, ((rule, cell),), PROGRAMME_RULES)


def single_fault() -> st.SearchStrategy[Faulty]:
    """Any of the single faults: a budget amount, a capaian, a Matriks anggaran, an RO
    volume."""
    return st.one_of(budget_faults(), capaian_faults(), programme_faults())
