"""Naming: the same indicator (`indikator`) or sasaran (`sasaran`) worded differently in the
previous year's Capaian and the plan year's Matriks: a near match, not identical after
normalisation. The finding shows both wordings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from renjacheck.checks.links import links_of
from renjacheck.checks.text import NEAR, normalize, similarity
from renjacheck.kinds.base import Hit, Params as BaseParams

PLACEHOLDERS = frozenset({"matriks", "capaian", "score"})
TABLES = frozenset({"capaian", "matriks"})


class Params(BaseParams):
    """Which name to compare."""

    field: Literal["indikator", "sasaran"]


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every Matriks name that nearly, but not exactly, repeats the Capaian's."""
    plan = ctx.plan
    if plan.capaian is None or plan.matriks is None:
        return
    field = rule.params.field
    rows = [r for g in plan.matriks for r in g.rows]
    seen = set()
    for i, match in sorted(links_of(ctx).capaian_to_matriks.items(), key=lambda p: p[1].index):
        before, now = getattr(plan.capaian[i], field), getattr(rows[match.index], field)
        if before is None or now is None:
            continue
        pair = (normalize(before.value), normalize(now.value))
        if pair[0] == pair[1] or pair in seen:
            continue
        seen.add(pair)
        score = similarity(before.value, now.value)
        if score < NEAR:
            continue  # a different wording altogether: a changed sasaran, not a variant
        yield Hit(locations=(now.loc, before.loc), table="matriks", expected=before.value,
                  actual=now.value, key=pair,
                  args={"matriks": now.value, "capaian": before.value, "score": round(score)})
