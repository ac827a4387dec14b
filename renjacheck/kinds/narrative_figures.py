"""Narrative figures: an indicator the narrative names with its value ("nilai zona integritas
... dengan capaian nilai sebesar 83,56 indeks") has that value in the table of the statement's
year: the Capaian realisasi for the year before the plan year, the Matriks target for the plan
year. `mismatch` reports a different value; `unmatched` a phrase that names no indicator.

The phrase is matched among the indicators of the statement's bidang: a loose token-set match
(it may open with the sasaran), ties broken by the strict ratio (renjacheck.checks.text). The
narrative may round, so its figure stands for every value that rounds to it; the table's is
taken as written (renjacheck.checks.arith).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Literal

from renjacheck.checks.arith import Interval
from renjacheck.checks.narrative import (FigureClaim, Indicator, YearTable, figures,
                                         statement_year, year_table)
from renjacheck.checks.text import NEAR_IN_KEGIATAN, best_match
from renjacheck.kinds.base import Hit, Params as BaseParams
from renjacheck.model.values import Quantity

PLACEHOLDERS = frozenset({"indikator", "phrase", "written", "found", "expected", "what",
                          "table", "year"})
# What the figure of each table is, and the table's name: the same in both languages.
WHAT = {"capaian": "realisasi", "matriks": "target"}
TABLE_NAMES = {"capaian": "Capaian", "matriks": "Matriks"}
TABLES = frozenset({"narasi", "capaian", "matriks"})


class Params(BaseParams):
    """Which finding: a figure the table contradicts, or a phrase no indicator matches."""

    report: Literal["mismatch", "unmatched"]


def resolve(ctx) -> list[tuple[FigureClaim, YearTable, Indicator | None]]:
    """Every figure claim with its year's table and the indicator it names; once a workbook."""
    if "narrative_figures" not in ctx.memo:
        found = []
        for claim in figures(ctx.plan.narasi or []):
            table = year_table(ctx.plan, statement_year(ctx.plan, claim.row))
            if table is None:
                continue  # a year with no table to check against
            bidang = claim.row.bidang.value if claim.row.bidang else None
            # A bidang the table does not name may be spelled otherwise: look in every row.
            rows = [r for r in table.of_bidang(bidang) or table.rows if r.indikator is not None]
            match = best_match(claim.phrase, [r.indikator.value for r in rows],
                               NEAR_IN_KEGIATAN, loose=True)
            found.append((claim, table, rows[match.index] if match is not None else None))
        ctx.memo["narrative_figures"] = found
    return ctx.memo["narrative_figures"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every figure the table contradicts (or every phrase left unmatched)."""
    for claim, table, row in resolve(ctx):
        args = {"phrase": claim.phrase, "written": claim.text, "what": WHAT[table.kind],
                "table": TABLE_NAMES[table.kind], "year": table.year}
        if row is None:
            if rule.params.report == "unmatched":
                yield Hit(locations=(claim.row.teks.loc,), table="narasi", actual=claim.phrase,
                          key=(table.year, claim.phrase), args={**args, "indikator": "-",
                                                                "found": _stated(claim),
                                                                "expected": "-"})
            continue
        value = row.value
        if rule.params.report != "mismatch" or value is None or _agrees(claim, value):
            continue
        yield Hit(locations=(claim.row.teks.loc, value.loc), table="narasi", expected=value,
                  actual=_stated(claim), key=(table.year, row.indikator.value, claim.text),
                  args={**args, "indikator": row.indikator.value, "found": _stated(claim),
                        "expected": value})


def _agrees(claim: FigureClaim, value: Quantity) -> bool:
    stated = Interval.rounded(claim.value, claim.decimals)
    if value.is_range:
        return stated.meets(Interval(Fraction(value.value), Fraction(value.upper)))
    return stated.meets(Interval.written(value.value, value.decimals))


def _stated(claim: FigureClaim) -> Quantity:
    """The narrative's figure as a Quantity, so the i18n layer shows it like the table's."""
    return Quantity(value=claim.value, decimals=claim.decimals, loc=claim.row.teks.loc,
                    text=claim.text, percent=claim.percent, unit=claim.unit)
