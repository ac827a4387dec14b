"""Words renjacheck says outside the rules (headings, refusals), in Bahasa Indonesia and English.

Rule messages live in the rule files; this catalogue holds the rest. `render` fills a template,
writing figures the way the reader's language writes them (`15.500.127.000` / `15,500,127,000`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from renjacheck.rounding import decimals_of, format_number
from renjacheck.values import Location, Quantity, Text

LANGS = ("id", "en")
QUOTE_LIMIT = 300

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
    # Report text.
    "tables_read": {"id": "Tabel yang terbaca:", "en": "Tables read:"},
    "no_tables": {"id": "Tidak ada tabel yang dikenali.", "en": "No table was recognised."},
    "rows": {"id": "{n} baris", "en": "{n} rows"},
    "table_general": {"id": "Umum", "en": "General"},
    "why": {"id": "Mengapa penting", "en": "Why it matters"},
    "expected": {"id": "diharapkan", "en": "expected"},
    "found": {"id": "ditemukan", "en": "found"},
    "summary": {"id": "Ringkasan: {error} kesalahan, {warning} peringatan, {info} info",
                "en": "Summary: {error} errors, {warning} warnings, {info} info"},
    "cannot_check": {"id": "tidak dapat diperiksa", "en": "cannot be checked"},
    "no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "severity.error": {"id": "KESALAHAN", "en": "ERROR"},
    "severity.warning": {"id": "PERINGATAN", "en": "WARNING"},
    "severity.info": {"id": "INFO", "en": "INFO"},
    "empty": {"id": "(kosong)", "en": "(empty)"},
    # Waived findings.
    "waived": {"id": "DIKECUALIKAN", "en": "WAIVED"},
    "waived_by": {"id": "disetujui oleh {who}", "en": "accepted by {who}"},
    "summary_waived": {"id": ", {n} dikecualikan", "en": ", {n} waived"},
    # The last line of a text report: the whole run. English counts have a singular (".one").
    "run_summary": {"id": "{files} diperiksa: {counts}", "en": "{files} checked: {counts}"},
    "count.files": {"id": "{n} berkas", "en": "{n} files"},
    "count.files.one": {"id": "{n} berkas", "en": "{n} file"},
    "count.error": {"id": "{n} kesalahan", "en": "{n} errors"},
    "count.error.one": {"id": "{n} kesalahan", "en": "{n} error"},
    "count.warning": {"id": "{n} peringatan", "en": "{n} warnings"},
    "count.warning.one": {"id": "{n} peringatan", "en": "{n} warning"},
    "count.info": {"id": "{n} info", "en": "{n} info"},
    "count.info.one": {"id": "{n} info", "en": "{n} info"},
    "count.waived": {"id": "{n} dikecualikan", "en": "{n} waived"},
    "count.waived.one": {"id": "{n} dikecualikan", "en": "{n} waived"},
    "count.unchecked": {"id": "{n} berkas tidak dapat diperiksa",
                        "en": "{n} files could not be checked"},
    "count.unchecked.one": {"id": "{n} berkas tidak dapat diperiksa",
                            "en": "{n} file could not be checked"},
    # Machine formats (SARIF, JUnit): labels of the details they carry.
    "fingerprint_label": {"id": "Sidik jari", "en": "Fingerprint"},
    # The rule catalogue.
    "rule_what": {"id": "Yang diperiksa", "en": "What it checks"},
    "rule_example": {"id": "Contoh temuan", "en": "Example"},
    "rule_fix": {"id": "Cara memperbaiki", "en": "How to fix"},
    "rule_tables": {"id": "Tabel yang diperlukan", "en": "Tables needed"},
    "rule_skipped": {"id": "tidak dijalankan: tabel tidak terbaca: {tables}",
                     "en": "not run: table not read: {tables}"},
    "rules_skipped": {"id": "Aturan yang tidak dijalankan:", "en": "Rules that did not run:"},
    "skipped_for": {"id": "tabel tidak terbaca: {tables}", "en": "table not read: {tables}"},
    "rule_any_table": {"id": "(tidak ada; berjalan pada setiap buku kerja)",
                       "en": "(none; runs on every workbook)"},
    "rule_source": {"id": "Berkas aturan", "en": "Rule file"},
    "unknown_rule": {"id": "tidak ada aturan {query!r}; yang terdekat: {near}",
                     "en": "no rule {query!r}; nearest: {near}"},
    # `renjacheck rules` and `rule ID`: severities in words, and what each kind of rule checks.
    "sev.error": {"id": "kesalahan", "en": "error"},
    "sev.warning": {"id": "peringatan", "en": "warning"},
    "sev.info": {"id": "info", "en": "info"},
    "rule_check": {"id": "jenis pemeriksaan", "en": "kind of check"},
    "kind.blank_amount": {"id": "sel jumlah uang yang kosong dibaca nol",
                          "en": "empty amount cells read as zero"},
    "kind.capaian_parent": {"id": "capaian baris induk dari capaian baris-barisnya",
                            "en": "a parent row's capaian from its rows' capaian"},
    "kind.capaian_ratio": {"id": "capaian = realisasi / target menurut polaritas",
                           "en": "capaian = realisasi / target by polarity"},
    "kind.expression": {"id": "pernyataan yang harus benar pada setiap baris tabel",
                        "en": "an assertion every row of a table must meet"},
    "kind.figure_words": {"id": "angka yang ditulis dengan kata atau majemuk",
                          "en": "figures written as words or compound"},
    "kind.header_repeat": {"id": "kolom satker yang sama di setiap judul kolom berulang",
                           "en": "the same satker columns in every repeated header"},
    "kind.indicator_changes": {"id": "indikator yang dihapus atau baru dibanding tahun lalu",
                               "en": "indicators dropped or new since last year"},
    "kind.kegiatan_names": {"id": "nama kegiatan dibanding Pendanaan",
                            "en": "kegiatan names against the Pendanaan"},
    "kind.matriks_budget": {"id": "anggaran Matriks dibanding pagu Pendanaan",
                            "en": "Matriks anggaran against the Pendanaan pagu"},
    "kind.matriks_coverage": {"id": "setiap kegiatan Pendanaan disebut di Matriks",
                              "en": "every Pendanaan kegiatan named in the Matriks"},
    "kind.naming": {"id": "nama yang sama ditulis berbeda antartahun",
                    "en": "the same name worded differently across years"},
    "kind.narrative_counts": {"id": "jumlah yang disebut narasi dibanding tabel",
                              "en": "counts the narrative states against the tables"},
    "kind.narrative_figures": {"id": "angka indikator di narasi dibanding tabel",
                               "en": "indicator figures in the narrative against the tables"},
    "kind.narrative_total": {"id": "total dana di narasi dibanding total pagu",
                             "en": "the narrative's total against the grand total"},
    "kind.narrative_unmet": {"id": "jumlah target tidak tercapai di narasi dibanding Capaian",
                             "en": "the narrative's unmet targets against the Capaian"},
    "kind.number_words": {"id": "angka dan kata bilangan yang sama",
                          "en": "digits and number words that agree"},
    "kind.pendanaan_codes": {"id": "bentuk dan induk kode anggaran",
                             "en": "the shape and parent of budget codes"},
    "kind.pendanaan_sums": {"id": "penjumlahan pagu Pendanaan", "en": "sums of the Pendanaan"},
    "kind.period_total": {"id": "jumlah periode (triwulan, bulan)",
                          "en": "totals of periods (quarters, months)"},
    "kind.reader_note": {"id": "catatan pembacaan buku kerja",
                         "en": "notes on reading the workbook"},
    "kind.realisasi_ratio": {"id": "persentase realisasi anggaran",
                             "en": "the budget realisation percentage"},
    "kind.realisasi_sisa": {"id": "sisa anggaran = pagu - realisasi",
                            "en": "sisa = pagu - realisasi"},
    "kind.realisasi_sums": {"id": "penjumlahan Realisasi Anggaran",
                            "en": "sums of the Realisasi Anggaran"},
    "kind.ro_coverage": {"id": "setiap indikator Matriks dilayani RO",
                         "en": "every Matriks indicator served by an RO"},
    "kind.ro_duplicate": {"id": "RO ganda dalam satu kegiatan",
                          "en": "an RO listed twice under one kegiatan"},
    "kind.ro_indicator": {"id": "indikator RO dibanding Matriks",
                          "en": "RO indicators against the Matriks"},
    "kind.ro_kegiatan": {"id": "kegiatan RO dibanding kegiatan indikatornya",
                         "en": "an RO's kegiatan against its indicator's"},
    "kind.ro_unit": {"id": "satuan RO dibanding satuan indikatornya",
                     "en": "an RO's unit against its indicator's"},
    "kind.ro_volume": {"id": "volume RO bernilai dan bersatuan",
                       "en": "RO volumes with a value and a unit"},
    "kind.stale_waiver": {"id": "pengecualian yang tidak cocok dengan temuan",
                          "en": "waivers that match no finding"},
    "kind.table_present": {"id": "tabel yang tidak ada di buku kerja",
                           "en": "tables the workbook lacks"},
    "kind.table_required": {"id": "tabel yang diwajibkan konfigurasi",
                            "en": "tables the configuration requires"},
    "kind.table_schema": {"id": "isi sel tabel: angka, sel wajib, nilai negatif, kode ganda",
                          "en": "table cells: figures, required cells, negatives, repeated codes"},
    "kind.target_trend": {"id": "target tahun rencana dibanding realisasi tahun lalu",
                          "en": "plan-year targets against last year's realisasi"},
    "kind.unit_match": {"id": "satuan target dan realisasi", "en": "units of target and realisasi"},
    # Refusals of the files renjacheck reads (configuration, rules, waivers, vocabulary) and of
    # the command line: one line each, `renjacheck: WHAT: FILE[:LINE:COLUMN]: [WHERE: ]PROBLEM`.
    "stop.config": {"id": "konfigurasi", "en": "config"},
    "stop.rule_file": {"id": "berkas aturan", "en": "rule file"},
    "stop.waiver_file": {"id": "berkas pengecualian", "en": "waiver file"},
    "stop.vocabulary": {"id": "kosakata", "en": "vocabulary"},
    "where.command_line": {"id": "baris perintah", "en": "command line"},
    "where.key": {"id": "kunci '{name}'", "en": "key '{name}'"},
    "where.option": {"id": "opsi '{name}'", "en": "option '{name}'"},
    "where.waiver": {"id": "pengecualian {n}", "en": "waiver {n}"},
    "cfg.not_found": {"id": "berkas konfigurasi tidak ditemukan",
                      "en": "config file not found"},
    "cfg.no_table": {"id": "tidak ada tabel [tool.renjacheck]", "en": "no [tool.renjacheck] table"},
    "cfg.both": {"id": "berkas ini memuat kunci di tingkat atas dan juga [tool.renjacheck]; "
                       "tulis semua kunci di satu tempat",
                 "en": "this file holds keys at the top level and [tool.renjacheck] too; write "
                       "every key in one place"},
    "cfg.file_not_found": {"id": "berkas tidak ditemukan: {path}", "en": "file not found: {path}"},
    "cfg.folder_not_found": {"id": "folder aturan tidak ditemukan: {path}",
                             "en": "rule folder not found: {path}"},
    "cfg.no_match": {"id": "{selector!r} tidak cocok dengan aturan mana pun",
                     "en": "{selector!r} matches no rule"},
    "cfg.bad_severity": {"id": "{item!r} tidak berbentuk ID=error|warning|info",
                         "en": "{item!r} is not ID=error|warning|info"},
    "unknown_table": {"id": "tabel tidak dikenal {name!r} (tabel: {known})",
                      "en": "unknown table {name!r} (tables: {known})"},
    "wv.not_found": {"id": "berkas pengecualian tidak ditemukan", "en": "waiver file not found"},
    "wv.mapping": {"id": "berkas pengecualian berisi satu pemetaan dengan kunci 'waivers'",
                   "en": "a waiver file holds one mapping with the key 'waivers'"},
    "wv.no_rule": {"id": "tidak ada aturan {rule}", "en": "no rule {rule}"},
    "wv.twice": {"id": "sidik jari {fingerprint} sudah dikecualikan oleh pengecualian {other}",
                 "en": "fingerprint {fingerprint} is already waived by waiver {other}"},
    "wv.quote": {"id": "YAML membaca sidik jari tanpa tanda kutip ini sebagai bilangan; tulis "
                       "dalam tanda kutip, seperti \"0123456789012345\"",
                 "en": "YAML reads this fingerprint without quotes as a number; write it in "
                       "quotes, as \"0123456789012345\""},
    "rf.folder_not_found": {"id": "folder aturan tidak ditemukan",
                            "en": "rule folder not found"},
    "rf.duplicate": {"id": "id ganda (juga di {other})", "en": "duplicate id (also in {other})"},
    "rf.mapping": {"id": "berkas aturan berisi satu pemetaan (id, slug, kind, ...)",
                   "en": "a rule file holds one mapping (id, slug, kind, ...)"},
    "rf.unknown_kind": {"id": "jenis tidak dikenal {kind!r} (jenis: {kinds})",
                        "en": "unknown kind {kind!r} (kinds: {kinds})"},
    "rf.placeholder": {"id": "placeholder tidak dikenal {{{name}}} (yang tersedia di aturan ini: "
                             "{names})",
                       "en": "unknown placeholder {{{name}}} (this rule provides: {names})"},
    "rf.no_column": {"id": "tabel {table!r} tidak punya kolom {name!r} (kolom: {known})",
                     "en": "table {table!r} has no column {name!r} (columns: {known})"},
    "rf.text_column": {"id": "kolom {table}.{name} berisi teks; '{check}' memerlukan angka",
                       "en": "column {table}.{name} holds text; '{check}' needs figures"},
    "rf.not_figure": {"id": "kolom {table}.{name} bukan kolom angka tabel {table!r}",
                      "en": "column {table}.{name} is not a figure column of {table!r}"},
    "rf.not_quantity": {"id": "kolom {table}.{name} bukan kolom besaran tabel {table!r}: hanya "
                              "angka kinerja yang dibaca demikian",
                        "en": "column {table}.{name} is not a quantity column of {table!r}: "
                              "only figures of performance are read so"},
    "expr.too_long": {"id": "ekspresi terlalu panjang ({size} karakter; batas {limit})",
                      "en": "the expression is too long ({size} characters; limit {limit})"},
    "expr.too_deep": {"id": "ekspresi bersarang terlalu dalam (batas {limit} tingkat)",
                      "en": "the expression nests too deep (limit {limit} levels)"},
    "expr.syntax": {"id": "ekspresi tidak sah (kolom {column})",
                    "en": "not a valid expression ({detail}, column {column})"},
    "expr.node": {"id": "{node} tidak boleh dipakai dalam ekspresi",
                  "en": "{node} is not allowed in an expression"},
    "expr.name": {"id": "nama tidak dikenal {name!r} (tabel {table} punya: {known})",
                  "en": "unknown name {name!r} (table {table} has: {known})"},
    "expr.literal": {"id": "nilai tetap {value} tidak boleh dipakai",
                     "en": "the literal {value} is not allowed"},
    "expr.function": {"id": "fungsi tidak dikenal {name!r} (fungsi: {known})",
                      "en": "unknown function {name!r} (functions: {known})"},
    "expr.keywords": {"id": "{name}() tidak menerima argumen bernama",
                      "en": "{name}() takes no keyword arguments"},
    "expr.arity": {"id": "{name}() menerima {least} sampai {most} argumen, bukan {given}",
                   "en": "{name}() takes {least} to {most} arguments, not {given}"},
    "expr.arity1": {"id": "{name}() menerima {least} argumen, bukan {given}",
                    "en": "{name}() takes {least} arguments, not {given}"},
    "expr.mixed": {"id": "ekspresi mencampur teks dan angka", "en": "mixes text and figures"},
    "voc.unknown_key": {"id": "kunci tidak dikenal (kunci: tabel, kolom_bebas)",
                        "en": "unknown key (keys: tabel, kolom_bebas)"},
    "voc.tables": {"id": "harus pemetaan tabel -> kolom -> judul kolom",
                   "en": "a mapping of table -> column -> labels"},
    "voc.columns": {"id": "harus pemetaan kolom -> judul kolom",
                    "en": "a mapping of column -> labels"},
    "voc.unknown_column": {"id": "kolom tidak dikenal (kolom: {known})",
                           "en": "unknown column (columns: {known})"},
    "voc.taken": {"id": "judul {label!r} sudah menamai kolom {other!r} tabel {table}",
                  "en": "label {label!r} already names column {other!r} of {table}"},
    "voc.mapping": {"id": "berkas berisi satu pemetaan (tabel, kolom_bebas)",
                    "en": "the file holds one mapping (tabel, kolom_bebas)"},
    "voc.labels": {"id": "harus daftar judul kolom, masing-masing teks",
                   "en": "a list of labels, each a text"},
    "voc.no_letters": {"id": "judul {label!r} tidak memuat huruf atau angka",
                       "en": "label {label!r} has no letters or digits"},
    # A value of a configuration, rule or waiver file that does not fit its key.
    "val.unknown_key": {"id": "kunci tidak dikenal '{key}'", "en": "unknown key '{key}'"},
    "val.unknown_key_of": {"id": "kunci tidak dikenal '{key}' (kunci: {known})",
                           "en": "unknown key '{key}' (keys: {known})"},
    "val.missing": {"id": "kunci '{key}' tidak ada", "en": "missing key '{key}'"},
    "val.text": {"id": "harus teks", "en": "must be a text"},
    "val.list": {"id": "harus daftar ([...])", "en": "must be a list ([...])"},
    "val.mapping": {"id": "harus pemetaan (kunci: nilai)", "en": "must be a mapping (key: value)"},
    "val.whole": {"id": "harus bilangan bulat", "en": "must be a whole number"},
    "val.number": {"id": "harus angka", "en": "must be a number"},
    "val.bool": {"id": "harus true atau false", "en": "must be true or false"},
    "val.date": {"id": "harus tanggal TTTT-BB-HH", "en": "must be a date YYYY-MM-DD"},
    "val.empty": {"id": "tidak boleh kosong", "en": "must not be empty"},
    "val.one_of": {"id": "harus salah satu dari {choices}", "en": "must be one of {choices}"},
    "val.bound": {"id": "harus {op} {bound}", "en": "must be {op} {bound}"},
    "val.shape": {"id": "bentuknya tidak sah: {value}", "en": "malformed: {value}"},
    "val.rule_id": {"id": "harus id aturan seperti TBL001", "en": "must be a rule id like TBL001"},
    "val.slug": {"id": "harus huruf kecil, angka dan tanda hubung, seperti angka-negatif",
                 "en": "must be lower-case letters, digits and hyphens, like angka-negatif"},
    "val.fingerprint": {"id": "diharapkan 16 digit heksadesimal seperti di laporan",
                        "en": "expected 16 hex digits as reports give them"},
    "val.other": {"id": "nilai tidak sah: {value}", "en": "{detail}"},
    # Where a YAML or TOML file is broken (FILE:LINE:COLUMN precedes it).
    "yaml.colon": {"id": "': ' tidak boleh di sini; apit nilai yang memuat ': ' dengan tanda "
                         "kutip",
                   "en": "': ' is not allowed here; put a value holding ': ' in quotes"},
    "yaml.indent": {"id": "indentasi baris ini tidak sejajar dengan kunci atau butir di "
                          "atasnya",
                    "en": "this line is not indented as a key or item above it"},
    "yaml.misaligned": {"id": "baris ini menjorok lebih dalam daripada kunci di atasnya; "
                              "sejajarkan", "en": "this line is indented deeper than the key "
                                                  "above it; line them up"},
    "yaml.tab": {"id": "karakter tab tidak boleh dipakai untuk indentasi; pakai spasi",
                 "en": "a tab cannot indent YAML; use spaces"},
    "yaml.char": {"id": "nilai tidak boleh diawali {char!r}; apit nilainya dengan tanda kutip",
                  "en": "a value cannot start with {char!r}; put it in quotes"},
    "yaml.quote": {"id": "tanda kutip yang dibuka di sini tidak pernah ditutup",
                   "en": "the quote opened here is never closed"},
    "yaml.unclosed": {"id": "'{open}' ini tidak ditutup dengan '{close}'",
                      "en": "this '{open}' is never closed with '{close}'"},
    "yaml.no_colon": {"id": "diharapkan ':' setelah kunci", "en": "expected ':' after the key"},
    "yaml.alias": {"id": "'*' mengawali alias yang tidak ada; apit nilainya dengan tanda kutip",
                   "en": "'*' starts an alias that does not exist; put the value in quotes"},
    "yaml.anchor": {"id": "jangkar '&' ditulis dua kali", "en": "an anchor '&' written twice"},
    "yaml.documents": {"id": "berkas memuat lebih dari satu dokumen ('---'); tulis satu saja",
                       "en": "the file holds more than one document ('---'); write one"},
    "yaml.escape": {"id": "escape '\\' tidak dikenal di dalam tanda kutip ganda; pakai tanda "
                          "kutip tunggal",
                    "en": "an unknown '\\' escape in double quotes; use single quotes"},
    "yaml.tag": {"id": "tag YAML '!' tidak didukung; apit nilainya dengan tanda kutip",
                 "en": "YAML tags '!' are not supported; put the value in quotes"},
    "yaml.date": {"id": "tanggal {date} tidak ada", "en": "the date {date} does not exist"},
    "yaml.other": {"id": "YAML tidak sah", "en": "not valid YAML ({detail})"},
    "toml.statement": {"id": "diharapkan `kunci = nilai` atau `[tabel]`",
                       "en": "expected `key = value` or `[table]`"},
    "toml.newline": {"id": "diharapkan akhir baris setelah `kunci = nilai`",
                     "en": "expected the end of the line after `key = value`"},
    "toml.equals": {"id": "diharapkan '=' setelah kunci", "en": "expected '=' after the key"},
    "toml.key": {"id": "diharapkan kunci (huruf, angka, '_' atau '-'; selain itu dalam tanda "
                       "kutip)",
                 "en": "expected a key (letters, digits, '_' or '-'; anything else in quotes)"},
    "toml.value": {"id": "nilai tidak sah: teks ditulis dalam tanda kutip, daftar dalam [ ], "
                         "true/false dengan huruf kecil",
                   "en": "not a valid value: text goes in quotes, lists in [ ], true/false in "
                         "lower case"},
    "toml.array": {"id": "daftar '[' tidak ditutup dengan ']'", "en": "a list '[' is not closed "
                                                                      "with ']'"},
    "toml.inline": {"id": "tabel '{' tidak ditutup dengan '}'",
                    "en": "an inline table '{' is not closed with '}'"},
    "toml.string": {"id": "teks tidak ditutup dengan tanda kutip",
                    "en": "a text is not closed with its quote"},
    "toml.twice": {"id": "kunci atau tabel ini sudah ditulis sebelumnya",
                   "en": "this key or table is written already"},
    "toml.table": {"id": "diharapkan ']' untuk menutup judul tabel",
                   "en": "expected ']' to close the table header"},
    "toml.expected": {"id": "diharapkan {what}", "en": "expected {what}"},
    "toml.char": {"id": "karakter {char} tidak boleh di sini",
                  "en": "the character {char} is not allowed here"},
    "toml.backslash": {"id": "'\\' dalam teks bertanda kutip ganda ditulis '\\\\'; atau pakai "
                             "tanda kutip tunggal",
                       "en": "a '\\' in double quotes is written '\\\\'; or use single quotes"},
    "toml.escape": {"id": "escape '\\' tidak sah", "en": "not a valid '\\' escape"},
    "toml.too_deep": {"id": "tabel atau larik bersarang terlalu dalam",
                      "en": "tables or arrays nested too deep"},
    "toml.date": {"id": "tanggal tidak sah", "en": "not a valid date"},
    "toml.other": {"id": "TOML tidak sah", "en": "not valid TOML ({detail})"},
    "not_utf8": {"id": "bukan teks UTF-8 (bait {byte}); simpan berkas sebagai UTF-8",
                 "en": "not UTF-8 text (byte {byte}); save the file as UTF-8"},
    "not_regular": {"id": "bukan berkas biasa (FIFO, perangkat atau soket); tidak dibaca",
                    "en": "not a regular file (a FIFO, device or socket); not read"},
    "too_large": {"id": "berkas terlalu besar ({size} bait; batas {limit})",
                  "en": "the file is too big ({size} bytes; limit {limit})"},
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
}


@dataclass(frozen=True)
class Clauses:
    """Clauses of this catalogue a message ends with, said in the reader's language, each after
    "; ": (key, args) pairs. None says nothing."""

    items: tuple[tuple[str, Mapping[str, Any]], ...] = ()


@dataclass(frozen=True)
class Terms:
    """A sum shown term by term, each with its label: ` (5354: 490.000.000 + 3251:
    125.000.000)`; nothing for a single term, which the figure it adds up to already says."""

    items: tuple[tuple[str, Any], ...] = ()


def text(key: str, lang: str, /, **args: Any) -> str:
    """A catalogue message in `lang`, filled with `args`."""
    return render(MESSAGES[key], args, lang)


def render(templates: Mapping[str, str], args: Mapping[str, Any], lang: str) -> str:
    """Fill the `lang` template (falling back to Indonesian) with `args` written for `lang`."""
    template = templates.get(lang) or templates["id"]
    return template.format_map({k: show(v, lang) for k, v in args.items()})


def show(value: Any, lang: str) -> str:
    """A value as a reader of `lang` expects to see it."""

    if value is None:
        return MESSAGES["empty"][lang]
    if isinstance(value, Problem):
        return value.say(lang)
    if isinstance(value, Clauses):
        return "".join(f"; {text(key, lang, **args)}" for key, args in value.items)
    if isinstance(value, Terms):
        terms = " + ".join(f"{label}: {show(v, lang)}" for label, v in value.items)
        return f" ({terms})" if len(value.items) > 1 else ""
    if isinstance(value, Quantity):
        shown = format_number(value.value, value.decimals, lang, percent=value.percent)
        if value.upper is not None:  # a range target: "80 - 90%"
            upper = format_number(value.upper, value.upper_decimals or 0, lang,
                                  percent=value.percent)
            shown = f"{shown.removesuffix('%')} - {upper}"
        return f"{shown} {value.unit}" if value.unit else shown
    if isinstance(value, Decimal):
        return format_number(value, decimals_of(value), lang)
    if isinstance(value, Location):
        return str(value)
    if isinstance(value, (Text, str)):
        # A cell may hold 32,767 characters; a message quotes the start of it.
        value = str(value)
        return value if len(value) <= QUOTE_LIMIT else value[:QUOTE_LIMIT] + "…"
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v, lang) for v in value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return format_number(Decimal(value), 0, lang)
    return str(value)


class Problem(ValueError):
    """Something renjacheck refuses, said in either language when shown: a message key of the
    catalogue and its arguments. `str()` is the English (for tracebacks and the Python API)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        self.key, self.args_ = key, args
        super().__init__(key)

    def say(self, lang: str) -> str:
        """The message in `lang`."""
        return text(self.key, lang, **self.args_)

    def __str__(self) -> str:
        return self.say("en")


def said(parts: list, lang: str) -> str:
    """Parts of a refusal (a path, a Problem, a location) joined by ': ', each in `lang`."""
    return ": ".join(show(part, lang) if isinstance(part, Problem) else str(part)
                     for part in parts if part is not None)
