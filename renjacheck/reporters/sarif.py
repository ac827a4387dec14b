"""SARIF 2.1.0, the format of code scanning: GitHub's upload-sarif, SARIF viewers in editors.

One run for the whole invocation. The driver lists every rule that ran on some workbook, with
its title, why it matters, an example and the fix; each finding is a result at the workbook
(the path as given) with its cell as a logical location (`Capaian 2023!F36`), its fingerprint
as a partial fingerprint (so code scanning follows it when rows move), its expected and actual
values as properties, and, when a waiver accepts it, an external suppression with the reason.
A file that could not be checked is a tool execution notification, and the invocation is then
not successful; a rule that could not run on a workbook, its tables missing, is a notification
of level note naming the rule and the tables it lacked.

Code scanning shows a result's message to people: it is shown safe (renjacheck.safetext), while
the locations, the properties and the fingerprints keep the exact names.

A workbook has no lines, but code scanning requires a line in every result: results point at
line 1 of the workbook, and the message starts with the cells.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from urllib.parse import quote

from renjacheck.version import __version__
from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.values import Location
from renjacheck.reporters.base import (Reporter, RuleInfo, headline, rules_skipped,
                                       rules_that_ran)
from renjacheck.reporters.json import plain
from renjacheck.safetext import shown

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
INFORMATION_URI = "https://pypi.org/project/renjacheck/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# The name of renjacheck's fingerprint among a result's partial fingerprints; a new way of
# computing fingerprints would be v2, so that old and new are never compared.
FINGERPRINT = "renjacheck/v1"
# Relative paths are relative to the folder renjacheck ran in (in CI, the repository's root).
SRCROOT = "%SRCROOT%"


def artifact_location(path: str, index: int | None = None) -> dict:
    """A workbook's path as a SARIF artifact location: relative ones as they were given (URI
    escaped, with forward slashes), absolute ones as file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        location = {"uri": Path(path).as_uri()}
    else:
        location = {"uri": quote(pure.as_posix()), "uriBaseId": SRCROOT}
    if index is not None:
        location["index"] = index
    return location


class SarifReporter(Reporter):
    """A SARIF 2.1.0 log with one run."""

    def render(self, report: Report) -> str:
        """The log as indented JSON."""
        rules = self._rules(report)
        index = {rule.id: n for n, rule in enumerate(rules)}
        results, notifications = [], []
        for n, file in enumerate(report.files):
            if file.error is not None:
                notifications.append(self._notification(file, n))
            else:
                results += [self._result(f, file, n, index) for f in file.findings]
                notifications += [self._skipped(file, n, rule, why)
                                  for rule, why in rules_skipped(file, self.lang)]
        failed = any(file.error is not None for file in report.files)
        invocation = {"executionSuccessful": not failed, "exitCode": report.exit_code}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        run = {
            "tool": {"driver": {
                "name": "renjacheck", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [self._rule(rule) for rule in rules]}},
            "invocations": [invocation],
            "language": self.lang,
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The folder renjacheck was run in."}}},
            "artifacts": [{"location": artifact_location(f.path), "roles": ["analysisTarget"],
                           "mimeType": XLSX} for f in report.files],
            "results": results,
        }
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        return json.dumps(log, ensure_ascii=False, indent=2)

    def _rules(self, report: Report) -> list[RuleInfo]:
        """Every rule that ran on some workbook, by id; the first workbook's configuration
        gives its default level."""
        found: dict[str, RuleInfo] = {}
        for file in report.files:
            for rule in rules_that_ran(file):
                found.setdefault(rule.id, rule)
        return [found[key] for key in sorted(found)]

    def _rule(self, rule: RuleInfo) -> dict:
        def one_line(field: str) -> str:
            return " ".join(rule.text(field, self.lang).split())

        title, why = one_line("title"), one_line("rationale")
        parts = [(text("why", self.lang), why), (text("rule_example", self.lang),
                                                 one_line("example")),
                 (text("rule_fix", self.lang), one_line("fix"))]
        parts = [(heading, body) for heading, body in parts if body]
        descriptor = {"id": rule.id, "name": rule.slug, "shortDescription": {"text": title}}
        if why:
            descriptor["fullDescription"] = {"text": why}
        if parts:
            descriptor["help"] = {
                "text": "\n\n".join(f"{heading}: {body}" for heading, body in parts),
                "markdown": "\n\n".join(f"**{heading}**\n\n{body}" for heading, body in parts)}
        descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
        properties: dict = {"tags": list(rule.tables)}
        if rule.kind:
            properties["kind"] = rule.kind
        descriptor["properties"] = properties
        return descriptor

    def _location(self, path: str, n: int, cell: Location | None) -> dict:
        # Code scanning refuses a result without a line; a workbook has none, so line 1.
        location: dict = {"physicalLocation": {"artifactLocation": artifact_location(path, n),
                                               "region": {"startLine": 1}}}
        if cell is not None:
            location["logicalLocations"] = [{"fullyQualifiedName": str(cell),
                                             "name": cell.cell, "kind": "element"}]
        return location

    def _result(self, finding: Finding, file: FileReport, n: int, index: dict[str, int]) -> dict:
        first, *others = finding.locations or (None,)
        result = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": shown(headline(finding, self.lang))},
            "locations": [self._location(file.path, n, first)],
            "partialFingerprints": {FINGERPRINT: finding.fingerprint},
            "properties": {"table": finding.table, "expected": plain(finding.expected),
                           "actual": plain(finding.actual)},
        }
        if others:
            result["relatedLocations"] = [{"id": k, **self._location(file.path, n, cell)}
                                          for k, cell in enumerate(others, start=1)]
        waiver = finding.waived
        if waiver is not None:
            result["suppressions"] = [{
                "kind": "external", "status": "accepted", "justification": waiver.reason,
                "properties": {"acceptedBy": waiver.accepted_by,
                               "date": waiver.date.isoformat() if waiver.date else None}}]
        return result

    def _skipped(self, file: FileReport, n: int, rule: RuleInfo, why: str) -> dict:
        """A rule that did not run on a workbook, and why."""
        return {"level": "note",
                "message": {"text": shown(f"{file.path}: {rule.id} {rule.slug}: {why}")},
                "associatedRule": {"id": rule.id},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(file.path, n)}}],
                "properties": {"code": "rule_skipped", "missing": list(file.skipped[rule.id])}}

    def _notification(self, file: FileReport, n: int) -> dict:
        reason = text(file.error, self.lang, **file.error_args)
        return {"level": "error", "message": {"text": shown(f"{file.path}: {reason}")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": artifact_location(file.path, n)}}],
                "properties": {"code": file.error}}
