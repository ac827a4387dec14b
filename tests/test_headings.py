"""Heading rows, parent rows, figures not measured and compound values (issue 14): each layout
built here with openpyxl, read, and checked by every shipped rule; a correct table reports no
error, its faulty twin exactly the findings its fault explains."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.headings import classify
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.parse import COMPOUND, NOT_MEASURED
from renjacheck.tables.ro import RO_KIND
from renjacheck.values import Invalid
from tests.xlsx import block, write

RULES = load_rules()
CAPAIAN_HEADER = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
MATRIKS_HEADER = ["No", "Kode", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan",
                  "Anggaran"]


def _plan(tmp_path, sheets, merges=None, formats=None):
    cells = {name: {k: v for anchor, rows in blocks.items() for k, v in block(anchor, rows).items()}
             for name, blocks in sheets.items()}
    return read(write(tmp_path / "w.xlsx", cells, merges, formats))


def _found(plan, severities=("error", "warning")) -> list[tuple[str, str]]:
    return [(f.rule, str(f.locations[0])) for f in check_plan(plan, RULES)
            if f.severity.value in severities and f.locations]


# ---- what a heading says -------------------------------------------------------------------

@pytest.mark.parametrize("text, column, code, expected", [
    ("Program Dukungan Manajemen", None, None, ("program", "Program Dukungan Manajemen", None)),
    ("066.01.WA Program P4GN", None, None, ("program", "Program P4GN", "066.01.WA")),
    ("3247 Penyelenggaraan Advokasi", None, None, ("kegiatan", "Penyelenggaraan Advokasi", "3247")),
    ("Kegiatan: Penyelenggaraan Advokasi", "no", None,
     ("kegiatan", "Penyelenggaraan Advokasi", None)),
    ("Penyediaan Layanan", "kegiatan", "1.02.02.2.02",
     ("kegiatan", "Penyediaan Layanan", "1.02.02.2.02")),
    ("Sasaran: Meningkatnya X", None, None, ("sasaran", "Meningkatnya X", None)),
    ("Sasaran Strategis 2 : Menurunnya X", None, None, ("sasaran", "Menurunnya X", None)),
    ("SS1 Meningkatnya Y", None, None, ("sasaran", "Meningkatnya Y", None)),
    ("Meningkatnya Z", "sasaran", None, ("sasaran", "Meningkatnya Z", None)),
    ("Meningkatnya Z", None, None, ("judul", "Meningkatnya Z", None)),
    ("A. Program P4GN", None, None, ("program", "Program P4GN", None)),
    ("Seksi Rehabilitasi", None, None, ("bidang", "Seksi Rehabilitasi", None)),
    ("b. Subbagian Umum", None, None, ("bidang", "b. Subbagian Umum", None)),
])
def test_a_heading_says_its_level_by_code_words_or_column(text, column, code, expected):
    assert classify(text, column, code)[:3] == expected


# ---- Capaian -------------------------------------------------------------------------------

def _sasaran_headings(capaian_4: str) -> dict:
    return {"C": {"A1": [
        CAPAIAN_HEADER,
        ["Sasaran 1: Meningkatnya peran serta masyarakat"],
        [1, None, "Jumlah relawan", "40 Orang", "46 Orang", "115%"],
        [2, None, "Jumlah desa bersinar", "10 Desa", "9 Desa", capaian_4],
        ["SS2 Meningkatnya pemulihan pecandu"],
        [3, None, "Jumlah klien pulih", "20 Orang", "18 Orang", "90%"],
        [None, "Meningkatnya tata kelola"],
        [4, None, "Nilai SAKIP", "80 Nilai", "80 Nilai", "100%"]]}}


def test_sasaran_heading_rows_fill_the_sasaran_of_their_indicators(tmp_path):
    plan = _plan(tmp_path, _sasaran_headings("90%"), {"C": ["A2:F2"]})
    table = plan.get(CAPAIAN)
    assert [(r.sasaran.value, str(r.sasaran.loc)) for r in table.rows] == [
        ("Meningkatnya peran serta masyarakat", "C!A2:F2"),
        ("Meningkatnya peran serta masyarakat", "C!A2:F2"),
        ("Meningkatnya pemulihan pecandu", "C!A5"), ("Meningkatnya tata kelola", "C!B7")]
    assert (plan.infos[0].range, plan.infos[0].rows) == ("A1:F8", 4)
    assert [h.level for h in table.headings] == ["sasaran", "sasaran", "sasaran"]
    assert _found(plan) == []


def test_a_faulty_capaian_under_sasaran_headings_is_found_at_its_cell(tmp_path):
    plan = _plan(tmp_path, _sasaran_headings("80%"), {"C": ["A2:F2"]})
    assert _found(plan) == [("CAP001", "C!F4")]


def _program_headings(target: str) -> dict:
    return {"C": {"A1": [
        CAPAIAN_HEADER,
        ["A", "Program Dukungan Manajemen"],
        ["3236 Pembinaan Administrasi dan Pengelolaan Keuangan"],
        [1, "Meningkatnya tata kelola", "Nilai IKPA", "93 Nilai", "95 Nilai", "102,15%"],
        ["066.01.DH Program P4GN"],
        ["3247", "Penyelenggaraan Advokasi"],
        [2, "Meningkatnya ketahanan keluarga", "Jumlah keluarga", target, "46 Keluarga",
         "115%"],
        ["Kegiatan: Pemberdayaan Masyarakat"],
        [3, "Meningkatnya kemandirian", "Jumlah desa", "10 Desa", "10 Desa", "100%"]]}}


def test_program_and_kegiatan_heading_rows_are_not_rows_with_empty_cells(tmp_path):
    plan = _plan(tmp_path, _program_headings("40 Keluarga"), {"C": ["A3:F3", "A5:F5"]})
    table = plan.get(CAPAIAN)
    assert [r.indikator.value for r in table.rows] == ["Nilai IKPA", "Jumlah keluarga",
                                                       "Jumlah desa"]
    assert [(h.level, h.name.value, h.code.value if h.code else None, h.parent)
            for h in table.headings] == [
        ("program", "Program Dukungan Manajemen", None, -1),
        ("kegiatan", "Pembinaan Administrasi dan Pengelolaan Keuangan", "3236", 0),
        ("program", "Program P4GN", "066.01.DH", -1),
        ("kegiatan", "Penyelenggaraan Advokasi", "3247", 2),
        ("kegiatan", "Pemberdayaan Masyarakat", None, 2)]
    assert [table.heading(i).name.value for i in range(3)] == [
        "Pembinaan Administrasi dan Pengelolaan Keuangan", "Penyelenggaraan Advokasi",
        "Pemberdayaan Masyarakat"]
    assert _found(plan) == []


def test_an_empty_cell_under_program_headings_is_the_only_finding(tmp_path):
    plan = _plan(tmp_path, _program_headings(None), {"C": ["A3:F3", "A5:F5"]})
    assert _found(plan) == [("TBL004", "C!D7")]


def test_a_heading_in_a_column_the_kind_does_not_read(tmp_path):
    rows = [["No", "Program/Kegiatan", "Sasaran Program", "Indikator Kinerja Program", "Target",
             "Realisasi", "Capaian"],
            [None, "Penguatan Lembaga Rehabilitasi"],
            [1, None, "Meningkatnya mutu", "Jumlah lembaga", "40 Lembaga", "46 Lembaga", "115%"],
            [None, "Pascarehabilitasi"],
            [2, None, "Meningkatnya pemulihan", "Persentase pulih", "75%", "78,25%", "104,33%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    table = plan.get(CAPAIAN)
    assert (plan.infos[0].range, plan.infos[0].rows) == ("A1:G5", 2)
    assert [(h.level, h.name.value) for h in table.headings] == [
        ("judul", "Penguatan Lembaga Rehabilitasi"), ("judul", "Pascarehabilitasi")]
    assert _found(plan) == []


def test_a_note_in_a_free_column_makes_no_heading(tmp_path):
    rows = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Keterangan", "Target", "Realisasi",
             "Capaian"],
            [None, "Sasaran 1: Meningkatnya X", None, "dari LKj 2023"],
            [1, None, "Jumlah relawan", "survei", "4", "4", "100%"],
            [None, None, None, "lanjutan catatan"],
            [2, None, "Jumlah desa", None, "5", "5", "100%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    table = plan.get(CAPAIAN)
    assert [r.sasaran.value for r in table.rows] == ["Meningkatnya X", "Meningkatnya X"]
    assert len(table.headings) == 1 and _found(plan) == []


def test_seksi_and_subbagian_rows_open_a_bidang(tmp_path):
    rows = [CAPAIAN_HEADER, ["Seksi Pencegahan dan Pemberdayaan Masyarakat"],
            [1, "S", "I", "1", "1", "100%"], ["Subbagian Umum"], [2, "S2", "I2", "1", "1", "100%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}}, {"C": ["A2:F2", "A4:F4"]})
    assert [(r.bidang.value, str(r.bidang.loc)) for r in plan.get(CAPAIAN).rows] == [
        ("Seksi Pencegahan dan Pemberdayaan Masyarakat", "C!A2:F2"), ("Subbagian Umum", "C!A4:F4")]


def test_a_sasaran_alone_heads_the_rows_below_or_continues_the_row_above_that_writes_one(
        tmp_path):
    rows = [CAPAIAN_HEADER,
            [None, "Meningkatnya peran serta"],
            [1, None, "Jumlah relawan", "4", "4", "100%"],
            [None, "Meningkatnya tata kelola"],
            [2, None, "Nilai SAKIP", "80", "80", "100%"],
            [3, "Meningkatnya layanan rehabilitasi di", "Jumlah klien", "5", "5", "100%"],
            [None, "klinik pratama"],
            [4, None, "Jumlah klinik", "1", "1", "100%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    table = plan.get(CAPAIAN)
    assert [r.sasaran.value if r.sasaran else None for r in table.rows] == [
        "Meningkatnya peran serta", "Meningkatnya tata kelola",
        "Meningkatnya layanan rehabilitasi di klinik pratama", None]
    assert [table.heading(i).name.value if table.heading(i) else None for i in range(4)] == [
        "Meningkatnya peran serta", "Meningkatnya tata kelola", None, None]
    assert _found(plan) == [("TBL004", "C!B8")]


def test_a_heading_no_row_follows_is_not_the_tables(tmp_path):
    rows = [CAPAIAN_HEADER, ["Sasaran 1: Meningkatnya X"], [1, None, "I", "1", "1", "100%"],
            ["Sumber: LKj BNNP 2023"], [None] * 6, ["Kepala BNNP"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    assert (plan.infos[0].range, plan.infos[0].rows) == ("A1:F3", 1)


def test_a_numbered_row_with_cells_missing_stays_a_row(tmp_path):
    rows = [MATRIKS_HEADER,
            [5, None, "Advokasi"],
            [6, None, "Pengawasan", "Sasaran D", "Indikator D", "100", "Indeks", "177.130.000"],
            [7, None, "Intelijen"]]
    plan = _plan(tmp_path, {"M": {"A1": rows}})
    assert plan.infos[0].rows == 3 and plan.get(MATRIKS).headings == []
    assert [f for f in _found(plan) if f[0] == "TBL004"] == [
        ("TBL004", "M!D2"), ("TBL004", "M!E2"), ("TBL004", "M!F2"),
        ("TBL004", "M!D4"), ("TBL004", "M!E4"), ("TBL004", "M!F4")]


# ---- Matriks and RO -------------------------------------------------------------------------

def _matriks(anggaran: str) -> dict:
    pendanaan = [["Kode", "Uraian", "Jumlah"],
                 ["066.01.DH", "Program P4GN", "1.300.000"],
                 ["3260", "Penguatan Lembaga Rehabilitasi", "1.000.000"],
                 ["3239", "Penyelenggaraan Ketatausahaan", "300.000"]]
    matriks = [MATRIKS_HEADER,
               [None, "066.01.DH", "Program P4GN"],
               ["3260 Penguatan Lembaga Rehabilitasi"],
               [1, None, None, "Meningkatnya layanan", "Jumlah residen", "1.150", "Orang",
                anggaran],
               [2, None, None, None, "Indeks kepuasan", "3,75", "Indeks"],
               ["3239 Penyelenggaraan Ketatausahaan"],
               [3, None, None, "Terwujudnya tata kelola", "Nilai SAKIP", "78", "Nilai", "300.000"]]
    return {"P": {"A1": pendanaan}, "M": {"A1": matriks}}


def test_matriks_rows_under_a_kegiatan_heading_are_its_group(tmp_path):
    merges = {"M": ["A3:H3", "A6:H6", "H4:H5", "D4:D5"]}
    plan = _plan(tmp_path, _matriks("1.000.000"), merges)
    groups = plan.get(MATRIKS).groups
    assert [(g.kegiatan.value, g.kode.value, g.total, len(g.rows)) for g in groups] == [
        ("Penguatan Lembaga Rehabilitasi", "3260", Decimal(1000000), 2),
        ("Penyelenggaraan Ketatausahaan", "3239", Decimal(300000), 1)]
    assert [h.level for h in plan.get(MATRIKS).headings] == ["program", "kegiatan", "kegiatan"]
    assert _found(plan) == []


def test_a_faulty_anggaran_under_a_kegiatan_heading_is_found_once(tmp_path):
    merges = {"M": ["A3:H3", "A6:H6", "H4:H5", "D4:D5"]}
    plan = _plan(tmp_path, _matriks("1.200.000"), merges)
    assert _found(plan) == [("MAT001", "M!H4:H5")]


def test_a_kegiatan_row_with_its_anggaran_over_its_indicator_rows(tmp_path):
    rows = [MATRIKS_HEADER,
            [1, None, "Penguatan Lembaga", None, None, None, None, "788.031.000"],
            [None, None, None, "Sasaran A", "Indikator A", "2", "Lembaga"],
            [None, None, None, "Sasaran B", "Indikator B", "8", "Unit"],
            [2, None, "Pengawasan", "Sasaran D", "Indikator D", "100", "Indeks", "177.130.000"]]
    plan = _plan(tmp_path, {"M": {"A1": rows}})
    table = plan.get(MATRIKS)
    first, second = table.groups
    assert [r.kegiatan.value for r in first.rows] == ["Penguatan Lembaga"] * 3
    assert (first.total, len(second.rows)) == (Decimal(788031000), 1)
    assert table.parent_records == {0} and table.members(0) == [1, 2]
    assert _found(plan) == []


def test_ro_rows_take_their_kegiatan_from_its_heading(tmp_path):
    rows = [["No", "Kegiatan", "Indikator Kinerja Kegiatan", "Rincian Output", "Volume"],
            ["3247 Penyelenggaraan Advokasi"],
            [1, None, "Jumlah lembaga", "Lembaga yang diadvokasi", "2 Lembaga"],
            [2, None, "Jumlah lembaga", "Kebijakan P4GN", "3 Dokumen"]]
    table = _plan(tmp_path, {"R": {"A1": rows}}, {"R": ["A2:E2"]}).get(RO_KIND)
    assert [r.kegiatan.value for r in table.rows] == ["Penyelenggaraan Advokasi"] * 2


# ---- parent rows ---------------------------------------------------------------------------

def test_a_parent_row_is_a_row_whose_indicator_cells_it_need_not_fill(tmp_path):
    rows = [CAPAIAN_HEADER,
            [None, "Sasaran 1: Meningkatnya kemandirian", None, None, None, "88,6%"],
            [1, None, "Jumlah desa", "20 Desa", "18,1 Desa", "90,5%"],
            [2, None, "Persentase peduli", "80%", "69,01%", "86,26%"],
            [3, None, "Jumlah penggiat", "10 Orang", "9 Orang", "90%"],
            [4, "Meningkatnya layanan", "Jumlah klien", "5 Orang", "5 Orang", "100%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    table = plan.get(CAPAIAN)
    assert table.members(0) == [1, 2, 3] and table.parent_records == {0}
    assert table.rows[0].sasaran.value == "Meningkatnya kemandirian"
    assert _found(plan) == [("CAP004", "C!F2")]


@pytest.mark.parametrize("own, expected", [("80%", []), ("90%", [("CAP001", "C!F2")])])
def test_a_program_row_with_figures_has_its_own_capaian_checked(tmp_path, own, expected):
    rows = [CAPAIAN_HEADER,
            [None, "Program Dukungan Manajemen", None, "20 Dokumen", "16 Dokumen", own],
            [1, "S", "Jumlah dokumen perencanaan", "10 Dokumen", "8 Dokumen", "80%"],
            [2, "S", "Jumlah dokumen keuangan", "10 Dokumen", "8 Dokumen", "80%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    assert plan.get(CAPAIAN).parent_records == {0}
    assert _found(plan) == expected


def test_the_method_a_document_states_is_an_office_rule(tmp_path):
    folder = tmp_path / "aturan"
    folder.mkdir()
    shipped = (Path(__file__).parent.parent / "rules" / "CAP004-capaian-induk.yaml").read_text()
    for method, rule in (("average", "KANTOR001"), ("ratio", "KANTOR002")):
        text = shipped.replace("id: CAP004", f"id: {rule}").replace("severity: warning",
                                                                     "severity: error")
        (folder / f"{rule}-{method}.yaml").write_text(
            text.replace("method: any", f"method: {method}").replace(
                "slug: capaian-induk", f"slug: capaian-induk-{method}"), encoding="utf-8")
    rules = load_rules([folder])
    rows = [CAPAIAN_HEADER,
            [None, "Meningkatnya kemandirian", None, None, None, "87,37%"],
            [1, None, "Jumlah desa", "20 Desa", "18,1 Desa", "90,5%"],
            [2, None, "Persentase peduli", "80%", "69,01%", "86,26%"],
            [3, None, "Jumlah penggiat", "10 Orang", "9 Orang", "90%"]]
    plan = _plan(tmp_path, {"C": {"A1": rows}})
    found = [(f.rule, f.severity.value, str(f.locations[0])) for f in check_plan(plan, rules)
             if f.rule.startswith(("KANTOR", "CAP004"))]
    assert found == [("KANTOR001", "error", "C!F2")]


# ---- figures not measured, compound values ---------------------------------------------------

def test_not_measured_and_compound_figures_read_as_such_and_dash_amounts_as_zero(tmp_path):
    capaian = [CAPAIAN_HEADER,
               [1, "S", "Indeks kemandirian", "2,8 Indeks", "tidak diukur", "-"],
               [2, "S", "Jumlah wilayah", "1 Prov & 7 Kab/Kota", "N/A", None]]
    matriks = [MATRIKS_HEADER, [1, None, "Advokasi", "S", "I", "-", "Orang", "-"]]
    plan = _plan(tmp_path, {"C": {"A1": capaian}, "M": {"A1": matriks}})
    first, second = plan.get(CAPAIAN).rows
    reasons = [(v.reason, v.text) for v in (first.get("realisasi"), first.get("capaian"),
                                            second.get("target"), second.get("realisasi"))]
    assert reasons == [(NOT_MEASURED, "tidak diukur"), (NOT_MEASURED, "-"),
                       (COMPOUND, "1 Prov & 7 Kab/Kota"), (NOT_MEASURED, "N/A")]
    row = plan.get(MATRIKS).rows[0]
    assert isinstance(row.get("target"), Invalid) and row.get("anggaran").value == 0
    assert [f for f in _found(plan, ("error", "warning", "info")) if f[0].startswith("TBL")] \
        == [("TBL005", "C!E2"), ("TBL006", "C!D3"), ("TBL005", "C!E3"), ("TBL004", "C!F3"),
            ("TBL005", "M!F2")]  # a capaian left empty is still an empty cell: write "-"
