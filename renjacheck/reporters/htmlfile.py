"""One file's section of the HTML report (html.py): its plan and digest, the tables read with
their findings counted, the rules that could not run, then its findings grouped by table, each
with its cells, rule, message, figures, waiver and fingerprint."""

from __future__ import annotations

from renjacheck.findings import Finding, Severity
from renjacheck.i18n import text
from renjacheck.report import FileReport
from renjacheck.reporters.base import rules_version, skipped_by_reason
from renjacheck.reporters.htmlkit import GENERAL, esc, esc_place, table_label, table_of, word


class FileSection:
    """The section of one file, in the report language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def _w(self, key: str, **args) -> str:
        return word(key, self.lang, **args)

    def _table_label(self, table: str) -> str:
        return table_label(table, self.lang)

    def render(self, n: int, file: FileReport) -> list[str]:
        """The file's section of the page."""
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
        entries += [(t.kind, t.where, str(t.rows)) for t in file.tables]
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
            where = next((t.where for t in file.tables if t.kind == table), "")
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
