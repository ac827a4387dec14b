"""JUnit XML, the test report CI servers read (GitLab, Jenkins, Azure Pipelines, and GitHub
through a test-report action).

    testsuites                    the run
      testsuite name=PATH         one a workbook
        testcase name="TBL001 angka-tidak-terbaca"            a rule that ran and passed
        testcase name="CAP001 capaian-hitung (Capaian 2023!F36)"
          failure                 an error, one testcase each

A rule that ran without an error passes, as one testcase named by its id and slug; its
warnings and info, one line each, are its system-out. A rule with errors gives one testcase per
error, named by the rule and the cell to fix, each with one failure: CI servers show one failure a
testcase, so each error is seen. A waived error is such a testcase too, skipped, with the
waiver's reason. A rule that could not run, its tables missing, is one testcase, skipped, with
the tables it lacked. A file that could not be checked is a testsuite with one testcase in
error.
The counts (tests, failures, errors, skipped) add up from the testcases; no time is measured.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from renjacheck.version import __version__
from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.safetext import shown
from renjacheck.reporters.base import (Reporter, RuleInfo, expected_found, where,
                                       rules_skipped, rules_that_ran)

# XML 1.0 allows no C0 control but tab, LF and CR; a cell may hold them (Excel's _x000B_).
# CI servers show these texts to people: every control, bidi or zero-width character is shown
# escaped (`\\u202e`, renjacheck.safetext), as in the text report; the noncharacters U+FFFE
# and U+FFFF, which XML cannot carry either, as U+FFFD.
_NOT_XML = re.compile("[\ufffe\uffff]")
COUNTS = ("tests", "failures", "errors", "skipped")


def clean(value: str) -> str:
    """Text that XML can carry, shown safe."""
    return _NOT_XML.sub("\ufffd", shown(value, keep="\t\n\r"))


def _headline(finding: Finding, lang: str) -> str:
    """Its cells, shown safe (a line break in a sheet name too), then its message."""
    cells = shown(where(finding))
    message = finding.message(lang)
    return f"{cells} {message}" if cells else message


class JunitReporter(Reporter):
    """A testsuites document, one testsuite a workbook."""

    def render(self, report: Report) -> str:
        """The document, indented, with its XML declaration."""
        root = ET.Element("testsuites", name="renjacheck")
        for file in report.files:
            root.append(self._suite(file))
        self._count(root, list(root))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")

    def _t(self, key: str, **args) -> str:
        return text(key, self.lang, **args)

    @staticmethod
    def _count(element: ET.Element, suites: list[ET.Element]) -> None:
        """Set the counts of `element` from the testcases of `suites`."""
        cases = [case for suite in suites for case in suite.iter("testcase")]
        totals = {"tests": len(cases),
                  "failures": sum(case.find("failure") is not None for case in cases),
                  "errors": sum(case.find("error") is not None for case in cases),
                  "skipped": sum(case.find("skipped") is not None for case in cases)}
        for key in COUNTS:
            element.set(key, str(totals[key]))
        element.set("time", "0")

    def _suite(self, file: FileReport) -> ET.Element:
        suite = ET.Element("testsuite", name=clean(file.path))
        properties = ET.SubElement(suite, "properties")
        for name, value in (("renjacheck.version", __version__), ("lang", self.lang)):
            ET.SubElement(properties, "property", name=name, value=value)
        if file.error is not None:
            case = self._case(suite, file, self._t("cannot_check"))
            reason = self._t(file.error, **file.error_args)
            ET.SubElement(case, "error", type=file.error, message=clean(reason))
        else:
            ran = [(rule, None) for rule in rules_that_ran(file)]
            for rule, why in sorted(ran + rules_skipped(file, self.lang),
                                    key=lambda entry: entry[0].id):
                if why is None:
                    self._rule(suite, file, rule)
                else:  # its tables are missing
                    case = self._case(suite, file, f"{rule.id} {rule.slug}")
                    ET.SubElement(case, "skipped", message=clean(why))
        self._count(suite, [suite])
        return suite

    def _case(self, suite: ET.Element, file: FileReport, name: str) -> ET.Element:
        return ET.SubElement(suite, "testcase", classname=clean(file.path), name=clean(name),
                             time="0")

    def _rule(self, suite: ET.Element, file: FileReport, rule: RuleInfo) -> None:
        findings = [f for f in file.findings if f.rule == rule.id]
        failing = [f for f in findings if f.severity is Severity.ERROR]
        if not failing:
            case = self._case(suite, file, f"{rule.id} {rule.slug}")
            if findings:
                lines = [f"{self._t(f'severity.{f.severity.value}')} {_headline(f, self.lang)}"
                         for f in findings]
                ET.SubElement(case, "system-out").text = clean("\n".join(lines))
            return
        names = [f"{rule.id} {rule.slug} "
                 f"({shown(str(f.locations[0])) if f.locations else f.fingerprint})"
                 for f in failing]
        for name, finding in zip(names, failing, strict=True):
            if names.count(name) > 1:  # two errors at one cell: the fingerprint tells them apart
                name = f"{name[:-1]}, {finding.fingerprint})"
            case = self._case(suite, file, name)
            if finding.waived is not None:
                waiver = finding.waived
                who = self._t("waived_by", who=waiver.accepted_by)
                message = f"{self._t('waived')}: {waiver.reason} ({who})"
                ET.SubElement(case, "skipped", message=clean(message))
            else:
                ET.SubElement(case, "failure", type=rule.id,
                              message=clean(_headline(finding, self.lang))
                              ).text = clean(self._details(finding, rule))

    def _details(self, finding: Finding, rule: RuleInfo) -> str:
        """The failure's text: the message, what was expected and found, why it matters."""
        lines = [_headline(finding, self.lang)]
        figures = expected_found(finding, self.lang)
        if figures:
            lines.append(figures)
        why = " ".join(rule.text("rationale", self.lang).split())
        if why:
            lines.append(f"{self._t('why')}: {why}")
        lines.append(f"{self._t('fingerprint_label')}: {finding.fingerprint}")
        return "\n".join(lines)
