"""Consistent budgets: a Pendanaan hierarchy (program or kegiatan down to any level, akun the
deepest) with exact Rupiah amounts at its leaves and every parent and the grand total summed
exactly, for any number of satker; and what changing one amount must make renjacheck report.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from hypothesis import strategies as st

from renjacheck.api.builder import PlanBuilder


SATKER_NAMES = ["BNNP BANTEN", "BNNK SERANG", "BNNK LEBAK", "BNNK TANGERANG", "BNNK CILEGON",
                "BNNK TANGSEL", "BNNK PANDEGLANG", "KOTA SERANG"]
CHAIN = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun")
KOMPONEN = ["051", "052", "053", "054", "055", "056", "501", "502"]
AKUN = ["521211", "521213", "521219", "521811", "522151", "524111", "524113", "524114",
        "525112", "532111"]
URAIAN = {
    "program": ["Program Pencegahan dan Pemberantasan Narkoba", "Program Dukungan Manajemen"],
    "kegiatan": ["Penyelenggaraan Advokasi", "Pelaksanaan Intelijen Berbasis Teknologi",
                 "Pembinaan Administrasi dan Pengelolaan Keuangan", "Layanan Rehabilitasi"],
    "kro": ["Pelaksanaan Pendidikan dan Pelatihan", "Layanan Perkantoran", "Advokasi"],
    "ro": ["Advokasi Program Ketahanan Keluarga", "Layanan Manajemen Keuangan",
           "Laporan Informasi Intelijen"],
    "komponen": ["Gaji dan Tunjangan", "Operasional dan Pemeliharaan Kantor",
                 "Pelaksanaan Kegiatan"],
    "subkomponen": ["Persiapan", "Pelaksanaan", "Pelaporan"],
    "akun": ["Belanja Bahan", "Honor Output Kegiatan", "Belanja Perjalanan Dinas Biasa",
             "Belanja Jasa Profesi", "Belanja Keperluan Perkantoran"],
}


@dataclass
class Item:
    """A budget item: its code, level, parent (an index into Budget.items) and amounts."""

    code: str
    uraian: str
    level: str
    parent: int | None
    amounts: list[int]
    children: list[int] = field(default_factory=list)

    @property
    def total(self) -> int:
        """The item's Total: the sum of its satker amounts."""
        return sum(self.amounts)


@dataclass
class Budget:
    """A Pendanaan hierarchy in outline order with exact amounts; `grand` per satker."""

    satker: list[str]
    items: list[Item]

    @property
    def grand(self) -> list[int]:
        """The grand total per satker: the sum of the top-level items."""
        top = [i for i in self.items if i.parent is None]
        return [sum(i.amounts[s] for i in top) for s in range(len(self.satker))]

    def builder(self, unit: str | None = None, year: int | None = None) -> PlanBuilder:
        """The budget as a PlanBuilder's Pendanaan (see `budget_tables`)."""
        return budget_tables(self, unit=unit, year=year)[0]


def _codes(level: str, parent: str | None) -> st.SearchStrategy[str]:
    """One code of `level` under a parent whose code is `parent` (KRO and RO carry it)."""
    upper = st.sampled_from(string.ascii_uppercase)
    if level == "program":
        return st.builds(lambda a, b, c, d: f"{a:03d}.{b:02d}.{c}{d}", st.integers(1, 999),
                         st.integers(1, 99), upper, upper)
    if level == "kegiatan":
        return st.integers(1000, 9999).map(str)
    if level == "kro":
        return st.tuples(upper, upper, upper).map(lambda t: f"{parent}.{''.join(t)}")
    if level == "ro":
        return st.integers(1, 999).map(lambda n: f"{parent}.{n:03d}")
    if level == "komponen":
        return st.sampled_from(KOMPONEN)  # the same few repeat under every RO, as in a real RKA
    if level == "subkomponen":
        return st.sampled_from("ABCDEF")
    return st.sampled_from(AKUN)


AMOUNTS = st.one_of(st.just(0), st.integers(1, 10**7).map(lambda n: n * 1000),
                    st.integers(0, 10**11))


LEVELS = CHAIN  # from the top of a budget to its deepest level


