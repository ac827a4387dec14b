"""The Matriks and RO rules on the samples: the seed's mistakes found at their cells, none in
the repaired plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RULES = {"MAT001", "MAT002", "MAT003", "NAM002", "RO001", "RO002", "RO003", "RO004", "RO005",
         "RO006", "RO007"}


@pytest.fixture(scope="module")
def findings():
    rules = load_rules()
    return {name: [f for f in check_plan(read(SAMPLES / name), rules) if f.rule in RULES]
            for name in ("banten-2024.xlsx", "banten-2024-perbaikan.xlsx")}


def test_every_rule_is_shipped():
    assert RULES <= {r.id for r in load_rules()}


def test_seed_findings_at_their_cells(findings):
    assert [(f.rule, str(f.locations[0])) for f in findings["banten-2024.xlsx"]] == [
        ("MAT002", "Pendanaan!A18"),
        ("MAT002", "Pendanaan!A20"),
        ("MAT002", "Pendanaan!A21"),
        ("NAM002", "Matriks 2024!B22"),
        ("MAT001", "Matriks 2024!G22"),
        ("MAT001", "Matriks 2024!G29:G30"),
        ("RO002", "Lampiran RO!C9"),
        ("RO002", "Lampiran RO!C11"),
        ("RO002", "Lampiran RO!C13:C15"),
        ("RO002", "Lampiran RO!C13:C15"),
        ("RO002", "Lampiran RO!C13:C15"),
        ("RO007", "Lampiran RO!E15"),
        ("RO001", "Lampiran RO!C16"),
        ("NAM002", "Lampiran RO!B18:B19"),
        ("RO006", "Lampiran RO!E19"),
        ("RO002", "Lampiran RO!C23:C24"),
        ("RO002", "Lampiran RO!C26"),
    ]


def test_seed_budget_findings_show_both_figures(findings):
    budget = [f for f in findings["banten-2024.xlsx"] if f.rule == "MAT001"]
    assert [(f.expected, f.actual) for f in budget] == [(615000000, 490000000),
                                                        (5169772000, 6803094000)]
    assert budget[0].message("id") == (
        'Kegiatan 5354 + 3251: anggaran di tabel Matriks, kolom "Anggaran (Rp)", tertulis '
        '490.000.000, tetapi pagu kegiatan itu di tabel Pendanaan, kolom "Total", 615.000.000 '
        "(5354: 490.000.000 + 3251: 125.000.000); kedua angka harus sama")
    assert "Kegiatan 3236: the Matriks table gives an anggaran of 6,803,094,000" \
        in budget[1].message("en")


def test_seed_indicator_findings_name_each_indicator(findings):
    near = [f for f in findings["banten-2024.xlsx"] if f.rule == "RO002"]
    assert [f.actual for f in near] == [
        "Jumlah kabupaten/kota dengan Indeks Kemandirian Partisipasi berkategori \"Mandiri\" "
        "di Wilayah Provinsi",
        "Persentase penyalahguna dan/atau pecandu narkoba yang mengalami peningkatan kualitas "
        "hidup",
        "Indeks kepuasan layanan klinik rehabilitasi BNNP",
        "Jumlah lembaga rehabilitasi yang memenuhi Standar Pelayanan Minimal (SPM) di Wilayah "
        "Provinsi",
        "Jumlah unit penyelenggara layanan rehabilitasi IBM yang operasional di wilayah "
        "Provinsi Banten",
        "Nilai Kinerja Anggaran BNNP",
        "Nilai Indikator Kinerja Pelaksanaan Anggaran (IKPA) BNNP",
    ]
    duplicate = next(f for f in findings["banten-2024.xlsx"] if f.rule == "RO006")
    assert [str(loc) for loc in duplicate.locations] == ["Lampiran RO!E19", "Lampiran RO!E16"]


def test_repaired_sample_has_none_of_these_findings(findings):
    assert findings["banten-2024-perbaikan.xlsx"] == []
