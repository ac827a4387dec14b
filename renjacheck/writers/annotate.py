"""The annotated copy: the workbook with every finding marked at its cell, and a results sheet.

The cell to fix (a finding's first location; a merged range's top-left cell) is filled by
severity and carries a comment that explains the finding; the other cells a finding names get a
comment pointing at it, without a fill, since they may well be right. Several findings on one
cell share one comment and the worst severity's fill; a cell whose findings are all waived is
grey. A first sheet, "Hasil Pemeriksaan" ("Check Results"), lists the file, the counts, the
tables read, what the copy could not carry over (writers/losses.py), and every finding with
a link to its cell. Its headings match no table kind, so checking the copy reads what checking
the original does. The input is never written to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.cell import MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.page import PageMargins

from renjacheck.version import __version__
from renjacheck.findings import Finding, Severity
from renjacheck.i18n import text
from renjacheck.report import FileReport
from renjacheck.safetext import shown
from renjacheck.values import Location
from renjacheck.workbook.prescan import prescan
from renjacheck.workbook.safety import (DEFAULT_LIMITS, CannotCheck, Limits, open_zip,
                                        read_vetted, vet_bytes)
from renjacheck.writers.losses import losses
from renjacheck.writers.openable import load, openable
from renjacheck.output import refuse_inputs, write_atomic
from renjacheck.writers.xlsx import save

# Fills (RGB): Excel's own "Bad" and "Neutral" cell styles, which planners know, a light blue
# for info, and grey for a finding the inspectorate waived.
FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7", "waived": "D9D9D9"}
AUTHOR = "renjacheck"
# Columns of the findings list: i18n key and width (characters). 141 in all: on A4 landscape
# within PRINT_MARGINS, fitted to the page width, the list prints at 11 pt where the
# workbook's font is Calibri, and at some 8.7 pt where a wider font stands in for it
# (LibreOffice with DejaVu Sans); a width of 234 printed at some 6.8 and 5.2 pt.
COLUMNS = (("ann.col_no", 4), ("ann.col_severity", 11), ("ann.col_rule", 8),
           ("ann.col_cell", 17), ("ann.col_title", 22), ("ann.col_message", 50),
           ("ann.col_related", 15), ("ann.col_waiver", 14))
PRINT_MARGINS = {"left": 0.4, "right": 0.4, "top": 0.6, "bottom": 0.6, "header": 0.3,
                 "footer": 0.3}  # inches


@dataclass(frozen=True)
class Mark:
    """One finding at one cell: the cell to fix (primary), or another cell it names."""

    finding: Finding
    primary: bool
    at: Location  # the finding's first location, where the primary mark is


def annotate(path: Path, report: FileReport, output: Path, lang: str,
             limits: Limits = DEFAULT_LIMITS, data: bytes | None = None) -> list[str]:
    """Write the annotated copy of the workbook at `path`, whose check gave `report`, to
    `output`; return one line for each kind of content the copy could not carry over.
    `data`: the workbook's bytes the check read (safety.read_vetted); the copy is made of
    them, never of the path read again (read here once when not given). OutputError for an
    output that is the input; CannotCheck when openpyxl cannot load it."""

    refuse_inputs(output, [path])  # before any work: the input is never written to
    if data is None:
        data = read_vetted(path, limits)
    else:
        vet_bytes(data, limits)
    # What openpyxl can load: merges too large cut down (put back when saving), numbers that
    # are no numbers as text, parts it would refuse left out; a copy in memory, the input is
    # not touched.
    try:
        with open_zip(data) as archive:
            parts = openable(archive, limits)
        scan = prescan(data, limits, parts.changed, parts.rename, parts.styles)
    except CannotCheck:
        raise
    except Exception as exc:  # what the check read, read again: it should not fail
        raise CannotCheck("broken_workbook", reason=type(exc).__name__) from None
    book, plainer = load(scan.source, parts)
    with open_zip(data) as archive:
        lost = [_lost_line(key, count, part, lang)
                for key, count, part in losses(archive, book, parts.dropped, parts.read,
                                                 scan.features)]
    lost += [_lost_line(key, 1, "", lang) for key in plainer]
    _mark(book, report.findings, lang)
    _results_sheet(book, path, report, lost, lang)
    _finite(book)
    write_atomic(output, save(book, scan.results, scan.clamped), [path])
    return lost


def _finite(book) -> None:
    """A number no spreadsheet holds (1e309 reads as infinity) as text: openpyxl would write
    `inf`, which Excel refuses to open. Checking the copy still reports it at its cell."""
    for sheet in book.worksheets:
        for cell in list(sheet._cells.values()):  # the cells the file holds, not the far corner
            if isinstance(cell.value, float) and not math.isfinite(cell.value):
                cell.value = str(cell.value)


def _lost_line(key: str, count: int, part: str, lang: str) -> str:
    what = text(f"lost.{key}", lang, part=part)
    return text("ann.lost_line", lang, what=what, count=count)


def _mark(book, findings: list[Finding], lang: str) -> None:

    marks: dict[tuple[str, str], list[Mark]] = {}
    cells = {}
    for finding in findings:
        for n, loc in enumerate(finding.locations):
            if loc.sheet not in book.sheetnames:
                continue
            cell = _top_left(book[loc.sheet], loc.row, loc.col)
            key = (loc.sheet, cell.coordinate)
            cells[key] = cell
            marks.setdefault(key, []).append(Mark(finding, n == 0, finding.locations[0]))
    for key, cell_marks in marks.items():
        cell = cells[key]
        primary = [m.finding for m in cell_marks if m.primary]
        if primary:
            colour = _colour(primary)
            cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
        # Shown safe (a bidi control in a sheet name cannot fake a location); lines kept.
        note = "\n\n".join(shown(_note(m, lang), keep="\n") for m in cell_marks)
        if cell.comment is not None:  # the planner's own comment stays, ours follows it
            note = f"{cell.comment.text}\n\n{note}"
        lines = sum(len(line) // 60 + 1 for line in note.splitlines())
        cell.comment = Comment(note, AUTHOR, height=min(18 * lines + 20, 600), width=420)


def _top_left(sheet, row: int, col: int):
    """The cell at (row, col), or the top-left cell of the merged range it lies in."""
    cell = sheet.cell(row, col)
    if isinstance(cell, MergedCell):
        for merged in sheet.merged_cells.ranges:
            if merged.min_row <= row <= merged.max_row and merged.min_col <= col <= merged.max_col:
                return sheet.cell(merged.min_row, merged.min_col)
    return cell


def _colour(findings: list[Finding]) -> str:
    live = [f for f in findings if f.waived is None]
    if not live:
        return FILLS["waived"]
    return FILLS[min(live, key=lambda f: f.severity.rank).severity.value]


def _note(mark: Mark, lang: str) -> str:
    finding = mark.finding
    severity = text(f"severity.{finding.severity.value}", lang)
    head = f"[{severity} {finding.rule} {finding.slug}] {finding.title.get(lang, '')}"
    if not mark.primary:
        return text("ann.related", lang, head=head, cell=str(mark.at))
    lines = [head, finding.message(lang)]
    shown = _expected(finding, lang)
    if shown:
        lines.append(shown)
    if len(finding.locations) > 1:
        others = ", ".join(str(loc) for loc in finding.locations[1:])
        lines.append(f"{text('ann.see_also', lang)}: {others}")
    fix = finding.fix.get(lang) or finding.fix.get("id")
    if fix:  # rule files fold their prose as YAML does; a comment wraps it again
        lines.append(f"{text('rule_fix', lang)}: {' '.join(fix.split())}")
    if finding.waived is not None:
        lines.append(_waiver(finding, lang))
    return "\n".join(lines)


def _expected(finding: Finding, lang: str) -> str:
    """'expected: ...; found: ...' as the text report gives it, or ''."""
    figures = finding.figures(lang)
    if figures is None:
        return ""
    return f"{text('expected', lang)}: {figures[0]}; {text('found', lang)}: {figures[1]}"


def _waiver(finding: Finding, lang: str) -> str:
    waiver = finding.waived
    who = text("waived_by", lang, who=waiver.accepted_by)
    when = f", {waiver.date.isoformat()}" if waiver.date else ""
    return f"{text('waived', lang)}: {waiver.reason} ({who}{when})"


def _link(cell, loc: Location) -> None:
    """Make `cell` a link to `loc`, inside the workbook."""
    sheet = loc.sheet.replace("'", "''")
    cell.value = shown(str(loc))  # the link's target keeps the real name
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!{loc.cell}",
                               display=cell.value)
    cell.style = "Hyperlink"


def _results_sheet(book, path: Path, report: FileReport, lost: list[str], lang: str) -> None:

    sheet = book.create_sheet(text("ann.sheet", lang), 0)
    for other in book.worksheets[1:]:
        other.sheet_view.tabSelected = False  # else Excel opens with the sheets grouped
    book.active = 0
    bold = Font(bold=True)
    sheet["A1"] = text("ann.heading", lang)
    sheet["A1"].font = Font(bold=True, size=14)
    rows: list[tuple[str, object]] = [(text("ann.file", lang), shown(path.name)),
                                      (text("ann.checked_with", lang), f"renjacheck {__version__}")]
    rows += [(text(f"ann.count.{s.value}", lang), report.count(s)) for s in Severity]
    rows.append((text("ann.count.waived", lang), report.waived))
    row = 2
    for label, value in rows:
        row += 1
        _label(sheet, row, label)
        sheet.cell(row, 4, value).alignment = Alignment(horizontal="left")
    row += 2
    _label(sheet, row, text("ann.tables", lang))
    for table in report.tables:
        row += 1
        sheet.cell(row, 2, table.kind)
        _link(sheet.cell(row, 4), _range(table.sheet, table.range))
        # Two columns on: a long range ("Capaian 2023!A3:F36") runs on into the empty one.
        sheet.cell(row, 6, text("rows", lang, n=table.rows))
        for part_sheet, ref in table.places[1:]:  # where a continued table goes on, linked
            row += 1
            sheet.cell(row, 3, "+")
            _link(sheet.cell(row, 4), _range(part_sheet, ref))
    if not report.tables:
        row += 1
        sheet.cell(row, 2, text("no_tables", lang))
    if lost:
        row += 2
        _label(sheet, row, text("ann.lost", lang))
        for line in lost:
            row += 1
            sheet.cell(row, 2, shown(line))
    row += 2
    for col, (key, width) in enumerate(COLUMNS, start=1):
        head = sheet.cell(row, col, text(key, lang))
        head.font = bold
        head.fill = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
        sheet.column_dimensions[head.column_letter].width = width
    first = row
    for n, finding in enumerate(report.findings, start=1):
        _finding_row(sheet, row + n, n, finding, lang)
    last = row + max(len(report.findings), 1)
    if not report.findings:
        sheet.cell(last, 2, text("no_findings", lang))
    sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(COLUMNS))}{last}"
    _print_setup(sheet, first, shown(path.name), lang)


def _print_setup(sheet, heading: int, name: str, lang: str) -> None:
    """Printed (or turned into a PDF): A4 landscape, a page wide at a readable size, the list's
    heading row on every page, the file's name and the page number in the margins. The data
    sheets keep the print settings the planner gave them."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.page_margins = PageMargins(**PRINT_MARGINS)
    sheet.print_title_rows = f"{heading}:{heading}"
    sheet.oddHeader.left.text = f"{text('ann.heading', lang)}: {name}".replace("&", "&&")
    sheet.oddFooter.right.text = "&P / &N"


