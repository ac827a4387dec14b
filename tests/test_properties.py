"""Properties (issue 4): budget rollups, interval arithmetic, numbers, layout invariance and
determinism, over generated inputs (tests/strategies.py).

Each test keeps a small hypothesis budget so that the file runs in some 10 seconds on two cores;
the generators aim at the cases that matter (every level of the hierarchy, every layout freedom,
rounding boundaries) rather than at volume. Reader bugs they found are kept at the end of the
file as regression cases, each with a minimal workbook.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tempfile
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from renjacheck.api.sheets import Sheet
from renjacheck.checks.arith import Interval, total
from renjacheck.engine import check_files, check_plan, load_rules
from renjacheck.findings import Severity
from renjacheck.model.build import read
from renjacheck.numbers import parse_number, to_words
from renjacheck.rounding import format_number, quantize
from renjacheck.reporters import REPORTERS
from renjacheck.tables.declare import FieldType
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.parse import parse_cell
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.values import Location
from renjacheck.testing import (BUDGET_RULES, budget_faults, budget_layouts, budget_sheet,
                                consistent_budget)
from renjacheck.workbook.grid import RawCell
from tests import plans
from tests.dump import dump
from tests.strategies import canonical, layouts, save
from tests.test_layouts import content
from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]


def check(sheets: list[Sheet]):
    """(reading, findings) of a workbook made of `sheets`, written to a temporary folder."""
    with tempfile.TemporaryDirectory() as folder:
        reading = read(save(Path(folder) / "plan.xlsx", sheets))
    return reading, check_plan(reading, RULES)


def flat(findings, rules=None) -> list[tuple[str, str]]:
    """Findings as sorted (rule, "Sheet!A1") pairs, at their first location."""
    return sorted((f.rule, str(f.locations[0]) if f.locations else "-") for f in findings
                  if rules is None or f.rule in rules)


# ---- 1. rollup ------------------------------------------------------------------------------

@settings(max_examples=35, deadline=None, suppress_health_check=SLOW)
@given(st.data())
def test_a_budget_that_adds_up_gives_no_error(data):
    budget = data.draw(consistent_budget(), label="budget")
    layout = data.draw(budget_layouts(budget), label="layout")
    reading, findings = check([budget_sheet(budget, layout)[0]])
    pendanaan = reading.get(PENDANAAN)
    assert pendanaan.satker == budget.satker
    assert [r.kode.value for r in pendanaan.items] == [i.code for i in budget.items]
    assert [r.level for r in pendanaan.items] == [i.level for i in budget.items]
    assert pendanaan.grand_total.total.value == sum(budget.grand)
    # Blank amounts are noted (PAGU007, info) and missing tables too (READ001): nothing else.
    assert flat(f for f in findings if f.severity is not Severity.INFO) == []


@settings(max_examples=45, deadline=None, suppress_health_check=SLOW)
@given(budget_faults())
def test_one_changed_amount_is_found_at_its_cell_and_its_sums(faulty):
    sheets, fault = faulty  # in a random layout, written to a file and read back
    _, findings = check(sheets)
    assert flat(findings, fault.rules) == list(fault.expected)


# ---- 2. intervals ---------------------------------------------------------------------------

def half_up(x: Fraction, decimals: int) -> Fraction:
    """`x` rounded half up (away from zero) to `decimals` places, exactly."""
    scale = 10**decimals
    n = math.floor(abs(x) * scale + Fraction(1, 2))
    return Fraction(n if x >= 0 else -n, scale)


def written(w: Fraction, decimals: int) -> Decimal:
    """A value with at most `decimals` places as the Decimal a cell states."""
    return Decimal(int(w * 10**decimals)).scaleb(-decimals)


DECIMALS = st.integers(0, 4)


@st.composite
def true_values(draw) -> Fraction:
    """A true value: a ratio of integers, or one on (or next to) a rounding boundary."""
    d = draw(DECIMALS)
    k = draw(st.integers(-10**8, 10**8))
    boundary = Fraction(2 * k + 1, 2 * 10**d)           # exactly half way
    return draw(st.sampled_from([
        Fraction(draw(st.integers(-10**9, 10**9)), draw(st.integers(1, 10**4))),
        boundary,
        boundary + Fraction(1, draw(st.integers(10**5, 10**12))),
        boundary - Fraction(1, draw(st.integers(10**5, 10**12))),
    ]))


def neighbours(x: Fraction, decimals: int) -> list[Fraction]:
    """The rounded value and the values one unit of the last place either side."""
    w, unit = half_up(x, decimals), Fraction(1, 10**decimals)
    return [w - unit, w, w + unit]


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(0, 6), DECIMALS)
def test_half_up_is_quantize(n, places, decimals):
    # The reference rounding agrees with renjacheck.rounding.quantize on every finite decimal.
    x = Decimal(n).scaleb(-places)
    assert quantize(x, decimals) == written(half_up(Fraction(x), decimals), decimals)


@settings(max_examples=400, deadline=None)
@given(true_values(), DECIMALS)
@example(Fraction(1, 2), 0)          # half up: 1, not 0
@example(Fraction(-1, 2), 0)         # away from zero: -1
@example(Fraction(128565, 1000), 2)  # 128,565 is 128,57
@example(Fraction(0), 2)             # 0,00 stands for (-0,005; 0,005)
def test_an_exact_value_meets_exactly_its_rounding(x, decimals):
    for w in neighbours(x, decimals):
        meets = Interval.exact(x).meets(Interval.rounded(written(w, decimals), decimals))
        assert meets == (half_up(x, decimals) == w), (x, w)


@settings(max_examples=300, deadline=None)
@given(st.lists(true_values(), min_size=1, max_size=6), DECIMALS)
def test_a_sum_of_exact_values_meets_exactly_its_rounding(xs, decimals):
    computed = total([Interval.exact(x) for x in xs])
    for w in neighbours(sum(xs), decimals):
        meets = computed.meets(Interval.rounded(written(w, decimals), decimals))
        assert meets == (half_up(sum(xs), decimals) == w), (xs, w)


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**9, 10**9), st.integers(1, 10**6), DECIMALS, st.booleans())
@example(7532, 7500, 2, True)  # the seed's zona integritas: 75,32 / 75 = 100,43%, not 100,45%
def test_a_ratio_meets_exactly_its_rounding(a, b, decimals, percent):
    factor = 100 if percent else 1
    x = Fraction(a * factor, b)
    computed = Interval.exact(a).divide(Interval.exact(b)).scale(factor)
    for w in neighbours(x, decimals):
        meets = computed.meets(Interval.rounded(written(w, decimals), decimals))
        assert meets == (half_up(x, decimals) == w), (a, b, w)
    # The figure a message expects is that rounding too.
    assert computed.estimate(decimals) == written(half_up(x, decimals), decimals)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(true_values(), DECIMALS), min_size=1, max_size=6), DECIMALS)
def test_written_inputs_never_raise_a_false_alarm_on_a_sum(parts, decimals):
    # An input written with decimals stands for every value that rounds to it; one written
    # without decimals is exact (a count, Rupiah). Whatever the true values are, their sum,
    # rounded as the result is written, is judged consistent.
    truths = [x if d else half_up(x, 0) for x, d in parts]
    inputs = [Interval.written(written(half_up(t, d), d), d)
              for t, (_, d) in zip(truths, parts, strict=True)]
    w = half_up(sum(truths), decimals)
    assert total(inputs).meets(Interval.rounded(written(w, decimals), decimals))


@settings(max_examples=300, deadline=None)
@given(true_values(), st.integers(1, 4), st.integers(1, 10**6), DECIMALS)
@example(Fraction(7532, 100), 2, 75, 2)   # 75,32 / 75 -> 100,43%
def test_a_written_realisasi_never_raises_a_false_alarm_on_a_ratio(r, places, target, decimals):
    # Capaian = realisasi / target x 100, the realisasi written with decimals, the target a
    # count: the true ratio, rounded as the capaian is written, is judged consistent.
    realisasi = Interval.written(written(half_up(r, places), places), places)
    capaian = half_up(r * 100 / target, decimals)
    computed = realisasi.divide(Interval.exact(target)).scale(100)
    assert computed.meets(Interval.rounded(written(capaian, decimals), decimals))


# ---- 3. numbers -----------------------------------------------------------------------------
# tests/test_numbers.py already has: parse_number examples and refusals, number words against
# num2words(lang="id") up to 10**30 both ways, quantize, and the id/en round trip of
# non-negative figures with percent and Rp. What follows adds negative figures, figures with a
# unit, digits with words and ranges, and a numeric cell against the same figure as text.

@st.composite
def figures(draw) -> tuple[Decimal, int]:
    """A figure with 0..4 decimals written, of at most 15 significant digits (Excel's)."""
    places = draw(DECIMALS)
    n = draw(st.integers(-10**11, 10**11))
    return Decimal(n).scaleb(-places), places


@settings(max_examples=200, deadline=None)
@given(figures(), st.sampled_from(["", "Orang", "Kabupaten / Kota", "Indeks", "m2"]),
       st.booleans())
def test_a_figure_with_its_unit_round_trips(figure, unit, percent):
    value, places = figure
    text = format_number(value, places, percent=percent) + (f" {unit}" if unit else "")
    parsed = parse_number(text)
    assert (parsed.value, parsed.decimals, parsed.percent) == (value, places, percent), text
    assert parsed.unit == (unit or None), text


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 2), st.sampled_from(["", " sasaran"]))
def test_digits_with_words_round_trip(n, off, unit):
    words = to_words(n + off)
    parsed = parse_number(f"{format_number(Decimal(n), 0)} ({words}){unit}")
    assert (parsed.value, parsed.words, parsed.words_value) == (n, words, n + off)
    assert parsed.unit == (unit.strip() or None)


