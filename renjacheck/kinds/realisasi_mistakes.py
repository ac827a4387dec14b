"""What the Realisasi Anggaran's row checks (RAG001, RAG004) share: which failures one mistake
explains (renjacheck.checks.realisasi), worked out once for both, and how the finding where the
mistake is names what it also put wrong."""

from __future__ import annotations

from renjacheck.checks.realisasi import Failure, failures
from renjacheck.i18n import Clauses
from renjacheck.tables.realisasi import RealisasiAnggaran

_KINDS = (("ratio", "realisasi_ratio"), ("sisa", "realisasi_sisa"))


def analysed(ctx, table: RealisasiAnggaran) -> dict[tuple[str, int], Failure]:
    """The table's failed % and sisa by (check, row), with what explains what; the checks whose
    rules run decide what may be left out."""
    kinds = {rule.kind for rule in ctx.rules}
    checks = frozenset(check for check, kind in _KINDS if kind in kinds)
    return ctx.shared.derive(("realisasi_mistakes", checks), lambda: failures(table, checks))


def consequences(table: RealisasiAnggaran, failure: Failure | None) -> Clauses:
    """What the failure's mistake also put wrong: its row's sisa (and the figure that explains
    both), the rows above whose % or sisa carried it, and those typed by hand that its items
    no longer add up to, each named once."""
    if failure is None:
        return Clauses()
    clauses = []
    if failure.figure is not None and any(way == "row" for way, _ in failure.explains):
        name, value = failure.figure
        clauses.append((f"rag.row.{name}", {"value": value}))
    for check in ("ratio", "sisa"):
        rows = list(dict.fromkeys(table.Row(table, other.index).name
                                  for way, other in failure.explains
                                  if way == "carried" and other.check == check))
        if rows:
            clauses.append((f"rag.carried.{check}", {"rows": rows}))
    unmatched = [other for way, other in failure.explains if way == "unmatched"]
    if unmatched:
        rows = list(dict.fromkeys(table.Row(table, o.index).name for o in unmatched))
        columns = list(dict.fromkeys(table.labels[o.check] for o in unmatched))
        clauses.append(("rag.unmatched", {"rows": rows, "columns": columns}))
    return Clauses(tuple(clauses))
