"""JSON for machines: the tables read, the rules that ran and those skipped (with the tables
they lacked), and the findings of every file, with a summary.

Figures are JSON numbers when a JSON number shows them exactly, otherwise strings of digits.
A waived finding carries its waiver (`waived`); the summary counts waived findings apart.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from renjacheck.version import __version__
from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.values import Quantity, Text
from renjacheck.reporters.base import Reporter


def plain(value: Any) -> Any:
    """A value as JSON: figures as numbers, text as strings."""
    if isinstance(value, Quantity):
        value = value.value
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        number = float(value)
        # Only when the float prints back as the same figure; otherwise keep the digits as text.
        return number if Decimal(repr(number)) == value else format(value, "f")
    if isinstance(value, Text):
        return value.value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


class JsonReporter(Reporter):
    """The JSON report: tool, then per file the tables read, the issues and a summary."""

    def render(self, report: Report) -> str:
        """The report as indented JSON."""
        data = {"tool": {"name": "renjacheck", "version": __version__},
                "files": [self._file(f) for f in report.files]}
        return json.dumps(data, ensure_ascii=False, indent=2)

    def _file(self, file: FileReport) -> dict:
        out: dict[str, Any] = {"path": file.path}
        if file.error is not None:
            out["error"] = {"code": file.error, "message": text(file.error, self.lang,
                                                                **file.error_args)}
        out["tables"] = [asdict(t) for t in file.tables]
        if file.error is None:
            out["rules"] = {"ran": sorted(file.ran), "skipped": [
                {"rule": rule, "missing": list(missing)}
                for rule, missing in sorted(file.skipped.items())]}
        out["issues"] = [self._issue(f) for f in file.findings]
        out["summary"] = {**{s.value: file.count(s) for s in Severity}, "waived": file.waived}
        return out

    def _issue(self, finding: Finding) -> dict:
        waiver = finding.waived
        return {
            "rule": finding.rule,
            "slug": finding.slug,
            "severity": finding.severity.value,
            "title": finding.title.get(self.lang, ""),
            "table": finding.table,
            "message": finding.message(self.lang),
            "locations": [{"sheet": loc.sheet, "cell": loc.cell} for loc in finding.locations],
            "expected": plain(finding.expected),
            "actual": plain(finding.actual),
            "fingerprint": finding.fingerprint,
            "waived": None if waiver is None else {
                "reason": waiver.reason, "accepted_by": waiver.accepted_by,
                "date": waiver.date.isoformat() if waiver.date else None},
        }
