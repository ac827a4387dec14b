"""Each layout freedom of the workbook contract: a fixture built here and the model it reads to."""

from __future__ import annotations

from decimal import Decimal

from renjacheck.model.build import read
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.ro import RO_KIND
from tests.xlsx import block, write

CAPAIAN_HEADER = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
MATRIKS_HEADER = ["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Anggaran"]


def _read(tmp_path, sheets, merges=None, formats=None):
    return read(write(tmp_path / "w.xlsx", sheets, merges, formats))


def test_title_rows_blank_columns_and_offset(tmp_path):
    cells = {"B2": "Tabel Realisasi 2023", "B3": "Sumber: LKj"}
    cells.update(block("C6", [CAPAIAN_HEADER, [1, "S", "I", "2 Orang", "3 Orang", "150%"]]))
    reading = _read(tmp_path, {"Lembar1": cells})
    (info,) = reading.infos
    assert (info.kind, info.sheet, info.range, info.rows) == ("capaian", "Lembar1", "C6:H7", 1)
    row = reading.get(CAPAIAN).rows[0]
    assert str(row.target.loc) == "Lembar1!F7" and str(row.capaian.loc) == "Lembar1!H7"


def test_header_aliases_case_and_punctuation(tmp_path):
    header = ["NO.", "SASARAN  KEGIATAN", "indikator kinerja kegiatan", "Target 2023",
              "Realisasi (2023)", "Capaian (%)"]
    reading = _read(tmp_path, {"S": block("A1", [header, [1, "S", "I", "2", "1", "50%"]])})
    assert reading.get(CAPAIAN).rows[0].capaian.value == 50
    pendanaan = [["Kd", "Uraian", "Jateng", "Jumlah"], ["3247", "Advokasi", "5", "5"]]
    reading = _read(tmp_path, {"S": block("A1", pendanaan)})
    assert reading.get(PENDANAAN).satker == ["Jateng"]
    assert reading.get(PENDANAAN).items[0].total.value == 5


def test_two_level_merged_header_with_column_numbers(tmp_path):
    cells = block("A1", [["KODE", "PROGRAM/ KEGIATAN", "PAGU"],
                         [None, None, "BANTEN", "TANGSEL", "TOTAL"],
                         [1, 2, 3, 4, 5],
                         ["3247", "Advokasi", "116.000.000", "-", "116.000.000"]])
    reading = _read(tmp_path, {"P": cells}, {"P": ["A1:A2", "B1:B2", "C1:E1"]})
    pendanaan = reading.get(PENDANAAN)
    assert pendanaan.satker == ["BANTEN", "TANGSEL"]
    assert [str(t.loc) for t in pendanaan.satker_headings[0]] == ["P!C2", "P!D2"]
    (row,) = pendanaan.items
    assert (row.kode.value, row.level, row.amounts["TANGSEL"].value, str(row.total.loc)) == (
        "3247", "kegiatan", 0, "P!E4")
    assert reading.infos[0].range == "A1:E4"


def test_repeated_header_and_continuation_row(tmp_path):
    rows = [CAPAIAN_HEADER, [1, 2, 3, 4, 5, 6],
            [1, "Sasaran satu", "Jumlah kabupaten/kota ... di", "2", "3", "150%"],
            [None] * 6,
            CAPAIAN_HEADER, [1, 2, 3, 4, 5, 6],
            [None, None, "wilayah provinsi"],
            [2, "Sasaran dua", "Indikator dua", "1", "1", "100%"]]
    reading = _read(tmp_path, {"C": block("A1", rows)})
    first, second = reading.get(CAPAIAN).rows
    assert first.indikator.value == "Jumlah kabupaten/kota ... di wilayah provinsi"
    assert str(first.indikator.loc) == "C!C3" and [str(l) for l in first.indikator.more] == ["C!C7"]
    assert second.sasaran.value == "Sasaran dua"
    assert reading.infos[0].rows == 2 and reading.infos[0].range == "A1:F8"


def test_vertically_merged_cells_stand_for_every_row_and_count_once(tmp_path):
    rows = [MATRIKS_HEADER,
            [1, "Penguatan Lembaga", "1. Sasaran A", "Indikator A", "2", "Lembaga", "788.031.000"],
            [None, None, "2. Sasaran A", "Indikator B", "8", "Unit"],
            [None, None, "3. Sasaran C", "Indikator C", "3,06", "Indeks"],
            [2, "Pengawasan", "Sasaran D", "Indikator D", "100", "Indeks", "177.130.000"]]
    merges = {"M": ["A2:A4", "B2:B4", "G2:G4"]}
    reading = _read(tmp_path, {"M": block("A1", rows)}, merges)
    first, second = reading.get(MATRIKS).groups
    assert [r.indikator.value for r in first.rows] == ["Indikator A", "Indikator B", "Indikator C"]
    assert first.kegiatan.value == "Penguatan Lembaga" and str(first.kegiatan.loc) == "M!B2:B4"
    assert [str(q.loc) for q in first.anggaran] == ["M!G2:G4"]
    assert first.total == Decimal("788031000")
    assert [r.target.decimals for r in first.rows] == [0, 0, 2]
    assert (second.no.value, second.total) == ("2", Decimal("177130000"))


