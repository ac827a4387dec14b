"""Rule kinds: the code behind the rule files. Each kind is one small module, registered here.

A kind module has a docstring, `Params` (a pydantic model of its parameters that forbids unknown
keys), `PLACEHOLDERS` (the names its message templates may use), `TABLES` (the tables it needs;
or a function `requires(params)` when they depend on the parameters) and a generator
`check(ctx, rule)` that yields `Hit`s. Optional: `placeholders(params)` when the message names
depend on the parameters, and `AFTER_FINDINGS = True` for a kind that judges the findings of the
other rules (stale waivers).
"""

from __future__ import annotations

from types import ModuleType

# Reading and table schemas.
from renjacheck.kinds import reader_note, table_present, table_schema

# Pendanaan.
from renjacheck.kinds import (blank_amount, header_repeat, narrative_total, pendanaan_codes,
                              pendanaan_sums)

# Targets and naming.
from renjacheck.kinds import indicator_changes, naming, target_trend

# Expressions and waivers.
from renjacheck.kinds import expression, stale_waiver

# Capaian and narrative.
from renjacheck.kinds import (capaian_ratio, narrative_counts, narrative_figures,
                              narrative_unmet, number_words, unit_match)

# Matriks and RO.
from renjacheck.kinds import (kegiatan_names, matriks_budget, matriks_coverage, ro_coverage,
                              ro_duplicate, ro_indicator, ro_kegiatan, ro_unit, ro_volume)

KINDS: dict[str, ModuleType] = {
    # Reading and table schemas.
    "reader_note": reader_note,
    "table_present": table_present,
    "table_schema": table_schema,
    # Pendanaan.
    "pendanaan_sums": pendanaan_sums,
    "pendanaan_codes": pendanaan_codes,
    "header_repeat": header_repeat,
    "blank_amount": blank_amount,
    "narrative_total": narrative_total,
    # Capaian and narrative.
    "capaian_ratio": capaian_ratio,
    "unit_match": unit_match,
    "narrative_unmet": narrative_unmet,
    "number_words": number_words,
    "narrative_counts": narrative_counts,
    "narrative_figures": narrative_figures,
    # Matriks and RO.
    "matriks_budget": matriks_budget,
    "matriks_coverage": matriks_coverage,
    "kegiatan_names": kegiatan_names,
    "ro_indicator": ro_indicator,
    "ro_volume": ro_volume,
    "ro_coverage": ro_coverage,
    "ro_kegiatan": ro_kegiatan,
    "ro_duplicate": ro_duplicate,
    "ro_unit": ro_unit,
    # Targets and naming.
    "target_trend": target_trend,
    "indicator_changes": indicator_changes,
    "naming": naming,
    # Expressions and waivers.
    "expression": expression,
    "stale_waiver": stale_waiver,
}


class UnknownKind(KeyError):
    """A rule names a kind that does not exist."""


def get_kind(name: str) -> ModuleType:
    """The kind module called `name`; the error lists the kinds there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None
