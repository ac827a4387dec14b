"""The workbooks renjacheck writes: the annotated copy (its results sheet, comments, what it
cannot carry over), the blank template, and what one mistake in the sums (Pendanaan, Realisasi
Anggaran) also put wrong."""

MESSAGES: dict[str, dict[str, str]] = {
    # The annotated copy (renjacheck annotate): its results sheet and cell comments.
    "ann.sheet": {"id": "Hasil Pemeriksaan", "en": "Check Results"},
    "ann.heading": {"id": "Hasil pemeriksaan renjacheck", "en": "renjacheck check results"},
    "ann.file": {"id": "Berkas", "en": "File"},
    "ann.checked_with": {"id": "Diperiksa dengan", "en": "Checked with"},
    "ann.count.error": {"id": "Kesalahan", "en": "Errors"},
    "ann.count.warning": {"id": "Peringatan", "en": "Warnings"},
    "ann.count.info": {"id": "Info", "en": "Info"},
    "ann.count.waived": {"id": "Dikecualikan", "en": "Waived"},
    "ann.tables": {"id": "Tabel yang terbaca", "en": "Tables read"},
    "ann.lost": {"id": "Tidak terbawa ke salinan ini (lihat berkas aslinya)",
                 "en": "Not carried over to this copy (see the original file)"},
    "ann.lost_line": {"id": "salinan tidak membawa {what} ({count})",
                      "en": "the copy does not carry {what} ({count})"},
    "ann.col_no": {"id": "#", "en": "#"},
    "ann.col_severity": {"id": "Tingkat", "en": "Severity"},
    "ann.col_rule": {"id": "Aturan", "en": "Rule"},
    "ann.col_cell": {"id": "Sel", "en": "Cell"},
    "ann.col_title": {"id": "Judul", "en": "Title"},
    "ann.col_message": {"id": "Pesan", "en": "Message"},
    "ann.col_related": {"id": "Sel terkait", "en": "Related cells"},
    "ann.col_waiver": {"id": "Pengecualian", "en": "Waiver"},
    "ann.see_also": {"id": "Sel terkait", "en": "Related cells"},
    "ann.related": {"id": "{head}\nTemuan ini ditandai di {cell}; sel ini ikut terkait.",
                    "en": "{head}\nThis finding is marked at {cell}; this cell is involved."},
    "ann.not_xlsx": {"id": "berkas keluaran harus berakhiran .xlsx",
                     "en": "the output file must end in .xlsx"},
    # What an annotated copy cannot carry over (renjacheck.writers.losses).
    "lost.macros": {"id": "makro VBA", "en": "VBA macros"},
    "lost.charts": {"id": "grafik", "en": "charts"},
    "lost.images": {"id": "gambar", "en": "pictures"},
    "lost.pivot_tables": {"id": "tabel pivot", "en": "pivot tables"},
    "lost.external_links": {"id": "tautan ke buku kerja lain", "en": "links to other workbooks"},
    "lost.threaded_comments": {"id": "komentar berutas (tersisa sebagai catatan biasa)",
                               "en": "threaded comments (left as plain notes)"},
    "lost.slicers": {"id": "slicer dan timeline", "en": "slicers and timelines"},
    "lost.controls": {"id": "kontrol formulir dan ActiveX", "en": "form and ActiveX controls"},
    "lost.embedded_objects": {"id": "objek tertanam (OLE)", "en": "embedded (OLE) objects"},
    "lost.connections": {"id": "koneksi data dan kueri", "en": "data connections and queries"},
    "lost.data_model": {"id": "model data (Power Pivot)", "en": "the data model (Power Pivot)"},
    "lost.rich_data": {"id": "gambar dalam sel dan tipe data",
                       "en": "pictures in cells and data types"},
    "lost.custom_xml": {"id": "data XML khusus", "en": "custom XML data"},
    "lost.macro_sheets": {"id": "lembar makro Excel 4.0 dan lembar dialog",
                          "en": "Excel 4.0 macro sheets and dialog sheets"},
    "lost.shapes": {"id": "bentuk dan kotak teks", "en": "shapes and text boxes"},
    "lost.conditional_formatting": {"id": "pemformatan bersyarat versi Excel baru",
                                    "en": "conditional formatting of newer Excel versions"},
    "lost.data_validation": {"id": "validasi data versi Excel baru (daftar dari lembar lain)",
                             "en": "data validation of newer Excel versions "
                                   "(lists from other sheets)"},
    "lost.sparklines": {"id": "sparkline", "en": "sparklines"},
    "lost.other": {"id": "bagian {part}", "en": "part {part}"},
    "lost.sheet_settings": {"id": "pengaturan yang tidak terbaca oleh openpyxl (tampilan dan "
                                  "lebar kolom lembar, pengaturan cetak, validasi, tautan, "
                                  "komentar, gambar, properti dokumen)",
                            "en": "settings openpyxl could not read (the sheets' views and "
                                  "column widths, print settings, validation, links, comments, "
                                  "drawings, document properties)"},
    "lost.cell_styles": {"id": "format sel (gaya yang tidak terbaca oleh openpyxl)",
                         "en": "cell formatting (styles openpyxl could not read)"},
    "lost.unreadable": {"id": "bagian {part}, yang tidak dapat dibaca (XML rusak atau DTD)",
                        "en": "part {part}, which cannot be read (broken XML or a DTD)"},
    # The blank template (renjacheck template).
    "tpl.sheet.instructions": {"id": "Petunjuk", "en": "Instructions"},
    "tpl.sheet.lists": {"id": "Daftar", "en": "Lists"},
    "tpl.title.instructions": {"id": "Petunjuk pengisian buku kerja Renja",
                               "en": "How to fill in the Renja workbook"},
    "tpl.year": {"id": "Tahun {year}", "en": "{year}"},
    "tpl.list.bidang": {"id": "Daftar Bidang", "en": "Bidang list"},
    "tpl.list.polaritas": {"id": "Daftar Polaritas", "en": "Polaritas list"},
    "tpl.list.satuan": {"id": "Daftar Satuan", "en": "Satuan list"},
    "tpl.dv.tahun": {"id": "Tahun ditulis empat angka, mis. 2024",
                     "en": "A year of four digits, e.g. 2024"},
    "tpl.dv.bidang": {"id": "Pilih bidang dari daftar", "en": "Choose a bidang from the list"},
    "tpl.dv.bidang_error": {"id": "Bidang ini tidak ada di daftar. Tetap dipakai?",
                            "en": "This bidang is not in the list. Keep it?"},
    "tpl.dv.polaritas": {"id": "positif bila makin besar makin baik, negatif bila makin kecil "
                               "makin baik; kosong berarti positif",
                         "en": "positif when higher is better, negatif when lower is better; "
                               "empty means positif"},
    "tpl.dv.polaritas_error": {"id": "Isi positif atau negatif",
                               "en": "Enter positif or negatif"},
    "tpl.dv.satuan": {"id": "Pilih satuan dari daftar atau ketik yang lain",
                      "en": "Choose a unit from the list or type another"},
    "tpl.dv.satuan_error": {"id": "Satuan ini tidak ada di daftar. Tetap dipakai?",
                            "en": "This unit is not in the list. Keep it?"},
    "tpl.written": {"id": "Templat kosong ditulis ke {path}",
                    "en": "Blank template written to {path}"},
    "tpl.exists": {"id": "{path} sudah ada; pakai --force untuk menimpanya",
                   "en": "{path} already exists; use --force to overwrite it"},
    "tpl.bad_year": {"id": "tahun {year} tidak masuk akal (2000-2100)",
                     "en": "year {year} is not plausible (2000-2100)"},
    "tpl.bad_name": {"id": "nama {name!r} kosong atau disebut dua kali",
                     "en": "name {name!r} is empty or given twice"},
    "tpl.satker_label": {"id": "nama satker {name!r} sama dengan judul kolom yang dikenali "
                               "renjacheck; pakai nama lain",
                         "en": "satker name {name!r} is a column heading renjacheck "
                               "recognises; use another name"},
    # What one mistake in the Pendanaan's sums also put wrong (checks/sums.py), said after the
    # finding where the mistake is.
    "sum.carried": {"id": "akibatnya Total {rows} juga tidak sama dengan jumlah satkernya",
                    "en": "as a result the Total of {rows} is not the sum of its satker "
                          "amounts either"},
    "sum.unmatched": {"id": "akibatnya Total {rows} tidak lagi sama dengan jumlah Total "
                            "rinciannya",
                      "en": "as a result the Total of {rows} is no longer the sum of its items' "
                            "Totals"},
    "sum.column_too": {"id": "akibatnya kolom {columns} {rows} tidak lagi sama dengan jumlah "
                             "rinciannya",
                       "en": "as a result {rows} in column {columns} is no longer the sum of "
                             "its items"},
    "sum.row_too": {"id": "akibatnya jumlah kolom satker baris itu ({expected}) tidak lagi sama "
                          "dengan Totalnya",
                    "en": "so the row's satker amounts ({expected}) no longer add up to its "
                          "Total"},
    "sum.both": {"id": "jumlah kolom satker baris itu {expected}",
                 "en": "its satker amounts add up to {expected}"},
    "sum.total_too": {"id": "akibatnya Total baris itu juga tidak sama dengan jumlah rinciannya "
                            "({expected})",
                      "en": "so its Total is not the sum of its items' either ({expected})"},
    # The same for the Realisasi Anggaran's % and sisa (checks/realisasi.py).
    "rag.row.realisasi": {"id": "sisanya juga tidak sama dengan pagu dikurangi realisasi; "
                                "realisasi {value} (pagu dikurangi sisa) sesuai dengan "
                                "persentase dan sisa yang tertulis",
                          "en": "its remainder is not pagu minus realisasi either; a realisasi "
                                "of {value} (pagu minus the remainder) agrees with the "
                                "percentage and the remainder written"},
    "rag.row.pagu": {"id": "sisanya juga tidak sama dengan pagu dikurangi realisasi; pagu "
                           "{value} (realisasi ditambah sisa) sesuai dengan persentase dan sisa "
                           "yang tertulis",
                     "en": "its remainder is not pagu minus realisasi either; a pagu of {value} "
                           "(realisasi plus the remainder) agrees with the percentage and the "
                           "remainder written"},
    "rag.carried.ratio": {"id": "akibatnya persentase {rows} juga tidak sesuai dengan pagu dan "
                                "realisasinya yang menjumlahkannya",
                          "en": "as a result the percentage of {rows}, whose pagu and "
                                "realisasi add it up, does not follow from them either"},
    "rag.carried.sisa": {"id": "akibatnya sisa {rows} juga tidak sama dengan pagu dikurangi "
                               "realisasinya yang menjumlahkannya",
                         "en": "as a result the remainder of {rows}, whose pagu and realisasi "
                               "add it up, is not pagu minus realisasi either"},
    "rag.unmatched": {"id": "akibatnya kolom {columns} {rows} tidak lagi sama dengan jumlah "
                            "rinciannya",
                      "en": "as a result {rows} in column {columns} is no longer the sum of its "
                            "items"},
}