def test_blank_sub_rows_belong_to_the_kegiatan_above_but_a_numbered_row_does_not(tmp_path):
    rows = [MATRIKS_HEADER,
            [10, "Pembinaan", "Sasaran T", "IKPA", "98,78", "Indeks", "5.169.772.000"],
            [None, None, None, "Jumlah BNNK", "3", "Kabupaten/ Kota"],
            [11, None, "Sasaran R", "Nilai ZI", "76", "Indeks", "0"]]
    reading = _read(tmp_path, {"M": block("B3", rows)})
    pembinaan, orphan = reading.get(MATRIKS).groups
    assert [r.sasaran.value for r in pembinaan.rows] == ["Sasaran T", "Sasaran T"]
    assert pembinaan.total == Decimal("5169772000") and len(pembinaan.anggaran) == 1
    assert orphan.kegiatan is None and orphan.total == 0 and orphan.no.value == "11"
    assert reading.tables["matriks"].loc(2, "kegiatan").cell == "C6"


def test_bidang_from_group_rows_and_from_a_column(tmp_path):
    rows = [CAPAIAN_HEADER, ["Bidang Rehabilitasi"], [1, "S", "I", "1", "1", "100%"],
            ["Bagian Umum"], [2, "S2", "I2", "1", "1", "100%"]]
    reading = _read(tmp_path, {"C": block("A1", rows)}, {"C": ["A2:F2", "A4:F4"]})
    assert [(r.bidang.value, str(r.bidang.loc)) for r in reading.get(CAPAIAN).rows] == [
        ("Bidang Rehabilitasi", "C!A2:F2"), ("Bagian Umum", "C!A4:F4")]
    rows = [CAPAIAN_HEADER + ["Bidang"], [1, "S", "I", "1", "1", "100%", "Rehabilitasi"]]
    reading = _read(tmp_path, {"C": block("A1", rows)})
    assert str(reading.get(CAPAIAN).rows[0].bidang.loc) == "C!G2"


def test_values_written_every_way(tmp_path):
    rows = [CAPAIAN_HEADER,
            [1, "S", "I", "3 Kabupaten / Kota", "3,1 Indeks", 1.2857],
            [2, "S", "I", "80 - 90%", "4 (empat)", "128,57%"],
            [3, "S", "I", 60, 77.14, "100,21%"]]
    reading = _read(tmp_path, {"C": block("A1", rows)}, formats={"C": {"F2": "0.00%"}})
    one, two, three = reading.get(CAPAIAN).rows
    assert (one.target.value, one.target.unit) == (3, "Kabupaten/Kota")
    assert (one.realisasi.value, one.realisasi.decimals, one.realisasi.unit) == (
        Decimal("3.1"), 1, "Indeks")
    assert (one.capaian.value, one.capaian.decimals, one.capaian.percent) == (
        Decimal("128.57"), 2, True)
    assert (two.target.value, two.target.upper, two.target.percent) == (80, 90, True)
    assert (two.realisasi.value, two.realisasi.words, two.realisasi.words_value) == (4, "empat", 4)
    assert (three.realisasi.value, three.realisasi.decimals) == (Decimal("77.14"), 2)


def test_amounts_dash_blank_rupiah_and_numeric(tmp_path):
    rows = [["Kode", "Uraian", "A", "B", "Total"],
            [None, "Total Pagu", "Rp.15.500.127.000,-", "-", 15500127000],
            ["3247", "Advokasi", "Rp 15.500.127.000", None, "15.500.127.000"]]
    reading = _read(tmp_path, {"P": block("A1", rows)}, formats={"P": {"E2": "#,##0"}})
    pendanaan = reading.get(PENDANAAN)
    grand = pendanaan.grand_total
    assert grand.amounts["A"].value == Decimal("15500127000") and grand.amounts["B"].value == 0
    assert not grand.amounts["B"].empty and grand.total.text == "15.500.127.000"
    blank = pendanaan.items[0].amounts["B"]
    assert blank.empty and str(blank.loc) == "P!D3"


