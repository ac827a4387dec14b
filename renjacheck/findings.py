"""Findings: small immutable records the engine makes of what rule kinds find, and reporters
render."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping

from renjacheck.i18n import render
from renjacheck.values import Location


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
    # The waiver (renjacheck.waivers.Waiver) that accepts this finding, if any.
    waived: Any = None

    def message(self, lang: str) -> str:
        """The message in `lang`, its figures formatted for that language."""
        return render(self.templates, self.args, lang)

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
