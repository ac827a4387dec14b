"""The samples: committed as the build script builds them, and read table by table, cell by cell."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.engine import check_files
from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.common import bidang_key
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.ro import RO_KIND

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NAMES = ["banten-2024.xlsx", "banten-2024-perbaikan.xlsx", "rka-lengkap-2025.xlsx"]


def _build_module():
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def readings():
    return {name: read(SAMPLES / name) for name in NAMES}


def test_committed_samples_are_what_the_script_builds(tmp_path):
    build = _build_module()
    built = build.build_all(tmp_path)
    assert sorted(p.name for p in built) == sorted(NAMES)
    for path in built:
        assert build.dump_workbook(path) == build.dump_workbook(SAMPLES / path.name), path.name


@pytest.mark.parametrize("name, tables", [
    ("banten-2024.xlsx", [
        ("identitas", "Identitas", "A1:B2", 2), ("capaian", "Capaian 2023", "A3:F36", 19),
        ("pendanaan", "Pendanaan", "A3:G21", 15), ("matriks", "Matriks 2024", "A5:H33", 16),
        ("ro", "Lampiran RO", "A6:E28", 19), ("narasi", "Narasi", "A1:C111", 110)]),
    ("banten-2024-perbaikan.xlsx", [
        ("identitas", "Identitas", "A1:B2", 2), ("capaian", "Capaian 2023", "A3:F36", 19),
        ("pendanaan", "Pendanaan", "A3:G21", 15), ("matriks", "Matriks 2024", "A5:H33", 16),
        ("ro", "Lampiran RO", "A6:E27", 18), ("narasi", "Narasi", "A1:C111", 110)]),
    ("rka-lengkap-2025.xlsx", [
        ("identitas", "Identitas", "A1:B2", 2), ("pendanaan", "RKA", "B4:H94", 90),
        ("narasi", "Narasi", "A1:C2", 1)]),
])
def test_tables_found_with_ranges_and_rows(readings, name, tables):
    assert [(t.kind, t.sheet, t.range, t.rows) for t in readings[name].infos] == tables
    assert readings[name].notes == []


def test_seed_identity_and_pendanaan(readings):
    plan = readings["banten-2024.xlsx"]
    assert (plan.get(IDENTITAS).unit.value, plan.year) == ("BNN Provinsi Banten", 2024)
    pendanaan = plan.get(PENDANAAN)
    assert pendanaan.satker == ["BANTEN", "TANGSEL", "CILEGON", "TANGERANG"]
    assert [[str(t.loc) for t in h] for h in pendanaan.satker_headings] == [
        ["Pendanaan!C4", "Pendanaan!D4", "Pendanaan!E4", "Pendanaan!F4"],
        ["Pendanaan!C16", "Pendanaan!D16", "Pendanaan!E16", "Pendanaan!F16"]]
    grand = pendanaan.grand_total
    assert (grand.total.value, grand.total.text, str(grand.total.loc)) == (
        Decimal("15500127000"), "15.500.127.000", "Pendanaan!G5")
    codes = [r.kode.value for r in pendanaan.items]
    assert codes == ["3247", "3251", "3256", "3257", "3258", "3259", "3260", "5354", "5936",
                     "3236", "3237", "3238", "3239", "3979"]
    assert {r.level for r in pendanaan.items} == {"kegiatan"}
    intel = pendanaan.items[1]
    assert intel.amounts["TANGSEL"].value == 0 and not intel.amounts["TANGSEL"].empty
    tahanan = pendanaan.items[4]
    blank = tahanan.amounts["TANGSEL"]
    assert blank.empty and str(blank.loc) == "Pendanaan!D10"
    assert str(pendanaan.items[9].total.loc) == "Pendanaan!G17"


def test_seed_capaian(readings):
    capaian = readings["banten-2024.xlsx"].get(CAPAIAN).rows
    first, last = capaian[0], capaian[-1]
    assert first.indikator.value.endswith('berkategori "Tinggi" di wilayah provinsi')
    assert [str(l) for l in first.indikator.more] == ["Capaian 2023!C9"]
    assert (first.target.value, first.target.unit, first.realisasi.unit) == (
        2, "Kabupaten/Kota", "Kabupaten/Kota")
    assert (last.realisasi.value, last.capaian.value, last.capaian.decimals,
            str(last.capaian.loc)) == (Decimal("75.32"), Decimal("100.45"), 2, "Capaian 2023!F36")
    assert [bidang_key(r.bidang.value) for r in capaian].count("rehabilitasi") == 6
    chosen = [r for r in capaian if r.no.value in ("5", "6", "15")]
    assert [(r.no.value, bidang_key(r.bidang.value)) for r in chosen] == [
        ("5", "pencegahan dan pemberdayaan masyarakat"), ("6", "rehabilitasi"), ("15", "umum")]


def test_seed_matriks(readings):
    matriks = readings["banten-2024.xlsx"].get(MATRIKS).groups
    assert [k.no.value for k in matriks] == [str(n) for n in range(1, 12)]
    assert [len(k.rows) for k in matriks] == [1, 1, 1, 1, 1, 3, 1, 2, 2, 2, 1]
    second = matriks[1]
    assert second.rows[0].sasaran.value.endswith("peredaran gelap narkotika")
    assert [str(l) for l in second.rows[0].sasaran.more] == ["Matriks 2024!C11"]
    six = matriks[5]
    assert (str(six.kegiatan.loc), [str(q.loc) for q in six.anggaran], six.total) == (
        "Matriks 2024!B17:B19", ["Matriks 2024!G17:G19"], Decimal("788031000"))
    assert [r.target.value for r in six.rows] == [2, 8, Decimal("3.06")]
    seven = matriks[6]
    assert seven.kegiatan.value.startswith("Penyidikan Jaringan Gelap")
    assert seven.total == 490_000_000
    eleven = matriks[10]
    assert (eleven.kegiatan, eleven.total, bidang_key(eleven.bidang.value)) == (None, 0, "umum")


def test_seed_ro(readings):
    ro = readings["banten-2024.xlsx"].get(RO_KIND).rows
    assert len(ro) == 20
    two = [r for r in ro if r.no.value == "2."]
    assert [(r.rincian_output.value, r.volume.value, r.volume.unit) for r in two] == [
        ("Pendampingan Program Ketahanan Keluarga Anti Narkoba", 5, "Keluarga"),
        ("Advokasi Program Ketahanan Keluarga Berbasis Sumber daya Desa", 2, "Desa")]
    six = [r for r in ro if r.no.value == "6."]
    assert len(six) == 3 and len(six[0].indikator_list) == 3
    assert six[2].indikator_list[1].startswith("Jumlah unit penyelenggara layanan rehabilitasi IBM")
    assert str(six[2].indikator.loc) == "Lampiran RO!C13:C15"
    nine = [r for r in ro if r.no.value == "9."]
    assert [r.indikator.value[:25] for r in nine] == ["Nilai tingkat keamanan, k"] * 2 + [
        "Nilai tingkat keamanan ba"]
    last = ro[-1]
    assert (last.no.value, last.kegiatan, last.rincian_output, last.volume.value) == (
        "12.", None, None, 76)


def test_seed_narasi(readings):
    narasi = readings["banten-2024.xlsx"].get(NARASI).statements
    years = {(n.tahun.value if n.tahun else None) for n in narasi}
    assert years == {None, 2023, 2024}
    umum_2023 = [n for n in narasi if n.tahun and n.tahun.value == 2023 and n.bidang
                 and bidang_key(n.bidang.value) == "umum"]
    assert str(umum_2023[0].teks.loc) == "Narasi!C22"
    assert any("83,56 indeks" in n.teks.value for n in umum_2023)


def test_full_hierarchy_sample(readings):
    pendanaan = readings["rka-lengkap-2025.xlsx"].get(PENDANAAN)
    levels = [r.level for r in pendanaan.items]
    assert {lvl: levels.count(lvl) for lvl in dict.fromkeys(levels)} == {
        "program": 2, "kegiatan": 6, "kro": 9, "ro": 10, "komponen": 11, "subkomponen": 14,
        "akun": 37}  # counted from samples/src/rka-lengkap-2025.yaml by code shape
    assert None not in levels
    assert pendanaan.grand_total.total.value == Decimal("7207505000")
    assert pendanaan.satker == ["JATENG", "SURAKARTA", "TEGAL", "CILACAP"]
    by_code = {}
    for row in pendanaan.items:
        if row.parent is not None:
            assert row.parent in by_code  # every parent comes before its children
        by_code.setdefault(row.kode.value, row)


def test_sample_reports():
    report = check_files([SAMPLES / n for n in NAMES])
    errors = {f.path.rsplit("/", 1)[1]: [(x.rule, str(x.locations[0])) for x in f.findings
                                         if x.severity.value == "error"] for f in report.files}
    assert {("TBL004", "Matriks 2024!B33"), ("TBL004", "Lampiran RO!B28"),
            ("TBL004", "Lampiran RO!D28")} <= set(errors["banten-2024.xlsx"])
    assert errors["banten-2024-perbaikan.xlsx"] == []
    assert errors["rka-lengkap-2025.xlsx"] == []
    assert [f.exit_code for f in report.files] == [1, 0, 0]
