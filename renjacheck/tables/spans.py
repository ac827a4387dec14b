"""Sub-columns under a merged super-header: which of them holds the figure the super-header names,
which are its periods, and which gives its unit.

`Realisasi` over `TW I .. TW IV | Jumlah` (the figure is the Jumlah; the periods are checked
against it), over `Jan .. Des` alone (the figure is the periods' sum), `Target` over `Volume |
Satuan` (the volume, in the unit beside it), `Target` over `Kinerja | Anggaran` (the Kinerja).
The words are data, rules/data/sub-kolom.yaml; which sub-column a word makes what is decided
here once per header, never per data row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from renjacheck.resources import data_file, load_yaml
from renjacheck.tables.labels import norm_label

FILE = "sub-kolom.yaml"
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_YEAR_TAIL = re.compile(r"(?:19|20)\d\d$")


@dataclass(frozen=True)
class Group:
    """A super-header over sub-columns, and what its sub-columns are: `figure` the sub-column
    the super-header's label names (None: none stands out), `periods` its period sub-columns,
    `summed` when the figure is their sum (no Jumlah: `figure` is then the first period), `unit`
    a Satuan sub-column giving the figure's unit."""

    heading: str
    cols: tuple[int, ...]
    figure: int | None
    periods: tuple[int, ...] = ()
    summed: bool = False
    unit: int | None = None
    # Every sub-column's label is a known sub-column word: the row below is a header's.
    known: bool = False


@dataclass(frozen=True)
class Span:
    """A figure column of a kind read through a group: its period sub-columns (`parts`), whether
    its value is their sum (no cell of its own), the sub-column giving its unit, and its
    heading as the super-header writes it."""

    name: str
    parts: tuple[int, ...]
    summed: bool
    unit: int | None
    heading: str

    @property
    def cols(self) -> tuple[int, ...]:
        """The sheet columns the span reads besides the column's own."""
        return (*self.parts, *(() if self.unit is None else (self.unit,)))

    def part_names(self) -> dict[str, int]:
        """`realisasi:1` ... for each period sub-column, and `realisasi:satuan` for the unit."""
        names = {part_name(self.name, n): col for n, col in enumerate(self.parts, start=1)}
        if self.unit is not None:
            names[f"{self.name}:satuan"] = self.unit
        return names


def part_name(name: str, n: int) -> str:
    """The name of period `n` (from 1) of column `name`: `realisasi:3`."""
    return f"{name}:{n}"


@dataclass(frozen=True)
class Words:
    """The sub-column words, normalised (labels.norm_label, no trailing year)."""

    periods: frozenset[str]
    totals: frozenset[str]
    figures: frozenset[str]
    money: frozenset[str]
    units: frozenset[str]
    ratio: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The words of rules/data/sub-kolom.yaml, read once (when a super-header is first met)."""
    data = load_yaml(data_file(FILE).read_text(encoding="utf-8"), strings=True) or {}
    period = data.get("periode") or {}

    def norm(texts) -> frozenset[str]:
        return frozenset(n for t in texts or () if (n := norm_label(t)))

    numbered = set()
    for key, count in (("triwulan", 4), ("semester", 2)):
        for prefix in norm(period.get(key)):
            for n in range(count):
                for numeral in (_ROMAN[n], str(n + 1)):
                    numbered.update({prefix + numeral, f"{prefix}ke{numeral}"})
    months = {norm_label(name) for names in period.get("bulan") or () for name in names}
    return Words(periods=frozenset(numbered | months), totals=norm(data.get("jumlah")),
                 figures=norm(data.get("angka")), money=norm(data.get("uang")),
                 units=norm(data.get("satuan")), ratio=norm(data.get("satuan_rasio")))


def role(text: str) -> str | None:
    """What a sub-column's label makes it: `period`, `total`, `figure`, `money`, `unit`, or None."""
    label = norm_label(text)
    label = _YEAR_TAIL.sub("", label) or label
    found = words()
    for name, labels in (("period", found.periods), ("total", found.totals),
                         ("figure", found.figures), ("money", found.money),
                         ("unit", found.units)):
        if label in labels:
            return name
    return None


def group(subs: dict[int, str], heading: str) -> Group:
    """The group of the sub-columns `subs` (sheet column -> label) under the super-header
    `heading`."""
    cols = tuple(sorted(subs))
    roles = {col: role(subs[col]) for col in cols}
    periods = tuple(c for c in cols if roles[c] == "period")
    unit = next((c for c in cols if roles[c] == "unit"), None)
    known = all(roles.values())
    total = next((c for c in cols if roles[c] == "total"), None)
    if total is not None:
        return Group(heading, cols, total, periods if len(periods) >= 2 else (), unit=unit,
                     known=known)
    if len(periods) >= 2:
        return Group(heading, cols, periods[0], periods, summed=True, unit=unit, known=known)
    for wanted in ("figure", "money"):
        figure = next((c for c in cols if roles[c] == wanted), None)
        if figure is not None:
            return Group(heading, cols, figure, unit=unit, known=known)
    return Group(heading, cols, None, known=known)


def ratio_unit(unit: str | None) -> bool:
    """True for a unit whose year is not the sum of its periods (`%`, `Indeks`)."""
    return unit is not None and norm_label(unit) in words().ratio
