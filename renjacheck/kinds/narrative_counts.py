"""Narrative counts: what a count statement of a bidang (`bidang`) or of the whole unit (`unit`)
says the year's plan holds - sasaran, indicators, kegiatan, programs, rincian output - agrees
with the tables of the statement's year (checks/counts.py reads the statements, in the words
of rules/data/kata-hitung.yaml; checks/tally.py counts the tables).

The year's tables are the Matriks (with the Pendanaan and the RO table) for the plan year and
the Capaian (with the Realisasi Anggaran) for the year before. A sasaran repeated on several
rows, with or without an enumeration prefix or in other case or punctuation, counts once.
Digits are compared; NAR002 compares them with the words. A bidang the table does not name is
not counted (its rows cannot be told apart), nor a concept no table of the year holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.counts import count_claims
from renjacheck.checks.tally import tally
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.narasi import NARASI

ID = "narrative_counts"
NEEDS = Needs.tables(all_of=("narasi",), any_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"bidang", "what", "what_en", "written", "expected", "table", "year"})
# Names of the tables as the plan calls them, the same in both languages.
TABLE_NAMES = {"capaian": "Capaian", "matriks": "Matriks", "pendanaan": "Pendanaan", "ro": "RO",
               "realisasi_anggaran": "Realisasi Anggaran"}
# What is counted, in each language; the Indonesian message takes the statement's own phrase
# where it says more ("sasaran strategis").
WHAT = {"sasaran": ("sasaran", "sasaran"),
        "indikator": ("indikator kinerja", "performance indicators"),
        "kegiatan": ("kegiatan", "activities"),
        "program": ("program", "programmes"),
        "ro": ("rincian output (RO)", "output details (RO)")}


class Params(BaseParams):
    """Whose statements: a bidang's or the whole unit's."""

    scope: Literal["bidang", "unit"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every count the narrative states that the year's tables do not give."""
    plan = ctx.plan
    for claim in count_claims(plan.get(NARASI).statements):
        if (claim.bidang is None) != (rule.params.scope == "unit"):
            continue
        table = ctx.shared.year_table(claim.year)
        tallied = tally(plan, table, claim.what, claim.bidang) if table is not None else None
        if tallied is None or tallied[0] == claim.count.value:
            continue
        found, source = tallied
        what, what_en = WHAT[claim.what]
        what = max(what, claim.noun, key=len)  # "sasaran strategis" as written, not "IKU"
        yield Hit(locations=(claim.row.teks.loc,), table="narasi", expected=found,
                  actual=claim.count.value, key=(claim.bidang or "", table.year, claim.what),
                  args={"bidang": claim.bidang or "-", "what": what, "what_en": what_en,
                        "written": claim.count.value, "expected": found,
                        "table": TABLE_NAMES[source], "year": table.year})
