"""Stale formula: a formula cell whose cached value (what the file shows and prints) is not
what its formula calculates to from the cells as the file shows them: the file was changed by a
program and saved without recalculating (workbook/calc.py). Compared as the cell's number
format prints both, so a difference in digits it does not show is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams

ID = "stale_formula"
NEEDS = Needs()
PLACEHOLDERS = frozenset({"sheet", "cell", "formula", "found", "expected"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every cell whose cached value is not what its formula gives."""
    for note in ctx.notes:
        if note.code != "stale_formula":
            continue
        args = {name: note.args.get(name) for name in PLACEHOLDERS}
        # The cell and its formula name it: the same formula moved stays the same finding.
        yield Hit(locations=note.locations, args=args, expected=note.args["expected"],
                  actual=note.args["found"], key=(note.args["sheet"], note.args["formula"]))
