"""Why a file could not be checked, why a server gave up on one, and operating system errors:
one line each, in Bahasa Indonesia and English."""

MESSAGES: dict[str, dict[str, str]] = {
    # Why a file could not be checked: one line each.
    "file_missing": {"id": "berkas tidak ditemukan", "en": "file not found"},
    "file_is_dir": {"id": "ini folder, bukan berkas .xlsx",
                    "en": "this is a folder, not an .xlsx file"},
    "file_unreadable": {"id": "berkas tidak dapat dibuka ({reason})",
                        "en": "the file cannot be opened ({reason})"},
    "file_not_regular": {"id": "bukan berkas biasa (FIFO, perangkat atau soket), bukan .xlsx",
                         "en": "not a regular file (a FIFO, device or socket), not an .xlsx"},
    "file_empty": {"id": "berkas kosong (0 bait)", "en": "the file is empty (0 bytes)"},
    "file_too_big": {"id": "berkas terlalu besar ({size} bait; batas {limit})",
                     "en": "the file is too big ({size} bytes; limit {limit})"},
    "xls": {"id": "berkas berformat Excel lama (.xls); buka di Excel atau LibreOffice lalu "
                  "simpan sebagai Buku Kerja Excel (.xlsx)",
            "en": "the file is in the old Excel format (.xls); open it in Excel or LibreOffice "
                  "and save it as an Excel Workbook (.xlsx)"},
    "encrypted": {"id": "buku kerja dilindungi kata sandi; buka di Excel, hapus kata sandinya "
                        "(File > Info > Lindungi Buku Kerja), lalu simpan ulang",
                  "en": "the workbook is password-protected; open it in Excel, remove the "
                        "password (File > Info > Protect Workbook), and save it again"},
    "inflates_too_much": {"id": "bagian {name} mengembang {ratio} kali bila dibuka (batas "
                                "{limit}); berkas ini tampak seperti bom zip",
                          "en": "part {name} inflates {ratio} times when unpacked (limit "
                                "{limit}); the file looks like a zip bomb"},
    "xml_dtd": {"id": "bagian {part} memuat DTD atau entitas XML, yang tidak pernah ditulis "
                      "Excel; berkas ditolak demi keamanan",
                "en": "part {part} holds an XML DTD or entities, which Excel never writes; "
                      "the file is refused for safety"},
    "too_many_merged": {"id": "gabungan sel di buku kerja ini mencakup terlalu banyak sel "
                              "({count}; batas {limit})",
                        "en": "the merged ranges of this workbook cover too many cells "
                              "({count}; limit {limit})"},
    "too_many_cells": {"id": "buku kerja berisi terlalu banyak sel (sedikitnya {count}; batas "
                             "{limit})",
                       "en": "the workbook holds too many cells (at least {count}; limit "
                             "{limit})"},
    "too_many_sheets": {"id": "buku kerja berisi terlalu banyak lembar ({count}; batas {limit})",
                        "en": "the workbook lists too many sheets ({count}; limit {limit})"},
    "bad_string_index": {"id": "sel {cell} merujuk string bersama nomor {index}, padahal hanya "
                               "ada {count} string (nomor 0 sampai {last}); berkas rusak, simpan "
                               "ulang di Excel atau LibreOffice",
                         "en": "cell {cell} refers to shared string {index}, but there are only "
                               "{count} strings (numbers 0 to {last}); the file is broken, save "
                               "it again in Excel or LibreOffice"},
    "text_too_long": {"id": "teks sel {cell} lebih panjang dari {limit} karakter, batas Excel "
                            "untuk satu sel; berkas ditolak",
                      "en": "the text of cell {cell} is longer than {limit} characters, "
                            "Excel's limit for one cell; the file is refused"},
    "shared_text_too_long": {"id": "string bersama nomor {index} lebih panjang dari {limit} "
                                   "karakter, batas Excel untuk satu sel; berkas ditolak",
                             "en": "shared string {index} is longer than {limit} characters, "
                                   "Excel's limit for one cell; the file is refused"},
    "sheet_missing": {"id": "lembar {sheet} tercantum di buku kerja, tetapi isinya tidak ada di "
                            "berkas; berkas rusak, simpan ulang di Excel atau LibreOffice",
                      "en": "sheet {sheet} is listed in the workbook, but its contents are not "
                            "in the file; the file is broken, save it again in Excel or "
                            "LibreOffice"},
    "too_many_strings": {"id": "tabel string bersama berisi lebih dari {limit} string, lebih "
                               "banyak dari sel yang boleh ada; berkas ditolak",
                         "en": "the shared string table holds more than {limit} strings, more "
                               "than the cells a workbook may hold; the file is refused"},
    "not_xlsx": {"id": "bukan berkas .xlsx (mungkin CSV atau teks yang diganti namanya)",
                 "en": "not an .xlsx file (perhaps a CSV or text file renamed)"},
    "broken_zip": {"id": "berkas .xlsx rusak atau terpotong; unduh atau simpan ulang",
                   "en": "the .xlsx file is broken or truncated; download or save it again"},
    "xlsb": {"id": "berkas berformat biner (.xlsb); simpan sebagai .xlsx",
             "en": "the file is a binary workbook (.xlsb); save it as .xlsx"},
    "no_workbook_part": {"id": "arsip zip ini tidak berisi buku kerja Excel",
                         "en": "this zip archive holds no Excel workbook"},
    "too_many_entries": {"id": "arsip berisi terlalu banyak bagian ({count}; batas {limit})",
                         "en": "the archive holds too many parts ({count}; limit {limit})"},
    "entry_too_big": {"id": "bagian {name} terlalu besar bila dibuka ({size} bait)",
                      "en": "part {name} is too big when unpacked ({size} bytes)"},
    "too_big_unpacked": {"id": "isi berkas terlalu besar bila dibuka ({size} bait; batas {limit})",
                         "en": "the contents are too big when unpacked "
                               "({size} bytes; limit {limit})"},
    # renjacheck serve (renjacheck/web/work.py): a check the server gave up on.
    "web.too_slow": {"id": "pemeriksaan dihentikan: melewati batas {seconds} detik",
                     "en": "the check was stopped: it ran past the limit of {seconds} seconds"},
    "web.worker_died": {"id": "pemeriksaan dihentikan: proses pemeriksa berhenti (batas memori)",
                        "en": "the check was stopped: its worker process ended (memory limit)"},
    "web.out_of_memory": {"id": "pemeriksaan dihentikan: melewati batas memori {mb} MB",
                          "en": "the check was stopped: it needed more than the memory limit "
                                "of {mb} MB"},
    "broken_workbook": {"id": "buku kerja tidak dapat dibaca ({reason})",
                        "en": "the workbook cannot be read ({reason})"},
    "unsupported": {"id": "buku kerja memakai {what}, yang belum dapat dibaca renjacheck; "
                          "buka di Excel atau LibreOffice lalu simpan sebagai Buku Kerja Excel "
                          "(.xlsx)",
                    "en": "the workbook uses {what}, which renjacheck cannot read yet; open it "
                          "in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"},
    "no_table": {"id": "bukan buku kerja Renja: tidak ada tabel yang terbaca; judul kolom yang "
                       "dikenali ada di `renjacheck template` dan docs/workbook.md",
                 "en": "not a Renja workbook: no table found; `renjacheck template` and "
                       "docs/workbook.md show the headers renjacheck recognises"},
    "no_table_rows": {"id": "bukan buku kerja Renja: tidak ada tabel yang terbaca (judul kolom "
                            "{table} di {range} tanpa baris data); judul kolom dan baris yang "
                            "dikenali ada di `renjacheck template` dan docs/workbook.md",
                      "en": "not a Renja workbook: no table found (the {table} header at {range} "
                            "has no data row); `renjacheck template` and docs/workbook.md show "
                            "the headers and rows renjacheck recognises"},
    "no_table_near": {"id": "bukan buku kerja Renja: tidak ada tabel yang terbaca (baris {range} "
                            "tampak seperti judul kolom {table}, tetapi tanpa {missing}; mungkin "
                            "maksudnya: {hints}); judul kolom yang dikenali ada di `renjacheck "
                            "template` dan docs/workbook.md",
                      "en": "not a Renja workbook: no table found (row {range} looks like the "
                            "{table} header but lacks {missing}; perhaps meant: {hints}); "
                            "`renjacheck template` and docs/workbook.md show the headers "
                            "renjacheck recognises"},
    "worker_died": {"id": "proses pemeriksa berkas ini berhenti ({code}; mungkin kehabisan "
                          "memori); berkas tidak diperiksa",
                    "en": "the process checking this file ended ({code}; out of memory?); "
                          "the file was not checked"},
    "file_timeout": {"id": "pemeriksaan melewati batas {seconds} detik; berkas tidak diperiksa",
                     "en": "checking took longer than {seconds} seconds; the file was not "
                           "checked"},
    "internal_error": {"id": "renjacheck gagal memeriksa berkas ini ({reason}); mohon laporkan",
                       "en": "renjacheck failed on this file ({reason}); please report it"},
    "no_defusedxml": {"id": "defusedxml tidak terpasang; pasang ulang renjacheck",
                      "en": "defusedxml is not installed; reinstall renjacheck"},
    # Why a file could not be read or written (an operating system error).
    "os.missing": {"id": "tidak ditemukan", "en": "not found"},
    "os.denied": {"id": "izin ditolak", "en": "permission denied"},
    "os.is_dir": {"id": "ini folder", "en": "this is a folder"},
    "os.not_dir": {"id": "bagian jalurnya bukan folder", "en": "part of the path is not a folder"},
    "os.full": {"id": "disk penuh", "en": "the disk is full"},
    "os.read_only": {"id": "sistem berkas hanya-baca", "en": "read-only file system"},
    "os.other": {"id": "galat sistem {code}", "en": "{detail}"},
    "out.is_input": {"id": "{path} adalah buku kerja yang sedang diperiksa; tidak pernah ditimpa",
                     "en": "{path} is a workbook being checked; it is never overwritten"},
    "out.no_folder": {"id": "folder tidak ditemukan: {path}", "en": "folder not found: {path}"},
}
