"""Reader note: something the reader noticed about the workbook, reported as a finding.

`duplicate_table`: a table kind appears twice; the first is read, the other ignored.
`uncalculated_formula`: formulas on a sheet whose value was never calculated (a file written by
a script) and that renjacheck cannot calculate either (workbook/calc.py: a function it does not
calculate, a circular reference); they are not read as zero or blank. The cells as ranges.
`merge_clamped`: a merged range so large that it was cut down to the cells in use before
loading (openpyxl would build one object per covered cell).
`empty_table`: a header with no data row read under it; the first row below it is named.
`partial_header`: a row naming most but not all of a kind's required columns, so no table was
read there: the labels found, those missing, and what an unknown cell may have meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables import registry

ID = "reader_note"
NEEDS = Needs()
PLACEHOLDERS = frozenset({"table", "used", "sheet", "count", "cells", "range", "clamped",
                          "next", "anchors", "found", "missing", "hints", "functions"})


class Params(BaseParams):
    """Which note this rule reports."""

    note: Literal["duplicate_table", "uncalculated_formula", "merge_clamped", "empty_table",
                  "partial_header"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every note of the rule's kind."""
    seen: dict[str, int] = {}
    labels = registry.labels()
    for note in ctx.notes:
        if note.code != rule.params.note:
            continue
        table = note.args.get("table")
        # The n-th note about the same table or sheet, not its cell: rows inserted above keep
        # the fingerprint.
        subject = table or note.args.get("sheet")
        seen[subject] = seen.get(subject, 0) + 1
        args = {name: note.args.get(name) for name in PLACEHOLDERS}
        args["table"] = labels.get(table, table)
        yield Hit(locations=note.locations, table=table, args=args,
                  actual=note.args.get("range"), expected=note.args.get("clamped"),
                  key=(note.code, subject, seen[subject]))
