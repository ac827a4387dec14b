"""The template's first sheet: how to fill in the workbook, in Bahasa Indonesia and English."""

INSTRUCTIONS = {
    "id": [
        "Buku kerja ini mengikuti format yang dibaca renjacheck. Isi setiap lembar, lalu "
        "periksa dengan perintah renjacheck check NAMA-BERKAS.xlsx",
        "Jangan mengubah baris judul kolom (berwarna); renjacheck mengenali tabel dari judul "
        "kolomnya. Nama lembar boleh diubah, baris boleh ditambah.",
        "Identitas - isi Unit Kerja (mis. BNN Provinsi Banten) dan Tahun rencana (mis. 2024).",
        "Pendanaan - satu baris per kode anggaran, induk sebelum rinciannya - program "
        "(066.01.WA), kegiatan (3247), KRO (3247.PBC), RO (3247.PBC.001), komponen (051), "
        "subkomponen (A), akun (521211). Isi pagu setiap satker; kolom Total dan baris TOTAL "
        "PAGU (jumlah baris program, atau kegiatan bila tidak ada program) dihitung dengan rumus. "
        "Pagu baris induk harus sama dengan jumlah rinciannya.",
        "Capaian - realisasi tahun sebelum tahun rencana. Tulis Target dan Realisasi sebagai "
        "angka (satuannya di kolom Satuan; persen ditulis 60%); Capaian dihitung dengan rumus. "
        "Polaritas negatif untuk indikator yang makin kecil makin baik. Untuk target rentang "
        "(80 - 90%), tulis targetnya sebagai teks dan isi Capaian sendiri.",
        "Matriks - satu baris per indikator. Untuk indikator berikutnya dari kegiatan yang sama, "
        "kosongkan No, Kegiatan dan Anggaran (atau gabungkan selnya). Anggaran adalah pagu "
        "kegiatan itu di tabel Pendanaan.",
        "RO - rincian output dan volumenya; tulis Indikator Kinerja Kegiatan sama persis dengan "
        "di Matriks.",
        "Narasi - satu paragraf atau butir per baris. Tahun adalah tahun yang dibicarakan; Bidang "
        "kosong berarti seluruh unit kerja.",
        "Realisasi Anggaran (boleh tidak dipakai; hapus lembarnya bila tidak ada) - realisasi "
        "anggaran tahun sebelum tahun rencana, satu baris per program, kegiatan dan sub "
        "kegiatan, induk sebelum rinciannya: Kode (066.01.WA, 3247, atau 1.02.02, "
        "1.02.02.2.01, 1.02.02.2.01.0001), Pagu dan Realisasi; kolom % dan Sisa dihitung "
        "dengan rumus. Pagu dan realisasi induk harus sama dengan jumlah rinciannya; baris "
        "JUMLAH adalah jumlah baris teratas.",
        "Pilihan Bidang, Polaritas dan Satuan ada di lembar {lists} (tersembunyi). Satuan lain "
        "boleh diketik.",
        "Rumus dihitung Excel atau LibreOffice ketika berkas disimpan. Rumus berkas yang diisi "
        "program lain tanpa menghitungnya dihitung oleh renjacheck; rumus yang tidak dapat "
        "dihitungnya dilaporkan sebagai READ003: buka dan simpan ulang berkasnya.",
    ],
    "en": [
        "This workbook follows the layout renjacheck reads. Fill in every sheet, then check it "
        "with the command renjacheck check FILE-NAME.xlsx",
        "Do not change the (coloured) column heading rows; renjacheck recognises a table by its "
        "headings. Sheets may be renamed and rows added.",
        "Identitas - the Unit Kerja (e.g. BNN Provinsi Banten) and the plan year (Tahun, e.g. "
        "2024).",
        "Pendanaan - one row per budget code, each parent before its items - program "
        "(066.01.WA), kegiatan (3247), KRO (3247.PBC), RO (3247.PBC.001), komponen (051), "
        "subkomponen (A), akun (521211). Enter each satker's pagu; the Total column and the "
        "TOTAL PAGU row (the sum of the program rows, or of the kegiatan rows when there is no "
        "program) are formulas. A parent's pagu must be the sum of its items.",
        "Capaian - what was achieved in the year before the plan year. Enter Target and "
        "Realisasi as numbers (the unit in Satuan; percentages as 60%); Capaian is a formula. "
        "Polaritas negatif is for indicators where lower is better. For a range target "
        "(80 - 90%), type the target as text and enter Capaian yourself.",
        "Matriks - one row per indicator. For the next indicator of the same kegiatan, leave No, "
        "Kegiatan and Anggaran empty (or merge the cells). Anggaran is the kegiatan's pagu in "
        "the Pendanaan table.",
        "RO - the output details and their volumes; write the Indikator Kinerja Kegiatan exactly "
        "as in the Matriks.",
        "Narasi - one paragraph or bullet per row. Tahun is the year the row speaks of; an empty "
        "Bidang means the whole unit.",
        "Realisasi Anggaran (optional; delete the sheet if the plan has none) - the budget "
        "realisation of the year before the plan year, one row per program, kegiatan and sub "
        "kegiatan, each parent before its items: Kode (066.01.WA, 3247, or 1.02.02, "
        "1.02.02.2.01, 1.02.02.2.01.0001), Pagu and Realisasi; the % and Sisa columns are "
        "formulas. A parent's pagu and realisasi must be the sums of its items'; the JUMLAH row "
        "is the sum of the top-level rows.",
        "The choices for Bidang, Polaritas and Satuan are on the (hidden) {lists} sheet. Other "
        "units may be typed.",
        "Excel or LibreOffice calculates the formulas when the file is saved. renjacheck "
        "calculates the formulas of a file filled in by another program without calculating "
        "them; those it cannot calculate are reported as READ003: open the file and save it "
        "again.",
    ],
}
