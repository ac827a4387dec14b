"""Plans written by other hands: the acceptance corpus of samples/other/ (built from
samples/src/other/*.yaml by samples/otherhands.py, see samples/README.md).

Each source says where its tables are (`expect:`: kind, sheet, range, data rows) and which faults
its draft carries (`faults:`: the findings each must raise, rule and first cell). For every plan:
(a) every table the source holds is read, where and as long as the source says, in the draft and
in its repaired twin; (b) every injected fault is reported at its cell with its rule, and not in
the twin, and the draft shows no error it was not given (`also:`: what a fault may raise
besides); (c) the repaired twin has no error; (d) nothing is read silently: a table that is not
read as the source holds it is named by a reader finding (READ...) of its kind or on its sheet,
or the file is refused. The sources, their sums and their faults are independent of
renjacheck's code: the corpus is computed by samples/compute.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from renjacheck.engine import check_files, load_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OTHER = SAMPLES / "other"


def _otherhands():
    spec = importlib.util.spec_from_file_location("otherhands", SAMPLES / "otherhands.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("otherhands", module)
    spec.loader.exec_module(module)
    return module


CORPUS = _otherhands()
PLANS = CORPUS.load_corpus()
VERSIONS = {"draft": "{}.xlsx", "twin": "{}-perbaikan.xlsx"}
FAULTS = [(name, rule, cell) for name, plan in PLANS.items()
          for fault in plan["faults"] for rule, cell in fault["finds"]]
# What a fault may raise besides, depending on how a rule reads the slipped figure.
ALSO = {(name, rule, cell) for name, plan in PLANS.items()
        for fault in plan["faults"] for rule, cell in fault.get("also", [])}


@pytest.fixture(scope="module")
def reports():
    """Every workbook of the corpus checked once: {(plan, version): FileReport}."""
    rules = load_rules()
    keys = [(name, version) for name in PLANS for version in VERSIONS]
    files = check_files([OTHER / VERSIONS[v].format(n) for n, v in keys], rules).files
    return dict(zip(keys, files, strict=True)), {r.id for r in rules}


def _errors(report) -> list[tuple[str, str]]:
    return [(f.rule, f"{f.locations[0].sheet}!{f.locations[0].cell}") for f in report.findings
            if f.severity.value == "error" and f.locations and f.waived is None]


def _found(report) -> list[tuple[str, str]]:
    return [(f.rule, f"{f.locations[0].sheet}!{f.locations[0].cell}") for f in report.findings
            if f.locations]


def _tables(report) -> list[tuple[str, tuple[str, ...], int]]:
    """(kind, every part's `Sheet!range`, data rows) of each table read."""
    return [(t.kind, t.ranges, t.rows) for t in report.tables]


def _expected(expect: list) -> list[tuple[str, tuple[str, ...], int]]:
    """The source's tables as reports must list them: a table continued on a further sheet
    once, with every part's range in order and all their rows."""
    merged = []
    for kind in dict.fromkeys(e[0] for e in expect):
        parts = [e for e in expect if e[0] == kind]
        merged.append((kind, tuple(f"{p[1]}!{p[2]}" for p in parts), sum(p[3] for p in parts)))
    return merged


def test_a_continued_table_is_listed_with_every_part(reports):
    """Papua's Capaian goes on on a further sheet: one table, each part's range, all rows."""
    for version in VERSIONS:
        assert ("capaian", ("Capaian 2023!A5:G12", "Capaian 2023 (lanjutan)!A1:G5"), 9) in \
            _tables(reports[0]["papua-2024", version])


def test_the_corpus_is_what_its_sources_build(tmp_path):
    dump = CORPUS.dump_workbook  # sheetkit's, as otherhands imports it
    built = CORPUS.build_corpus(tmp_path)
    assert sorted(p.name for p in built) == sorted(p.name for p in OTHER.glob("*.xlsx"))
    for path in built:
        assert dump(path) == dump(OTHER / path.name), path.name


def test_the_corpus_is_large_and_varied_enough():
    kinds = {e[0] for plan in PLANS.values() for e in plan["expect"]}
    assert len(PLANS) >= 10
    assert all(2 <= len(plan["faults"]) <= 5 for plan in PLANS.values())
    assert kinds == {"identitas", "capaian", "pendanaan", "matriks", "ro", "narasi",
                     "realisasi_anggaran"}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", PLANS)
def test_every_table_is_read_where_the_source_puts_it(reports, name, version):
    report = reports[0][name, version]
    expected = _expected(PLANS[name]["expect"])
    assert report.error is None, f"{name} ({version}) refused: {report.error}"
    assert sorted(_tables(report)) == sorted(expected), (
        f"{name} ({version}): read {sorted(_tables(report))}, the source holds "
        f"{sorted(expected)}")


@pytest.mark.parametrize("name, rule, cell", FAULTS,
                         ids=[f"{n}-{r}-{c}" for n, r, c in FAULTS])
def test_each_injected_fault_is_reported_at_its_cell(reports, name, rule, cell):
    """Reported in the draft, and not in the twin: found because of the fault, not because a
    table was misread (a count of a table read in part, a realisasi read from TW I)."""
    files, catalogue = reports
    draft, twin = files[name, "draft"], files[name, "twin"]
    assert rule in catalogue, f"{rule} is not a rule of the catalogue"
    assert (rule, cell) in _found(draft), f"{name}: no {rule} at {cell}; errors: {_errors(draft)}"
    assert (rule, cell) not in _found(twin), f"{name}: {rule} at {cell} in the twin too"


@pytest.mark.parametrize("name", PLANS)
def test_the_draft_shows_no_error_it_was_not_given(reports, name):
    declared = {(rule, cell) for n, rule, cell in FAULTS + sorted(ALSO) if n == name}
    extra = sorted(set(_errors(reports[0][name, "draft"])) - declared)
    assert extra == [], f"{name}: errors no fault explains: {extra}"


@pytest.mark.parametrize("name", PLANS)
def test_the_repaired_twin_has_no_error(reports, name):
    report = reports[0][name, "twin"]
    assert report.error is None, f"{name}: refused: {report.error}"
    assert _errors(report) == []
    assert report.exit_code == 0


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("name", PLANS)
def test_no_table_is_lost_without_a_finding(reports, name, version):
    report = reports[0][name, version]
    if report.error is not None:
        return  # refused in one line: said, not passed
    read = set(_tables(report))
    notes = [f for f in report.findings if f.rule.startswith("READ")]
    silent = []
    for kind, ranges, rows in _expected(PLANS[name]["expect"]):
        if (kind, ranges, rows) in read:
            continue
        sheets = {r.rpartition("!")[0] for r in ranges}
        if not any(f.table == kind or any(loc.sheet in sheets for loc in f.locations)
                   for f in notes):
            silent.append((kind, ranges, rows))
    assert silent == [], f"{name} ({version}): tables neither read as held nor reported: {silent}"
