"""The fast paths give what the slow ones gave: table schemas without pandera (and deciding
most cells by what they show), figure text without babel, the budget tree in arrays, and many
files in a process pool. Whole-Rupiah sums without intervals: tests/test_table_model.py."""

from __future__ import annotations

import random
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.checks.schemas import failures, is_number, non_negative
from renjacheck.engine import check_files
from renjacheck.engine.parallel import check_many, workbooks
from renjacheck.model.build import read
from renjacheck.rounding import format_number, quantize
from renjacheck.tables.parse import UNCALCULATED, written
from renjacheck.tables.pendanaan import CODE_SHAPES, LEVELS, PENDANAAN
from renjacheck.tables.table import unique_key
from renjacheck.values import Invalid, Location, Quantity, Text
from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))


class _Table:
    """A table of random values for the schema checks: what each cell shows follows from its
    value, as a sheet's does (`shown`), and some columns are read only as values (`derived`)."""

    def __init__(self, rng: random.Random, columns: list[str]) -> None:
        self.labels = {c: c for c in columns}
        self.records = []
        for row in range(rng.randint(1, 40)):
            self.records.append({c: _random_value(rng, Location(sheet="P", row=row + 1,
                                                                col=n + 1))
                                 for n, c in enumerate(columns) if rng.random() < 0.9})
        self.scopes = [rng.choice([None, "3247/051", "3247/052"]) for _ in self.records]
        self.derived_columns = {c for c in columns if rng.random() < 0.3}

    def __len__(self) -> int:
        return len(self.records)

    def value(self, index: int, name: str):
        return self.records[index].get(name)

    def derived(self, name: str) -> bool:
        return name in self.derived_columns

    def shown(self, index: int, name: str):
        value = self.value(index, name)
        if isinstance(value, Quantity):
            return int(value.value) if value.text == "" else value.text
        if isinstance(value, Text):
            return value.value
        if isinstance(value, Invalid):
            return None if value.reason == UNCALCULATED else value.text
        return None

    def shown_column(self, name: str) -> list:
        return [self.shown(i, name) for i in range(len(self))]

    def unique_key(self, index: int, name: str):
        value = self.value(index, name)
        if not isinstance(value, Text):
            return None
        return self.scopes[index] or unique_key(value.value)


