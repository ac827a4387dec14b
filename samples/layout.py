"""Lays a corpus plan's tables out on sheets as other offices do (otherhands.py computes the
values first): a header of one or two rows (a group label merged over its sub-columns), a row
of column numbers, heading rows, vertically merged cells ("^"), continuation rows, the header
repeated inside the table. Each table reports where it landed and how many data rows it holds,
which the source's `expect:` must agree with.
"""
from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import coordinate_to_tuple, get_column_letter

from sheetkit import merge, put

SAME = "^"  # a cell merged with the one above
WIDTHS = {"nomor": 6, "kode": 14, "uraian": 56, "sasaran": 40, "indikator": 52, "kegiatan": 40,
          "ro": 44, "teks": 110, "tahun": 8, "bidang": 24}
# Keys of a row item that are not cells: what the builder reads, never writes.
PRIVATE = {"head", "text", "lv", "total_row", "cont", "at"}


class LayoutError(Exception):
    """A table that cannot be laid out as its source says."""


@dataclass(frozen=True)
class Leaf:
    """A column of a table: its key, its label, the group label above it, whether it is free
    text (Keterangan, Penanggung Jawab) outside what is read."""

    key: str
    label: str
    group: str | None = None
    free: bool = False


@dataclass
class Placed:
    """Where a table landed: kind, sheet, range (header to last row, read columns), data rows."""

    kind: str
    sheet: str
    range: str
    rows: int

    def as_list(self) -> list:
        return [self.kind, self.sheet, self.range, self.rows]


def leaves(columns: list) -> list[Leaf]:
    """[key, label] | [key, label, "free"] | [group label, [[key, label], ...]] -> leaves."""
    out = []
    for spec in columns:
        if isinstance(spec[1], list):
            out += [Leaf(k, lab, spec[0], "free" in rest) for k, lab, *rest in spec[1]]
        else:
            out.append(Leaf(spec[0], spec[1], None, "free" in spec[2:]))
    return out


class TableWriter:
    """Writes one table block of a source at its anchor."""

    def __init__(self, ws, table: dict) -> None:
        self.ws, self.t = ws, table
        self.top, self.left = coordinate_to_tuple(table["at"])
        self.cols = leaves(table["columns"])
        self.col = {leaf.key: self.left + i for i, leaf in enumerate(self.cols)}
        self.height = 2 if any(leaf.group for leaf in self.cols) else 1
        self.right = self.left + len(self.cols) - 1
        self.heading_key = table.get("heading_col", self.cols[1].key)

    def header(self, row: int) -> int:
        """The header (and the row of column numbers if asked); returns the next row."""
        groups: dict[str, list[int]] = {}
        for leaf in self.cols:
            c = self.col[leaf.key]
            if leaf.group:
                groups.setdefault(leaf.group, []).append(c)
                put(self.ws, row + 1, c, leaf.label, bold=True)
            else:
                put(self.ws, row, c, leaf.label, bold=True)
                merge(self.ws, row, c, row + self.height - 1, c)
        for label, cs in groups.items():
            put(self.ws, row, cs[0], label, bold=True)
            merge(self.ws, row, cs[0], row, cs[-1])
        row += self.height
        if self.t.get("numbers"):
            for i in range(len(self.cols)):
                put(self.ws, row, self.left + i, i + 1, bold=True)
            row += 1
        return row

    def write(self) -> Placed:
        """The title lines, the header, every row item; where the table landed."""
        title = self.t.get("title", [])
        if len(title) >= self.top:
            raise LayoutError(f"table at {self.t['at']}: no room above it for {len(title)} "
                              "title lines")
        for i, line in enumerate(title):
            put(self.ws, self.top - len(title) - 1 + i, self.left, line, bold=True)
        row = self.header(self.top)
        runs: dict[str, list[int]] = {}  # key -> [first, last] row of a cell merged down
        data, last = 0, row - 1
        for item in self.t["rows"]:
            if item == "repeat":
                self._close(runs, set())
                row = self.header(row)
                continue
            if not isinstance(item, dict):
                raise LayoutError(f"unknown row item {item!r}")
            if "cont" in item:
                self._close(runs, set())
                for key, text in item["cont"].items():
                    put(self.ws, row, self.col[key], text)
            elif "head" in item:
                self._close(runs, set())
                data += self._heading(row, item)
            else:
                self._cells(row, item, runs)
                data += 1
            last, row = row, row + 1
        self._close(runs, set())
        read = [self.col[leaf.key] for leaf in self.cols if not leaf.free]
        for leaf in self.cols:
            self.ws.column_dimensions[get_column_letter(self.col[leaf.key])].width = \
                WIDTHS.get(leaf.key, 15)
        span = f"{get_column_letter(min(read))}{self.top}:{get_column_letter(max(read))}{last}"
        return Placed(self.t["kind"], self.ws.title, span, data)

    def _heading(self, row: int, item: dict) -> int:
        """A heading row (a bidang, program, kegiatan or sasaran on a row of its own); one that
        carries figures of its own is a data row (returns 1), else 0."""
        cells = {k: v for k, v in item.items() if k not in PRIVATE and not k.startswith("_")}
        at = self.col[item.get("at", self.heading_key)]
        put(self.ws, row, at, item["text"], bold=True)
        for key, value in cells.items():
            if key != "at":
                put(self.ws, row, self.col[key], value, bold=True)
        figures = set(cells) - {"at", "nomor", "kode", "bidang"}
        if not figures and self.t.get("merge_headings", True):
            merge(self.ws, row, at, row, self.right)
        return 1 if figures else 0

    def _cells(self, row: int, item: dict, runs: dict[str, list[int]]) -> None:
        self._close(runs, {k for k, v in item.items() if v == SAME})
        for key, value in item.items():
            if key in PRIVATE or key.startswith("_"):
                continue
            if key not in self.col:
                raise LayoutError(f"row {item}: no column {key!r}")
            if value == SAME:
                if key not in runs:
                    raise LayoutError(f"row {item}: {key!r} has nothing above to merge with")
                runs[key][1] = row
            else:
                put(self.ws, row, self.col[key], value)
                runs[key] = [row, row]

    def _close(self, runs: dict[str, list[int]], going_on: set[str]) -> None:
        """Merges the cells merged down that do not go on into this row."""
        for key in [k for k in runs if k not in going_on]:
            first, end = runs.pop(key)
            merge(self.ws, first, self.col[key], end, self.col[key])
