"""Reads the rows under each header: data rows, continuation rows, bidang group rows.

What a row is, top to bottom under a header:
- a repeat of the header (a page break of the printed document), or the column-number row: skipped;
- a heading row (tables/headings.py), no figure and one name, at most a row number or a code
  beside it: a bidang, a program, a kegiatan or a sasaran that opens a group for the rows below;
  a heading is kept only once a data row follows it (else the table ended above it), and a
  numbered one only when the data row shows it is a heading (its number is of another kind,
  `A` over `1`, or the row takes the heading's name) or its words or code say so;
- a data row, which has a row number, a code or a figure of its own (an "anchor"); one whose
  text is a heading's (`Sasaran 1 ...` with its capaian) is a parent of the rows below it once
  they show it as a numbered heading is shown;
- a continuation row, only wrapped text straight after a data row: appended to that row;
- anything else (a title, a note, the next table's title) ends the table. After a blank row only
  data rows, heading rows and header repeats continue it; a Narasi row only with a year in Tahun.

A row is told by which of its cells show something, from the sheet's row index; a value is
read only where a rule of the list above needs it (an anchor's shape, a heading's text). A kind
without heading rows (the Pendanaan, whose rows its codes anchor) reads none of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from renjacheck.tables.declare import FIGURES, TableKind
from renjacheck.tables.detect import Detector, Header
from renjacheck.tables.headings import (DEPTH, Candidate, Heading, confirmed, fills,
                                        read_heading)
from renjacheck.tables.labels import norm_label
from renjacheck.tables.partial import Partial
from renjacheck.tables.parts import Parts
from renjacheck.tables.sequel import continues, satker_by_name
from renjacheck.workbook.grid import Grid

_ANCHOR_SHAPES = {
    "no": re.compile(r"^\s*\(?(?:\d{1,4}|[a-zA-Z])[.)]?\s*$"),
    "kode": re.compile(r"^\s*[0-9A-Z][0-9A-Z.]*\s*$"),
}
_YEAR = re.compile(r"^\s*(?:19|20)[0-9]{2}\s*$")
_LABEL = re.compile(r"program|kegiatan|sasaran|uraian|aktivitas|komponen")
_DIGITS = re.compile(r"[0-9]+")


def read_tables(grid: Grid, detector: Detector, kinds: Mapping[str, TableKind],
                partial: list[Partial] | None = None,
                earlier: Mapping[str, Parts] | None = None) -> list[Parts]:
    """Every table on the sheet; a header repeating the table above continues that table, and
    so does one continuing a table of `earlier` (read on earlier sheets: tables/sequel.py), which
    is not returned again. Rows that look like a header but lack some required labels go to
    `partial` if given."""
    tables: list[Parts] = []
    resume = 0
    headers = detector.find(grid, partial)
    at_row = {h.row: h for h in headers}
    previous: Parts | None = None  # the table read last on this sheet
    for header in headers:
        if header.row < resume:
            continue  # a repeat already read inside its table
        first = (earlier or {}).get(header.kind)
        if previous and previous.headers[0].same_layout(header):
            parts = previous  # the same table after a title or note row ("... (lanjutan)")
            parts.headers.append(header)
            satker = satker_by_name(previous.headers[0], header)
        elif first is not None and continues(first, grid, header, resume):
            parts = first
            parts.go_on(grid, header)
            satker = satker_by_name(first.headers[0], header)
        else:
            parts = Parts(kind=kinds[header.kind], cells=grid, headers=[header],
                          first_row=header.row, last_row=header.last_row,
                          first_col=header.first_col, last_col=header.last_col)
            tables.append(parts)
            satker = {f"satker:{i}": col for i, col in enumerate(header.satker)}
        resume = _Rows(grid, parts, header, satker).read(at_row)
        previous = parts
    return tables


class _Rows:
    """Reads the rows under one header into its table's parts."""

    def __init__(self, grid: Grid, parts: Parts, header: Header, satker: dict[str, int]) -> None:
        self.grid, self.parts, self.header = grid, parts, header
        self.kind = parts.kind
        # A figure column read through sub-columns (tables/spans.py) shows in its periods.
        spans = {n: c for span in header.spans for n, c in span.part_names().items()}
        self.columns = {**header.columns, **satker, **spans}
        self.names = {col: name for name, col in self.columns.items()}
        self.satker = frozenset(satker)
        self.wraps = frozenset(c.name for c in self.kind.columns if c.wraps)
        self.figures = frozenset(c.name for c in self.kind.columns if c.type in FIGURES) \
            | self.satker | frozenset(spans)
        self.anchors = self.kind.anchors + tuple(
            n for n in spans if n.split(":")[0] in self.kind.anchors)
        self.span = (header.first_col, header.last_col)
        # Columns the kind does not read whose heading names no label (Keterangan, Penanggung
        # Jawab): their text makes no heading row. A `Program/Kegiatan` column may hold one.
        self.free = frozenset(
            col for col in range(header.first_col, header.last_col + 1)
            if col not in self.names and not _LABEL.search(norm_label(" ".join(
                grid.text(row, col) for row in range(header.row, header.last_row + 1))))) \
            if self.kind.group_rows else frozenset()
        self.layout = parts.layout_for(self.columns, grid)

    def read(self, at_row: dict[int, Header]) -> int:
        """Read the rows under the header; return the row where the table stopped."""
        grid, parts, header, kind = self.grid, self.parts, self.header, self.kind
        heads = kind.group_rows
        parents = heads and kind.heading_column is not None
        self.bidang = parts.groups.get(len(parts.rows) - 1)  # a continuation goes on in it
        pending: list[Candidate] = []  # heading rows met since the last data row
        last: int | None = None
        after_blank, under_header = False, True
        row = header.last_row + 1
        while row <= grid.max_row:
            present = self._present(row)
            amounts = not self.satker.isdisjoint(present)
            heading = None
            if heads and not amounts and (parents or self.figures.isdisjoint(present)):
                heading = read_heading(grid, row, self.span, self.names, self.figures, self.free)
                if heading is not None and heading.figures and (
                        not parents or heading.level == "bidang"):
                    heading = None
            if not present and heading is None:
                after_blank = True
                following = grid.next_row(row)  # skip the empty rows in one step
                if following is None:
                    break
                row = following
                continue
            repeat = at_row.get(row)
            if repeat is not None:
                if not header.same_layout(repeat):
                    break  # the next table starts here
                parts.headers.append(repeat)
                row += repeat.height
                after_blank, under_header = False, True
                continue
            if under_header and self._column_numbers(row, present):
                row += 1
                continue
            under_header = False
            anchored = amounts or (bool(present) and self._anchored(row, present))
            if heading is not None and anchored and not heading.figures \
                    and self._anchored(row, present, but="no"):
                heading = None  # a code or a label anchors it: the kind reads it as its row
            if heading is not None and not heading.figures \
                    and not self._continues(heading, last, after_blank, present, row):
                pending.append(heading)
                last = None
            elif anchored and (not after_blank or self._resumes(row, present)):
                self._settle(pending, row, present)
                pending = []
                last = self._append(row, present)
                if heading is not None:  # a parent row, once the rows below show it
                    heading.record = last
                    pending.append(heading)
            elif last is not None and not after_blank and not amounts and present \
                    and self.wraps.issuperset(present) and not self._wide_merge(row):
                for name, col in present.items():
                    parts.continued.setdefault((last, name), []).append(grid.cell(row, col))
                parts.reach(grid, row)
            else:
                break
            after_blank = False
            row += 1
        self._close(pending)
        return row

    def _append(self, row: int, present: dict[str, int]) -> int:
        """Sheet row `row` (showing `present`) as the table's next data row, in its bidang and
        under its heading. A row that writes its own sasaran (or kegiatan) ends the headings
        that gave the rows above theirs."""
        parts = self.parts
        index = len(parts.rows)
        parts.rows.append(row)
        parts.layout.append(self.layout)
        if self.bidang is not None:
            parts.groups[index] = self.bidang
        stack = parts.open
        while stack and fills(parts.headings[stack[-1]].level, self.kind.heading_column) \
                in present:
            stack.pop()
        if stack:
            parts.under[index] = stack[-1]
        parts.reach(self.grid, row)
        return index

    def _settle(self, pending: list[Candidate], row: int, present: dict[str, int]) -> None:
        """The heading rows met since the last data row, now that a data row follows them (on
        sheet row `row`, showing `present`): each opens its group, or, numbered and not shown to
        be a heading, is a data row after all (with its cells missing, as it was written)."""
        col = present.get("no")
        number = self.grid.text(row, col) if col is not None else None
        for at, heading in enumerate(pending):
            followed = any(h.level != "bidang" for h in pending[at + 1:])
            if (heading.number is not None or heading.record >= 0) and not confirmed(
                    heading, present, number, followed, self.columns, self.kind.heading_column):
                if heading.record < 0:
                    self._append(heading.row, self._present(heading.row))
                continue
            self._open(heading)

    def _open(self, heading: Candidate) -> None:
        """A heading opens its group: a bidang for the rows below (and a new outline); any
        other closes the open headings as deep as it or deeper and stands under the rest."""
        parts = self.parts
        if heading.level == "bidang":
            self.bidang = heading.name
            parts.open.clear()
            return
        depth, stack = DEPTH[heading.level], parts.open
        while stack and DEPTH[parts.headings[stack[-1]].level] >= depth:
            stack.pop()
        if heading.record >= 0:  # read as a row under the headings open then: now a sibling
            if stack:
                parts.under[heading.record] = stack[-1]
            else:
                parts.under.pop(heading.record, None)
        parts.headings.append(Heading(level=heading.level, name=heading.name, code=heading.code,
                                      parent=stack[-1] if stack else -1, record=heading.record))
        stack.append(len(parts.headings) - 1)

    def _close(self, pending: list[Candidate]) -> None:
        """Where the table ends: a numbered row met after the last data row is a data row, as
        it always was; an unnumbered heading no data row follows is not the table's."""
        for heading in pending:
            if heading.record >= 0:
                continue
            if heading.number is None:
                break
            self._append(heading.row, self._present(heading.row))

    def _continues(self, heading: Candidate, last: int | None, after_blank: bool,
                   present: dict[str, int], row: int) -> bool:
        """True when a row read as a heading rather continues the text of the data row above:
        only wrapped text straight below it, of a cell that row shows, its words saying no
        level (`Sasaran ...`, `3247 ...` open a group wherever they stand)."""
        if last is None or after_blank or not present or heading.explicit \
                or heading.number is not None or heading.code is not None \
                or not self.wraps.issuperset(present) or self._wide_merge(row):
            return False
        col = present.get(heading.column or "")
        return col is not None and not _empty(self.grid.shown(self.parts.rows[last], col))

    def _present(self, row: int) -> dict[str, int]:
        """The table's columns whose cell on `row` shows something: name -> sheet column."""
        grid = self.grid
        if row in grid.merged_rows:  # a merged cell shows its first cell's value
            return {name: col for name, col in self.columns.items()
                    if not _empty(grid.shown(row, col))}
        filled = grid.filled.get(row)
        if not filled:
            return {}
        names = self.names
        # The sheet holds no empty value (the reader leaves blank text out): a cell in the
        # index shows something.
        return {names[col]: col for col in filled if col in names}

    def _anchored(self, row: int, present: dict[str, int], but: str = "") -> bool:
        """True when the row has a figure, a code or a row number of its own (besides in the
        column `but`)."""
        for name in self.anchors:
            col = present.get(name) if name != but else None
            if col is None:
                continue
            # A row number or a code anchors a row; a title written in that column does not.
            pattern = self.kind.anchor_shapes.get(name) or _ANCHOR_SHAPES.get(name)
            value = self.grid.shown(row, col) if pattern is not None else None
            if pattern is None or isinstance(value, (int, float)) or pattern.match(str(value)):
                return True
        return not self.satker.isdisjoint(present)

    def _resumes(self, row: int, present: dict[str, int]) -> bool:
        """After a blank row: True when the row holds the key its kind's `resume` columns
        name."""
        if not self.kind.resume:
            return True
        for name in self.kind.resume:
            col = present.get(name)
            if col is None:
                continue
            value = self.grid.shown(row, col)
            if isinstance(value, (int, float)) or _YEAR.match(str(value)):
                return True
        return False

    def _wide_merge(self, row: int) -> bool:
        """True when a cell of the row is merged across columns, as titles are."""
        grid = self.grid
        if row not in grid.merged_rows:
            return False
        for col in range(self.header.first_col, self.header.last_col + 1):
            merge = grid.merges.get((row, col))
            if merge is not None and merge.wide:
                return True
        return False

    def _column_numbers(self, row: int, present: dict[str, int]) -> bool:
        """True for the row of column numbers (1 2 3 ...) printed under a header."""
        numbers = []
        for col in sorted(present.values()):
            value = self.grid.shown(row, col)
            text = str(int(value)) if isinstance(value, float) and value.is_integer() \
                else str(value)
            text = text.strip().strip("()")
            if not _DIGITS.fullmatch(text):  # not str.isdigit: it takes "¹" for a digit
                return False
            numbers.append(int(text))
        return len(numbers) >= 3 and numbers == list(range(numbers[0],
                                                           numbers[0] + len(numbers)))


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
