"""One small plan written in several layouts the workbook contract allows.

`template` lays it out as the blank template does (a sheet a table, header at A1, Bidang columns,
numbers as text); the others use the layout freedoms. Every layout must read to the same plan.
"""

from __future__ import annotations

from pathlib import Path

from tests.xlsx import block, write

UNIT, YEAR = "BNN Provinsi Contoh", 2024
SATKER = ["PROV", "KOTA A", "KOTA B"]
PENDANAAN = [  # kode, uraian, amounts per satker (as text), total
    ("3247", "Penyelenggaraan Advokasi", ["100.000.000", "50.000.000", "-"], "150.000.000"),
    ("3251", "Pelaksanaan Intelijen Berbasis Teknologi", ["20.000.000", None, "5.000.000"],
     "25.000.000"),
    ("3236", "Pembinaan Administrasi dan Pengelolaan Keuangan",
     ["1.000.000.000", "200.000.000", "100.000.000"], "1.300.000.000"),
]
GRAND = ["1.120.000.000", "250.000.000", "105.000.000", "1.475.000.000"]
CAPAIAN = [  # bidang, no, sasaran, indikator, target, realisasi, capaian
    ("Pencegahan dan Pemberdayaan Masyarakat", 1, "Meningkatnya daya tangkal remaja",
     "Jumlah kabupaten/kota dengan indeks ketahanan diri remaja tinggi di wilayah provinsi",
     "2 Kabupaten/ Kota", "3 Kabupaten / Kota", "150%"),
    ("Rehabilitasi", 2, "Meningkatnya upaya pemulihan pecandu",
     "Persentase pecandu yang mengalami peningkatan kualitas hidup", "60%", "77,14%", "128,57%"),
    ("Rehabilitasi", 3, "Meningkatnya kapasitas tenaga rehabilitasi",
     "Jumlah petugas layanan IBM yang terlatih", "40 Orang", "49 Orang", "122,5%"),
]
MATRIKS = [  # no, kegiatan, anggaran, bidang, [(sasaran, indikator, target, satuan)]
    (1, "Penyelenggaraan Advokasi", "150.000.000", "Pencegahan dan Pemberdayaan Masyarakat",
     [("Meningkatnya daya tangkal remaja",
       "Jumlah kabupaten/kota dengan indeks ketahanan diri remaja tinggi di wilayah provinsi",
       "3", "Kabupaten/Kota")]),
    (2, "Pembinaan Administrasi dan Pengelolaan Keuangan", "1.300.000.000", "Bagian Umum",
     [("1. Meningkatnya tata kelola keuangan", "Nilai IKPA", "98,78", "Indeks"),
      ("2. Meningkatnya tata kelola keuangan", "Jumlah BNNK dengan nilai IKPA mencapai target",
       "3", "Kabupaten/Kota")]),
    (3, "Pelaksanaan Intelijen Berbasis Teknologi", "25.000.000", "Pemberantasan",
     [("Meningkatnya pemetaan jaringan", "Jumlah jaringan yang dipetakan", "2", "Jaringan")]),
]
RO = [  # no, kegiatan, indikator cell, [(ro, volume)]
    ("1.", "Penyelenggaraan Advokasi",
     "Jumlah kabupaten/kota dengan indeks ketahanan diri remaja tinggi di wilayah provinsi",
     [("Advokasi Program Ketahanan Keluarga", "2 Desa")]),
    ("2.", "Pembinaan Administrasi dan Pengelolaan Keuangan",
     "1. Nilai IKPA\n2. Jumlah BNNK dengan nilai IKPA mencapai target",
     [("Layanan Manajemen Keuangan", "12 Layanan"), ("Layanan Perkantoran", "12 Layanan")]),
    ("3.", "Pelaksanaan Intelijen Berbasis Teknologi", "Jumlah jaringan yang dipetakan",
     [("Laporan Informasi Intelijen", "3 Laporan")]),
]
NARASI = [
    (2023, "Rehabilitasi", "b. Bidang Rehabilitasi memiliki 2 (dua) sasaran kegiatan dengan "
                           "2 (dua) indikator kinerja"),
    (2024, None, "jumlah dana yang dibutuhkan adalah sebesar Rp.1.475.000.000,-"),
]