def _label(sheet, row: int, label: str) -> None:
    """A bold label over the first three (narrow) columns."""
    sheet.cell(row, 1, label).font = Font(bold=True)
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)


def _finding_row(sheet, row: int, n: int, finding: Finding, lang: str) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    severity = sheet.cell(row, 2, text(f"severity.{finding.severity.value}", lang))
    colour = FILLS["waived" if finding.waived is not None else finding.severity.value]
    severity.fill = PatternFill("solid", start_color=colour, end_color=colour)
    sheet.cell(row, 1, n)
    sheet.cell(row, 3, finding.rule)
    if finding.locations:
        _link(sheet.cell(row, 4), finding.locations[0])
    else:
        sheet.cell(row, 4, "-")
    sheet.cell(row, 5, shown(finding.title.get(lang, "")))
    message = finding.message(lang)
    figures = _expected(finding, lang)
    sheet.cell(row, 6, shown(f"{message}\n{figures}" if figures else message, keep="\n"))
    sheet.cell(row, 7, shown(", ".join(str(loc) for loc in finding.locations[1:])) or None)
    if finding.waived is not None:
        sheet.cell(row, 8, shown(_waiver(finding, lang), keep="\n"))
    lines = 1
    for col, (_key, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row, col)
        cell.alignment = wrap
        if isinstance(cell.value, str):
            lines = max(lines, sum(len(part) // (width - 2) + 1
                                   for part in cell.value.splitlines()))
    # Not every program sizes rows to wrapped text on opening (LibreOffice does not).
    sheet.row_dimensions[row].height = 15 * lines


def _range(sheet: str, ref: str) -> Location:
    """A table's range (`A3:G21`) as a Location, for a link."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return Location(sheet=sheet, row=min_row, col=min_col, end_row=max_row, end_col=max_col)
