"""Table present: a table kind the workbook lacks is noted, with the rules it leaves unchecked
(those that need it and so do not run: the engine reports them as skipped). A header found
with no row under it is not noted here: the reader notes it at the header (empty_table)."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams, TableName
from renjacheck.tables import registry

ID = "table_present"
NEEDS = Needs()
PLACEHOLDERS = frozenset({"table", "rules"})


class Params(BaseParams):
    """The tables a complete Renja workbook holds."""

    tables: list[TableName]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every listed table the workbook does not hold."""
    present = ctx.plan.present
    for table in rule.params.tables:
        if table in ctx.plan.tables:
            continue  # found, though perhaps empty: READ006 (reader_note) says so at its header
        skipped = sorted(r.id for r in ctx.rules
                         if r.id != rule.id and table in r.needs.missing(present))
        label = registry.kind(table).label
        yield Hit(locations=(), table=table, key=(table,),
                  args={"table": label, "rules": ", ".join(skipped) or "-"},
                  expected=label, actual=None)
