"""Reports: what was read from each file and found in it, or why it could not be checked;
the engine makes them, reporters render them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from renjacheck.findings import Finding, Severity
from renjacheck.kinds.rule import Rule
from renjacheck.tables.parts import TableInfo


@dataclass
class FileReport:
    """What was read from one file and what was found in it, or why it could not be checked."""

    path: str
    tables: list[TableInfo] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    error_args: Mapping[str, Any] = field(default_factory=dict)
    # The rules the file was checked with (severities as configured), the ids of those that
    # ran, and of those that did not, each with the tables it lacked: a rule whose tables are
    # missing is on but does not run. Reporters that describe the rules read them here.
    rules: tuple[Rule, ...] = ()
    ran: frozenset[str] = frozenset()
    skipped: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Whose plan, for which year (the Identitas), and the SHA-256 of the file checked: what an
    # auditor's printed report names.
    unit: str | None = None
    year: int | None = None
    sha256: str | None = None

    def count(self, severity: Severity) -> int:
        """How many findings of `severity`, waived ones left out."""
        return sum(f.severity is severity and f.waived is None for f in self.findings)

    @property
    def waived(self) -> int:
        """How many findings a waiver accepts."""
        return sum(f.waived is not None for f in self.findings)

    @property
    def exit_code(self) -> int:
        """2 could not check, 1 errors found (waived ones do not count), 0 otherwise."""
        if self.error is not None:
            return 2
        return 1 if self.count(Severity.ERROR) else 0


@dataclass
class Report:
    """The findings of every file checked in one run."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """The worst exit code of the files."""
        return max((f.exit_code for f in self.files), default=0)
