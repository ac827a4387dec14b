"""A header read through two or three rows: the labels of each column where a merged
super-header stands over sub-columns (`PAGU` over the satker, `Realisasi` over `TW I .. TW IV |
Jumlah`, `Realisasi` over `Triwulan` over `I .. IV` and `Jumlah`).

Only a row that looks like the upper row of a header is read so (`super_header`), and only once
the detector found a known heading on it: plain rows (the Identitas' `Tahun | 2024`) right
above a header would otherwise swallow its labels, and rows of figures are never looked at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from renjacheck.numbers import parse_number
from renjacheck.tables.labels import PAGU_LABELS, label_forms, norm_label
from renjacheck.tables.spans import Group, group
from renjacheck.workbook.grid import Grid


@dataclass
class Reading:
    """A header read through `height` rows: each column's labels (the first that names a column
    wins: its own label, then joined to the super-header's, then the super-header's where it
    names this sub-column), its text as written, and the super-headers' groups."""

    height: int
    labels: dict[int, list[str]]
    texts: dict[int, str]
    groups: list[Group] = field(default_factory=list)

    @property
    def known(self) -> bool:
        """True when some group's sub-columns are all known sub-column words (`TW I`, `Jumlah`,
        `Volume`, `Satuan`): the rows below the top are a header's, never data."""
        return any(g.known for g in self.groups)


def read_levels(grid: Grid, row: int) -> Reading | None:
    """The header starting at `row` read through the rows below it, or None when `row` has no
    super-header over labels below it."""
    if row + 1 not in grid.filled or not super_header(grid, row):
        return None
    height = 3 if _three_level(grid, row) else 2
    cols = sorted({c for r in range(row, row + height) for c in grid.filled.get(r, ())})
    labels: dict[int, list[str]] = {}
    texts: dict[int, str] = {}
    subs: dict[tuple[int, int], dict[int, str]] = {}  # a super-header's cell -> its sub-columns
    used_lower = False
    for c in cols:
        upper_text = " ".join(grid.text(row, c).split())
        upper = norm_label(upper_text)
        lower_text = _below(grid, row, height, c)
        lower = norm_label(lower_text)
        merge = grid.merges.get((row, c))
        wide = merge is not None and merge.wide
        # PAGU over a single satker column is one plain cell, yet still a super-header when a
        # satker name stands below it; a figure there makes it the amount column of a one-row
        # header, over its first data row.
        if lower and lower != upper and (
                wide or not upper or (upper in PAGU_LABELS and not _figure(lower_text))):
            labels[c] = [*label_forms(lower_text), upper + lower]
            texts[c] = lower_text
            used_lower = True
            if wide:  # the super-header's own label: only for the sub-column it names (below)
                subs.setdefault((merge.min_row, merge.min_col), {})[c] = lower_text
            else:
                labels[c] += label_forms(upper_text)
        elif upper:
            labels[c], texts[c] = list(label_forms(upper_text)), upper_text
    if not used_lower:
        return None
    groups = []
    for (top, left), sub in subs.items():
        found = group(sub, " ".join(grid.text(top, left).split()))
        upper_forms = label_forms(grid.text(top, left))
        for c in sub:
            if found.figure is None or c == found.figure:
                labels[c] += upper_forms
        groups.append(found)
    return Reading(height, labels, texts, groups)


def super_header(grid: Grid, row: int) -> bool:
    """True when `row` can be the upper row of a multi-level header: it has a merged cell that
    spans columns or reaches into the row below, or a `PAGU` label, and no figure outside a
    super-header (a total row merged across `Kode` and `Uraian` is a table's last row)."""
    found = False
    for c in grid.filled.get(row, ()):
        merge = grid.merges.get((row, c))
        if merge is not None and (merge.wide or merge.max_row > row):
            found = True
        elif norm_label(grid.text(row, c)) in PAGU_LABELS:
            found = True
        if (merge is None or not merge.wide) and (
                isinstance(grid.value(row, c), (int, float)) or _figure(grid.text(row, c))):
            return False
    return found


def _three_level(grid: Grid, row: int) -> bool:
    """True when a super-header of the second row (`Triwulan`, under `Realisasi`) stands over
    labels on the third (`I`, `II`, ...)."""
    if row + 2 not in grid.filled:
        return False
    for c in grid.filled.get(row + 1, ()):
        merge = grid.merges.get((row + 1, c))
        over = grid.merges.get((row, c))
        if merge is not None and merge.wide and merge.min_row == row + 1 \
                and over is not None and over.wide and over.max_row == row:
            text = grid.text(row + 2, c)
            if text and not isinstance(grid.value(row + 2, c), (int, float)) \
                    and not _figure(text):
                return True
    return False


def _below(grid: Grid, row: int, height: int, col: int) -> str:
    """The labels of column `col` below the header's top row, joined (a cell merged down over
    several rows once); '' where a figure stands there (a data row, not a header's)."""
    parts: list[str] = []
    for r in range(row + 1, row + height):
        if isinstance(grid.value(r, col), (int, float)):
            return ""
        text = " ".join(grid.text(r, col).split())
        if text and (not parts or parts[-1] != text):
            parts.append(text)
    return " ".join(parts)


def _figure(text: str) -> bool:
    """True when `text` is a number as planners write it (`5.000.000`, `-`), not a label."""
    try:
        parse_number(text)
    except ValueError:  # NumberError, the refusal
        return False
    return True
