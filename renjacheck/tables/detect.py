"""Finds table headers on a sheet: which kind of table, on which rows, and which column is which.

A header may be one row, or two or three when a merged super-header (`PAGU`, `Realisasi`) stands
over the labels that matter (`BANTEN ... TOTAL`, `TW I ... Jumlah`; tables/levels.py). The kind is
the one whose required columns all appear; when several do, the one that explains the most
labels wins. A figure column a super-header spans is read through its sub-columns (a `Span`:
its periods, their sum where there is no Jumlah, its unit; tables/spans.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from renjacheck.tables.declare import FIGURES, TableKind
from renjacheck.tables.labels import (PAGU_LABELS, PERCENT, known_label, known_text,
                                      label_forms, match_column, norm_label)
from renjacheck.tables.levels import read_levels
from renjacheck.tables.partial import Partial, judge
from renjacheck.tables.spans import Group, Span
from renjacheck.tables.vocabulary import Vocabulary, build
from renjacheck.workbook.grid import Grid


@dataclass(frozen=True)
class Header:
    """A table header found on a sheet."""

    kind: str
    row: int
    height: int
    columns: dict[str, int]
    satker: tuple[int, ...] = ()
    texts: tuple[tuple[int, str], ...] = ()
    # Figure columns read through the sub-columns a super-header spans (a summed one is not in
    # `columns`: it has no cell of its own).
    spans: tuple[Span, ...] = ()
    sheet: str = ""

    def text(self, col: int) -> str:
        """The header label of `col` as the workbook writes it (whitespace collapsed)."""
        return dict(self.texts).get(col, "")

    @property
    def first_col(self) -> int:
        """Leftmost column of the table."""
        return min(self._cols())

    @property
    def last_col(self) -> int:
        """Rightmost column of the table."""
        return max(self._cols())

    def _cols(self) -> list[int]:
        return [*self.columns.values(), *self.satker, *(c for s in self.spans for c in s.cols)]

    @property
    def last_row(self) -> int:
        """Last row of the header itself."""
        return self.row + self.height - 1

    def same_layout(self, other: Header) -> bool:
        """True when `other` repeats this header (a page break inside the table)."""
        return self.kind == other.kind and self.columns == other.columns \
            and self.spans == other.spans


class Detector:
    """Finds the headers of `kinds` on sheets, by the labels of `vocabulary` (by default their
    declarations' alone). The labels every row's text is compared with are gathered once; so is
    the verdict on each text (a budget repeats its names and codes)."""

    def __init__(self, kinds: Sequence[TableKind], vocabulary: Vocabulary | None = None) -> None:
        self.kinds = [k for k in kinds if k.layout == "header"]
        self.vocabulary = vocabulary if vocabulary is not None else build(list(kinds), ())
        self.columns = {k.name: self.vocabulary.columns[k.name] for k in self.kinds}
        self.known = frozenset(label for k in self.kinds for _, labels in self.columns[k.name]
                               for label in labels)
        self._heading: dict[str, bool] = {}

    def find(self, grid: Grid, partial: list[Partial] | None = None) -> list[Header]:
        """Every header on the sheet, top to bottom; rows that name most but not all of a
        kind's required columns are added to `partial` when it is given."""
        found: list[Header] = []
        for row in grid.rows():
            if found and row <= found[-1].last_row:
                continue  # the second row of a two-level header
            if partial and row <= partial[-1].last_row and partial[-1].sheet == grid.name:
                continue
            header = self.header_at(grid, row, partial)
            if header:
                found.append(header)
        return found

    def header_at(self, grid: Grid, row: int,
                  partial: list[Partial] | None = None) -> Header | None:
        """The header that starts at `row`, if the row starts one."""
        if not self._has_heading(grid, row):
            return None
        single = {c: list(label_forms(grid.text(row, c))) for c in grid.filled.get(row, ())}
        single = {c: labels for c, labels in single.items() if labels}
        known = sum(any(known_label(f, self.known) for f in labels) for labels in single.values())
        if len(single) < 2 or not known:
            return None
        texts = {c: " ".join(grid.text(row, c).split()) for c in single}
        best = self._best(single, texts, row, 1)
        levels = read_levels(grid, row)
        if levels:
            double = self._best(levels.labels, levels.texts, row, levels.height, levels.groups)
            # As many columns either way: the rows below are a header's when their labels are
            # sub-column words (`TW I`, `Jumlah`, `Volume`), never the first data row.
            if double and (best is None or _score(double) > _score(best)
                           or (_score(double) == _score(best) and levels.known)):
                return _placed(grid, double)
        # Fuzzy hints only for a row that already names two columns of its own (not labels
        # merged down from the row above, the upper row of a header): never a row of figures.
        if best is None and partial is not None and known >= 2 and len({
                grid.origin(row, c) for c, labels in single.items()
                if grid.origin(row, c)[0] == row
                and any(known_label(f, self.known) for f in labels)}) >= 2:
            readings = [(single, texts, 1)] + (
                [(levels.labels, levels.texts, levels.height)] if levels else [])
            near = self._partial(grid, row, readings)
            if near is not None:
                partial.append(near)
        return _placed(grid, best) if best else None

    def _partial(self, grid: Grid, row: int, readings: list) -> Partial | None:
        """The kind the row names most but not all required columns of, if any (judge)."""
        best = None
        for labels, texts, height in readings:
            # The row each label stands on: the lower one where a two-level header took it.
            rows = {c: row + 1 if height > 1 and " ".join(grid.text(row + 1, c).split()) == t
                    else row for c, t in texts.items()}
            for kind in self.kinds:
                columns, unknown = _columns(self, kind, labels)
                near = judge(grid.name, kind, self.vocabulary, columns, unknown, texts, rows,
                             row, height)
                if near is not None and (best is None or near.rank > best.rank):
                    best = near
        return best

    def _has_heading(self, grid: Grid, row: int) -> bool:
        """True when some text the row shows is a known heading: a row of figures (most rows
        of a budget) is passed over before its labels are read."""
        # Text is never held in a column array (workbook/cells.py): those are not looked at.
        values, verdicts = grid.values, self._heading
        merges = grid.merges if row in grid.merged_rows else {}
        for col in grid.filled.get(row, ()):
            merge = merges.get((row, col))
            value = values.nonwhole((merge.min_row, merge.min_col) if merge else (row, col))
            if type(value) is not str:
                continue
            known = verdicts.get(value)
            if known is None:
                if len(verdicts) > 1 << 16:
                    verdicts.clear()  # kept small: a national budget's codes are distinct
                # A lone `%` is a heading (a percent column's) but also the unit of many a data
                # row; a header has other headings to start it by.
                known = verdicts[value] = known_text(value.strip(), self.known) \
                    and norm_label(value) != PERCENT
            if known:
                return True
        return False

    def _best(self, labels: dict[int, list[str]], texts: dict[int, str], row: int,
              height: int, groups: Sequence[Group] = ()) -> Header | None:
        best: Header | None = None
        for kind in self.kinds:
            header = _match(self, kind, labels, texts, row, height, groups)
            if header and (best is None or _score(header) > _score(best)):
                best = header
        return best


def _placed(grid: Grid, header: Header) -> Header:
    """`header` on its sheet, as deep as its cells are merged down: a header cell merged over
    the rows below makes them the header's (never the first data row)."""
    last = header.last_row
    for col in range(header.first_col, header.last_col + 1):
        merge = grid.merges.get((header.row, col))
        if merge is not None and merge.min_row == header.row:
            last = max(last, merge.max_row)
    return replace(header, sheet=grid.name, height=last - header.row + 1)


def _score(header: Header) -> int:
    """How many of a kind's columns the header names (a sum of periods one of them)."""
    return len(header.columns) + len(header.satker) + sum(s.summed for s in header.spans)


def _columns(detector: Detector, kind: TableKind, labels: dict[int, list[str]]
             ) -> tuple[dict[str, int], list[int]]:
    """Which column of `kind` each header cell names (the first cell naming a column wins), and
    the cells naming none."""
    columns = detector.columns[kind.name]
    found: dict[str, int] = {}
    unknown: list[int] = []
    for col, candidates in sorted(labels.items()):
        if kind.satker:
            # Over satker columns PAGU says what the amounts are: it names the total column
            # only where nothing else does (below).
            candidates = [c for c in candidates if c not in PAGU_LABELS]
        name = next((n for n in (match_column(columns, lab) for lab in candidates) if n), None)
        if name and name not in found:
            found[name] = col
        else:
            unknown.append(col)
    if kind.satker and kind.satker[1] not in found:
        # A single satker's `Kode | Uraian | Pagu`: its one amount column is the total, with no
        # other table's heading after it (`Pagu | Realisasi | %` is last year's realisasi).
        total = kind.satker[1]
        col = next((c for c in unknown if labels[c][0] in PAGU_LABELS
                    and any(match_column(columns, lab) == total
                            for lab in labels[c] if lab in PAGU_LABELS)), None)
        if col is not None and not any(_known(detector, labels[c]) for c in unknown if c > col):
            found[total] = col
            unknown.remove(col)
    return found, unknown


def _known(detector: Detector, labels: list[str]) -> bool:
    """True when a cell's own label (its first two forms: a super-header's are after them) is
    a heading of some table."""
    return any(known_label(label, detector.known) for label in labels[:2])


def _match(detector: Detector, kind: TableKind, labels: dict[int, list[str]],
           texts: dict[int, str], row: int, height: int,
           groups: Sequence[Group] = ()) -> Header | None:
    found, unknown = _columns(detector, kind, labels)
    if any(c.required and c.name not in found for c in kind.columns):
        return None
    spans = _spans(kind, found, groups)
    periods = {c for g in groups for c in g.periods}  # a month or a quarter is no satker
    satker: tuple[int, ...] = ()
    if kind.satker:
        # Satker columns are whatever stands between the label column and Total, but a free
        # column (Keterangan), the PAGU super-header, and another table's heading (`Sasaran`).
        low, high = (found[name] for name in kind.satker)
        if high <= low:
            return None
        satker = tuple(c for c in unknown if low < c < high and c not in periods
                       and labels[c][0] not in PAGU_LABELS
                       and labels[c][0] not in detector.vocabulary.free
                       and not _known(detector, labels[c]))
    used = set(found.values()) | set(satker) | {c for s in spans for c in s.cols}
    return Header(kind=kind.name, row=row, height=height, columns=found, satker=satker,
                  texts=tuple((c, t) for c, t in sorted(texts.items()) if c in used),
                  spans=spans)


def _spans(kind: TableKind, found: dict[str, int], groups: Sequence[Group]) -> tuple[Span, ...]:
    """The figure columns of `kind` that a group's super-header names, read through its
    sub-columns: its periods (summed where there is no Jumlah: the column then has no cell of
    its own, and leaves `found`), and its unit. A text column so named is read as one cell."""
    if not groups:
        return ()
    at = {col: name for name, col in found.items()}
    spans = []
    for g in groups:
        name = at.get(g.figure) if g.figure is not None else None
        if name is None or name in kind.satker or kind.column(name).type not in FIGURES \
                or (not g.periods and g.unit is None):
            continue
        unit = g.unit if g.unit is not None and at.get(g.unit, "satuan") == "satuan" else None
        if g.summed:
            del found[name]
        spans.append(Span(name=name, parts=g.periods, summed=g.summed, unit=unit,
                          heading=g.heading))
    return tuple(spans)