@st.composite
def consistent_budget(draw: st.DrawFn, max_items: int = 40, satker: int | None = None,
                      top: str | None = None, bottom: str | None = None) -> Budget:
    """A consistent budget: items from `top` (program or kegiatan; drawn when None) down to
    `bottom` (any level of `LEVELS` below or at the top; drawn when None), for `satker`
    satker (1 to 6 when None). Amounts at the bottom level, every parent and the grand total
    their children's exact sums. Sibling codes differ; komponen and akun codes repeat under
    different parents. Subkomponen is sometimes left out, as RKA-K/L allows."""
    count = draw(st.integers(1, 6)) if satker is None else satker
    names = list(draw(st.permutations(SATKER_NAMES)))
    names = (names + [f"BNNK {n}" for n in range(len(names) + 1, count + 1)])[:count]
    top = top or draw(st.sampled_from(["program", "kegiatan"]))
    bottom = bottom or draw(st.sampled_from(LEVELS[LEVELS.index(top):]))
    if LEVELS.index(bottom) < LEVELS.index(top) or top not in ("program", "kegiatan"):
        raise ValueError(f"no budget from {top} down to {bottom}")
    items: list[Item] = []

    def grow(level: str, parent: int | None) -> None:
        parent_code = items[parent].code if parent is not None else None
        most = 3 if len(items) < max_items else 1
        many = draw(st.integers(1, most))
        codes = draw(st.lists(_codes(level, parent_code), min_size=many, max_size=many,
                              unique=True))
        for code in codes:
            index = len(items)
            amounts = draw(st.lists(AMOUNTS, min_size=count, max_size=count)) \
                if level == bottom else [0] * count
            items.append(Item(code, draw(st.sampled_from(URAIAN[level])), level, parent,
                              amounts))
            if parent is not None:
                items[parent].children.append(index)
            if level != bottom:
                below = LEVELS[LEVELS.index(level) + 1]
                if below == "subkomponen" and bottom == "akun" and draw(st.booleans()):
                    below = "akun"
                grow(below, index)

    grow(top, None)
    for item in reversed(items):  # children come after their parent in outline order
        if item.children:
            item.amounts = [sum(items[c].amounts[s] for c in item.children)
                            for s in range(count)]
    return Budget(satker=names, items=items)


GRAND = "grand"
GRAND_LABELS = ["TOTAL PAGU", "Jumlah", "TOTAL"]
# An amount of a budget: (item index or GRAND, column), column len(satker) being the Total.
Key = int | str
Where = dict[tuple[Key, int], str]
# The rules a Pendanaan's sums and codes answer to: what a budget fault is judged by.
BUDGET_RULES = frozenset({"PAGU001", "PAGU002", "PAGU003", "PAGU004", "PAGU005",
                          "TBL001", "TBL002", "TBL003", "TBL004"})


def budget_tables(budget: Budget, change: tuple[Key, int, int] | None = None,
                  unit: str | None = None, year: int | None = None
                  ) -> tuple[PlanBuilder, Where]:
    """The budget as a PlanBuilder's Pendanaan (the template's layout: the TOTAL PAGU row
    first), and where each amount is written: (item index or GRAND, column) -> "Sheet!A1".
    `change` = (item index or GRAND, column, new value) writes that one amount differently."""
    keys: list[Key] = [GRAND, *range(len(budget.items))]
    rows = []
    for key in keys:
        values = budget.items[key].amounts if isinstance(key, int) else budget.grand
        amounts = [*values, sum(values)]
        if change is not None and change[0] == key:
            amounts[change[1]] = change[2]
        row: dict[str, object] = {"satker": amounts[:-1], "total": amounts[-1]}
        if isinstance(key, int):
            row.update(kode=budget.items[key].code, uraian=budget.items[key].uraian)
        else:
            row["uraian"] = GRAND_LABELS[0]
        rows.append(row)
    builder = PlanBuilder(unit, year).pendanaan(rows, budget.satker)
    columns = [f"satker:{c}" for c in range(len(budget.satker))] + ["total"]
    where = {(key, c): builder.cell("pendanaan", at, column)
             for at, key in enumerate(keys) for c, column in enumerate(columns)}
    return builder, where


def budget_value(budget: Budget, key: Key, col: int) -> int:
    """The amount at (item index or GRAND, column) as the budget computes it."""
    values = budget.items[key].amounts if isinstance(key, int) else budget.grand
    return sum(values) if col == len(values) else values[col]


def broken_sums(budget: Budget, key: Key, col: int, where: Where) -> list[tuple[str, str]]:
    """The one PAGU001-003 finding, as (rule, "Sheet!A1"), that changing the amount at (key,
    col) must cause, every other amount staying right (renjacheck.checks.sums).

    The change fails its row's sum, and its column's where it is a parent's or the grand
    total's amount, and the sum it is part of (its parent's, or the grand total's for a
    top-level item); ancestors further up still add up. It is reported once: in its column
    (PAGU002, or PAGU003 for the grand total row) where the row is a parent's or the grand
    total's, else at the row's Total (PAGU001)."""
    total = len(budget.satker)
    if not isinstance(key, int):
        return [("PAGU003", where[(GRAND, col)])]
    if budget.items[key].children:
        return [("PAGU002", where[(key, col)])]
    return [("PAGU001", where[(key, total)])]
