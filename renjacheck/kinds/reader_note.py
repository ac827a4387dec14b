"""Reader note: something the reader noticed about the workbook's layout, reported as a finding.

`duplicate_table`: a table kind appears twice; the first is read, the other ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.workbook.headers import TABLE_LABELS

PLACEHOLDERS = frozenset({"table", "used"})
TABLES = frozenset()


class Params(BaseParams):
    """Which note this rule reports."""

    note: Literal["duplicate_table"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every note of the rule's kind."""
    seen: dict[str, int] = {}
    for note in ctx.notes:
        if note.code != rule.params.note:
            continue
        table = note.args.get("table")
        # The n-th extra copy of a table, not its cell: rows inserted above keep the fingerprint.
        seen[table] = seen.get(table, 0) + 1
        yield Hit(locations=note.locations, table=table,
                  args={"table": TABLE_LABELS.get(table, table),
                        "used": note.args.get("used")},
                  key=(note.code, table, seen[table]))
