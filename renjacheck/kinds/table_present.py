"""Table present: a table kind the workbook lacks is noted, with the rules it leaves unchecked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.workbook.headers import TABLE_LABELS

PLACEHOLDERS = frozenset({"table", "rules"})
TABLES = frozenset()


class Params(BaseParams):
    """The tables a complete Renja workbook holds."""

    tables: list[Literal["identitas", "pendanaan", "capaian", "matriks", "ro", "narasi"]]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every listed table the workbook does not hold."""
    for table in rule.params.tables:
        if ctx.plan.present(table):
            continue
        skipped = sorted(r.id for r in ctx.rules if table in r.requires and r.id != rule.id)
        yield Hit(locations=(), table=table, key=(table,),
                  args={"table": TABLE_LABELS[table], "rules": ", ".join(skipped) or "-"},
                  expected=TABLE_LABELS[table], actual=None)
