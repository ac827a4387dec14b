"""Text for people: per file, the tables read and where, then the findings grouped by table.

Each finding shows its cell, its message (what was expected, what was found), and each rule's
reason why it matters is given once, under the rule's first finding. A waived finding is marked
DIKECUALIKAN (WAIVED) with the waiver's reason and who accepted it.
"""

from __future__ import annotations

import textwrap

from renjacheck.findings import FileReport, Finding, Report, Severity
from renjacheck.i18n import show, text
from renjacheck.reporters.base import Reporter
from renjacheck.workbook.headers import TABLE_LABELS


class TextReporter(Reporter):
    """The default, human-readable report."""

    def render(self, report: Report) -> str:
        """Every file's section, one after another."""
        return "\n".join(self._file(f) for f in report.files)

    def _t(self, key: str, **args) -> str:
        return text(key, self.lang, **args)

    def _file(self, file: FileReport) -> str:
        lines = [file.path]
        if file.error is not None:
            reason = self._t(file.error, **file.error_args)
            lines.append(f"  {self._t('cannot_check')}: {reason}")
            return "\n".join(lines) + "\n"
        if file.tables:
            lines.append(f"  {self._t('tables_read')}")
            width = max(len(f"{t.sheet}!{t.range}") for t in file.tables)
            for t in file.tables:
                place = f"{t.sheet}!{t.range}".ljust(width)
                lines.append(f"    {t.kind:<10} {place}  {self._t('rows', n=t.rows)}")
        else:
            lines.append(f"  {self._t('no_tables')}")
        order = [t.kind for t in file.tables]
        groups: dict[str | None, list[Finding]] = {}
        for finding in file.findings:
            table = finding.table if finding.table in order else None
            groups.setdefault(table, []).append(finding)
        explained: set[str] = set()
        for table in [None, *order]:
            if table not in groups:
                continue
            heading = TABLE_LABELS.get(table, "") if table else self._t("table_general")
            where = next((f" ({t.sheet}!{t.range})" for t in file.tables if t.kind == table), "")
            lines += ["", f"  {heading}{where}"]
            for finding in groups[table]:
                lines += self._finding(finding, explained)
        if not file.findings:
            lines += ["", f"  {self._t('no_findings')}"]
        summary = self._t("summary", **{s.value: file.count(s) for s in Severity})
        if file.waived:
            summary += self._t("summary_waived", n=file.waived)
        lines += ["", f"  {summary}", ""]
        return "\n".join(lines)

    def _finding(self, finding: Finding, explained: set[str]) -> list[str]:
        severity = self._t(f"severity.{finding.severity.value}")
        where = ", ".join(str(loc) for loc in finding.locations) or "-"
        title = finding.title.get(self.lang, "")
        lines = [f"    {severity:<10} {where}  [{finding.rule} {finding.slug}] {title}",
                 f"      {finding.message(self.lang)}"]
        if finding.expected is not None and finding.actual is not None \
                and not isinstance(finding.expected, str):
            lines.append(f"      {self._t('expected')}: {show(finding.expected, self.lang)}; "
                         f"{self._t('found')}: {show(finding.actual, self.lang)}")
        if finding.waived is not None:
            waiver = finding.waived
            who = self._t("waived_by", who=waiver.accepted_by)
            when = f", {waiver.date.isoformat()}" if waiver.date else ""
            lines += textwrap.wrap(f"{self._t('waived')}: {waiver.reason} ({who}{when})",
                                   width=100, initial_indent=" " * 6, subsequent_indent=" " * 8)
        if finding.rule not in explained and finding.rationale:
            explained.add(finding.rule)
            why = f"{self._t('why')}: {finding.rationale.get(self.lang, '')}"
            lines += textwrap.wrap(why, width=100, initial_indent=" " * 6,
                                   subsequent_indent=" " * 8)
        return lines