REALISASI_ANGGARAN = [  # kode, uraian, pagu, realisasi of the year before (a total last)
    ("066.06.DH", "Program Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap "
                  "Narkotika", "175.000.000", "167.500.000"),
    ("3247", "Penyelenggaraan Advokasi", "150.000.000", "142.500.000"),
    ("3251", "Pelaksanaan Intelijen Berbasis Teknologi", "25.000.000", "25.000.000"),
    ("066.01.WA", "Program Dukungan Manajemen", "1.300.000.000", "1.261.000.000"),
    ("3236", "Pembinaan Administrasi dan Pengelolaan Keuangan", "1.300.000.000",
     "1.261.000.000"),
    (None, "JUMLAH", "1.475.000.000", "1.428.500.000"),
]

H_CAPAIAN = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
H_MATRIKS = ["No", "Program/ Kegiatan/ Komponen/ Aktivitas", "Sasaran", "Indikator Kinerja",
             "Target/ Vol", "Satuan", "Anggaran (Rp)"]
H_RO = ["No.", "KEGIATAN", "INDIKATOR KINERJA KEGIATAN",
        "KLASIFIKASI RINCIAN OUTPUT / RINCIAN OUTPUT", "RENCANA VOLUME"]


def template_blocks() -> dict[str, list[list]]:
    """The plan's tables as the blank template writes them, a sheet each."""
    pendanaan = [["Kode", "Uraian", *SATKER, "Total"], [None, "TOTAL PAGU", *GRAND]]
    pendanaan += [[k, u, *a, t] for k, u, a, t in PENDANAAN]
    capaian = [H_CAPAIAN + ["Bidang"]]
    capaian += [[no, s, i, t, r, c, b] for b, no, s, i, t, r, c in CAPAIAN]
    matriks = [H_MATRIKS + ["Bidang"]]
    for no, keg, ang, bidang, rows in MATRIKS:
        for j, (s, i, t, sat) in enumerate(rows):
            # Sub-rows left blank where a planner would merge: they belong to the kegiatan above.
            matriks.append([no, keg, s, i, t, sat, ang, bidang] if j == 0 else
                           [None, None, s, i, t, sat, None, None])
    ro = [H_RO]
    for no, keg, ind, ros in RO:
        for j, (name, vol) in enumerate(ros):
            ro.append([no, keg, ind, name, vol] if j == 0 else [None, None, None, name, vol])
    return {"Identitas": [["Unit Kerja", UNIT], ["Tahun", YEAR]], "Pendanaan": pendanaan,
            "Capaian": capaian, "Matriks": matriks, "RO": ro,
            "Narasi": [["Tahun", "Bidang", "Teks"]] + [list(n) for n in NARASI]}


def template(path: Path) -> Path:
    """The plan as the blank template lays it out."""
    return write(path, {name: block("A1", rows) for name, rows in template_blocks().items()})


def stacked(path: Path) -> Path:
    """Every table on one sheet, from column C down, each under a title and two blank rows."""
    cells, row = {}, 2
    for name, rows in template_blocks().items():
        cells[f"C{row}"] = f"Tabel {name}"
        cells.update(block(f"C{row + 3}", rows))
        row += 3 + len(rows) + 2
    return write(path, {"Renja": cells})


def _amount(text: str | None) -> object:
    """A text amount as the numeric cell a planner types instead."""
    if text is None:
        return None
    return 0 if text == "-" else int(text.replace(".", ""))


