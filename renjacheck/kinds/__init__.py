"""Rule kinds: the code behind the rule files, one small module a kind (see kinds/base.py for
what a kind module holds). The registry is made from the modules: each names itself (`ID`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from renjacheck.kinds import (blank_amount, capaian_parent, capaian_ratio, expression,
                              figure_words, header_repeat, indicator_changes, kegiatan_names,
                              matriks_budget, matriks_coverage, naming, narrative_counts,
                              narrative_figures, narrative_total, narrative_unmet, number_words,
                              pendanaan_codes, pendanaan_sums, period_total, reader_note,
                              realisasi_ratio,
                              realisasi_sisa, realisasi_sums, ro_coverage, ro_duplicate,
                              ro_indicator, ro_kegiatan, ro_unit, ro_volume, stale_formula,
                              stale_waiver,
                              table_present, table_required, table_schema, target_trend,
                              unit_match)
from renjacheck.kinds.base import Hit, Needs, Params
from renjacheck.kinds.context import Context
from renjacheck.kinds.rule import Rule


@dataclass(frozen=True)
class RuleKind:
    """A kind as the engine uses it: what its module declares, checked when it is registered."""

    id: str
    doc: str
    params: type[Params]
    needs: Needs
    placeholders: frozenset[str]
    check: Callable[[Context, Rule], Iterator[Hit]]

    @classmethod
    def of(cls, module: ModuleType) -> RuleKind:
        """The kind a module declares; TypeError naming what it lacks or gets wrong."""
        wanted = {"ID": str, "NEEDS": Needs, "PLACEHOLDERS": frozenset}
        for name, kind in wanted.items():
            if not isinstance(getattr(module, name, None), kind):
                raise TypeError(f"{module.__name__}: {name} must be a {kind.__name__}")
        params, check = getattr(module, "Params", None), getattr(module, "check", None)
        if not (isinstance(params, type) and issubclass(params, Params)) or not callable(check):
            raise TypeError(f"{module.__name__}: needs a Params class and a check function")
        return cls(id=module.ID, doc=module.__doc__ or "", params=params, needs=module.NEEDS,
                   placeholders=module.PLACEHOLDERS, check=check)

    def needs_of(self, params: Params) -> Needs:
        """What a rule of this kind with `params` needs."""
        needs = params.needs()
        return self.needs if needs is None else needs

    def placeholders_of(self, params: Params) -> frozenset[str]:
        """The names the messages of a rule of this kind with `params` may use."""
        names = params.placeholders()
        return self.placeholders if names is None else names


KINDS: dict[str, RuleKind] = {kind.id: kind for kind in map(RuleKind.of, (
    # Reading and table schemas.
    reader_note, stale_formula, table_present, table_required, table_schema, figure_words,
    period_total,
    # Pendanaan.
    pendanaan_sums, pendanaan_codes, header_repeat, blank_amount, narrative_total,
    # Capaian and narrative.
    capaian_ratio, capaian_parent, unit_match, narrative_unmet, number_words, narrative_counts,
    narrative_figures,
    # Matriks and RO.
    matriks_budget, matriks_coverage, kegiatan_names, ro_indicator, ro_volume, ro_coverage,
    ro_kegiatan, ro_duplicate, ro_unit,
    # Realisasi Anggaran.
    realisasi_ratio, realisasi_sums, realisasi_sisa,
    # Targets and naming.
    target_trend, indicator_changes, naming,
    # Expressions and waivers.
    expression, stale_waiver,
))}


class UnknownKind(KeyError):
    """A rule names a kind that does not exist."""


def get_kind(name: str) -> RuleKind:
    """The kind called `name`; the error lists the kinds there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(name) from None
