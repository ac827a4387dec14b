"""The command line's own words in Bahasa Indonesia: the help of every command and option, the
words of the help's frame, and the messages of a mistaken command line (click's and typer's are
English only, so renjacheck says them itself: cli/usage.py).

Commands and options are declared in English (cli/*.py); HELP_ID gives each help text its
Indonesian, keyed by the English as declared (whitespace aside); a test fails for a help text
without one.
"""

from __future__ import annotations

HELP_ID = {
    # The app and its commands.
    "Checks a Renja (Rencana Kerja) workbook for internal consistency.":
        "Memeriksa konsistensi internal buku kerja Renja (Rencana Kerja).",
    "List the rule catalogue: id, slug, severity, title.":
        "Menampilkan katalog aturan: id, slug, tingkat, judul.",
    "Explain one rule: what it checks and why, an example, how to fix it.":
        "Menjelaskan satu aturan: apa yang diperiksa dan mengapa penting, contoh, cara "
        "memperbaikinya.",
    "Check workbooks and report every inconsistency at its cell.":
        "Memeriksa buku kerja dan melaporkan setiap ketidakkonsistenan di selnya.",
    "Print waiver entries for the findings not yet waived, to fill in and add to a waiver "
    "file.":
        "Mencetak entri pengecualian untuk temuan yang belum dikecualikan, untuk diisi lalu "
        "ditambahkan ke berkas pengecualian.",
    "Write a copy of a workbook with every finding marked at its cell, and a results sheet.":
        "Menulis salinan buku kerja dengan setiap temuan ditandai di selnya, dan lembar hasil.",
    "Write a blank Renja workbook, laid out as renjacheck reads it, for a planner to fill in.":
        "Menulis buku kerja Renja kosong, bertata letak seperti yang dibaca renjacheck, untuk "
        "diisi perencana.",
    "Serve a web page where planners upload workbooks and read their reports.":
        "Menyajikan halaman web tempat perencana mengunggah buku kerja dan membaca laporannya.",
    # Arguments and options.
    "Show the version and exit.": "Menampilkan versi lalu keluar.",
    "The address to listen on; another than 127.0.0.1 lets other machines in.":
        "Alamat yang didengarkan; selain 127.0.0.1 mengizinkan mesin lain masuk.",
    "The port.": "Port.",
    "The largest upload, all its files together, in MB.":
        "Unggahan terbesar, seluruh berkasnya bersama, dalam MB.",
    "The most files in one upload.": "Jumlah berkas terbanyak dalam satu unggahan.",
    "Stop a check that runs longer, and say so.":
        "Menghentikan pemeriksaan yang berjalan lebih lama, dan menyatakannya.",
    "The memory one check may use, in MB; past it the file is not checked.":
        "Memori yang boleh dipakai satu pemeriksaan, dalam MB; melewatinya, berkas tidak "
        "diperiksa.",
    "Show this message and exit.": "Menampilkan bantuan ini lalu keluar.",
    "Workbooks (.xlsx) to check, and folders to search for them (subfolders too).":
        "Buku kerja (.xlsx) yang diperiksa, dan folder tempat mencarinya (termasuk subfolder).",
    "Output format.": "Format keluaran.",
    "Leave the date of the check out of the HTML report (for a report made again byte for "
    "byte; SOURCE_DATE_EPOCH sets the date instead).":
        "Tanpa tanggal pemeriksaan di laporan HTML (agar laporan yang dibuat ulang sama persis; "
        "SOURCE_DATE_EPOCH menetapkan tanggalnya).",
    "Report format: text is for people, the others for machines and CI.":
        "Format laporan: text untuk dibaca orang, yang lain untuk mesin dan CI.",
    "Errors only: the text report shows one line per error and the summary line, github only "
    "::error lines; other formats are complete.":
        "Hanya kesalahan: laporan text menampilkan satu baris per kesalahan dan baris "
        "ringkasan, github hanya baris ::error; format lain tetap lengkap.",
    "Language: id (Bahasa Indonesia) or en. Default: $RENJACHECK_LANG, else the "
    "configuration's lang, else id.":
        "Bahasa: id (Bahasa Indonesia) atau en. Bawaan: $RENJACHECK_LANG, lalu lang di "
        "konfigurasi, lalu id.",
    "Run only these rules (ids or prefixes, comma-separated; repeatable).":
        "Hanya menjalankan aturan ini (id atau awalan, dipisah koma; boleh diulang).",
    "Do not run these rules (ids or prefixes, comma-separated; repeatable).":
        "Tidak menjalankan aturan ini (id atau awalan, dipisah koma; boleh diulang).",
    "Tables every workbook must hold with a row read, e.g. pendanaan,matriks (comma-separated; "
    "repeatable); one it lacks is an error (READ007).":
        "Tabel yang wajib ada di setiap buku kerja dengan sedikitnya satu baris terbaca, mis. "
        "pendanaan,matriks (dipisah koma; boleh diulang); yang tidak ada menjadi kesalahan "
        "(READ007).",
    "Report a rule (id or prefix) at error, warning or info (repeatable).":
        "Melaporkan aturan (id atau awalan) pada tingkat error, warning atau info (boleh "
        "diulang).",
    "Also load the rule files in DIR (repeatable).":
        "Juga memuat berkas aturan di FOLDER (boleh diulang).",
    "Use this configuration file (pyproject.toml or renjacheck.toml); no search.":
        "Memakai berkas konfigurasi ini (pyproject.toml atau renjacheck.toml) tanpa mencari.",
    "Use no configuration file.": "Tidak memakai berkas konfigurasi.",
    "Use this waiver file.": "Memakai berkas pengecualian ini.",
    "Check N workbooks at a time, each in a process of its own; 0: one per processor.":
        "Memeriksa N buku kerja sekaligus, masing-masing dalam prosesnya sendiri; 0: satu per "
        "prosesor.",
    "With --jobs 2 or more: a workbook still being checked after SECONDS is stopped and "
    "reported as not checked.":
        "Dengan --jobs 2 atau lebih: buku kerja yang masih diperiksa setelah DETIK dihentikan "
        "dan dilaporkan tidak diperiksa.",
    "Write the report to FILE (atomically; never over a workbook) instead of stdout.":
        "Menulis laporan ke BERKAS (secara atomik; tidak pernah menimpa buku kerja), bukan ke "
        "stdout.",
    "Print the JSON Schema of a rule file instead.":
        "Mencetak JSON Schema berkas aturan sebagai gantinya.",
    "A rule id or slug.": "Id atau slug aturan.",
    "Only findings of these rules (ids or prefixes, comma-separated).":
        "Hanya temuan aturan ini (id atau awalan, dipisah koma).",
    "The workbook (.xlsx) to check.": "Buku kerja (.xlsx) yang diperiksa.",
    "The workbook to write (.xlsx; atomically, never over the input).":
        "Buku kerja yang ditulis (.xlsx; secara atomik, tidak pernah menimpa masukan).",
    "The plan year, filled in on the Identitas sheet.":
        "Tahun rencana, diisikan di lembar Identitas.",
    "The Unit Kerja, filled in on the Identitas sheet.":
        "Unit Kerja, diisikan di lembar Identitas.",
    "A satker column of the Pendanaan table (repeatable, in order).":
        "Kolom satker tabel Pendanaan (boleh diulang, berurutan).",
    "A bidang of the drop-down lists (repeatable); default: the four bidang of a BNNP.":
        "Bidang untuk daftar pilihan (boleh diulang); bawaan: empat bidang BNNP.",
    "Overwrite the file if it exists.": "Menimpa berkas bila sudah ada.",
}

