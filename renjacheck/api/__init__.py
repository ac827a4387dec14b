"""The Python API (exported from `renjacheck` itself): read or build a plan, check it, render
the report. docs/python-api.md shows it at work."""

from renjacheck.api.builder import PlanBuilder, Row
from renjacheck.api.check import Result, Unreadable, check, load_rules, read_plan
from renjacheck.api.sheets import Cell, CellValue, Sheet, read_sheets, workbook_bytes

__all__ = ["Cell", "CellValue", "PlanBuilder", "Result", "Row", "Sheet", "Unreadable", "check",
           "load_rules", "read_plan", "read_sheets", "workbook_bytes"]
