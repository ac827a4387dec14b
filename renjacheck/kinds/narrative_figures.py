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
from renjacheck.checks.narrative import FigureClaim
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.values import Quantity

ID = "narrative_figures"
NEEDS = Needs.tables(all_of=("narasi",), any_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"indikator", "phrase", "written", "found", "expected", "what",
                          "table", "year"})
# What the figure of each table is, and the table's name: the same in both languages.
WHAT = {"capaian": "realisasi", "matriks": "target"}
TABLE_NAMES = {"capaian": "Capaian", "matriks": "Matriks"}


class Params(BaseParams):
    """Which finding: a figure the table contradicts, or a phrase no indicator matches."""

    report: Literal["mismatch", "unmatched"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every figure the table contradicts (or every phrase left unmatched)."""
    for found in ctx.shared.figures:
        claim, table, row = found.claim, found.table, found.indicator
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