def planner(path: Path) -> Path:
    """The same plan as a planner lays it out, using every layout freedom at once.

    Sheets renamed and reordered, a sheet with no table, tables away from A1, Capaian and Matriks
    on one sheet, title rows, a two-level merged Pendanaan header with a column-number row and a
    repeat at a page break, numeric cells with number formats, bidang by group rows, merged
    sub-rows, a continuation row, the grand total last and merged across Kode and Uraian, and the
    identity written inline on the last sheet.
    """
    cells: dict[str, dict[str, object]] = {"Catatan": {"A1": "Draf untuk rapat perencanaan"}}
    merges: dict[str, list[str]] = {}
    formats: dict[str, dict[str, str]] = {}

    # Capaian at B2 and Matriks at B14 on one sheet.
    sheet = {"B2": "Tabel Realisasi Pencapaian Sasaran Kegiatan Tahun 2023"}
    sheet.update(block("B4", [H_CAPAIAN, [1, 2, 3, 4, 5, 6]]))
    sheet.update(block("B6", [["Bidang Pencegahan dan Pemberdayaan Masyarakat"]]))
    b, no, s, i, t, r, c = CAPAIAN[0]
    head, tail = i.rsplit(" di ", 1)
    sheet.update(block("B7", [[no, s, head + " di", t, r, 1.5]]))
    sheet.update(block("B8", [H_CAPAIAN, [None, None, "wilayah provinsi"]]))  # page break
    sheet.update(block("B10", [["Bidang Rehabilitasi"]]))
    sheet.update(block("B11", [[n, s, i, t, r, None] for _, n, s, i, t, r, _ in CAPAIAN[1:]]))
    sheet["E11"], sheet["G11"], sheet["G12"] = 0.6, 1.2857, 1.225
    sheet["F11"] = 0.7714
    fmt = {"G7": "0%", "E11": "0%", "F11": "0.00%", "G11": "0.00%", "G12": "0.0%"}
    merge = ["B6:G6", "B10:G10"]
    sheet["B14"] = "Matriks Rencana Kerja BNN Provinsi Contoh"
    sheet.update(block("B16", [H_MATRIKS]))
    row = 17
    for no, keg, ang, bidang, rows in MATRIKS:
        group = "Bagian Umum" if bidang == "Bagian Umum" else f"Bidang {bidang}"
        sheet[f"B{row}"] = group
        merge.append(f"B{row}:H{row}")
        row += 1
        for j, (s, i, t, sat) in enumerate(rows):
            sheet.update(block(f"D{row}", [[s, i, t, sat]]))
            if j == 0:
                sheet.update({f"B{row}": no, f"C{row}": keg, f"H{row}": _amount(ang)})
                fmt[f"H{row}"] = "#,##0"
                if len(rows) > 1:
                    merge += [f"{c}{row}:{c}{row + len(rows) - 1}" for c in "BCH"]
            row += 1
    sheet["F20"] = 98.78  # a numeric target
    cells["Rencana Kerja"], merges["Rencana Kerja"], formats["Rencana Kerja"] = sheet, merge, fmt

    # Pendanaan at C4: two-level header, column numbers, a page-break repeat, total last.
    sheet, merge, fmt = {"C2": "TABEL KEBUTUHAN PENDANAAN TAHUN 2024"}, [], {}
    top = [["KODE", "PROGRAM/ KEGIATAN/ KRO/ RO/ KOMPONEN/ SUBKOMP/ AKUN", "PAGU"],
           [None, None, *SATKER, "TOTAL"], list(range(1, 7))]
    sheet.update(block("C4", top))
    merge += ["C4:C5", "D4:D5", "E4:H4"]
    rows = [[k, u, *map(_amount, a), _amount(t)] for k, u, a, t in PENDANAAN]
    sheet.update(block("C7", rows[:2]))
    sheet.update(block("C9", top[:2]))
    merge += ["C9:C10", "D9:D10", "E9:H9"]
    sheet.update(block("C11", rows[2:] + [["TOTAL PAGU", None, *map(_amount, GRAND)]]))
    merge.append("C12:D12")
    for r in (7, 8, 11, 12):
        for c in "EFGH":
            fmt[f"{c}{r}"] = "#,##0"
    cells["Anggaran"], merges["Anggaran"], formats["Anggaran"] = sheet, merge, fmt

    # RO at A3 with merged No, Kegiatan and Indikator.
    sheet = {"A1": "Lampiran", "A2": "Matrik Rencana Volume Rincian Output"}
    sheet.update(block("A4", [H_RO]))
    row, merge = 5, []
    for no, keg, ind, ros in RO:
        sheet.update({f"A{row}": no, f"B{row}": keg, f"C{row}": ind})
        for j, (name, vol) in enumerate(ros):
            sheet.update({f"D{row + j}": name, f"E{row + j}": vol})
        if len(ros) > 1:
            merge += [f"{c}{row}:{c}{row + len(ros) - 1}" for c in "ABC"]
        row += len(ros)
    cells["Lampiran RO"], merges["Lampiran RO"] = sheet, merge

    cells["Narasi"] = block("B2", [["Tahun", "Bidang", "Teks"]] + [list(n) for n in NARASI])
    cells["Sampul"] = {"A1": "Unit Kerja : BNN Provinsi Contoh", "A2": "Tahun", "B2": ":",
                       "C2": str(YEAR)}
    cells = {name: {k: v for k, v in sheet.items() if v is not None}
             for name, sheet in cells.items()}
    order = ["Catatan", "Narasi", "Lampiran RO", "Rencana Kerja", "Anggaran", "Sampul"]
    return write(path, {n: cells[n] for n in order}, merges, formats)
