"""Narrative counts: "N sasaran kegiatan dengan M indikator" of a bidang (`bidang`) or of the
whole unit (`unit`, "menetapkan sebanyak N sasaran ... sebanyak M indikator") agrees with the
table of the statement's year: N distinct sasaran, M indicator rows.

The year's table is the Matriks for the plan year and the Capaian for the year before
(checks.narrative.year_table). A sasaran repeated on several rows, with or without an
enumeration prefix or in other case or punctuation, counts once. Digits are compared; NAR002
compares them with the words. A bidang the table does not name is not counted: its rows cannot
be told apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.narrative import counts, statement_year
from renjacheck.checks.text import normalize
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.narasi import NARASI

ID = "narrative_counts"
NEEDS = Needs.tables(all_of=("narasi",), any_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"bidang", "what", "what_en", "written", "expected", "table", "year"})
# Names of the tables as the plan calls them, the same in both languages.
TABLE_NAMES = {"capaian": "Capaian", "matriks": "Matriks"}
# What is counted, for the Indonesian message (`what`) and the English one (`what_en`).
WHAT = {"sasaran": ("sasaran kegiatan", "activity sasaran"),
        "indikator": ("indikator kinerja", "performance indicators")}


class Params(BaseParams):
    """Whose statements: a bidang's or the whole unit's."""

    scope: Literal["bidang", "unit"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every stated count of sasaran or indicators the table does not give."""
    plan = ctx.plan
    for claim in counts(plan.get(NARASI).statements):
        if (claim.bidang is None) != (rule.params.scope == "unit"):
            continue
        table = ctx.shared.year_table(statement_year(plan, claim.row))
        rows = table.of_bidang(claim.bidang) if table is not None else None
        if not rows:
            continue
        sasaran = {normalize(r.sasaran.value) for r in rows if r.sasaran is not None}
        found = {"sasaran": len(sasaran - {""}),
                 "indikator": sum(r.indikator is not None for r in rows)}
        for what, count in (("sasaran", claim.sasaran), ("indikator", claim.indikator)):
            if count.value == found[what]:
                continue
            yield Hit(locations=(claim.row.teks.loc,), table="narasi", expected=found[what],
                      actual=count.value, key=(claim.bidang or "", table.year, what),
                      args={"bidang": claim.bidang or "-", "what": WHAT[what][0],
                            "what_en": WHAT[what][1],
                            "written": count.value, "expected": found[what],
                            "table": TABLE_NAMES[table.kind], "year": table.year})
