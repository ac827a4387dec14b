"""The blank template: a Renja workbook laid out as the input contract recommends, to fill in.

A sheet per table kind that declares one (tables/: its sheet, title, headings, widths and how
each column's cells are prepared), in the kinds' order, the title in row 1, the column headings
in row 2 (styled, frozen), and rows prepared below them: number formats, drop-down lists for
Bidang, Polaritas and Satuan (their values on a hidden list sheet), and formulas for what
follows from the rest (a Pendanaan row's Total, the TOTAL PAGU row, Capaian, and those a kind
declares: the Realisasi Anggaran's % and Sisa). Every formula
shows nothing until its row is filled, so an empty template reads as tables with no rows; its
cached results are written too, or renjacheck would report them as never calculated (READ003).
Headings stay in Bahasa Indonesia in both languages: they are what the reader recognises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter as letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from renjacheck.i18n import text
from renjacheck.output import write_atomic
from renjacheck.tables import registry
from renjacheck.tables.declare import Column, TableKind
from renjacheck.tables.labels import PAGU_LABELS, TOTAL_LABELS, known_text, norm_label
from renjacheck.writers.instructions import INSTRUCTIONS
from renjacheck.writers.xlsx import save

DEFAULT_BIDANG = ("Pencegahan dan Pemberdayaan Masyarakat", "Rehabilitasi", "Pemberantasan",
                  "Bagian Umum")
UNITS = ("Orang", "Lembaga", "Unit", "Indeks", "%", "Kabupaten/Kota", "Laporan", "Dokumen",
         "Kegiatan", "Berkas Perkara")
POLARITAS = ("positif", "negatif")
ROWS = 100             # rows prepared under each table's header
PENDANAAN_ROWS = 300   # a budget down to akun needs more
HEADER_FILL = "D9E1F2"
FORMATS = {"code": "@", "amount": "#,##0", "percent": "0.00%", "year": "0"}

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
    _vet(options)
    lang = options.lang
    book = Workbook()
    book.remove(book.active)
    _instructions(book, lang)
    lists = _lists(book, options)
    results = {}
    for kind in registry.KINDS.values():
        if kind.template is None:
            continue
        if kind.layout == "pairs":
            _identitas(book, kind, options)
        elif kind.satker:
            results[kind.template.sheet] = _pendanaan(book, kind, options)
        else:
            results[kind.template.sheet] = _table(book, kind, lists, options)
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
        if known_text(name, registry.detector().known) or label in TOTAL_LABELS \
                or label in PAGU_LABELS or label in registry.vocabulary().free:
            # The reader would take it for a column of its own (Total, Uraian, ...).
            raise TemplateError(text("tpl.satker_label", lang, name=name))


def _title(kind: TableKind, options: Options) -> str:
    """The kind's title in the template's language, with the year it is of (the Capaian's is
    the year before the plan year)."""
    year = options.year + kind.template.year if options.year is not None else None
    title = kind.titles.get(options.lang) or kind.titles["id"]
    return f"{title} {text('tpl.year', options.lang, year=str(year))}" if year else title


def _columns(kind: TableKind) -> list[Column]:
    """The kind's columns as its template sheet orders them."""
    return [kind.column(name) for name in kind.template.columns]


def _instructions(book, lang: str) -> None:
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


def _identitas(book, kind: TableKind, options: Options) -> None:
    """A sheet of `key | value` rows: the Unit Kerja and the plan year."""
    sheet = book.create_sheet(kind.template.sheet)
    sheet["A1"] = kind.titles.get(options.lang) or kind.titles["id"]
    sheet["A1"].font = Font(bold=True, size=12)
    given = {"unit": options.unit, "tahun": options.year}
    for row, column in enumerate(_columns(kind), start=3):
        sheet.cell(row, 1, column.heading).font = Font(bold=True)
        sheet.cell(row, 2, given.get(column.name))
        if column.style == "year":
            _validation(sheet, f"B{row}", "tahun", options.lang)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 16, 50


def _pendanaan(book, kind: TableKind, options: Options) -> dict:
    """The funding table: a satker column each, between the label and the total columns, the
    Total and the TOTAL PAGU row as formulas."""

    satker = list(options.satker) or [options.unit or "Satker"]
    amount = kind.column(kind.satker[1])
    columns = [(c.heading, c.width, c.style) for c in _columns(kind) if c is not amount]
    columns += [(name, 18, "amount") for name in satker]
    columns += [(amount.heading, amount.width, amount.style)]
    sheet = _sheet(book, kind.template.sheet, _title(kind, options), columns,
                   PENDANAAN_ROWS + 1)
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
        results[cell.coordinate] = ("str", "")
    for row in range(first, last + 1):
        span = f"C{row}:{letter(total_col - 1)}{row}"
        cell = sheet.cell(row, total_col, f'=IF(COUNT({span})=0,"",SUM({span}))')
        results[cell.coordinate] = ("str", "")
    sheet.freeze_panes = "C4"
    return results


def _table(book, kind: TableKind, lists: dict[str, str], options: Options) -> dict:
    """A table sheet: its headings, drop-down lists, number formats, the formulas its kind
    declares, and the Capaian formula."""
    columns, lang = _columns(kind), options.lang
    sheet = _sheet(book, kind.template.sheet, _title(kind, options),
                   [(c.heading, c.width, c.style) for c in columns], ROWS)
    first, last = 3, 2 + ROWS
    results = {}
    names = [c.name for c in columns]
    formulas = kind.template.formulas
    for n, style in enumerate((c.style for c in columns), start=1):
        ref = f"{letter(n)}{first}:{letter(n)}{last}"
        if names[n - 1] in formulas:  # declared: the other cells of its row by their names
            for row in range(first, last + 1):
                cells = {name: f"{letter(k)}{row}" for k, name in enumerate(names, start=1)}
                formula = formulas[names[n - 1]].format(**cells)
                results[sheet.cell(row, n, formula).coordinate] = ("str", "")
        elif style in lists:
            _validation(sheet, ref, style, lang, lists[style])
        elif style == "year":
            _validation(sheet, ref, "tahun", lang)
        elif style == "percent":  # a capaian: realisasi / target, by polarity
            t, r, p = (letter(names.index(h) + 1) for h in ("target", "realisasi", "polaritas"))
            for row in range(first, last + 1):
                formula = (f'=IF(OR({t}{row}="",{r}{row}=""),"",IFERROR(IF({p}{row}="negatif",'
                           f'2-{r}{row}/{t}{row},{r}{row}/{t}{row}),""))')
                results[sheet.cell(row, n, formula).coordinate] = ("str", "")
    sheet.freeze_panes = "A3"
    return results


def _validation(sheet, ref: str, kind: str, lang: str, names: str | None = None) -> None:
    """A drop-down list from the defined range `names`, or (without) a year between 2000 and
    2100, on the cells `ref`, with its prompt and its error message."""
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