# The placeholders of the help (option values), in Indonesian.
METAVAR_ID = {"FILE": "BERKAS", "DIR": "FOLDER", "TABLES": "TABEL", "NAME": "NAMA",
              "YEAR": "TAHUN", "SECONDS": "DETIK", "PATH...": "JALUR...", "IDS": "ID",
              "ID=LEVEL": "ID=TINGKAT",
              "[OPTIONS]": "[OPSI]", "COMMAND [ARGS]...": "PERINTAH [ARGUMEN]..."}

# The help's frame: what click and typer write around our texts.
FRAME = {
    "usage": {"id": "Penggunaan: ", "en": "Usage: "},
    "Arguments": {"id": "Argumen", "en": "Arguments"},
    "Options": {"id": "Opsi", "en": "Options"},
    "Commands": {"id": "Perintah", "en": "Commands"},
    "default": {"id": "bawaan", "en": "default"},
    "required": {"id": "wajib", "en": "required"},
    "env var": {"id": "variabel lingkungan", "en": "env var"},
}

# A mistaken command line: one line, exit code 2.
USAGE = {
    "no_option": {"id": "tidak ada opsi {name}", "en": "no such option: {name}"},
    "no_option_near": {"id": "tidak ada opsi {name}; mungkin maksudnya: {near}",
                       "en": "no such option: {name}; perhaps meant: {near}"},
    "missing_argument": {"id": "{name} belum diberikan", "en": "missing {name}"},
    "missing_option": {"id": "opsi {name} wajib diberikan", "en": "missing option {name}"},
    "needs_value": {"id": "opsi {name} memerlukan nilai", "en": "option {name} needs a value"},
    "takes_no_value": {"id": "opsi {name} tidak menerima nilai",
                       "en": "option {name} takes no value"},
    "extra": {"id": "argumen berlebih: {args}", "en": "unexpected extra arguments: {args}"},
    "no_command": {"id": "tidak ada perintah {name!r} (perintah: {known})",
                   "en": "no such command {name!r} (commands: {known})"},
    "missing_command": {"id": "perintah belum diberikan (perintah: {known})",
                        "en": "missing command (commands: {known})"},
    "not_whole": {"id": "{name}: {value!r} bukan bilangan bulat",
                  "en": "{name}: {value!r} is not a whole number"},
    "out_of_range": {"id": "{name}: {value} harus {range}",
                     "en": "{name}: {value} must be {range}"},
    "not_one_of": {"id": "{name}: {value!r} bukan salah satu dari {choices}",
                   "en": "{name}: {value!r} is not one of {choices}"},
    "bad_value": {"id": "{name}: nilai tidak sah", "en": "{name}: invalid value ({detail})"},
    "other": {"id": "baris perintah tidak sah; lihat renjacheck --help",
              "en": "{detail}; see renjacheck --help"},
    "aborted": {"id": "dibatalkan", "en": "aborted"},
    # A failure of renjacheck's own or of a library: a bug, said in one line, never a traceback.
    "unexpected": {"id": "galat tak terduga ({kind}); mohon laporkan sebagai bug",
                   "en": "unexpected error ({kind}: {detail}); please report it as a bug"},
    "no_workbooks": {"id": "tidak ada buku kerja .xlsx di folder ini",
                     "en": "no .xlsx workbook in this folder"},
}
