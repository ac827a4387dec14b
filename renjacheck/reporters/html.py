"""HTML for the inspectorate: one self-contained page, on screen with filters, on paper on A4.

The page needs nothing outside itself: its style and script (html.css and html.js beside this
module) are inlined, it names no font, image or address to fetch, and its Content Security
Policy allows only that style and that script (by their hashes) and nothing from anywhere, so
even a workbook text that escaped escaping could not run or fetch anything. Every text from a
workbook is escaped. The output is deterministic but for the date of the check, which
SOURCE_DATE_EPOCH fixes and --no-date leaves out.

The page opens with what made it: renjacheck's version, the rules' version (a digest of the
rules as they ran, reporters/base.py) and the date. Per file: its plan (Unit Kerja, Tahun), its
SHA-256 and the rules it was checked with; the tables read and where, with the count of findings
per table and severity, and the rules that could not run (the tables they lacked), then
every finding grouped by table as the text report groups them, each with its cells, its rule,
its message, what was expected and found, its fingerprint and its waiver. Why a rule matters is
said once, with the rule (35 findings printed each with its reason took 14 pages).
A file that could not be checked gets its one-line reason. Last, each rule that found something
is explained: why it matters, an example, how to fix it (from the rules the files ran with).
--quiet is not honoured: the page is the complete record, its filters narrow it.
"""

from __future__ import annotations

from renjacheck.version import __version__
from renjacheck.findings import Finding, Severity
from renjacheck.i18n import text
from renjacheck.report import FileReport, Report
from renjacheck.reporters.base import (
    Reporter, RuleInfo, check_date, rules_that_ran, rules_version, skipped_by_reason,
)
from renjacheck.reporters.htmlkit import (
    GENERAL, WORDS, asset, css_string, digest, esc, esc_place, table_of,
)
from renjacheck.tables import registry


