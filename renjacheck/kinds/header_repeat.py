"""Header repeat: where the Pendanaan header repeats (a page break), it names the same satker
columns in the same order, so that every page's amounts are the same satker's."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.text import normalize
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.pendanaan import PENDANAAN

ID = "header_repeat"
NEEDS = Needs.tables(all_of=("pendanaan",))
PLACEHOLDERS = frozenset({"expected", "found", "first"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every repeated satker heading that differs from the first header's."""
    first, *repeats = ctx.plan.get(PENDANAAN).satker_headings
    for header in repeats:
        for position, cell in enumerate(header):
            want = first[position] if position < len(first) else None
            if want is not None and normalize(want.value) == normalize(cell.value):
                continue
            yield Hit(locations=(cell.loc,) + ((want.loc,) if want else ()), table="pendanaan",
                      expected=want.value if want else None, actual=cell.value,
                      key=(position, cell.value),
                      args={"expected": want.value if want else "-", "found": cell.value,
                            "first": str(want.loc) if want else "-"})
        for want in first[len(header):]:
            yield Hit(locations=(header[-1].loc if header else want.loc,), table="pendanaan",
                      expected=want.value, key=("missing", want.value),
                      args={"expected": want.value, "found": None, "first": str(want.loc)})
