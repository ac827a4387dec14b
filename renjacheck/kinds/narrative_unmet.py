"""Narrative unmet: "Terdapat N (kata) target kinerja ... yang tidak tercapai" counts the Capaian
rows whose written capaian is under 100%.

Only statements about the Capaian year (the year before the plan year) are compared; a statement
without a year can only mean the Capaian, the one table of realisasi. A row without a written
capaian is not counted: the table schema reports it; nor is a parent row (a sasaran heading with
its capaian over its indicators, CAP004's), which is no target of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renjacheck.checks.narrative import statement_year, unmet
from renjacheck.checks.text import item_number
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.narasi import NARASI

ID = "narrative_unmet"
NEEDS = Needs.tables(all_of=("narasi", "capaian"))
PLACEHOLDERS = frozenset({"written", "expected", "year", "rows"})
MET = Decimal(100)


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every statement whose count of unmet targets the Capaian does not give."""
    plan = ctx.plan
    year = plan.year - 1 if plan.year is not None else None
    capaian = plan.get(CAPAIAN)
    parents = capaian.parent_records
    short = [r for r in capaian.rows if r.capaian is not None and r.capaian.value < MET
             and r.index not in parents]
    for row, count in unmet(plan.get(NARASI).statements):
        said = statement_year(plan, row)
        if said is not None and year is not None and said != year:
            continue
        if count.value == len(short):
            continue
        yield Hit(locations=(row.teks.loc,), table="narasi", expected=len(short),
                  actual=count.value, key=("unmet", said),
                  args={"written": count.value, "expected": len(short),
                        "year": year if year is not None else "-",
                        "rows": ", ".join(item_number(r.no) for r in short) or "-"})
