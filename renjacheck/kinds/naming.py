"""Naming: the same indicator (`indikator`) or sasaran (`sasaran`) worded differently in the
previous year's Capaian and the plan year's Matriks: a near match, not identical after
normalisation. The finding shows both wordings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.text import NEAR, different, normalize, similarity
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS

ID = "naming"
NEEDS = Needs.tables(all_of=("capaian", "matriks"))
PLACEHOLDERS = frozenset({"matriks", "capaian", "score"})


class Params(BaseParams):
    """Which name to compare."""

    field: Literal["indikator", "sasaran"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Matriks name that nearly, but not exactly, repeats the Capaian's."""
    field = rule.params.field
    capaian, rows = ctx.plan.get(CAPAIAN).rows, ctx.plan.get(MATRIKS).rows
    seen = set()
    pairs = sorted(ctx.shared.links.capaian_to_matriks.items(), key=lambda p: p[1].index)
    for i, match in pairs:
        before, now = capaian[i].known(field), rows[match.index].known(field)
        if before is None or now is None:
            continue
        pair = (normalize(before.value), normalize(now.value))
        if pair[0] == pair[1] or pair in seen:
            continue
        seen.add(pair)
        score = similarity(before.value, now.value)
        if score < NEAR or different(before.value, now.value):
            continue  # a different wording altogether: a changed sasaran, not a variant
        yield Hit(locations=(now.loc, before.loc), table="matriks", expected=before.value,
                  actual=now.value, key=pair,
                  args={"matriks": now.value, "capaian": before.value, "score": round(score)})
