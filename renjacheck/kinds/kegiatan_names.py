"""Kegiatan names: a kegiatan cell of the Matriks or of the RO appendix names kegiatan of the
Pendanaan (renjacheck.checks.links). `unresolved`: the cell names none of them; `near`: a name
it gives matches a Pendanaan kegiatan only approximately (a typo), shown with both wordings.

An empty kegiatan cell is the table schema's (TBL004); a cell merged over several rows is
reported once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.ro import RO_KIND

ID = "kegiatan_names"
NEEDS = Needs()  # the Pendanaan and the tables its parameters name (Params.needs)
PLACEHOLDERS = frozenset({"table", "kegiatan", "written", "kode", "uraian"})
# The tables as the Renja document calls them.
LABELS = {"matriks": "Matriks", "ro": "Lampiran RO"}


class Params(BaseParams):
    """Which tables' kegiatan cells, and which finding."""

    tables: list[Literal["matriks", "ro"]] = Field(min_length=1)
    report: Literal["unresolved", "near"]

    def needs(self) -> Needs:
        """The Pendanaan, and any of the tables whose kegiatan cells it checks."""
        return Needs.tables(all_of=("pendanaan",), any_of=self.tables)


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every kegiatan cell that names no Pendanaan kegiatan, or one by a typo."""
    plan, links = ctx.plan, ctx.shared.links
    if not links.kegiatan:
        return  # nothing to name: a Pendanaan without kegiatan rows
    matriks, ro = plan.get(MATRIKS), plan.get(RO_KIND)
    cells = {"matriks": zip([g.kegiatan for g in matriks.groups] if matriks else [],
                            links.matriks, strict=True),
             "ro": zip([r.kegiatan for r in ro.rows] if ro else [], links.ro_kegiatan,
                       strict=True)}
    seen = set()
    for table in rule.params.tables:
        for cell, named in cells[table]:
            if cell is None or cell.loc in seen:
                continue
            seen.add(cell.loc)
            label = LABELS[table]
            if rule.params.report == "unresolved":
                if not named.rows:
                    yield Hit(locations=(cell.loc,), table=table, key=(table, cell.value),
                              expected="Pendanaan", actual=cell.value,
                              args={"table": label, "kegiatan": cell.value})
                continue
            for written, row in named.near:
                yield Hit(locations=(cell.loc, row.uraian.loc), table=table,
                          key=(table, written, row.kode.value),
                          expected=row.uraian.value, actual=written,
                          args={"table": label, "kegiatan": cell.value, "written": written,
                                "kode": row.kode.value, "uraian": row.uraian.value})
