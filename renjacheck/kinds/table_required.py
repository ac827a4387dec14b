"""Table required: a table the configuration requires (`require = ["pendanaan", ...]`) that
the workbook does not hold, or holds with no row read, is reported; a hook or a CI job can so
refuse a workbook that lost a table instead of passing the rules that could not run."""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables import registry
from renjacheck.values import Location

ID = "table_required"
NEEDS = Needs()
PLACEHOLDERS = frozenset({"table", "range", "rules"})


class Params(BaseParams):
    """None: the tables come from the configuration, the rule file only grades them."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every required table without a row read, at its header if found."""
    plan = ctx.plan
    for name in ctx.require:
        if plan.present(name):
            continue
        table = plan.tables.get(name)
        label = registry.kind(name).label
        skipped = sorted(r.id for r in ctx.rules
                         if r.id != rule.id and name in r.needs.missing(plan.present))
        locations: tuple[Location, ...] = ()
        where = "-"
        if table is not None:
            header = table.headers[0]
            locations = (Location(sheet=table.sheet, row=header.row, col=header.first_col,
                                  end_row=header.last_row, end_col=header.last_col),)
            where = f"{table.sheet}!{table.range}"
        yield Hit(locations=locations, table=name, key=(name,),
                  args={"table": label, "range": where, "rules": ", ".join(skipped) or "-"},
                  expected=label, actual=None if table is None else where)
