"""renjacheck: checks a Renja (Rencana Kerja) workbook for internal consistency.

The Python API (docs/python-api.md), imported when first used so that the command line starts
without it:

- `read_plan(path_or_bytes)` reads a workbook; `PlanBuilder` builds a plan's tables from plain
  rows, `Sheet` and `read_sheets` any layout of cells;
- `check(plan, rules=None, select=..., ignore=..., severity=...)` checks it as the command line
  does and gives a `Result`: its `findings` (immutable `Finding` records), `places()` as
  (rule, "Sheet!A1") pairs, `render(format, lang)` the report in any of `REPORTERS`;
- `load_rules()`, `Rule`, `Severity`, `Location`, `Plan`; `Unreadable` (a `CannotCheck`) for a
  workbook that cannot be checked;
- `renjacheck.testing`: hypothesis strategies of consistent plans and single faults.
"""

from __future__ import annotations

import importlib

from renjacheck.version import __version__

# Not typing.TYPE_CHECKING: importing typing would add to every start-up (mypy knows the name).
TYPE_CHECKING = False

# Public name -> the module that defines it.
_EXPORTS = {
    "CannotCheck": "renjacheck.workbook.safety",
    "Cell": "renjacheck.api.sheets",
    "CellValue": "renjacheck.api.sheets",
    "Finding": "renjacheck.findings",
    "Location": "renjacheck.values",
    "Plan": "renjacheck.model.plan",
    "PlanBuilder": "renjacheck.api.builder",
    "REPORTERS": "renjacheck.reporters",
    "Result": "renjacheck.api.check",
    "Row": "renjacheck.api.builder",
    "Rule": "renjacheck.kinds.rule",
    "Severity": "renjacheck.findings",
    "Sheet": "renjacheck.api.sheets",
    "TABLE_KINDS": "renjacheck.tables.registry",
    "Unreadable": "renjacheck.api.check",
    "check": "renjacheck.api.check",
    "load_rules": "renjacheck.api.check",
    "read_plan": "renjacheck.api.check",
    "read_sheets": "renjacheck.api.sheets",
    "workbook_bytes": "renjacheck.api.sheets",
}
__all__ = ["CannotCheck", "Cell", "CellValue", "Finding", "Location", "Plan", "PlanBuilder",
           "REPORTERS", "Result", "Row", "Rule", "Severity", "Sheet", "TABLE_KINDS", "Unreadable",
           "check", "load_rules", "read_plan", "read_sheets", "workbook_bytes", "__version__"]

if TYPE_CHECKING:
    from typing import Any

    from renjacheck.api.builder import PlanBuilder, Row
    from renjacheck.api.check import Result, Unreadable, check, load_rules, read_plan
    from renjacheck.api.sheets import Cell, CellValue, Sheet, read_sheets, workbook_bytes
    from renjacheck.findings import Finding, Severity
    from renjacheck.kinds.rule import Rule
    from renjacheck.model.plan import Plan
    from renjacheck.reporters import REPORTERS
    from renjacheck.tables.registry import KINDS as TABLE_KINDS
    from renjacheck.values import Location
    from renjacheck.workbook.safety import CannotCheck


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'renjacheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), "KINDS" if name == "TABLE_KINDS" else name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
