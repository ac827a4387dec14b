"""The blank template: a Renja workbook laid out as the input contract recommends, to fill in.

A sheet per table (the contract's recommended names), the title in row 1, the column headings
in row 2 (styled, frozen), and rows prepared below them: number formats, drop-down lists for
Bidang, Polaritas and Satuan (their values on a hidden list sheet), and formulas for what
follows from the rest (a Pendanaan row's Total, the TOTAL PAGU row, Capaian). Every formula
shows nothing until its row is filled, so an empty template reads as tables with no rows; its
cached results are written too, or renjacheck would report them as never calculated (READ003).
Headings stay in Bahasa Indonesia in both languages: they are what the reader recognises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from renjacheck.i18n import text
from renjacheck.tables import registry
from renjacheck.tables.labels import PAGU_LABELS, TOTAL_LABELS, all_labels, known_label, norm_label
from renjacheck.output import write_atomic
from renjacheck.writers.xlsx import save

DEFAULT_BIDANG = ("Pencegahan dan Pemberdayaan Masyarakat", "Rehabilitasi", "Pemberantasan",
                  "Bagian Umum")
UNITS = ("Orang", "Lembaga", "Unit", "Indeks", "%", "Kabupaten/Kota", "Laporan", "Dokumen",
         "Kegiatan", "Berkas Perkara")
POLARITAS = ("positif", "negatif")
ROWS = 100             # rows prepared under each table's header
PENDANAAN_ROWS = 300   # a budget down to akun needs more
HEADER_FILL = "D9E1F2"
PENDANAAN_LABEL = "Program/Kegiatan/KRO/RO/Komponen/Subkomp/Akun"
# Table sheets: name, title key, columns (heading, width, kind). Kinds: text, code (kept as
# text so 051 keeps its zero), amount, number, percent, year, and the drop-down lists.
TABLES = {
    "Capaian": ("tpl.title.capaian", (
        ("No", 6, "text"), ("Bidang", 24, "bidang"), ("Sasaran Kegiatan", 40, "text"),
        ("Indikator Kinerja", 50, "text"), ("Target", 12, "number"),
        ("Realisasi", 12, "number"), ("Capaian", 12, "percent"),
        ("Polaritas", 12, "polaritas"), ("Satuan", 16, "satuan"))),
    "Matriks": ("tpl.title.matriks", (
        ("No", 6, "text"), ("Bidang", 24, "bidang"), ("Kode", 10, "code"),
        ("Program/Kegiatan/Komponen/Aktivitas", 40, "text"), ("Sasaran", 40, "text"),
        ("Indikator Kinerja", 50, "text"), ("Target/Vol", 12, "number"),
        ("Satuan", 16, "satuan"), ("Anggaran (Rp)", 18, "amount"))),
    "RO": ("tpl.title.ro", (
        ("No", 6, "text"), ("Kegiatan", 40, "text"), ("Indikator Kinerja Kegiatan", 50, "text"),
        ("Rincian Output", 40, "text"), ("Volume", 12, "number"), ("Satuan", 16, "satuan"))),
    "Narasi": ("tpl.title.narasi", (
        ("Tahun", 8, "year"), ("Bidang", 24, "bidang"), ("Teks", 110, "text"))),
}
FORMATS = {"code": "@", "amount": "#,##0", "percent": "0.00%", "year": "0"}
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
        "Pilihan Bidang, Polaritas dan Satuan ada di lembar {lists} (tersembunyi). Satuan lain "
        "boleh diketik.",
        "Rumus dihitung Excel atau LibreOffice ketika berkas disimpan. Berkas yang diisi program "
        "lain tanpa menghitung rumus dilaporkan sebagai READ003; buka dan simpan ulang berkasnya.",
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
        "The choices for Bidang, Polaritas and Satuan are on the (hidden) {lists} sheet. Other "
        "units may be typed.",
        "Excel or LibreOffice calculates the formulas when the file is saved. A file filled in "
        "by another program without calculating them is reported as READ003; open it and save "
        "it again.",
    ],
}


class TemplateError(Exception):
    """The template cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class Options:
    """What the planner asks for: language, prefilled identity, satker and bidang names."""

    lang: str = "id"
    year: int | None = None
    unit: str | None = None
    satker: tuple[str, ...] = ()
    bidang: tuple[str, ...] = DEFAULT_BIDANG


