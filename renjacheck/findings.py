"""Findings: small immutable records the engine makes of what rule kinds find, and reporters
render."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from typing import Any, Mapping

from renjacheck.i18n import render, show
from renjacheck.rounding import decimals_of
from renjacheck.values import Location, Quantity


class Severity(str, Enum):
    """How much a finding matters; only errors fail a check."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for error, 1 for warning, 2 for info: the order findings are listed in."""
        return ("error", "warning", "info").index(self.value)


@dataclass(frozen=True)
class Finding:
    """One inconsistency (or note) at one place in the workbook.

    `key` identifies what the finding is about independently of where it sits (a budget code, an
    indicator's wording), so the fingerprint survives rows inserted elsewhere in the workbook.
    """

    rule: str
    slug: str
    severity: Severity
    table: str | None
    locations: tuple[Location, ...]
    templates: Mapping[str, str]
    args: Mapping[str, Any]
    expected: Any = None
    actual: Any = None
    key: tuple = ()
    title: Mapping[str, str] = field(default_factory=dict)
    rationale: Mapping[str, str] = field(default_factory=dict)
    # How to fix it: the rule's `fix`, in both languages (empty when the rule has none).
    fix: Mapping[str, str] = field(default_factory=dict)
    # The waiver (renjacheck.waivers.Waiver) that accepts this finding, if any.
    waived: Any = None

    def message(self, lang: str) -> str:
        """The message in `lang`, its figures formatted for that language."""
        return render(self.templates, self.args, lang)

    def figures(self, lang: str) -> tuple[str, str] | None:
        """What was expected and what was found, as `lang` writes them, both in the unit one of
        them carries (`120 Orang` and `110 Orang`, `95%` and `80%`); None when there are no
        figures to show (nothing found, or a word such as "filled" the message says)."""
        expected, actual = self.expected, self.actual
        if expected is None or actual is None or isinstance(expected, str):
            return None
        return show(_like(expected, actual), lang), show(_like(actual, expected), lang)

    @property
    def fingerprint(self) -> str:
        """A stable id: rule, table and key, never the cell address."""
        parts = [self.rule, self.table or "", *map(str, self.key)]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]

    def sort_key(self, sheets: list[str]) -> tuple:
        """Order in a report: by place in the workbook (sheets in workbook order), then rule."""
        first = self.locations[0] if self.locations else None
        sheet = sheets.index(first.sheet) if first and first.sheet in sheets else -1
        place = (sheet, first.row, first.col) if first else (-1, 0, 0)
        return (*place, self.severity.rank, self.rule, repr(self.key))


def _like(value: Any, other: Any) -> Any:
    """`value` in the unit (or as the percentage) `other` is written in, where `value` is a
    figure written without one: one side of a comparison computed, the other as written."""
    if not isinstance(other, Quantity) or not (other.unit or other.percent):
        return value
    if isinstance(value, Quantity):
        if value.unit or value.percent:
            return value
        return replace(value, unit=other.unit, percent=other.percent)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        number = Decimal(value)
        return Quantity(value=number, decimals=decimals_of(number), loc=other.loc,
                        text=str(number), percent=other.percent, unit=other.unit)
    return value
