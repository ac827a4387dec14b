"""renjacheck.testing (issue 16): what its strategies call consistent, renjacheck checks clean,
read as generated; what they call a single fault, renjacheck finds exactly where they say."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import renjacheck
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.testing import (BUDGET_RULES, CAPAIAN_RULES, LEVELS, PROGRAMME_RULES, Indicator,
                                capaian_builder, capaian_faults, capaian_table,
                                consistent_budget, consistent_programme, programme_faults)


def bounded(examples: int) -> settings:
    """A small budget of examples, no deadline: a check of a small plan takes some 10 ms."""
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("bottom", LEVELS[1:])
@bounded(6)
@given(st.data())
def test_a_budget_of_any_depth_reads_as_generated_and_checks_clean(bottom, data):
    budget = data.draw(consistent_budget(max_items=20, bottom=bottom))
    result = renjacheck.check(budget.builder())
    pendanaan = result.plan.get(PENDANAAN)
    assert pendanaan is not None and pendanaan.satker == budget.satker
    assert [(r.kode.value, r.level) for r in pendanaan.items] == \
        [(i.code, i.level) for i in budget.items]
    assert bottom in {i.level for i in budget.items} <= set(LEVELS)
    assert pendanaan.grand_total.total.value == sum(budget.grand)
    assert result.places(*BUDGET_RULES) == []


@bounded(5)
@given(consistent_budget(max_items=8, satker=11, top="kegiatan", bottom="ro"))
def test_a_budget_of_more_satker_than_names(budget):
    assert len(set(budget.satker)) == 11
    assert renjacheck.check(budget.builder()).places(*BUDGET_RULES) == []


def test_the_capaian_of_either_polarity():
    def indicator(target: str, realisasi: str, polaritas: str, places: int) -> Indicator:
        return Indicator("Nilai IKPA", "Meningkatnya tata kelola", Decimal(target),
                         Decimal(realisasi), "Indeks", polaritas, places, False)  # type: ignore

    assert indicator("60", "77.14", "positif", 2).capaian() == Decimal("128.57")
    assert indicator("40", "30", "negatif", 0).capaian() == Decimal("125")
    assert indicator("8", "1", "positif", 2).capaian() == Decimal("12.50")  # 12,5 exactly
    assert indicator("3", "1", "negatif", 1).capaian() == Decimal("166.7")  # half up
    assert indicator("40", "30", "negatif", 0).row(7)["capaian"] == "125%"


@bounded(40)
@given(capaian_table())
def test_a_capaian_table_as_generated_checks_clean(indicators):
    assert renjacheck.check(capaian_builder(indicators)).places(*CAPAIAN_RULES) == []


@bounded(25)
@given(consistent_programme())
def test_a_programme_as_generated_checks_clean(programme):
    result = renjacheck.check(programme.builder())
    assert result.places(*PROGRAMME_RULES) == []
    assert {"MAT001", "MAT002", "MAT003", "RO001", "RO003", "RO004"} <= result.report.ran


@bounded(40)
@given(st.one_of(capaian_faults(), programme_faults()))
def test_a_single_fault_is_found_at_its_cell(faulty):
    plan, fault = faulty
    result = renjacheck.check(plan)
    assert result.places(*fault.rules) == list(fault.expected) == [(fault.expected[0][0],
                                                                     fault.cell)]