def write_template(path: Path, options: Options, force: bool = False) -> None:
    """Write the blank template to `path`; TemplateError when it exists (without `force`) or an
    option cannot be used."""
    if path.suffix.lower() != ".xlsx":
        raise TemplateError(text("ann.not_xlsx", options.lang))
    if path.exists() and not force:
        raise TemplateError(text("tpl.exists", options.lang, path=str(path)))
    book, results = build(options)
    write_atomic(path, save(book, results))


def build(options: Options):
    """The template workbook, and the cached results of its formulas (they all show nothing)."""
    from openpyxl import Workbook

    _vet(options)
    lang = options.lang
    book = Workbook()
    book.remove(book.active)
    _instructions(book, lang)
    _identitas(book, options)
    results = {"Pendanaan": _pendanaan(book, options)}
    lists = _lists(book, options)
    for name, (title, columns) in TABLES.items():
        results[name] = _table(book, name, _title(title, options), columns, lists, lang)
    book.move_sheet(text("tpl.sheet.lists", lang), len(book.sheetnames))  # last, hidden
    book.active = 0
    return book, results


def _vet(options: Options) -> None:
    lang = options.lang
    if options.year is not None and not 2000 <= options.year <= 2100:
        raise TemplateError(text("tpl.bad_year", lang, year=str(options.year)))
    for names in (options.satker, options.bidang):
        seen = set()
        for name in names:
            key = norm_label(name)
            if not key or key in seen:
                raise TemplateError(text("tpl.bad_name", lang, name=name))
            seen.add(key)
    for name in options.satker:
        label = norm_label(name)
        if known_label(label, all_labels(registry.header_kinds())) or label in TOTAL_LABELS \
                or label in PAGU_LABELS:
            # The reader would take it for a column of its own (Total, Uraian, ...).
            raise TemplateError(text("tpl.satker_label", lang, name=name))


def _title(key: str, options: Options) -> str:
    year = options.year
    if year is not None and key == "tpl.title.capaian":
        year -= 1  # the Capaian is of the year before the plan year
    title = text(key, options.lang)
    return f"{title} {text('tpl.year', options.lang, year=str(year))}" if year else title


