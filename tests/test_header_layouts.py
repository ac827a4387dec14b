"""Header layouts other offices use: a figure column a merged super-header spans (`Realisasi`
over quarters or months, with or without `Jumlah`; `Target` over `Volume | Satuan` or
`Kinerja | Anggaran`), headers of two and three rows, a single satker's Pendanaan, an RKA's
free columns, and a table continued on a later sheet. Each layout is read at the right cells, a
faulty version gives its findings at exact cells, the correct one none."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.tables.spans import role
from tests.xlsx import block, write

RULES = load_rules()
HEAD = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Satuan", "Target"]


def _findings(path: Path, *rules: str) -> list[tuple[str, str]]:
    plan = read(path)
    return [(f.rule, str(f.locations[0])) for f in check_plan(plan, RULES)
            if not rules or f.rule in rules]


def _errors(path: Path) -> list[tuple[str, str]]:
    plan = read(path)
    return [(f.rule, str(f.locations[0])) for f in check_plan(plan, RULES)
            if f.severity.value == "error"]


def _capaian(tmp_path: Path, periods: list[str], rows: list[list], jumlah: bool,
             name: str = "c.xlsx") -> Path:
    """A Capaian whose Realisasi spans `periods` (and Jumlah): header on rows 1-2, data from
    row 3; columns A..E as HEAD, then the periods, then Capaian."""
    subs = periods + (["Jumlah"] if jumlah else [])
    first = len(HEAD) + 1
    last = first + len(subs) - 1
    header = [HEAD + ["Realisasi"] + [None] * (len(subs) - 1) + ["Capaian"],
              [None] * len(HEAD) + subs + [None]]
    letters = [chr(64 + c) for c in range(1, last + 2)]
    merges = [f"{x}1:{x}2" for x in letters[:len(HEAD)]]
    merges += [f"{letters[first - 1]}1:{letters[last - 1]}1", f"{letters[last]}1:{letters[last]}2"]
    return write(tmp_path / name, {"C": block("A1", header + rows)}, {"C": merges})


QUARTERS = ["TW I", "TW II", "TW III", "TW IV"]


def test_realisasi_over_quarters_and_jumlah_reads_the_jumlah(tmp_path):
    rows = [[1, "S1", "Jumlah klien", "Orang", 40, 8, 10, 12, 14, 44, "110%"],
            [2, "S1", "Persentase klien pulih", "%", 60, "50,0", "55,5", "60,1", "62,4", "62,4",
             "104%"]]
    path = _capaian(tmp_path, QUARTERS, rows, jumlah=True)
    capaian = read(path).get(CAPAIAN)
    # The second header row (TW I ... Jumlah) is no data row; Realisasi is the Jumlah column.
    assert [str(r.realisasi.loc) for r in capaian.rows] == ["C!J3", "C!J4"]
    assert [r.realisasi.value for r in capaian.rows] == [Decimal(44), Decimal("62.4")]
    assert capaian.info.range == "A1:K4" and capaian.info.rows == 2
    assert _errors(path) == []


def test_quarters_and_jumlah_faulty_capaian_and_jumlah(tmp_path):
    # Row 1: the Jumlah (54) is not the quarters' sum (44), and the capaian follows the Jumlah:
    # TBL007 at the Jumlah. Row 2: capaian 110% of 62,4 / 60 is 104%: CAP001 at the capaian.
    rows = [[1, "S1", "Jumlah klien", "Orang", 40, 8, 10, 12, 14, 54, "135%"],
            [2, "S1", "Persentase klien pulih", "%", 60, "50,0", "55,5", "60,1", "62,4", "62,4",
             "110%"]]
    path = _capaian(tmp_path, QUARTERS, rows, jumlah=True)
    assert _errors(path) == [("TBL007", "C!J3"), ("CAP001", "C!K4")]


MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "short": ["Jan", "Peb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop",
              "Des"],
    "year": [f"{m} 2024" for m in ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                   "Sep", "Oct", "Nov", "Dec"]],
}


@pytest.mark.parametrize("names", MONTHS.values(), ids=MONTHS)
def test_realisasi_over_months_without_jumlah_is_their_sum(names, tmp_path):
    months = [2, 3, 3, 4, 3, 3, 2, 4, 3, 3, 4, None]  # December empty: counts as nothing
    rows = [[1, "S1", "Jumlah kegiatan sosialisasi", "Kegiatan", 36, *months, "94,44%"],
            [2, "S1", "Indeks kepuasan", "Indeks", "3,0", *(["3,1"] * 11), "3,25", "108,33%"],
            [3, "S2", "Jumlah relawan", "Orang", 40, *([None] * 12), "0%"]]
    path = _capaian(tmp_path, names, rows, jumlah=False)
    capaian = read(path).get(CAPAIAN)
    first, index, empty = capaian.rows
    # 34 kegiatan from January to November, written where the months are.
    assert (first.realisasi.value, first.realisasi.decimals) == (Decimal(34), 0)
    assert str(first.realisasi.loc) == "C!F3:Q3"
    # An index is not summed: the year's figure is the last month filled in.
    assert (index.realisasi.value, str(index.realisasi.loc)) == (Decimal("3.25"), "C!Q4")
    assert empty.realisasi is None
    # No month read as data, no month taken for a satker or another column.
    assert capaian.info.rows == 3
    # The capaian of 34 / 36 is 94,44%; the relawan's realisasi is missing (TBL004, at the
    # months' span).
    assert _errors(path) == [("TBL004", "C!F5:Q5")]


def test_a_sum_of_months_keeps_its_finest_precision_and_reports_a_wrong_capaian(tmp_path):
    months = ["1,5", "2", "2,25"] + [None] * 9
    rows = [[1, "S1", "Jumlah ton barang bukti", "Ton", 5, *months, "100%"]]
    path = _capaian(tmp_path, MONTHS["short"], rows, jumlah=False)
    realisasi = read(path).get(CAPAIAN).rows[0].realisasi
    assert (realisasi.value, realisasi.decimals) == (Decimal("5.75"), 2)
    # 5,75 / 5 is 115%, not the 100% written.
    assert _errors(path) == [("CAP001", "C!R3")]


def test_an_unreadable_month_is_reported_at_its_cell_and_sums_nothing(tmp_path):
    months = [2, 3, "x3", 4] + [None] * 8
    rows = [[1, "S1", "Jumlah kegiatan", "Kegiatan", 12, *months, "50%"]]
    path = _capaian(tmp_path, MONTHS["id"], rows, jumlah=False)
    assert _errors(path) == [("TBL001", "C!H3")]


@pytest.mark.parametrize("periods", [
    ["Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV"],
    ["TW 1", "TW 2", "TW 3", "TW 4"], ["Q1", "Q2", "Q3", "Q4"],
    ["Semester I", "Semester II"]], ids=lambda p: p[0])
def test_period_words_of_other_offices(periods, tmp_path):
    figures = [10] * len(periods)
    total = sum(figures)
    rows = [[1, "S1", "Jumlah klien", "Orang", total, *figures, "100%"]]
    path = _capaian(tmp_path, periods, rows, jumlah=False)
    realisasi = read(path).get(CAPAIAN).rows[0].realisasi
    assert realisasi.value == total
    assert _errors(path) == []
    assert all(role(p) == "period" for p in periods)


def test_three_header_rows_realisasi_over_triwulan_over_numerals(tmp_path):
    header = [HEAD + ["Realisasi", None, None, None, None, "Capaian"],
              [None] * 5 + ["Triwulan", None, None, None, "Jumlah", None],
              [None] * 5 + ["I", "II", "III", "IV", None, None],
              list(range(1, 12))]
    rows = [[1, "S1", "Jumlah klien", "Orang", 40, 8, 10, 12, 14, 44, "110%"],
            [2, "S1", "Jumlah desa", "Desa", 10, 2, 2, 3, 3, 12, "100%"]]
    merges = [f"{x}1:{x}3" for x in "ABCDEK"] + ["F1:J1", "F2:I2", "J2:J3"]
    path = write(tmp_path / "t.xlsx", {"C": block("A1", header + rows)}, {"C": merges})
    capaian = read(path).get(CAPAIAN)
    assert [str(r.realisasi.loc) for r in capaian.rows] == ["C!J5", "C!J6"]
    # Desa: the quarters add up to 10, the Jumlah says 12, and 12 / 10 is 120%, not 100%.
    assert _errors(path) == [("TBL007", "C!J6"), ("CAP001", "C!K6")]


def test_target_over_volume_and_satuan_is_the_volume_in_that_unit(tmp_path):
    header = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", None, "Realisasi",
               None, "Capaian"],
              [None, None, None, "Volume", "Satuan", "Volume", "Satuan", None]]
    rows = [[1, "S1", "Jumlah klien", 40, "Orang", 44, "Orang", "110%"],
            [2, "S1", "Jumlah desa", 10, "Desa", 12, "Kelurahan", "120%"]]
    merges = [f"{x}1:{x}2" for x in "ABCH"] + ["D1:E1", "F1:G1"]
    path = write(tmp_path / "v.xlsx", {"C": block("A1", header + rows)}, {"C": merges})
    row = read(path).get(CAPAIAN).rows[0]
    assert (str(row.target.loc), row.target.unit) == ("C!D3", "Orang")
    assert (str(row.realisasi.loc), row.realisasi.unit) == ("C!F3", "Orang")
    # Desa against Kelurahan: the units of target and realisasi differ (CAP002).
    assert _findings(path, "CAP002", "TBL001") == [("CAP002", "C!F4")]


def test_target_over_anggaran_and_kinerja_is_the_kinerja(tmp_path):
    # The money sub-column comes first: the figure is still the Kinerja.
    header = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", None, "Realisasi",
               None, "Capaian"],
              [None, None, None, "Anggaran (Rp)", "Kinerja", "Anggaran (Rp)", "Kinerja",
               None]]
    rows = [[1, "S1", "Jumlah klien", "50.000.000", 40, "45.000.000", 44, "110%"],
            [2, "S1", "Jumlah desa", "20.000.000", 10, "20.000.000", 12, "100%"]]
    merges = [f"{x}1:{x}2" for x in "ABCH"] + ["D1:E1", "F1:G1"]
    path = write(tmp_path / "k.xlsx", {"C": block("A1", header + rows)}, {"C": merges})
    capaian = read(path).get(CAPAIAN)
    assert [(str(r.target.loc), str(r.realisasi.loc)) for r in capaian.rows] == [
        ("C!E3", "C!G3"), ("C!E4", "C!G4")]
    assert _errors(path) == [("CAP001", "C!H4")]


def test_realisasi_anggaran_over_months_is_their_sum(tmp_path):
    header = [["Kode", "Program/Kegiatan", "Pagu", "Realisasi", *[None] * 11, "%"],
              [None, None, None, *MONTHS["short"], None]]
    months = ["10.000.000"] * 9 + [None, "-", "5.000.000"]
    rows = [["3247", "Penyelenggaraan Advokasi", "100.000.000", *months, "95%"]]
    merges = ["A1:A2", "B1:B2", "C1:C2", "D1:O1", "P1:P2"]
    path = write(tmp_path / "r.xlsx", {"R": block("A1", header + rows)}, {"R": merges})
    row = read(path).get(REALISASI_ANGGARAN).rows[0]
    assert (row.realisasi.value, str(row.realisasi.loc)) == (Decimal(95_000_000), "R!D3:O3")
    assert _errors(path) == []


# A single satker's Pendanaan down to akun: Kode | Uraian | Pagu.
SINGLE = [
    ["066.01.DH", "Program P4GN", "150.000.000"],
    ["3256", "Pengelolaan Informasi dan Edukasi", "150.000.000"],
    ["3256.PBC", "Promosi dan Edukasi", "150.000.000"],
    ["3256.PBC.001", "Sosialisasi P4GN", "150.000.000"],
    ["051", "Penyelenggaraan Sosialisasi", "150.000.000"],
    ["A", "Tatap Muka", "150.000.000"],
    ["521211", "Belanja Bahan", "60.000.000"],
    ["524111", "Belanja Perjalanan Dinas", "90.000.000"],
    [None, "JUMLAH", "150.000.000"],
]


@pytest.mark.parametrize("label", ["Pagu", "Jumlah", "Pagu Indikatif (Rp)"])
def test_a_single_satker_pendanaan_is_its_own_total(label, tmp_path):
    path = write(tmp_path / "p.xlsx", {"Pagu": block("B2", [["Kode", "Uraian", label],
                                                            *SINGLE])})
    pendanaan = read(path).get(PENDANAAN)
    assert pendanaan.satker == [] and pendanaan.grand >= 0
    assert [r.level for r in pendanaan.items][-3:] == ["subkomponen", "akun", "akun"]
    assert _errors(path) == []


def test_a_single_satker_pendanaan_faulty_sums_and_grand_total(tmp_path):
    rows = [list(r) for r in SINGLE]
    rows[6][2] = "70.000.000"  # an akun mistyped: subkomponen A is no longer its sum
    rows[8][2] = "160.000.000"  # and the grand total is not the program's
    path = write(tmp_path / "p.xlsx", {"Pagu": block("B2", [["Kode", "Uraian", "Jumlah"],
                                                            *rows])})
    assert _findings(path, "PAGU001", "PAGU002", "PAGU003") == [
        ("PAGU002", "Pagu!D8"), ("PAGU003", "Pagu!D11")]


def test_an_rka_with_volume_satuan_and_harga_satuan_has_no_satker_among_them(tmp_path):
    header = ["Kode", "Uraian", "Volume", "Satuan", "Harga Satuan", "Keterangan", "Jumlah"]
    rows = [["3256.PBC.001", "Sosialisasi P4GN", None, None, None, None, "4.500.000"],
            ["521211", "Belanja Bahan", 30, "OK", "50.000", "konsumsi", "1.500.000"],
            ["524111", "Belanja Perjalanan Dinas", 10, "OP", "300.000", None, "3.000.000"]]
    path = write(tmp_path / "rka.xlsx", {"RKA": block("A1", [header, *rows])})
    pendanaan = read(path).get(PENDANAAN)
    assert pendanaan.satker == []
    assert [str(r.total.loc) for r in pendanaan.items] == ["RKA!G2", "RKA!G3", "RKA!G4"]
    assert _errors(path) == []


def test_an_rka_with_satker_and_free_columns_between(tmp_path):
    header = ["Kode", "Uraian", "Satuan", "BANTEN", "TANGSEL", "Keterangan", "Jumlah"]
    rows = [["3247", "Penyelenggaraan Advokasi", "Paket", "100", "50", "baru", "160"]]
    path = write(tmp_path / "rka.xlsx", {"RKA": block("A1", [header, *rows])})
    assert read(path).get(PENDANAAN).satker == ["BANTEN", "TANGSEL"]
    assert _findings(path, "PAGU001") == [("PAGU001", "RKA!G2")]


MATRIKS_HEAD = ["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan",
                "Anggaran (Rp)"]
MATRIKS_ROWS = [
    [1, "Penyelenggaraan Advokasi", "S1", "Jumlah desa bersinar", 3, "Desa", "150"],
    [2, "Pelaksanaan Intelijen", "S2", "Jumlah jaringan", 2, "Jaringan", "25"],
    [3, "Pembinaan Administrasi", "S3", "Nilai IKPA", "98,78", "Indeks", "1.300"],
]
PAGU = [["Kode", "Uraian", "Total"], ["3247", "Penyelenggaraan Advokasi", "150"],
        ["3251", "Pelaksanaan Intelijen", "25"], ["3236", "Pembinaan Administrasi", "1.300"]]


def _continued(tmp_path: Path, second: str, title: list | None, rows: list,
               header: list = MATRIKS_HEAD) -> Path:
    first = [["MATRIKS RENCANA KERJA TAHUN 2024"], [None], MATRIKS_HEAD, *MATRIKS_ROWS[:2]]
    later = ([title, [None]] if title else []) + [header, *rows]
    return write(tmp_path / "m.xlsx", {"Pagu": block("A1", PAGU), "Matriks": block("A1", first),
                                       second: block("A1", later)})


@pytest.mark.parametrize("second, title", [
    ("Matriks (2)", ["MATRIKS RENCANA KERJA TAHUN 2024"]), ("Lanjutan", None),
    ("Lampiran", ["Matriks Rencana Kerja (lanjutan)"])])
def test_a_matriks_continued_on_the_next_sheet_is_one_table(second, title, tmp_path):
    rows = [list(MATRIKS_ROWS[2])]
    rows[0][6] = "1.200"  # its anggaran is not the kegiatan's pagu (1.300)
    path = _continued(tmp_path, second, title, rows)
    plan = read(path)
    matriks = plan.get(MATRIKS)
    assert [str(r.kegiatan.loc) for r in matriks.rows] == [
        "Matriks!B4", "Matriks!B5", f"{second}!B{4 if title else 2}"]
    assert matriks.info.rows == 3 and plan.notes == []
    row = 4 if title else 2
    assert _findings(path, "MAT001", "MAT002", "READ002") == [
        ("MAT001", f"{second}!G{row}")]


@pytest.mark.parametrize("title, header, rows", [
    # Another year's table under the same header: its title says so.
    (["MATRIKS RENCANA KERJA TAHUN 2023"], MATRIKS_HEAD, MATRIKS_ROWS[2:]),
    # Another layout: Satuan and Target swapped.
    (None, ["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Satuan", "Target",
            "Anggaran (Rp)"], [[3, "Pembinaan Administrasi", "S3", "Nilai IKPA", "Indeks",
                                "98,78", "1.300"]]),
    # A copy of the whole table: it starts over with the first table's first row.
    (None, MATRIKS_HEAD, MATRIKS_ROWS)])
def test_another_table_of_the_kind_on_a_later_sheet_stays_a_duplicate(title, header, rows,
                                                                      tmp_path):
    path = _continued(tmp_path, "Matriks (2)", title, rows, header)
    plan = read(path)
    assert plan.get(MATRIKS).info.rows == 2
    assert [n.code for n in plan.notes] == ["duplicate_table"]
    assert _findings(path, "READ002") == [
        ("READ002", f"Matriks (2)!A{3 if title else 1}:G{3 if title else 1}")]


def test_a_capaian_continued_goes_on_in_its_bidang_and_with_its_periods(tmp_path):
    rows1 = [[1, "S1", "Jumlah klien", "Orang", 40, 8, 10, 12, 14, 44, "110%"]]
    rows2 = [[2, "S2", "Jumlah desa", "Desa", 10, 2, 2, 3, 3, 10, "90%"]]
    first = _capaian(tmp_path, QUARTERS, rows1, jumlah=True, name="a.xlsx")
    second = _capaian(tmp_path, QUARTERS, rows2, jumlah=True, name="b.xlsx")
    from openpyxl import load_workbook
    book, other = load_workbook(first), load_workbook(second)
    sheet = book.create_sheet("C (lanjutan)")
    for row in other["C"].iter_rows():
        for cell in row:
            sheet[cell.coordinate] = cell.value
    for merged in other["C"].merged_cells.ranges:
        sheet.merge_cells(str(merged))
    book.save(first)
    capaian = read(first).get(CAPAIAN)
    assert [str(r.realisasi.loc) for r in capaian.rows] == ["C!J3", "C (lanjutan)!J3"]
    # 10 / 10 is 100%, not 90%: reported on the second sheet.
    assert _errors(first) == [("CAP001", "C (lanjutan)!K3")]


def test_the_second_header_row_is_never_data_even_under_unknown_sub_labels(tmp_path):
    # Realisasi over two sub-columns no vocabulary knows: the lower row is still the header's
    # (its other cells are merged down into it), never a row of figures reading "Target".
    header = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", None,
               "Capaian"],
              [None, None, None, None, "Pusat Data", "Laporan Seksi", None]]
    rows = [[1, "S1", "Jumlah klien", 40, 44, 44, "110%"]]
    merges = [f"{x}1:{x}2" for x in "ABCDG"] + ["E1:F1"]
    path = write(tmp_path / "u.xlsx", {"C": block("A1", header + rows)}, {"C": merges})
    capaian = read(path).get(CAPAIAN)
    assert capaian.info.rows == 1
    assert [str(r.target.loc) for r in capaian.rows] == ["C!D3"]
    assert _errors(path) == []
