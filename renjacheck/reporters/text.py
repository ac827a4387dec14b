"""Text for people: per file, the tables read and where and the rules that could not run (the
tables they lacked), then the findings grouped by table.

Each finding shows its cell, its message (what was expected, what was found), and each rule's
reason why it matters and how to fix its findings are given once, under the rule's first
finding. A waived finding is marked
DIKECUALIKAN (WAIVED) with the waiver's reason and who accepted it. One line ends the report:
the files checked and their findings by severity, and the files that could not be checked
(their reasons are on stderr, one line each, so they have no section here).

Every line is shown safe (renjacheck.safetext): a control, bidi or zero-width character from a
sheet name, a cell, a file name or a rule file is escaped (`Pendanaan\\u202e!F7`), and a line
break quoted from a cell is a space, so no text read can fake a location or a line.

Quiet: one line per error that is not waived (file, cells, rule, message), then that last line.
"""

from __future__ import annotations

import textwrap

from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.reporters.base import Reporter, expected_found, skipped_by_reason, where
from renjacheck.safetext import shown
from renjacheck.tables import registry


class TextReporter(Reporter):
    """The default, human-readable report."""

    def render(self, report: Report) -> str:
        """Every file's section, one after another, then the summary line of the run; nothing
        when no file could be checked."""
        checked = [f for f in report.files if f.error is None]
        if not checked:
            return ""
        if self.quiet:
            sections = ["\n".join(self._errors(f)) for f in checked]
            body = "".join(section + "\n" for section in sections if section)
        else:
            body = "\n".join(self._file(f) for f in checked) + "\n"
        return body + self.run_summary(report)

    def run_summary(self, report: Report) -> str:
        """`3 berkas diperiksa: 11 kesalahan, 20 peringatan, 4 info, 0 dikecualikan`, and the
        files that could not be checked, if any."""
        checked = [f for f in report.files if f.error is None]
        counts = [self._count(s.value, sum(f.count(s) for f in checked)) for s in Severity]
        counts.append(self._count("waived", sum(f.waived for f in checked)))
        line = self._t("run_summary", files=self._count("files", len(checked)),
                       counts=", ".join(counts))
        unchecked = len(report.files) - len(checked)
        if unchecked:
            line += "; " + self._count("unchecked", unchecked)
        return line

    def _count(self, what: str, n: int) -> str:
        # English says "1 error", "2 errors"; Indonesian has one form.
        key = f"count.{what}.one" if n == 1 else f"count.{what}"
        return self._t(key, n=n)

    def _t(self, key: str, **args) -> str:
        return text(key, self.lang, **args)

    def _errors(self, file: FileReport) -> list[str]:
        # One line each, for grep and for hooks: a line break quoted from a cell is a space.
        return [shown(f"{file.path}: {where(f) or '-'}: [{f.rule} {f.slug}] "
                      + _one_line(f.message(self.lang)))
                for f in file.findings if f.severity is Severity.ERROR and f.waived is None]

    def _file(self, file: FileReport) -> str:
        lines = [file.path]
        if file.tables:
            lines.append(f"  {self._t('tables_read')}")
            # Escaped before the widths are taken, so that the columns stay in line.
            width = max(len(shown(f"{t.sheet}!{t.range}")) for t in file.tables)
            kinds = max(10, *(len(t.kind) for t in file.tables))  # realisasi_anggaran: 18
            for t in file.tables:
                place = shown(f"{t.sheet}!{t.range}").ljust(width)
                lines.append(f"    {t.kind:<{kinds}} {place}  {self._t('rows', n=t.rows)}")
        else:
            lines.append(f"  {self._t('no_tables')}")
        skipped = skipped_by_reason(file, self.lang)
        if skipped:
            lines.append(f"  {self._t('rules_skipped')}")
            for ids, why in skipped:
                lines += textwrap.wrap(f"{', '.join(ids)}: {why}", width=96,
                                       initial_indent="    ", subsequent_indent="      ")
        order = [t.kind for t in file.tables]
        groups: dict[str | None, list[Finding]] = {}
        for finding in file.findings:
            table = finding.table if finding.table in order else None
            groups.setdefault(table, []).append(finding)
        explained: set[str] = set()
        for table in [None, *order]:
            if table not in groups:
                continue
            heading = registry.labels().get(table, "") if table else self._t("table_general")
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
        # Each line shown safe: a line break or control inside one is escaped.
        return "\n".join(shown(line) for line in lines)

    def _finding(self, finding: Finding, explained: set[str]) -> list[str]:
        severity = self._t(f"severity.{finding.severity.value}")
        cells = where(finding) or "-"
        title = finding.title.get(self.lang, "")
        lines = [f"    {severity:<10} {cells}  [{finding.rule} {finding.slug}] {title}",
                 f"      {_one_line(finding.message(self.lang))}"]
        figures = expected_found(finding, self.lang)
        if figures:
            lines.append(f"      {figures}")
        if finding.waived is not None:
            waiver = finding.waived
            who = self._t("waived_by", who=waiver.accepted_by)
            when = f", {waiver.date.isoformat()}" if waiver.date else ""
            lines += textwrap.wrap(f"{self._t('waived')}: {waiver.reason} ({who}{when})",
                                   width=100, initial_indent=" " * 6, subsequent_indent=" " * 8)
        if finding.rule in explained:
            return lines
        explained.add(finding.rule)
        for label, words in (("why", finding.rationale), ("rule_fix", finding.fix)):
            said = words.get(self.lang) or words.get("id")
            if said:
                lines += textwrap.wrap(f"{self._t(label)}: {' '.join(said.split())}", width=100,
                                       initial_indent=" " * 6, subsequent_indent=" " * 8)
        return lines


def _one_line(message: str) -> str:
    """A message on one line: a line break quoted from a cell is a space."""
    return " ".join(message.splitlines())
