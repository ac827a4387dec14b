"""RO indicators: every indicator an RO row serves (each of a cell listing several) is an
indicator of the Matriks (renjacheck.checks.links). `missing`: it matches none; `near`: it
matches one only approximately, quoted with the Matriks wording.

An indicator cell shared by several RO rows (merged, or left blank for "as above") is reported
once per indicator it lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.text import item_number, normalize
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.ro import RO_KIND

ID = "ro_indicator"
NEEDS = Needs.tables(all_of=("ro", "matriks"))
PLACEHOLDERS = frozenset({"indikator", "matriks", "no"})


class Params(BaseParams):
    """Which finding."""

    report: Literal["missing", "near"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit for every RO indicator absent from the Matriks, or worded differently there."""
    seen = set()
    for ro, served in zip(ctx.plan.get(RO_KIND).rows, ctx.shared.links.ro_indicators,
                          strict=True):
        cell = ro.indikator
        for item in served:
            ident = (cell.loc, normalize(item.text))
            if ident in seen:
                continue
            seen.add(ident)
            no = item_number(ro.no)
            if rule.params.report == "missing" and item.row is None:
                yield Hit(locations=(cell.loc,), table="ro", key=(no, item.text),
                          expected="Matriks", actual=item.text,
                          args={"indikator": item.text, "matriks": None, "no": no})
            elif rule.params.report == "near" and item.row is not None \
                    and not item.match.identical:
                wording = item.row.indikator
                yield Hit(locations=(cell.loc, wording.loc), table="ro",
                          key=(no, item.text), expected=wording.value, actual=item.text,
                          args={"indikator": item.text, "matriks": wording.value, "no": no})