@settings(max_examples=200, deadline=None)
@given(figures(), figures(), st.sampled_from([" - ", "-", " s.d. ", " s/d ", " sampai "]),
       st.booleans())
def test_a_range_round_trips(low, high, sep, percent):
    (a, da), (b, db) = low, high
    a, b = abs(a), abs(b)   # a range of negative figures reads its dash as a sign
    text = format_number(a, da) + sep + format_number(b, db, percent=percent)
    parsed = parse_number(text)
    assert (parsed.value, parsed.decimals, parsed.upper, parsed.upper_decimals) == (a, da, b, db)
    assert parsed.percent == percent


@settings(max_examples=300, deadline=None)
@given(figures(), st.booleans())
def test_a_numeric_cell_reads_as_the_same_figure_written_as_text(figure, percent):
    value, places = figure
    loc = Location(sheet="S", row=1, col=1)
    as_text = parse_cell(RawCell(format_number(value, places, percent=percent), "General", loc),
                         FieldType.QUANTITY)
    decimals = "." + "0" * places if places else ""
    number = float(value / 100) if percent else (float(value) if places else int(value))
    fmt = f"0{decimals}%" if percent else f"#,##0{decimals}"
    as_number = parse_cell(RawCell(number, fmt, loc), FieldType.QUANTITY)
    assert (as_number.value, as_number.decimals, as_number.percent) == \
        (as_text.value, as_text.decimals, as_text.percent) == (value, places, percent)


