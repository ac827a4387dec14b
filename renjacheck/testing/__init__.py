"""Hypothesis strategies for property tests of budget logic (docs/python-api.md): consistent
plans renjacheck must find clean, and single faults it must find at their cells.

- `consistent_budget()`: a Pendanaan of any depth and satker count that adds up exactly;
  `budget_tables()` writes it for a PlanBuilder, `budget_layouts()`/`budget_sheet()` in any
  layout the reader accepts;
- `capaian_indicators()`, `capaian_table()`: Capaian rows of either polarity, with
  `Indicator.capaian()` the capaian their figures give and `Indicator.row()` the row;
- `consistent_programme()`: kegiatan with their Pendanaan, Matriks and RO rows that agree;
- `single_fault()` (or `budget_faults()`, `capaian_faults()`, `programme_faults()`): a plan
  with one fault in it, and the `Fault`: the findings, at their cells, it must cause.

hypothesis is an optional dependency: `pip install 'renjacheck[testing]'`.
"""

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - the message is the point
    raise ImportError("renjacheck.testing needs hypothesis, an optional dependency: "
                      "pip install 'renjacheck[testing]'") from exc

from renjacheck.testing.budgets import (BUDGET_RULES, GRAND, LEVELS, Budget, Item,
                                        broken_sums, budget_tables, budget_value,
                                        consistent_budget)
from renjacheck.testing.capaian import (CAPAIAN_RULES, Indicator, capaian_builder,
                                        capaian_indicators, capaian_table, off_capaian)
from renjacheck.testing.faults import (Fault, Faulty, budget_faults, capaian_faults,
                                       programme_faults, single_fault)
from renjacheck.testing.layouts import BudgetLayout, budget_layouts, budget_sheet
from renjacheck.testing.programme import (PROGRAMME_RULES, Kegiatan, Programme,
                                          consistent_programme)

__all__ = ["BUDGET_RULES", "CAPAIAN_RULES", "GRAND", "LEVELS", "PROGRAMME_RULES", "Budget",
           "BudgetLayout", "Fault", "Faulty", "Indicator", "Item", "Kegiatan", "Programme",
           "broken_sums", "budget_faults", "budget_layouts", "budget_sheet", "budget_tables",
           "budget_value", "capaian_builder", "capaian_faults", "capaian_indicators",
           "capaian_table", "consistent_budget", "consistent_programme", "off_capaian",
           "programme_faults", "single_fault"]
