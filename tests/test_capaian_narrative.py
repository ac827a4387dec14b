"""Capaian and narrative rules on the samples: the seed's mistakes found at their cells, the
repaired plan clean, and the narrative's claims read and matched as an auditor would."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.checks.counts import count_claims
from renjacheck.checks.narrative import digits_with_words, figures, unmet
from renjacheck.engine import check_plan, load_rules
from renjacheck.kinds.context import Shared
from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.narasi import NARASI

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
OURS = {"CAP001", "CAP002", "CAP003", "NAR002", "NAR003", "NAR004", "NAR005", "NAR006"}


@pytest.fixture(scope="module")
def readings():
    return {name: read(SAMPLES / name) for name in ("banten-2024.xlsx",
                                                    "banten-2024-perbaikan.xlsx")}


@pytest.fixture(scope="module")
def findings(readings):
    rules = [r for r in load_rules() if r.id in OURS]
    return {name: check_plan(plan, rules) for name, plan in readings.items()}


def test_seed_findings_at_their_cells(findings):
    assert [(f.rule, str(f.locations[0])) for f in findings["banten-2024.xlsx"]] == [
        ("CAP001", "Capaian 2023!F36"),
        ("NAR005", "Narasi!C24"),
        ("NAR005", "Narasi!C25"),
        ("NAR002", "Narasi!C68"),
    ]


def test_seed_findings_say_what_is_expected(findings):
    cap, ikpa, zi, words = findings["banten-2024.xlsx"]
    assert (cap.expected.value, cap.actual.value) == (Decimal("100.43"), Decimal("100.45"))
    assert "75,32 Indeks dan target 75 Indeks" in cap.message("id")
    assert "give a capaian of 100.43%, but 100.45% is written" in cap.message("en")
    assert [str(loc) for loc in ikpa.locations] == ["Narasi!C24", "Capaian 2023!E33"]
    assert (ikpa.expected.value, ikpa.actual.value) == (3, 2)
    assert [str(loc) for loc in zi.locations] == ["Narasi!C25", "Capaian 2023!E36"]
    assert (zi.expected.value, zi.actual.value) == (Decimal("75.32"), Decimal("83.56"))
    assert "Nilai zona integritas BNN berdasarkan penilaian internal" in zi.message("id")
    assert (words.expected, words.actual) == (3, 4)
    assert '"3 (empat)"' in words.message("id")


def test_repaired_sample_has_no_findings_of_these_rules(findings):
    assert [(f.rule, str(f.locations[0])) for f in findings["banten-2024-perbaikan.xlsx"]] == []


def test_seed_narrative_claims_are_read(readings):
    narasi = readings["banten-2024.xlsx"].get(NARASI).statements
    claims = [(str(c.row.teks.loc), c.bidang, c.year, c.what, c.count.value)
              for c in count_claims(narasi)]
    statements = [(loc, bidang, year, dict((w, n) for l2, b2, y2, w, n in claims if l2 == loc))
                  for loc, bidang, year in dict.fromkeys((c[0], c[1], c[2]) for c in claims)]
    assert statements == [
        ("Narasi!C7", None, 2023, {"sasaran": 13, "indikator": 19}),
        ("Narasi!C8", "Pencegahan dan Pemberdayaan Masyarakat", 2023,
         {"sasaran": 4, "indikator": 5}),
        ("Narasi!C14", "Rehabilitasi", 2023, {"sasaran": 4, "indikator": 6}),
        ("Narasi!C19", "Pemberantasan", 2023, {"sasaran": 2, "indikator": 3}),
        ("Narasi!C22", "Bagian Umum", 2023, {"sasaran": 3, "indikator": 5}),
        ("Narasi!C68", "Pencegahan dan Pemberdayaan Masyarakat", 2024,
         {"sasaran": 3, "indikator": 3}),
        ("Narasi!C72", "Rehabilitasi", 2024, {"sasaran": 4, "indikator": 5}),
        ("Narasi!C77", "Pemberantasan", 2024, {"sasaran": 2, "indikator": 3}),
        ("Narasi!C80", "Bagian Umum", 2024, {"sasaran": 3, "indikator": 5}),
    ]
    assert [(str(r.teks.loc), c.value, c.words) for r, c in unmet(narasi)] == [
        ("Narasi!C27", 1, "satu")]
    slips = [(str(r.teks.loc), w) for r, c, w in digits_with_words(narasi)
             if c.words_value != c.value]
    assert slips == [("Narasi!C68", "3 (empat)")]


def test_every_seed_figure_names_the_right_capaian_row(readings):
    plan = readings["banten-2024.xlsx"]
    resolved = Shared(plan).figures
    assert len(resolved) == len(figures(plan.get(NARASI).statements)) == 19
    by_indicator = {c.indikator.value: c.no.value for c in plan.get(CAPAIAN).rows}
    assert [by_indicator[found.indicator.indikator.value] for found in resolved] == [
        str(n) for n in range(1, 20)]
    assert {found.table.kind for found in resolved} == {"capaian"}