def _instructions(book, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(text("tpl.sheet.instructions", lang))
    sheet["A1"] = text("tpl.title.instructions", lang)
    sheet["A1"].font = Font(bold=True, size=14)
    lists = text("tpl.sheet.lists", lang)
    for n, line in enumerate(INSTRUCTIONS[lang], start=3):
        sheet.cell(n, 1, line.format(lists=lists)).alignment = Alignment(wrap_text=True,
                                                                         vertical="top")
        # Not every program sizes rows to wrapped text on opening (LibreOffice does not).
        sheet.row_dimensions[n].height = 15 * (len(line) // 110 + 1) + 4
    sheet.column_dimensions["A"].width = 100
    sheet.page_setup.orientation = "landscape"


def _identitas(book, options: Options) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("Identitas")
    sheet["A1"] = text("tpl.title.identitas", options.lang)
    sheet["A1"].font = Font(bold=True, size=12)
    sheet["A3"], sheet["A4"] = "Unit Kerja", "Tahun"
    sheet["A3"].font = sheet["A4"].font = Font(bold=True)
    sheet["B3"], sheet["B4"] = options.unit, options.year
    _validation(sheet, "B4", "tahun", options.lang)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 16, 50


def _pendanaan(book, options: Options) -> dict:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter as letter

    satker = list(options.satker) or [options.unit or "Satker"]
    columns = [("Kode", 14, "code"), (PENDANAAN_LABEL, 60, "text")]
    columns += [(name, 18, "amount") for name in satker] + [("Total", 20, "amount")]
    title = _title("tpl.title.pendanaan", options)
    sheet = _sheet(book, "Pendanaan", title, columns, PENDANAAN_ROWS + 1)
    first, last = 4, 3 + PENDANAAN_ROWS
    total_col = len(columns)
    results = {}
    sheet.cell(3, 2, "TOTAL PAGU").font = Font(bold=True)
    codes = f"$A${first}:$A${last}"
    for col in range(3, total_col + 1):
        amounts = f"{letter(col)}{first}:{letter(col)}{last}"
        # The grand total is the sum of the top-level rows: program codes are 9 characters
        # long (066.01.WA) and kegiatan codes 4 (3247), and no other level has either length.
        level = "SUMPRODUCT(--(LEN(TRIM({codes}))={n}),{amounts})"
        program = level.format(codes=codes, n=9, amounts=amounts)
        kegiatan = level.format(codes=codes, n=4, amounts=amounts)
        cell = sheet.cell(3, col, f'=IF(COUNTA({codes})=0,"",IF(SUMPRODUCT(--(LEN(TRIM('
                                  f'{codes}))=9))>0,{program},{kegiatan}))')
        cell.font = Font(bold=True)
        results[cell.coordinate] = ("str", b"")
    for row in range(first, last + 1):
        span = f"C{row}:{letter(total_col - 1)}{row}"
        cell = sheet.cell(row, total_col, f'=IF(COUNT({span})=0,"",SUM({span}))')
        results[cell.coordinate] = ("str", b"")
    sheet.freeze_panes = "C4"
    return results


def _table(book, name: str, title: str, columns, lists: dict[str, str], lang: str) -> dict:
    from openpyxl.utils import get_column_letter as letter

    sheet = _sheet(book, name, title, columns, ROWS)
    first, last = 3, 2 + ROWS
    results = {}
    heads = [c[0] for c in columns]
    for n, (_heading, _width, kind) in enumerate(columns, start=1):
        ref = f"{letter(n)}{first}:{letter(n)}{last}"
        if kind in lists:
            _validation(sheet, ref, kind, lang, lists[kind])
        elif kind == "year":
            _validation(sheet, ref, "tahun", lang)
        elif kind == "percent":  # Capaian: realisasi / target, by polarity
            t, r, p = (letter(heads.index(h) + 1) for h in ("Target", "Realisasi", "Polaritas"))
            for row in range(first, last + 1):
                formula = (f'=IF(OR({t}{row}="",{r}{row}=""),"",IFERROR(IF({p}{row}="negatif",'
                           f'2-{r}{row}/{t}{row},{r}{row}/{t}{row}),""))')
                results[sheet.cell(row, n, formula).coordinate] = ("str", b"")
    sheet.freeze_panes = "A3"
    return results


def _validation(sheet, ref: str, kind: str, lang: str, names: str | None = None) -> None:
    """A drop-down list from the defined range `names`, or (without) a year between 2000 and
    2100, on the cells `ref`, with its prompt and its error message."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if names is None:
        check = DataValidation(type="whole", operator="between", formula1="2000",
                               formula2="2100", error=text("tpl.dv.tahun", lang))
    else:
        # Polaritas is one of two words; another unit or bidang is allowed after a warning.
        check = DataValidation(type="list", formula1=f"={names}",
                               errorStyle="stop" if kind == "polaritas" else "warning",
                               error=text(f"tpl.dv.{kind}_error", lang))
    check.allow_blank = check.showInputMessage = check.showErrorMessage = True
    check.prompt = text(f"tpl.dv.{kind}", lang)
    check.add(ref)
    sheet.add_data_validation(check)


def _sheet(book, name: str, title: str, columns, rows: int):
    """A sheet with its title, styled headings in row 2, and `rows` rows formatted below."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    sheet = book.create_sheet(name)
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=12)
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    for n, (heading, width, kind) in enumerate(columns, start=1):
        head = sheet.cell(2, n, heading)
        head.font, head.fill, head.border = Font(bold=True), fill, border
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[head.column_letter].width = width
        wrap = Alignment(wrap_text=kind == "text", vertical="top")
        for row in range(3, 3 + rows):
            cell = sheet.cell(row, n)
            cell.border, cell.alignment = border, wrap
            cell.number_format = FORMATS.get(kind, "General")
    sheet.row_dimensions[2].height = 32
    # Printed landscape, a page wide, the headings on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.print_title_rows = "2:2"
    return sheet


def _lists(book, options: Options) -> dict[str, str]:
    """The hidden sheet of drop-down values; list kind -> the defined name of its range."""
    from openpyxl.workbook.defined_name import DefinedName

    name = text("tpl.sheet.lists", options.lang)
    sheet = book.create_sheet(name)
    sheet.sheet_state = "hidden"
    names = {}
    for n, (kind, values) in enumerate((("bidang", options.bidang), ("polaritas", POLARITAS),
                                        ("satuan", UNITS)), start=1):
        column = sheet.cell(1, n, text(f"tpl.list.{kind}", options.lang)).column_letter
        for row, value in enumerate(values, start=2):
            sheet.cell(row, n, value)
        defined = f"Daftar{kind.capitalize()}"
        book.defined_names[defined] = DefinedName(
            defined, attr_text=f"'{name}'!${column}$2:${column}${len(values) + 1}")
        names[kind] = defined
        sheet.column_dimensions[column].width = 40
    return names
