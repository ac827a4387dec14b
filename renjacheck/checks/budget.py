"""The budget hierarchy of the Pendanaan table: which rows are whose children."""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from renjacheck.model.plan import LEVELS, Pendanaan

_RANK = {level: n for n, level in enumerate(LEVELS)}


class Children:
    """The children of each row that has some, by row index: `items()` as a dict's would give
    them, parents in table order, each one's children in table order.

    Held as arrays (a parent index a row, then the rows grouped by parent): a national budget
    has 20,000 parents, whose dict of lists cost 4 MB for each of the three rules that ask."""

    __slots__ = ("_parents",)

    def __init__(self, parents: array) -> None:
        self._parents = parents  # per row: its parent's index; -1 at the top or outside the tree

    def items(self) -> Iterator[tuple[int, array]]:
        """(parent index, its children's indices)."""
        parents = self._parents
        counts = array("i", bytes(4 * len(parents)))
        for parent in parents:
            if parent >= 0:
                counts[parent] += 1
        starts, at = array("i", counts), 0
        for row, count in enumerate(counts):
            starts[row], at = at, at + count
        kids = array("i", bytes(4 * at))
        fill = array("i", starts)
        for row, parent in enumerate(parents):
            if parent >= 0:
                kids[fill[parent]] = row
                fill[parent] += 1
        for row, count in enumerate(counts):
            if count:
                yield row, kids[starts[row]:starts[row] + count]


def tree(pendanaan: Pendanaan) -> tuple[Children, list[int]]:
    """(children of each row index, indices of the top-level rows), from the outline order.

    A row's parent is the nearest row above it at a higher level, as the reader assigns it;
    codes may repeat under different parents (komponen 051 under every RO), so rows are
    identified by position, not by code. Rows whose code has no level stand outside the tree.
    """
    parents = array("i")
    top: list[int] = []
    stack: list[int] = []
    rows = pendanaan.rows
    for i, row in enumerate(rows):
        if row.level is None or row.is_total:
            parents.append(-1)
            continue
        rank = _RANK[row.level]
        while stack and _RANK[rows[stack[-1]].level] >= rank:
            stack.pop()
        if stack:
            parents.append(stack[-1])
        else:
            parents.append(-1)
            top.append(i)
        stack.append(i)
    return Children(parents), top
