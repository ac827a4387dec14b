"""The same plan laid out in different ways, all within the workbook contract, reads the same."""

from __future__ import annotations

from decimal import Decimal

import pytest

from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.common import bidang_key
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.ro import RO_KIND
from tests import plans
from tests.dump import dump

# What depends on the layout rather than on the plan: where things are, and how they were written.
LAYOUT_KEYS = {"loc", "more", "text", "path", "sheets", "tables", "headers"}


def content(value):
    """The plan without its layout: no locations, no as-written text, bidang by key."""
    if isinstance(value, dict):
        return {k: (bidang_key(v["value"]) if k == "bidang" and v else content(v))
                for k, v in value.items() if k not in LAYOUT_KEYS}
    if isinstance(value, list):
        return [content(v) for v in value]
    return value


@pytest.fixture(scope="module")
def template_plan(tmp_path_factory):
    return read(plans.template(tmp_path_factory.mktemp("t") / "template.xlsx"))


def test_template_reads_every_value(template_plan):
    plan = template_plan
    pendanaan = plan.get(PENDANAAN)
    assert (plan.get(IDENTITAS).unit.value, plan.year) == ("BNN Provinsi Contoh", 2024)
    assert pendanaan.satker == ["PROV", "KOTA A", "KOTA B"]
    assert [r.kode.value for r in pendanaan.items] == ["3247", "3251", "3236"]
    assert pendanaan.grand_total.total.value == Decimal("1475000000")
    intel = pendanaan.items[1]
    assert intel.amounts["KOTA A"].value == 0 and intel.amounts["KOTA A"].empty
    assert [(c.target.value, c.realisasi.value, c.capaian.value, c.capaian.decimals)
            for c in plan.get(CAPAIAN).rows] == [
        (2, 3, 150, 0), (60, Decimal("77.14"), Decimal("128.57"), 2),
        (40, 49, Decimal("122.5"), 1)]
    assert [bidang_key(c.bidang.value) for c in plan.get(CAPAIAN).rows] == [
        "pencegahan dan pemberdayaan masyarakat", "rehabilitasi", "rehabilitasi"]
    assert [(k.kegiatan.value, k.total, len(k.rows)) for k in plan.get(MATRIKS).groups] == [
        ("Penyelenggaraan Advokasi", 150_000_000, 1),
        ("Pembinaan Administrasi dan Pengelolaan Keuangan", 1_300_000_000, 2),
        ("Pelaksanaan Intelijen Berbasis Teknologi", 25_000_000, 1)]
    assert [(r.rincian_output.value, r.volume.value, r.volume.unit, r.indikator_list)
            for r in plan.get(RO_KIND).rows] == [
        ("Advokasi Program Ketahanan Keluarga", 2, "Desa",
         ["Jumlah kabupaten/kota dengan indeks ketahanan diri remaja tinggi di wilayah provinsi"]),
        ("Layanan Manajemen Keuangan", 12, "Layanan",
         ["Nilai IKPA", "Jumlah BNNK dengan nilai IKPA mencapai target"]),
        ("Layanan Perkantoran", 12, "Layanan",
         ["Nilai IKPA", "Jumlah BNNK dengan nilai IKPA mencapai target"]),
        ("Laporan Informasi Intelijen", 3, "Laporan", ["Jumlah jaringan yang dipetakan"])]
    assert [(n.tahun.value if n.tahun else None, n.bidang.value if n.bidang else None)
            for n in plan.get(NARASI).statements] == [(2023, "Rehabilitasi"), (2024, None)]


@pytest.mark.parametrize("layout", [plans.planner, plans.stacked], ids=["planner", "stacked"])
def test_layout_reads_to_the_template_plan(layout, template_plan, tmp_path):
    plan = read(layout(tmp_path / "plan.xlsx"))
    assert content(dump(plan)) == content(dump(template_plan))
    assert sorted(t.kind for t in plan.infos) == sorted(t.kind for t in template_plan.infos)


def test_planner_layout_tables_and_ranges(tmp_path):
    reading = read(plans.planner(tmp_path / "plan.xlsx"))
    assert [(t.kind, t.sheet, t.range, t.rows) for t in reading.infos] == [
        ("identitas", "Sampul", "A1:C2", 2),
        ("narasi", "Narasi", "B2:D4", 2),
        ("ro", "Lampiran RO", "A4:E8", 4),
        ("capaian", "Rencana Kerja", "B4:G12", 3),
        ("matriks", "Rencana Kerja", "B16:H23", 4),
        ("pendanaan", "Anggaran", "C4:H12", 4),
    ]
    assert reading.notes == []
    # The page-break repeat of the Pendanaan header is kept, so its satker can be compared.
    assert [[t.value for t in h] for h in reading.get(PENDANAAN).satker_headings] == [
        ["PROV", "KOTA A", "KOTA B"], ["PROV", "KOTA A", "KOTA B"]]


def test_stacked_layout_ranges(tmp_path):
    plan = read(plans.stacked(tmp_path / "plan.xlsx"))
    assert [(t.kind, t.range, t.rows) for t in plan.infos] == [
        ("identitas", "C5:D6", 2), ("pendanaan", "C12:H16", 4), ("capaian", "C22:I25", 3),
        ("matriks", "C31:J35", 4), ("ro", "C41:G45", 4), ("narasi", "C51:E53", 2)]


@pytest.mark.parametrize("division", ["Seksi", "Subbagian", "Sub Bagian", "Bidang", "Bagian"])
def test_a_division_heading_row_opens_its_group_whatever_the_unit_calls_it(division, tmp_path):
    """A BNNK writes `Seksi ...`, a deputy `Subbidang ...`: each opens a group as `Bidang` does."""
    from tests.xlsx import block, write

    rows = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            [f"{division} Rehabilitasi", None, None, None, None, None],
            [1, "S1", "I1", "10 Orang", "9 Orang", "90%"],
            [f"{division} Pemberantasan", None, None, None, None, None],
            [2, "S2", "I2", "4 Berkas", "4 Berkas", "100%"]]
    path = write(tmp_path / "c.xlsx", {"Capaian": block("A1", rows)})
    table = read(path).get(CAPAIAN)
    assert [(str(r.indikator), bidang_key(str(r.bidang)), str(r.bidang.loc)) for r in table.rows] \
        == [("I1", "rehabilitasi", "Capaian!A2"), ("I2", "pemberantasan", "Capaian!A4")]
