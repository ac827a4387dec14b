"""GitHub Actions workflow commands: one annotation a finding, shown on the run's summary page
and, in a pull request, on the workbook's file.

    ::error file=samples/banten-2024.xlsx,title=CAP001 capaian-hitung::Capaian 2023!F36 No 19 ...

Errors are `::error`, warnings `::warning`, info `::notice`. A waived finding is not annotated:
a waiver is the inspectorate's sign-off that it needs no more attention. A file that could not
be checked is an `::error` with the reason. Quiet: `::error` lines only.

Values are escaped as GitHub's toolkit escapes them: in the message `%`, CR and LF; in a
property also `:` and `,`, which would otherwise end the property (so `::` cannot end the
properties early). Before that, text read from the workbook or the command line is shown safe
(renjacheck.safetext): a control, bidi or zero-width character is written `\\u202e`, so an
annotation's location or file cannot be faked, and the log holds no escape sequence. A
message's line breaks (quoted from a cell) stay, escaped as the toolkit escapes them; a line
break in a location is shown escaped, so the location stays whole on the first line.
"""

from __future__ import annotations

from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.reporters.base import Reporter, where
from renjacheck.safetext import shown

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """A command's message, shown safe, then `%` first, so that the escapes it makes stay as
    they are."""
    return shown(value, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A command's property value: as a message, and `:` and `,` too."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str], message: str) -> str:
    """`::name key=value,key=value::message`, every part escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


class GithubReporter(Reporter):
    """Workflow commands, one line each."""

    def render(self, report: Report) -> str:
        """Every annotation, files in order, findings in workbook order."""
        lines: list[str] = []
        for file in report.files:
            if file.error is not None:
                lines.append(self._cannot_check(file))
                continue
            lines += [self._finding(file, f) for f in file.findings if self._shown(f)]
        return "\n".join(lines)

    def _shown(self, finding: Finding) -> bool:
        if finding.waived is not None:
            return False
        return finding.severity is Severity.ERROR or not self.quiet

    def _finding(self, file: FileReport, finding: Finding) -> str:
        properties = {"file": file.path, "title": f"{finding.rule} {finding.slug}"}
        # The cells shown safe first, a line break in a sheet name too: only the message's own
        # line breaks (quoted from a cell) are kept, so the location stays on the first line.
        cells = shown(where(finding))
        message = finding.message(self.lang)
        return command(COMMANDS[finding.severity], properties,
                       f"{cells} {message}" if cells else message)

    def _cannot_check(self, file: FileReport) -> str:
        reason = text(file.error, self.lang, **file.error_args)
        return command("error", {"file": file.path, "title": "renjacheck"},
                       f"{text('cannot_check', self.lang)}: {reason}")
