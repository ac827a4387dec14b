"""The Pendanaan's sums, all at once, and which failed sums one mistake explains.

Every amount is held against two sums: across its row (the satker amounts add up to the Total:
`row`) and down its column (a parent's amount is the sum of its items', the grand total's the
sum of the top-level rows': `children`, `grand`). One mistyped figure fails more than one of
them, and formulas carry it further: a Total typed wrong under a grand total written as
`=SUM(...)` leaves the grand total's Total unequal to its satker amounts too, a cell the planner
never typed. For each parent p with items k, satker columns c and the Total T, the written
amounts W obey one identity:

    (W[p,T] - Σk W[k,T]) - Σc (W[p,c] - Σk W[k,c]) = (W[p,T] - Σc W[p,c]) - Σk (W[k,T] - Σc W[k,c])

so a failed sum is the consequence of others when the rest of its identity holds. For a
parent whose items' rows fail or hold, with its own row, satker columns and Total column:
- `carried`: it agrees with its items in every column but its row fails: items' rows fail and
  their sums were carried up (formulas); reported at those items;
- `unmatched`: its row and satker columns hold, its Total column fails, items' rows fail: an
  item's Total is wrong, the parent's right; reported at the item;
- `column_too`: its row and Total hold, satker columns fail, items' rows fail: an item's satker
  amount is wrong; reported at the item's row;
- `both`: its items hold and its Total fails its row and its column: the Total itself is wrong;
  reported once, as the column sum;
- `row_too` / `total_too`: its items hold, satker columns fail and its row (or its Total
  column) too: the satker amount is wrong; reported in its column.
The failure that stays names what its mistake also put wrong. A failure is left out only when
the rule that reports its cause runs (`scopes`). Other cases (several mistakes meeting) are
reported as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from renjacheck.checks.arith import Interval, total
from renjacheck.tables.pendanaan import Pendanaan
from renjacheck.values import Quantity, known


@dataclass(eq=False)
class Failure:
    """A written amount that is not the sum it should be, and what it explains or who reports
    it."""

    scope: str  # "row", "children" or "grand"
    index: int
    column: str  # the amount column ("total" for a row's sum)
    expected: Decimal
    written: Quantity
    parts: int | str  # how many items were added up, or "satker"
    # Left out: the failures that report its cause. Kept: what it explains, by how.
    owners: list[Failure] = field(default_factory=list)
    explains: list[tuple[str, Failure]] = field(default_factory=list)


def failures(table: Pendanaan, scopes: frozenset[str]) -> list[Failure]:
    """Every failed sum of the table, those another failure explains marked with its owners."""
    rows = {f.index: f for f in _row_sums(table)}
    columns = {(f.index, f.column): f for f in _column_sums(table)}
    items = table.item_indices
    children, top = table.tree
    parents = [(items[at], [items[k] for k in kids]) for at, kids in children.items()]
    if table.grand >= 0 and top:
        parents.append((table.grand, [items[k] for k in top]))
    # Items before their parents (outline order reversed), the grand total last.
    parents.sort(key=lambda pair: (pair[0] == table.grand, -pair[0]))
    satker = table.amount_columns[:-1]
    for parent, kids in parents:
        failed = {"row": [rows[parent]] if parent in rows else [],
                  "wrong": [columns[(parent, c)] for c in satker if (parent, c) in columns],
                  "total": [columns[(parent, "total")]] if (parent, "total") in columns else [],
                  "below": [rows[k] for k in kids if k in rows]}
        case = _CASES.get(tuple(bool(failed[name]) for name in ("row", "wrong", "total", "below")))
        if case is not None:
            how, left_out, causes = case
            for failure in failed[left_out]:
                _explain(failure, failed[causes], how, scopes)
    return [*rows.values(), *columns.values()]


# (its row fails, a satker column fails, its Total column fails, an item's row fails) ->
# (how, which failures are left out, which report them).
_CASES = {
    (True, False, False, True): ("carried", "row", "below"),
    (False, False, True, True): ("unmatched", "total", "below"),
    (True, False, True, False): ("both", "row", "total"),
    (False, True, True, False): ("total_too", "total", "wrong"),
    (True, True, False, False): ("row_too", "row", "wrong"),
    (False, True, False, True): ("column_too", "wrong", "below"),
}


def _explain(failure: Failure, causes: list[Failure], how: str, scopes: frozenset[str]) -> None:
    owners = list(dict.fromkeys(r for cause in causes for r in reporters(cause)))
    if any(owner.scope not in scopes for owner in owners):
        return  # the cause is not reported: this failure is
    failure.owners = causes
    for owner in owners:
        owner.explains.append((how, failure))


def reporters(failure: Failure) -> list[Failure]:
    """The failures that are reported for this one: itself, or its owners' reporters."""
    if not failure.owners:
        return [failure]
    return [r for owner in failure.owners for r in reporters(owner)]


def _row_sums(table: Pendanaan) -> Iterator[Failure]:
    """Each row's satker amounts against its Total, the grand total's too."""
    satker = len(table.names)
    indices = list(table.item_indices) + ([table.grand] if table.grand >= 0 else [])
    for index in indices:
        numbers = table.figures(index)
        if None not in numbers and sum(numbers[:-1]) == numbers[-1] \
                and len(numbers) - 1 == satker and satker:
            continue
        parts = [known(table.value(index, name)) for name in table.names.values()]
        yield from _compare(table, "row", index, "total", parts, "satker")


def _column_sums(table: Pendanaan) -> Iterator[Failure]:
    """Each parent's amounts against its items', the grand total's against the top rows'."""
    items = table.item_indices
    children, top = table.tree
    pairs = [("children", items[at], [items[k] for k in kids]) for at, kids in children.items()]
    if table.grand >= 0:
        pairs.append(("grand", table.grand, [items[k] for k in top]))
    for scope, parent, kids in pairs:
        # Each row is read here twice at most (as a parent, as a child), and nothing is kept:
        # a national budget's two million figures held at once cost 16 MB more.
        written_all = table.figures(parent)
        parts_all = [table.figures(k) for k in kids]
        for n, column in enumerate(table.amount_columns):
            written, parts = written_all[n], [numbers[n] for numbers in parts_all]
            if written is not None and None not in parts and sum(parts) == written:
                continue
            yield from _compare(table, scope, parent, column,
                                [known(table.value(k, column)) for k in kids], len(kids))


def _compare(table: Pendanaan, scope: str, index: int, column: str, parts: list,
             what: int | str) -> Iterator[Failure]:
    written = known(table.value(index, column))
    if not isinstance(written, Quantity) or not parts or any(p is None for p in parts):
        return  # an unreadable amount is reported by the table schema
    computed = total([Interval.written(p.value, p.decimals) for p in parts])
    if computed.meets(Interval.rounded(written.value, written.decimals)):
        return
    yield Failure(scope, index, column, computed.estimate(written.decimals), written, what)