def _pandera_failures(table: _Table, specs) -> dict[str, list]:
    """The table schemas as pandera schemas, as they ran before (the reference)."""
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pandera.pandas")
    from pandera.errors import SchemaErrors

    checks, required, unique, data = {}, set(), set(), {}
    for check, columns in specs:
        for name in columns:
            values = [record.get(name) for record in table.records]
            if check == "unique":
                unique.add(name)
                data[name + "#unique"] = pd.Series(
                    [table.unique_key(i, name) for i in range(len(table))], dtype=object)
                continue
            checks.setdefault(name, [])
            data[name] = pd.Series(values, dtype=object)
            if check == "required":
                required.add(name)
            else:
                test = is_number if check == "number" else non_negative
                checks[name].append(pa.Check(test, element_wise=True, name=check))
    schema = {n: pa.Column(checks=c, nullable=n not in required) for n, c in checks.items()}
    schema.update({n + "#unique": pa.Column(nullable=True, unique=True,
                                            report_duplicates="exclude_first") for n in unique})
    result = {check: [] for check, _ in specs}
    try:
        pa.DataFrameSchema(schema, coerce=False).validate(pd.DataFrame(data), lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        names = {"not_nullable": "required", "field_uniqueness": "unique"}
        found = {(names.get(str(c), str(c)), int(i), str(col).removesuffix("#unique"))
                 for i, col, c in zip(cases["index"], cases["column"], cases["check"],
                                      strict=True) if i is not None and i == i}
        order = {name: n for n, name in enumerate(table.labels)}
        for check, index, column in sorted(found, key=lambda f: (f[1], order.get(f[2], 0))):
            result[check].append((index, column))
    return result


def _random_value(rng: random.Random, loc: Location):
    kind = rng.randrange(7)
    if kind == 0:
        return None
    if kind == 1:
        return Text(value=rng.choice(["3247", "3247 ", "A", "a", "051", "x y"]), loc=loc)
    if kind == 2:
        return Invalid(text="?", loc=loc, reason=rng.choice(["not_a_number", UNCALCULATED]))
    # A figure written as a number (its cell shows an int) or as text ("-3").
    value = rng.randint(-3, 5)
    return Quantity(value=Decimal(value), decimals=0, loc=loc,
                    text="" if kind > 3 else str(value))


@pytest.mark.parametrize("seed", range(30))
def test_schemas_find_what_pandera_found(seed):
    rng = random.Random(seed)
    table = _Table(rng, ["kode", "uraian", "total", "satker:0"])
    specs = (("non_negative", ("total", "satker:0")), ("number", ("total", "satker:0")),
             ("required", ("kode", "uraian", "total")), ("unique", ("kode",)))
    assert failures(table, specs) == _pandera_failures(table, specs)


def _children_as_dict(rows) -> tuple[dict[int, list[int]], list[int]]:
    """The budget tree as a dict of lists, as it was built before its arrays."""
    children: dict[int, list[int]] = {}
    top: list[int] = []
    stack: list[int] = []
    for i, row in enumerate(rows):
        if row.level is None or row.is_total:
            continue
        while stack and LEVELS.index(rows[stack[-1]].level) >= LEVELS.index(row.level):
            stack.pop()
        (children.setdefault(stack[-1], []) if stack else top).append(i)
        stack.append(i)
    return children, top


_CODE = {"program": "066.01.WA", "kegiatan": "3247", "kro": "3247.PBC", "ro": "3247.PBC.001",
         "komponen": "051", "subkomponen": "A", "akun": "521211"}


@pytest.mark.parametrize("seed", range(12))
def test_the_budget_tree_in_arrays_is_the_dict_of_lists(seed, tmp_path):
    # Random outlines, levels in any order, malformed codes and total rows among them.
    assert set(_CODE) == set(CODE_SHAPES)
    rng = random.Random(seed)
    rows = [["Kode", "Uraian", "Total"]]
    for n in range(rng.randint(0, 60)):
        what = rng.random()
        code = "Jumlah" if what < 0.05 else "x-1" if what < 0.1 else _CODE[rng.choice(LEVELS)]
        rows.append([code, f"item {n}", 1])
    pendanaan = read(write(tmp_path / "p.xlsx", {"P": block("A1", rows)})).get(PENDANAAN)
    if pendanaan is None:
        return
    children, top = pendanaan.tree
    want_children, want_top = _children_as_dict(list(pendanaan.items))
    assert [(p, list(k)) for p, k in children.items()] == list(want_children.items())
    assert top == want_top


def test_figures_are_written_as_babel_writes_them():
    rng = random.Random(6)
    for _ in range(20_000):
        decimals = rng.choice([0, 0, 1, 2, 3])
        value = quantize(Decimal(rng.randrange(-10 ** rng.randint(0, 16), 10 ** rng.randint(0, 16)))
                         .scaleb(-rng.randint(0, 5)), decimals)
        for percent in (False, True):
            assert written(value, decimals, percent) == \
                format_number(value, decimals, percent=percent)
    for value, decimals in ((Decimal("1E+3"), 0), (Decimal("-0"), 0), (Decimal("-0.00"), 2),
                            (Decimal("5"), 2), (Decimal("1.25"), 1)):
        assert written(value, decimals) == format_number(value, decimals)


def test_a_pool_gives_the_report_one_process_gives(tmp_path):
    for n, sample in enumerate(SAMPLES * 2):
        shutil.copy(sample, tmp_path / f"{n:02d}-{sample.name}")
    (tmp_path / "~$00-open.xlsx").write_bytes(b"lock")
    (tmp_path / "notes.txt").write_text("not a workbook")
    paths = workbooks([tmp_path])
    assert [p.name for p in paths] == sorted(p.name for p in tmp_path.glob("[0-9]*.xlsx"))
    seen = []
    alone, pooled = check_files(paths), check_many(paths, jobs=2,
                                                   progress=lambda *a: seen.append(a[:2]))
    assert [f.path for f in pooled.files] == [f.path for f in alone.files]
    assert [f.findings for f in pooled.files] == [f.findings for f in alone.files]
    assert [f.tables for f in pooled.files] == [f.tables for f in alone.files]
    assert sorted(seen) == [(n, len(paths)) for n in range(1, len(paths) + 1)]
    assert check_many(paths, jobs=1).files[0].findings == alone.files[0].findings
