"""Capaian indicators of either polarity: a target and a realisasi in one unit, written as
planners write them (`40 Orang`, `77,14%`, a numeric cell with its format and a Satuan column),
and the capaian they give, computed here exactly and independently of renjacheck: realisasi /
target x 100, or (2 - realisasi / target) x 100 for a negative indicator (lower is better),
rounded half up to the decimals it is written with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from hypothesis import strategies as st

from renjacheck.api.builder import PlanBuilder
from renjacheck.api.sheets import Cell
from renjacheck.rounding import format_number
from renjacheck.testing.figures import numeric

Polarity = Literal["positif", "negatif"]
UNITS = ["Orang", "Lembaga", "Indeks", "Dokumen", "Kabupaten/Kota", "Laporan", "%"]
# The rules a Capaian row's figures answer to: what a capaian fault is judged by.
CAPAIAN_RULES = frozenset({"CAP001", "CAP002", "CAP010", "TBL001", "TBL002", "TBL004",
                           "TBL005", "TBL006"})
_THINGS = ["remaja dengan ketahanan diri tinggi", "pecandu yang pulih", "petugas yang terlatih",
           "desa bersinar", "lembaga rehabilitasi komponen masyarakat", "kasus yang diungkap",
           "laporan keuangan yang tepat waktu", "penggiat anti narkoba", "kawasan rawan",
           "sekolah yang terpapar informasi"]
_LEADS = ["Jumlah", "Persentase", "Indeks", "Nilai"]


@dataclass(frozen=True)
class Indicator:
    """One Capaian row's figures: target and realisasi (with the decimals each is written
    with) in `satuan`, its polarity, and the decimals its capaian is written with."""

    indikator: str
    sasaran: str
    target: Decimal
    realisasi: Decimal
    satuan: str
    polaritas: Polarity
    places: int
    numeric: bool  # figures as numeric cells (and a Satuan column), else as text

    def capaian(self) -> Decimal:
        """The capaian in percent, rounded half up to `places` decimals."""
        share = Fraction(self.realisasi) / Fraction(self.target)
        exact = (2 - share if self.polaritas == "negatif" else share) * 100
        scale = 10**self.places
        return Decimal(math.floor(exact * scale + Fraction(1, 2))).scaleb(-self.places)

    def row(self, no: int, capaian: Decimal | None = None) -> dict[str, object]:
        """The indicator as a PlanBuilder Capaian row; `capaian` (in percent) written where the
        computed one would be."""
        value = self.capaian() if capaian is None else capaian
        row: dict[str, object] = {
            "no": no, "sasaran": self.sasaran, "indikator": self.indikator,
            "target": self._figure(self.target), "realisasi": self._figure(self.realisasi),
            "capaian": self._written(f"{format_number(value, _places(value))}%"),
            "polaritas": self.polaritas}
        if self.numeric and self.satuan != "%":
            row["satuan"] = self.satuan
        return row

    def _figure(self, value: Decimal) -> object:
        text = format_number(value, _places(value))
        if self.satuan == "%":
            return self._written(f"{text}%")
        return self._written(text) if self.numeric else f"{text} {self.satuan}"

    def _written(self, text: str) -> object:
        """A figure's text, or the numeric cell that shows it."""
        if not self.numeric:
            return text
        shown = numeric(text)
        return text if shown is None else Cell(*shown)  # type: ignore[arg-type]


def _places(value: Decimal) -> int:
    return max(-value.as_tuple().exponent, 0)  # type: ignore[operator]


def _figures(places: int, low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Figures from low to high with `places` decimals."""
    return st.integers(low * 10**places, high * 10**places).map(
        lambda n: Decimal(n).scaleb(-places))


@st.composite
def capaian_indicators(draw: st.DrawFn, polaritas: Polarity | None = None) -> Indicator:
    """An indicator of either polarity (or of `polaritas`): a positive target, a realisasi
    from zero to three times it (twice for a negative one, so that its capaian stays at or
    above zero), each written with 0 to 2 decimals, its capaian with 0 to 2."""
    polar: Polarity = polaritas or draw(st.sampled_from(["positif", "negatif"]))
    satuan = draw(st.sampled_from(UNITS))
    target = draw(_figures(draw(st.integers(0, 2)), 1, 1000).filter(lambda t: t > 0))
    most = target * (2 if polar == "negatif" else 3)
    places = draw(st.integers(0, 2))
    realisasi = draw(_figures(places, 0, int(most) + 1).filter(lambda r: r <= most))
    lead, thing = draw(st.sampled_from(_LEADS)), draw(st.sampled_from(_THINGS))
    return Indicator(indikator=f"{lead} {thing}", sasaran=f"Meningkatnya {thing}",
                     target=target, realisasi=realisasi, satuan=satuan, polaritas=polar,
                     places=draw(st.integers(0, 2)), numeric=draw(st.booleans()))


@st.composite
def capaian_table(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> list[Indicator]:
    """Indicators of distinct names, for one Capaian table."""
    return draw(st.lists(capaian_indicators(), min_size=min_size, max_size=max_size,
                         unique_by=lambda i: i.indikator))


def capaian_builder(indicators: list[Indicator], wrong: dict[int, Decimal] | None = None,
                    unit: str | None = None, year: int | None = None) -> PlanBuilder:
    """A PlanBuilder with the indicators' Capaian table (No 1, 2, ...), the capaian of
    indicator i written as `wrong[i]` where given."""
    wrong = wrong or {}
    return PlanBuilder(unit, year).capaian(
        [ind.row(i + 1, wrong.get(i)) for i, ind in enumerate(indicators)])


def off_capaian(indicator: Indicator, steps: int = 1) -> Decimal:
    """A capaian its figures cannot give however they were rounded: beyond every value the
    target and realisasi, within the precision they are written with, give, by `steps` units
    of its last place."""
    unit = Fraction(1, 10**indicator.places)
    spread = _spread(indicator.target) + _spread(indicator.realisasi)
    # The ratio moves at most by (realisasi + target) / target^2 x 100 per unit of spread
    # (for a target of at least 1, as drawn here).
    reach = spread * (Fraction(indicator.realisasi) + Fraction(indicator.target)) \
        / Fraction(indicator.target) ** 2 * 100
    shift = (math.ceil(reach / unit) + max(steps, 1)) * unit
    return indicator.capaian() + Decimal(shift.numerator) / Decimal(shift.denominator)


def _spread(value: Decimal) -> Fraction:
    """How far a figure written with decimals may stand from what it rounds (none without)."""
    places = _places(value)
    return Fraction(1, 2 * 10**places) if places else Fraction(0)