class HtmlReporter(Reporter):
    """The HTML report: a page in the report language, its findings filterable."""

    def _w(self, key: str, **args) -> str:
        words = WORDS.get(key)
        if words is None:
            return text(key, self.lang, **args)
        return (words.get(self.lang) or words["id"]).format(**args)

    def render(self, report: Report) -> str:
        """The whole page as one string, ending with a newline."""
        style = self._style(report)
        script = asset("html.js")
        names = ", ".join(f.path.replace("\\", "/").rsplit("/", 1)[-1] for f in report.files)
        title = self._w("title") + (f": {names}" if names else "")
        policy = (f"default-src 'none'; style-src {digest(style)}; "
                  f"script-src {digest(script)}; base-uri 'none'; form-action 'none'")
        findings = [f for file in report.files for f in file.findings]
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{esc(self.lang)}">',
            "<head>",
            '<meta charset="utf-8" />',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            f'<meta name="generator" content="renjacheck {esc(__version__)}" />',
            f"<title>{esc(title)}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            '<header class="top">',
            f"<h1>{esc(self._w('title'))}</h1>",
            f'<p class="meta">{esc(self._w("files"))}: {esc(names or "-")}</p>',
            f'<p class="meta">{esc(self._made(report))}</p>',
            *self._filters(report),
            f'<p class="shown">{self._shown(len(findings))}</p>',
            "</header>",
            "<main>",
            *(line for n, file in enumerate(report.files, 1) for line in self._file(n, file)),
            *self._rules(report),
            "</main>",
            f"<footer>{esc(self._w('made_by', version=__version__))}</footer>",
            f"<script>{script}</script>",
            "</body>",
            "</html>",
        ]
        return "\n".join(parts) + "\n"

    def _made(self, report: Report) -> str:
        """`Dibuat oleh renjacheck 0.1.0, aturan versi 25083a10b0f5, pada 2024-12-04`: what
        made the report, with which rules, and when (no date with --no-date; the date of
        SOURCE_DATE_EPOCH when it is set)."""
        versions = list(dict.fromkeys(rules_version(f.rules) for f in report.files if f.rules))
        line = self._w("made_by", version=__version__)
        if versions:
            line += ", " + self._w("rules_version", version=", ".join(versions))
        date = check_date(self.dated)
        return line + (", " + self._w("checked_on", date=date) if date else "")

    # ---- style and filters ---------------------------------------------------------------

    def _style(self, report: Report) -> str:
        """The shared style, then a named page for each file (its path heads every page it
        prints on) and one for the rules explained."""
        pages = [self._page(f"file-{n}", f"section#file-{n}", file.path)
                 for n, file in enumerate(report.files, 1)]
        if report.files:  # the title block prints on the first file's first page
            pages.append("header.top { page: file-1; }\n")
        pages.append(self._page("rules", "section.rules", self._w("rules")))
        return asset("html.css") + "\n" + "".join(pages)

    def _page(self, name: str, selector: str, heading: str) -> str:
        font = "font: 8pt system-ui, sans-serif; color: #57606a;"
        counter = (f'{css_string(self._w("page") + " ")} counter(page) '
                   f'{css_string(" " + self._w("of") + " ")} counter(pages)')
        return (f"@page {name} {{\n"
                f"  @top-left {{ content: {css_string(heading)}; {font} }}\n"
                f"  @top-right {{ content: {css_string(f'renjacheck {__version__}')}; {font} }}\n"
                f"  @bottom-right {{ content: {counter}; {font} }}\n}}\n"
                f"{selector} {{ page: {name}; }}\n")

    def _filters(self, report: Report) -> list[str]:
        findings = [f for file in report.files for f in file.findings]
        if not findings:
            return []
        lines = ['<form id="filters" class="filters" hidden="hidden">',
                 f'<fieldset><legend>{esc(self._w("severity"))}</legend>']
        for severity in Severity:
            n = sum(f.severity is severity for f in findings)
            lines.append(f'<label><input type="checkbox" name="severity" '
                         f'value="{severity.value}" checked="checked" /> '
                         f'{esc(self._w("col." + severity.value))} ({n})</label>')
        n = sum(f.waived is not None for f in findings)
        if n:  # a box that could hide nothing would only raise a question
            lines.append(f'<label><input type="checkbox" name="waived" value="1" '
                         f'checked="checked" /> {esc(self._w("col.waived"))} ({n})</label>')
        lines.append("</fieldset>")
        tables: dict[str, str] = {}
        for file in report.files:
            kinds = [t.kind for t in file.tables]
            for finding in file.findings:
                table = table_of(finding, kinds)
                tables.setdefault(table, self._table_label(table))
        known = registry.names()
        order = sorted(tables, key=lambda t: (t != GENERAL, known.index(t)
                                               if t in known else len(known), t))
        lines += self._select("table", [(t, tables[t]) for t in order])
        rules = sorted({(f.rule, f.slug) for f in findings})
        lines += self._select("rule", [(rule, f"{rule} {slug}") for rule, slug in rules])
        lines.append("</form>")
        return lines

    def _select(self, name: str, options: list[tuple[str, str]]) -> list[str]:
        return [f'<label class="field">{esc(self._w(name))} <select name="{name}">',
                f'<option value="">{esc(self._w("all"))}</option>',
                *(f'<option value="{esc(value)}">{esc(label)}</option>'
                  for value, label in options),
                "</select></label>"]

    def _shown(self, total: int) -> str:
        # The script changes only the number; the sentence around it stays in the language.
        mark = "\ue000"  # a private-use character no translation holds, and esc leaves alone
        words = esc(self._w("shown", shown=mark, total=total))
        return words.replace(mark, f'<span id="shown-count">{total}</span>', 1)

    def _table_label(self, table: str) -> str:
        return self._w("table_general") if table == GENERAL else registry.labels().get(table, table)

    # ---- a file --------------------------------------------------------------------------

    def _file(self, n: int, file: FileReport) -> list[str]:
        lines = [f'<section class="file" id="file-{n}">', f"<h2>{esc_place(file.path)}</h2>"]
        if file.error is not None:
            reason = text(file.error, self.lang, **file.error_args)
            lines += [f'<p class="cannot"><strong>{esc(text("cannot_check", self.lang))}'
                      f"</strong>: {esc(reason)}</p>", "</section>"]
            return lines
        summary = text("summary", self.lang, **{s.value: file.count(s) for s in Severity})
        if file.waived:
            summary += text("summary_waived", self.lang, n=file.waived)
        lines += self._identity(file)
        lines.append(f'<p class="summary-line">{esc(summary)}</p>')
        lines += self._overview(file)
        lines.append(f"<h3>{esc(self._w('findings'))}</h3>")
        if file.findings:
            lines += self._findings(n, file)
        else:
            lines.append(f'<p class="clean">{esc(text("no_findings", self.lang))}</p>')
        lines.append("</section>")
        return lines

    def _identity(self, file: FileReport) -> list[str]:
        """Whose plan and which year (the Identitas), the file's SHA-256, and the rules it was
        checked with: what names the checked file beyond its path."""
        entries = [("unit", esc(file.unit or "-")),
                   ("year", esc(file.year if file.year is not None else "-"))]
        if file.sha256:
            entries.append(("sha256", f"<code>{esc(file.sha256)}</code>"))
        if file.rules:
            entries.append(("rules_used", esc(self._w("rules_count", n=len(file.rules),
                                                      version=rules_version(file.rules)))))
        return ['<dl class="identity">',
                *(f"<dt>{esc(self._w(key))}</dt><dd>{value}</dd>" for key, value in entries),
                "</dl>"]

    def _overview(self, file: FileReport) -> list[str]:
        """The tables read and where, with their findings counted by severity (waived apart),
        and the rules that could not run, with the tables they lacked."""
        kinds = [t.kind for t in file.tables]
        columns = [*(s.value for s in Severity), "waived"]
        counts: dict[str, dict[str, int]] = {}
        for finding in file.findings:
            column = "waived" if finding.waived is not None else finding.severity.value
            row = counts.setdefault(table_of(finding, kinds), dict.fromkeys(columns, 0))
            row[column] += 1
        lines = [f"<h3>{esc(self._w('overview'))}</h3>"]
        if not file.tables:
            lines.append(f"<p>{esc(text('no_tables', self.lang))}</p>")
        lines += ['<table class="summary">', "<thead><tr>",
                  f'<th scope="col">{esc(self._w("table"))}</th>',
                  f'<th scope="col">{esc(self._w("place"))}</th>',
                  f'<th scope="col" class="n">{esc(self._w("rows"))}</th>',
                  *(f'<th scope="col" class="n">{esc(self._w("col." + c))}</th>'
                    for c in columns),
                  "</tr></thead>", "<tbody>"]
        entries = [(GENERAL, "", "")] if GENERAL in counts else []
        entries += [(t.kind, f"{t.sheet}!{t.range}", str(t.rows)) for t in file.tables]
        for kind, place, rows in entries:
            row = counts.get(kind, dict.fromkeys(columns, 0))
            place = f"<code>{esc_place(place)}</code>" if place else ""
            lines.append(f'<tr><th scope="row">{esc(self._table_label(kind))}</th>'
                         f'<td>{place}</td><td class="n">{esc(rows)}</td>'
                         + "".join(self._count(row[c]) for c in columns) + "</tr>")
        lines.append("</tbody>")
        totals = {c: sum(row[c] for row in counts.values()) for c in columns}
        lines += ["<tfoot><tr>", f'<th scope="row" colspan="3">{esc(self._w("total"))}</th>',
                  "".join(self._count(totals[c]) for c in columns), "</tr></tfoot>", "</table>"]
        skipped = skipped_by_reason(file, self.lang)
        if skipped:  # what was not checked stands with what was read, not only in a footnote
            lines += [f'<p class="skipped">{esc(text("rules_skipped", self.lang))}</p>',
                      '<ul class="skipped">']
            lines += [f"<li><code>{esc(', '.join(ids))}</code>: {esc(why)}</li>"
                      for ids, why in skipped]
            lines.append("</ul>")
        return lines

    @staticmethod
    def _count(n: int) -> str:
        return f'<td class="n{" zero" if not n else ""}">{n}</td>'

    def _findings(self, n: int, file: FileReport) -> list[str]:
        kinds = [t.kind for t in file.tables]
        groups: dict[str, list[Finding]] = {}
        for finding in file.findings:
            groups.setdefault(table_of(finding, kinds), []).append(finding)
        lines = ['<table class="findings">',
                 '<colgroup><col class="sev" /><col class="cells" /><col class="rule" />'
                 '<col class="what" /></colgroup>',
                 "<thead><tr>",
                 *(f'<th scope="col">{esc(self._w(key))}</th>'
                   for key in ("severity", "cell", "rule", "finding")),
                 "</tr></thead>"]
        ids: set[str] = set()
        for table in [GENERAL, *kinds]:
            if table not in groups:
                continue
            where = next((f"{t.sheet}!{t.range}" for t in file.tables if t.kind == table), "")
            heading = esc(self._table_label(table))
            if where:
                heading += f'<span class="where">{esc_place(where)}</span>'
            lines += ['<tbody class="group">',
                      f'<tr class="group"><th colspan="4" scope="colgroup">{heading}</th></tr>']
            for finding in groups[table]:
                # The fingerprint names the finding across runs, so a link to it stays valid.
                anchor = f"f{n}-{finding.fingerprint}"
                while anchor in ids:
                    anchor += "-"
                ids.add(anchor)
                lines += self._finding(finding, table, anchor)
            lines.append("</tbody>")
        lines += ['<tbody class="none" hidden="hidden">',
                  f'<tr class="none"><td colspan="4">{esc(self._w("none_shown"))}</td></tr>',
                  "</tbody>", "</table>"]
        return lines

    def _finding(self, finding: Finding, table: str, anchor: str) -> list[str]:
        severity = finding.severity.value
        waived = finding.waived is not None
        badges = f'<span class="badge {severity}">{esc(self._w("severity." + severity))}</span>'
        if waived:
            badges += f' <span class="badge waived">{esc(self._w("waived"))}</span>'
        # The first cell is the one to fix; the others are where the compared figures sit.
        # Spaces between the blocks, so that copied text and screen readers keep them apart.
        cells = " ".join(f'<code class="{"fix" if i == 0 else "also"}">{esc_place(loc)}</code>'
                        for i, loc in enumerate(finding.locations)) or "-"
        title = finding.title.get(self.lang, "")
        what = [f'<p class="msg">{esc(finding.message(self.lang))}</p>']
        figures = finding.figures(self.lang)
        if figures is not None:
            what.append(f'<p class="figures">{esc(self._w("expected"))}: '
                        f"<b>{esc(figures[0])}</b>; "
                        f'{esc(self._w("found"))}: <b>{esc(figures[1])}</b></p>')
        if waived:
            waiver = finding.waived
            who = self._w("waived_by", who=waiver.accepted_by)
            when = f", {waiver.date.isoformat()}" if waiver.date else ""
            what.append(f'<p class="waiver"><strong>{esc(self._w("waived"))}</strong>: '
                        f"{esc(waiver.reason)} ({esc(who + when)})</p>")
        what.append(f'<p class="fp">{esc(self._w("fingerprint"))}: '
                    f"<code>{esc(finding.fingerprint)}</code></p>")
        return [f'<tr class="finding {severity}{" waived" if waived else ""}" id="{esc(anchor)}" '
                f'data-severity="{severity}" data-table="{esc(table)}" '
                f'data-rule="{esc(finding.rule)}" data-waived="{int(waived)}">',
                f'<td class="sev">{badges}</td>',
                f'<td class="cells">{cells}</td>',
                f'<td class="rule"><a class="id" href="#rule-{esc(finding.rule)}">'
                f"{esc(finding.rule)}</a> "
                f'<span class="slug">{esc(finding.slug)}</span> '
                f'<span class="title">{esc(title)}</span></td>',
                f'<td class="what">{" ".join(what)}</td>',
                "</tr>"]

    # ---- the rules -----------------------------------------------------------------------

    def _rules(self, report: Report) -> list[str]:
        """Each rule that found something, by id: why it matters, an example, the fix."""
        found = {f.rule for file in report.files for f in file.findings}
        infos: dict[str, RuleInfo] = {}
        for file in report.files:  # the same id is the same rule file in every configuration
            for info in rules_that_ran(file):
                if info.id in found:
                    infos.setdefault(info.id, info)
        if not infos:
            return []
        lines = ['<section class="rules" id="rules">', f"<h2>{esc(self._w('rules'))}</h2>"]
        for rule in sorted(infos):
            info = infos[rule]
            lines += [f'<section class="rule-help" id="rule-{esc(rule)}" data-rule="{esc(rule)}">',
                      f'<h3>{esc(rule)} <span class="slug">{esc(info.slug)}</span></h3>',
                      f'<p class="title">{esc(info.text("title", self.lang))}</p>', "<dl>"]
            for field, label in (("rationale", "why"), ("example", "rule_example"),
                                 ("fix", "rule_fix")):
                # Rule files wrap their prose as YAML folds it; the page wraps it again.
                words = " ".join(info.text(field, self.lang).split())
                if words:
                    lines += [f"<dt>{esc(self._w(label))}</dt>", f"<dd>{esc(words)}</dd>"]
            lines += ["</dl>", "</section>"]
        lines.append("</section>")
        return lines
