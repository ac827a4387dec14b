"""Words renjacheck says outside the rules (headings, refusals), in Bahasa Indonesia and English.

Rule messages live in the rule files; this catalogue holds the rest. `render` fills a template,
writing figures the way the reader's language writes them (`15.500.127.000` / `15,500,127,000`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from renjacheck.numbers import decimals_of, format_number
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
    "too_many_cells": {"id": "buku kerja berisi terlalu banyak sel ({count}; batas {limit})",
                       "en": "the workbook holds too many cells ({count}; limit {limit})"},
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
    "broken_workbook": {"id": "buku kerja tidak dapat dibaca ({reason})",
                        "en": "the workbook cannot be read ({reason})"},
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
    "rule_kind": {"id": "jenis", "en": "kind"},
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


def text(key: str, lang: str, **args: Any) -> str:
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
