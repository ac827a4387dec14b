"""Finds table headers on a sheet: which kind of table, on which rows, and which column is which.

A header may be one row, or two when a merged super-header (`PAGU`) stands over the labels that
matter (`BANTEN ... TOTAL`). The kind is the one whose required columns all appear; when several
do, the one that explains the most labels wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from renjacheck.numbers import parse_number
from renjacheck.tables.declare import TableKind
from renjacheck.tables.labels import (PAGU_LABELS, all_labels, known_label, label_forms,
                                     match_column, norm_label)
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

    def text(self, col: int) -> str:
        """The header label of `col` as the workbook writes it (whitespace collapsed)."""
        return dict(self.texts).get(col, "")

    @property
    def first_col(self) -> int:
        """Leftmost column of the table."""
        return min([*self.columns.values(), *self.satker])

    @property
    def last_col(self) -> int:
        """Rightmost column of the table."""
        return max([*self.columns.values(), *self.satker])

    @property
    def last_row(self) -> int:
        """Last row of the header itself."""
        return self.row + self.height - 1

    def same_layout(self, other: Header) -> bool:
        """True when `other` repeats this header (a page break inside the table)."""
        return self.kind == other.kind and self.columns == other.columns


class Detector:
    """Finds the headers of `kinds` on sheets. The labels every row's text is compared with are
    gathered once; so is the verdict on each text (a budget repeats its names and codes)."""

    def __init__(self, kinds: Sequence[TableKind]) -> None:
        self.kinds = [k for k in kinds if k.layout == "header"]
        self.known = all_labels(self.kinds)
        self._heading: dict[str, bool] = {}

    def find(self, grid: Grid) -> list[Header]:
        """Every header on the sheet, top to bottom."""
        found: list[Header] = []
        for row in grid.rows():
            if found and row <= found[-1].last_row:
                continue  # the second row of a two-level header
            header = self.header_at(grid, row)
            if header:
                found.append(header)
        return found

    def header_at(self, grid: Grid, row: int) -> Header | None:
        """The header that starts at `row`, if the row starts one."""
        if not self._has_heading(grid, row):
            return None
        single = {c: label_forms(grid.text(row, c)) for c in grid.filled.get(row, ())}
        single = {c: labels for c, labels in single.items() if labels[0]}
        if len(single) < 2 or not any(known_label(label, self.known)
                                      for labels in single.values() for label in labels):
            return None
        texts = {c: " ".join(grid.text(row, c).split()) for c in single}
        best = self._best(single, texts, row, 1)
        two = _two_level(grid, row)
        if two:
            texts2 = {c: " ".join((grid.text(row + 1, c)
                                   if two[c][0] != norm_label(grid.text(row, c))
                                   else grid.text(row, c)).split()) for c in two}
            double = self._best(two, texts2, row, 2)
            if double and (best is None or _score(double) > _score(best)):
                return double
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
                known = verdicts[value] = known_label(norm_label(value.strip()), self.known)
            if known:
                return True
        return False

    def _best(self, labels: dict[int, list[str]], texts: dict[int, str], row: int,
              height: int) -> Header | None:
        best: Header | None = None
        for kind in self.kinds:
            header = _match(kind, labels, texts, row, height)
            if header and (best is None or _score(header) > _score(best)):
                best = header
        return best


def _two_level(grid: Grid, row: int) -> dict[int, list[str]] | None:
    """Labels read through two header rows: the lower label where a super-header spans above it.

    Only a row that looks like the upper row of a header is read so: one with a merged cell
    that spans columns or reaches into the row below, or with a `PAGU` label. Otherwise plain
    rows (the Identitas' `Tahun | 2024`) right above a header would swallow its labels.
    """
    if row + 1 not in grid.filled or not _super_header(grid, row):
        return None
    labels: dict[int, list[str]] = {}
    used_lower = False
    for c in sorted({*grid.filled.get(row, ()), *grid.filled[row + 1]}):
        upper = norm_label(grid.text(row, c))
        lower_value = grid.value(row + 1, c)
        lower = "" if isinstance(lower_value, (int, float)) else norm_label(grid.text(row + 1, c))
        merge = grid.merges.get((row, c))
        # PAGU over a single satker column is one plain cell, yet still a super-header when a
        # satker name stands below it; a figure there makes it the amount column of a one-row
        # header, over its first data row.
        spans = (merge is not None and merge.wide) or (
            upper in PAGU_LABELS and lower and not _figure(grid.text(row + 1, c)))
        if lower and lower != upper and (spans or not upper):
            labels[c] = [lower, upper + lower] + ([upper] if upper else [])
            used_lower = True
        elif upper:
            labels[c] = [upper]
    return labels if used_lower else None


def _super_header(grid: Grid, row: int) -> bool:
    """True when `row` can be the upper row of a two-level header (see _two_level)."""
    for c in grid.filled.get(row, ()):
        merge = grid.merges.get((row, c))
        if merge is not None and (merge.wide or merge.max_row > row):
            return True
        if norm_label(grid.text(row, c)) in PAGU_LABELS:
            return True
    return False


def _figure(text: str) -> bool:
    """True when `text` is a number as planners write it (`5.000.000`, `-`), not a label."""
    try:
        parse_number(text)
    except ValueError:  # NumberError, the refusal
        return False
    return True


def _score(header: Header) -> int:
    return len(header.columns) + len(header.satker)


def _match(kind: TableKind, labels: dict[int, list[str]], texts: dict[int, str], row: int,
           height: int) -> Header | None:
    columns: dict[str, int] = {}
    unknown: list[int] = []
    for col, candidates in sorted(labels.items()):
        name = next((n for n in (match_column(kind, lab) for lab in candidates) if n), None)
        if name and name not in columns:
            columns[name] = col
        else:
            unknown.append(col)
    if any(c.required and c.name not in columns for c in kind.columns):
        return None
    satker: tuple[int, ...] = ()
    if kind.satker:
        # Satker columns are whatever stands between the label column and Total.
        low, high = (columns[name] for name in kind.satker)
        if high <= low:
            return None
        satker = tuple(c for c in unknown if low < c < high and labels[c][0] not in PAGU_LABELS)
    used = set(columns.values()) | set(satker)
    return Header(kind=kind.name, row=row, height=height, columns=columns, satker=satker,
                  texts=tuple((c, t) for c, t in sorted(texts.items()) if c in used))