# ---- 4. layout invariance -------------------------------------------------------------------

def _sheetless(message: str, sheets: list[str]) -> str:
    for name in sorted(sheets, key=len, reverse=True):
        message = message.replace(f"{name}!", "")
    return message


def summary(reading, findings) -> dict:
    """What must not depend on the layout: the plan without locations, the tables read, and
    the findings by fingerprint and by message."""
    sheets = reading.sheets
    return {"plan": content(dump(reading)),
            "tables": sorted(t.kind for t in reading.infos),
            "fingerprints": Counter((f.rule, f.fingerprint) for f in findings),
            "messages": Counter((f.rule, _sheetless(f.message("id"), sheets)) for f in findings)}


@lru_cache(maxsize=None)
def reference(fault: str | None) -> dict:
    """The summary of the plan in the template's layout, with `fault` injected."""
    return summary(*check(canonical(fault).sheet_list()))


def test_the_generated_template_is_the_template_of_tests_plans(tmp_path):
    reading = read(plans.template(tmp_path / "template.xlsx"))
    assert reference(None) == summary(reading, check_plan(reading, RULES))
    # Each fault shows in the findings, so the layouts are compared on more than the base.
    for fault in ("amount", "capaian", "words", "anggaran", "volume"):
        assert reference(fault)["fingerprints"] != reference(None)["fingerprints"], fault


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW)
@given(layouts())
def test_any_layout_reads_to_the_same_plan_and_findings(layout):
    got = summary(*check(layout.sheet_list()))
    want = reference(layout.fault)
    assert got["plan"] == want["plan"]
    assert got["tables"] == want["tables"]
    assert got["fingerprints"] == want["fingerprints"]
    assert got["messages"] == want["messages"]


# ---- 5. determinism -------------------------------------------------------------------------