def test_sheets_without_tables_and_no_identitas(tmp_path):
    reading = _read(tmp_path, {"Sampul": {"A1": "RENCANA KERJA 2024"}, "Kosong": {},
                               "P": block("D4", [["Kode", "Uraian", "Total"],
                                                 ["3247", "Advokasi", "5"]])})
    assert [t.kind for t in reading.infos] == ["pendanaan"]
    assert reading.get(IDENTITAS) is None and reading.get(CAPAIAN) is None


def test_identitas_as_key_value_and_inline(tmp_path):
    reading = _read(tmp_path, {"X": {"B2": "Unit Kerja", "C2": ":", "D2": "BNN Kota Tangerang",
                                     "B3": "Tahun", "D3": 2025}})
    ident = reading.get(IDENTITAS)
    assert (ident.unit.value, str(ident.unit.loc), reading.year) == (
        "BNN Kota Tangerang", "X!D2", 2025)
    assert reading.infos[0].range == "B2:D3"
    reading = _read(tmp_path, {"X": {"A1": "Matriks Rencana Kerja", "A2": "Unit Kerja : BNN X",
                                     "A3": "Tahun : 2024", "A4": "Tahun 2023"}})
    assert (reading.get(IDENTITAS).unit.value, reading.year) == ("BNN X", 2024)


def test_ro_multi_line_cell_and_volume_satuan_columns(tmp_path):
    rows = [["No.", "Kegiatan", "Indikator Kinerja Kegiatan", "Rincian Output", "Volume", "Satuan"],
            ["2.", "Advokasi", "Indikator", "Pendampingan Keluarga\nAdvokasi Desa",
             "5 Keluarga\n2 Desa", None],
            ["3.", "Pemberdayaan", "1. Ind A 2. Ind B", "Kota Tanggap", 2, "Lembaga"]]
    reading = _read(tmp_path, {"R": block("A1", rows)})
    assert [(r.rincian_output.value, r.volume.value, r.volume.unit, str(r.volume.loc))
            for r in reading.get(RO_KIND).rows] == [
        ("Pendampingan Keluarga", 5, "Keluarga", "R!E2"), ("Advokasi Desa", 2, "Desa", "R!E2"),
        ("Kota Tanggap", 2, "Lembaga", "R!E3")]
    assert reading.get(RO_KIND).rows[2].indikator_list == ["Ind A", "Ind B"]
    assert reading.infos[0].rows == 2


def test_pendanaan_hierarchy_levels_and_parents(tmp_path):
    codes = ["066.01.WA", "3239", "3239.EBA", "3239.EBA.994", "001", "A", "511111", "521111",
             "002", "A", "521211", "3236"]
    rows = [["Kode", "Uraian", "Total"]] + [[c, f"item {c}", "1"] for c in codes]
    pendanaan = _read(tmp_path, {"P": block("A1", rows)}).get(PENDANAAN)
    assert [(r.kode.value, r.level, r.parent) for r in pendanaan.items] == [
        ("066.01.WA", "program", None), ("3239", "kegiatan", "066.01.WA"),
        ("3239.EBA", "kro", "3239"), ("3239.EBA.994", "ro", "3239.EBA"),
        ("001", "komponen", "3239.EBA.994"), ("A", "subkomponen", "001"),
        ("511111", "akun", "A"), ("521111", "akun", "A"), ("002", "komponen", "3239.EBA.994"),
        ("A", "subkomponen", "002"), ("521211", "akun", "A"), ("3236", "kegiatan", "066.01.WA")]


def test_total_row_merged_across_kode_and_uraian(tmp_path):
    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "5", "5"],
            ["JUMLAH", None, "5", "5"]]
    pendanaan = _read(tmp_path, {"P": block("A1", rows)}, {"P": ["A3:B3"]}).get(PENDANAAN)
    assert pendanaan.grand_total.uraian.value == "JUMLAH" and len(pendanaan.items) == 1


def test_a_title_below_a_table_ends_it(tmp_path):
    cells = block("A1", [CAPAIAN_HEADER, [1, "S", "I", "1", "1", "100%"]])
    cells.update({"A3": "Matriks Rencana Kerja BNN Provinsi Banten", "A4": "Unit Kerja : BNN"})
    cells.update(block("A6", [MATRIKS_HEADER, [1, "K", "S", "I", "1", "Orang", "5"]]))
    reading = _read(tmp_path, {"X": cells})
    assert [(t.kind, t.range, t.rows) for t in reading.infos] == [
        ("identitas", "A4", 1), ("capaian", "A1:F2", 1), ("matriks", "A6:G7", 1)]


def test_a_table_kind_twice_is_noted_and_the_first_is_read(tmp_path):
    table = [["Tahun", "Bidang", "Teks"], [2024, None, "x"]]
    reading = _read(tmp_path, {"A": block("A1", table), "B": block("C3", table)})
    (note,) = reading.notes
    assert (note.code, str(note.locations[0]), note.args["used"]) == (
        "duplicate_table", "B!C3:E3", "A!A1:C2")
    assert reading.get(NARASI).statements[0].teks.loc.sheet == "A"


