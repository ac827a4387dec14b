"""The budget hierarchy of the Pendanaan table: which rows are whose children."""

from __future__ import annotations

from renjacheck.model.plan import LEVELS, Pendanaan


def tree(pendanaan: Pendanaan) -> tuple[dict[int, list[int]], list[int]]:
    """(children of each row index, indices of the top-level rows), from the outline order.

    A row's parent is the nearest row above it at a higher level, as the reader assigns it;
    codes may repeat under different parents (komponen 051 under every RO), so rows are
    identified by position, not by code. Rows whose code has no level stand outside the tree.
    """
    children: dict[int, list[int]] = {}
    top: list[int] = []
    stack: list[int] = []
    rows = pendanaan.rows
    for i, row in enumerate(rows):
        if row.level is None or row.is_total:
            continue
        rank = LEVELS.index(row.level)
        while stack and LEVELS.index(rows[stack[-1]].level) >= rank:
            stack.pop()
        if stack:
            children.setdefault(stack[-1], []).append(i)
        else:
            top.append(i)
        stack.append(i)
    return children, top