def test_a_report_is_byte_identical_across_processes(tmp_path, monkeypatch):
    planner = plans.planner(tmp_path / "planner.xlsx")
    faulty = save(tmp_path / "faulty.xlsx", canonical("amount").sheet_list())
    files = [ROOT / "samples" / name for name in
             ("banten-2024.xlsx", "banten-2024-perbaikan.xlsx", "rka-lengkap-2025.xlsx")]
    files += [planner, faulty]
    # Another process, with its own hash seed: set and dict order must not leak into reports.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "2024",
           "RENJACHECK_LANG": "id"}
    done = subprocess.run([sys.executable, "-m", "renjacheck", "check", "-f", "json",
                           "--no-config", *map(str, files)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr
    report = check_files(files, RULES)
    assert done.stdout.rstrip("\n") == REPORTERS["json"]("id").render(report)
    prints = [[f.fingerprint for f in file.findings] for file in report.files]
    assert prints == [[f.fingerprint for f in file.findings]
                      for file in check_files(files, RULES).files]


# ---- reader bugs the properties found, kept as regression cases ------------------------------

def test_identitas_right_above_narasi(tmp_path):
    # `Tahun | 2024` right above a Narasi header was read as the upper row of a two-level header
    # (workbook/detect.py _two_level): the plan year and the Bidang column were lost.
    rows = [["Unit Kerja", "BNN Provinsi Contoh"], ["Tahun", 2024],
            ["Tahun", "Bidang", "Teks"], [2024, "Bidang Umum", "Anggaran cukup"]]
    reading = read(write(tmp_path / "plan.xlsx", {"Renja": block("A1", rows)}))
    plan = reading
    assert plan.year == 2024 and str(plan.get(IDENTITAS).tahun.loc) == "Renja!B2"
    assert [(n.tahun.value, n.bidang.value, str(n.teks.loc))
            for n in plan.get(NARASI).statements] == [(2024, "Bidang Umum", "Renja!C4")]
    assert [(t.kind, t.range) for t in plan.infos if t.kind == "narasi"] == [("narasi", "A3:C4")]


def test_pagu_over_one_satker_column(tmp_path):
    # PAGU over a single satker column is one cell, not merged: it hid that satker column.
    rows = [["Kode", "Uraian", "PAGU", "Total"], [None, None, "BNNP BANTEN", None],
            ["3247", "Penyelenggaraan Advokasi", 5_000_000, 6_000_000]]
    path = write(tmp_path / "plan.xlsx", {"Pendanaan": block("A1", rows)},
                 {"Pendanaan": ["A1:A2", "B1:B2", "D1:D2"]})
    reading = read(path)
    assert reading.get(PENDANAAN).satker == ["BNNP BANTEN"]
    (row,) = reading.get(PENDANAAN).items
    assert (row.amounts["BNNP BANTEN"].value, str(row.amounts["BNNP BANTEN"].loc)) == (
        5_000_000, "Pendanaan!C3")
    assert flat(check_plan(reading, RULES), {"PAGU001"}) == [("PAGU001", "Pendanaan!D3")]


def test_grand_total_merged_across_kode_and_uraian(tmp_path):
    # The label merged across Kode and Uraian gave a false TBL004 at A2:B2: the table schema
    # kept the empty Uraian that the plan swapped (tables/pendanaan.py holds the swap).
    rows = [["Kode", "Uraian", "Total"], ["TOTAL PAGU", None, 5], ["3247", "Advokasi", 5]]
    path = write(tmp_path / "plan.xlsx", {"P": block("A1", rows)}, {"P": ["A2:B2"]})
    reading = read(path)
    grand = reading.get(PENDANAAN).grand_total
    assert (grand.kode, grand.uraian.value, str(grand.uraian.loc)) == (None, "TOTAL PAGU",
                                                                       "P!A2:B2")
    assert flat(check_plan(reading, RULES), BUDGET_RULES) == []


def test_ro003_fingerprint_ignores_how_the_volume_is_written(tmp_path):
    # The key held the volume as written (kinds/ro_volume.py): "0 Desa" in one cell, "0" beside
    # a Satuan column and a numeric 0 gave different fingerprints, so a waiver went stale.
    ro = ["1.", "Penyelenggaraan Advokasi", "Jumlah desa bersinar", "Advokasi Desa Bersinar"]
    found = []
    for name, rows in {"one": [plans.H_RO, ro + ["0 Desa"]],
                       "two": [plans.H_RO + ["Satuan"], ro + [0, "Desa"]],
                       "text": [plans.H_RO + ["Satuan"], ro + ["0", "desa"]]}.items():
        reading = read(write(tmp_path / f"{name}.xlsx", {"RO": block("A1", rows)}))
        found += [(f.fingerprint, str(f.locations[0]))
                  for f in check_plan(reading, RULES) if f.rule == "RO003"]
    assert [loc for _, loc in found] == ["RO!E2"] * 3
    assert len({fingerprint for fingerprint, _ in found}) == 1