def test_an_anggaran_a_row_under_a_merged_kegiatan_stays_with_it(tmp_path):
    rows = [MATRIKS_HEADER,
            [1, "Pembinaan", "S", "IKPA", "98,78", "Indeks", "100.000.000"],
            [None, None, "S", "Jumlah BNNK", "3", "Kab/Kota", "50.000.000"],
            [None, None, "S", "Nilai ZI", "76", "Indeks", "25.000.000"]]
    reading = _read(tmp_path, {"M": block("A1", rows)}, {"M": ["A2:A3", "B2:B3"]})
    first, second = reading.get(MATRIKS).groups
    assert (first.kegiatan.value, len(first.rows), first.total) == ("Pembinaan", 2, 150_000_000)
    assert [str(q.loc) for q in first.anggaran] == ["M!G2", "M!G3"]
    # Below the merge, a row with its own anggaran and no kegiatan is a kegiatan of its own.
    assert (second.kegiatan, second.no, second.total) == (None, None, 25_000_000)


def test_pendanaan_continued_after_a_note_reads_its_satker_by_name(tmp_path):
    # The continuation's header lists the satker in another order, one misspelt, one left out:
    # amounts go to the satker the header names (by place for the misspelt one, which names no
    # other), the one left out is not read; PAGU006 reports the header.
    header = ["Kode", "Uraian", "BANTEN", "TANGSEL", "CILEGON", "Total"]
    rows = [header, ["3247", "Advokasi", 1, 2, 4, 7],
            ["Tabel Kebutuhan Pendanaan (lanjutan)"],
            ["Kode", "Uraian", "TANGSEL", "BANTN", None, "Total"],
            ["3251", "Intelijen", 20, 10, 99, 30]]
    reading = _read(tmp_path, {"P": block("A1", rows)})
    pendanaan = reading.get(PENDANAAN)
    assert pendanaan.satker == ["BANTEN", "TANGSEL", "CILEGON"]
    second = pendanaan.items[1]
    assert {name: q and (q.value, str(q.loc)) for name, q in second.amounts.items()} == {
        "BANTEN": (10, "P!D5"), "TANGSEL": (20, "P!C5"), "CILEGON": None}
    assert [[c.value for c in h] for h in pendanaan.satker_headings] == [
        ["BANTEN", "TANGSEL", "CILEGON"], ["TANGSEL", "BANTN"]]
    from renjacheck.engine import check_plan, load_rules

    found = sorted((f.rule, [str(loc) for loc in f.locations], f.expected, f.actual or "-")
                   for f in check_plan(reading, load_rules()) if f.rule == "PAGU006")
    assert found == [("PAGU006", ["P!C4", "P!C1"], "BANTEN", "TANGSEL"),
                     ("PAGU006", ["P!D4"], "CILEGON", "-"),
                     ("PAGU006", ["P!D4", "P!D1"], "TANGSEL", "BANTN")]


def test_a_pagu_column_of_a_one_row_header_is_no_super_header(tmp_path):
    # PAGU over a satker name is a super-header (test_properties.test_pagu_over_one_satker_
    # column); over a figure it is an amount column, and the row below it is the first item.
    rows = [["Kode", "Uraian", "Pagu", "Total"], ["3247", "Advokasi", "5.000.000", "5.000.000"],
            ["3251", "Intelijen", "-", "0"]]
    reading = _read(tmp_path, {"P": block("A1", rows)})
    assert [(r.kode.value, str(r.total.loc)) for r in reading.get(PENDANAAN).items] == [
        ("3247", "P!D2"), ("3251", "P!D3")]
    assert [t.range for t in reading.infos] == ["A1:D3"]


def test_a_narasi_goes_on_after_a_blank_row_only_at_a_row_with_a_year(tmp_path):
    rows = [["Tahun", "Bidang", "Teks"],
            [2024, "Pencegahan", "Bidang P2M mempunyai 4 (empat) sasaran kegiatan"],
            [None, None, None],
            ["2023", None, "Terdapat 1 (satu) target kinerja yang tidak tercapai"],
            [None, None, None],
            [None, None, "Kepala BNN Provinsi Banten"],
            [None, None, "NIP. 19700101 199503 1 001"]]
    reading = _read(tmp_path, {"Narasi": block("A1", rows)})
    (info,) = reading.infos
    assert (info.kind, info.range, info.rows) == ("narasi", "A1:C4", 2)
    assert [(str(n.teks.loc), n.tahun.value) for n in reading.get(NARASI).statements] == [
        ("Narasi!C2", Decimal(2024)), ("Narasi!C4", Decimal(2023))]
