"""Pendanaan sums: a row's satker amounts add up to its total (`row`); a parent's amounts are
the sums of its children's, per satker and in the total (`children`); the grand total row is
the sum of the top-level rows in every column (`grand`).

Amounts are compared within the precision they are written with (renjacheck.checks.arith).
The three sums are worked out once for all three scopes (renjacheck.checks.sums), and a failed
sum that another explains (a wrong Total carried up to the grand total by a formula) is not
reported again: the finding where the mistake is names what it also put wrong
(`consequences`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.sums import Failure, failures
from renjacheck.i18n import Clauses
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.pendanaan import PENDANAAN, Pendanaan

ID = "pendanaan_sums"
NEEDS = Needs.tables(all_of=("pendanaan",))
PLACEHOLDERS = frozenset({"kode", "uraian", "column", "expected", "found", "parts",
                          "consequences"})


class Params(BaseParams):
    """Which sum."""

    scope: Literal["row", "children", "grand"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every written amount that is not the sum it should be, unless another
    finding reports the mistake that makes it so."""
    pendanaan = ctx.plan.get(PENDANAAN)
    scopes = frozenset(r.params.scope for r in ctx.rules if r.kind == ID)
    found = ctx.shared.derive((ID, scopes), lambda: failures(pendanaan, scopes))
    for failure in found:
        if failure.scope == rule.params.scope and not failure.owners:
            yield _hit(pendanaan, failure)


def _hit(pendanaan: Pendanaan, failure: Failure) -> Hit:
    column = failure.column
    label = "Total" if column == "total" else pendanaan.labels[column]
    row = pendanaan.Row(pendanaan, failure.index)
    kode, uraian = row.kode, row.uraian
    return Hit(locations=(failure.written.loc,), table="pendanaan", expected=failure.expected,
               actual=failure.written, key=(kode.value if kode else "TOTAL", label),
               args={"kode": kode.value if kode else "-",
                     "uraian": uraian.value if uraian else "-", "column": label,
                     "expected": failure.expected, "found": failure.written,
                     "parts": failure.parts,
                     "consequences": _consequences(pendanaan, failure)})


def _consequences(pendanaan: Pendanaan, failure: Failure) -> Clauses:
    """What the mistake also put wrong, a clause for each way, each row named once."""
    clauses = []
    for how in ("carried", "unmatched", "column_too", "both", "row_too", "total_too"):
        others = [other for way, other in failure.explains if way == how]
        if not others:
            continue
        if how in ("both", "row_too", "total_too"):  # the same row: the other sum's figure
            clauses.append((f"sum.{how}", {"expected": others[0].expected}))
        else:
            rows = list(dict.fromkeys(_name(pendanaan, other) for other in others))
            columns = list(dict.fromkeys(pendanaan.labels[o.column] for o in others
                                         if o.column != "total"))
            clauses.append((f"sum.{how}", {"rows": rows, "columns": columns}))
    return Clauses(tuple(clauses))


def _name(pendanaan: Pendanaan, failure: Failure) -> str:
    """The row's code, or the grand total's label: no cell address, which a message keeps
    out so that it reads the same in every layout."""
    row = pendanaan.Row(pendanaan, failure.index)
    name = row.kode or row.uraian
    return name.value if name else "-"
