"""Calculates a workbook's formulas as Excel shows them when it opens the file: those a program
wrote without their value (openpyxl, pandas, a script filling the template), and, to compare,
those with a cached value (a value edited and saved without recalculating, READ008) where that
is cheap (`calculate`).

The formulas are compiled and run by pycel (its Excel function library; calcfuncs.py adds what
it lacks), its cell references answered from the cells already read, never by loading the file
again. It is imported only when a workbook holds formulas. Only the functions plans use are
calculated (`SUPPORTED`): a formula calling another, or one that fails (a circular reference,
a sheet that is not there), is left uncalculated and READ003 reports it.

A formula filled down a budget is the same formula in every row, its references moved: it is
compiled once for its pattern (formularefs.py) and run for each cell with its references moved.

Figures: pycel adds whole numbers (Rupiah) as Python integers, exactly; a fraction is a float,
kept to 15 significant digits as Excel shows it (calcvalues.py).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from renjacheck.workbook.calcvalues import DATES, plain, same, serial, stored
from renjacheck.workbook.cellvalues import GENERAL
from renjacheck.workbook.formularefs import Box, Parsed, address_box, parse
from renjacheck.workbook.refs import column_letters

# The functions plans use (and the template's own formulas): sums, rounding, conditions.
SUPPORTED = frozenset({"SUM", "SUMIF", "ROUND", "IF", "IFERROR", "AND", "OR", "COUNT", "COUNTA",
                       "SUMPRODUCT", "LEN", "TRIM"})
_NAMES = frozenset({"TRUE", "FALSE"})  # the only names a formula may use: no defined names
_DEPTH = 60  # formulas waiting on formulas: deeper is given up (Python's own stack is at stake)
_CELLS = 5_000_000  # cells one range may read: whole columns are clamped to the sheet's cells
_FAILED = object()
_LOG = logging.getLogger("renjacheck.calc")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False
# pycel logs a warning for what it cannot read; a formula left uncalculated is READ003's to say.
logging.getLogger("pycel").addHandler(logging.NullHandler())


@dataclass
class Outcome:
    """What calculating a sheet found: cells whose cached value is not what their formula gives
    ((row, col) -> (cached, calculated)), and the functions that kept formulas uncalculated."""

    stale: dict[tuple[int, int], tuple[object, object]] = field(default_factory=dict)
    unsupported: set[str] = field(default_factory=set)


class _Failed(BaseException):
    """A formula that cannot be calculated; it stays uncalculated. Not an Exception: pycel's
    code catches those around every formula (formatting a traceback each time, and an Excel
    function might turn one into an error value); this passes through it untouched."""


def calculate(sheets: Mapping[str, object], formats: list[tuple[str, bool, bool]], mac: bool,
              cached: bool = False) -> dict[str, Outcome]:
    """Calculate the uncalculated formulas of `sheets` (name -> SheetCells) and store their values
    in the cells; compare every cached formula with what it calculates to when pycel is loaded
    for them anyway, or with `cached` (a workbook that asks to be recalculated when opened).

    The comparison is left out otherwise: a workbook Excel or LibreOffice saved holds the values
    they calculated, and loading pycel for them would add half a second to every check."""
    if not cached and not any(sheet.uncalculated for sheet in sheets.values()):
        return {}
    book = _Book(sheets, formats, mac)
    for name, sheet in sheets.items():
        for row, col in list(sheet.uncalculated):
            if (name.upper(), row, col) not in book.deferred:
                book.attempt(name.upper(), row, col)
    # A chain of formulas each reading the next one down (a total over subtotals over ...) runs
    # too deep from its top: again from the bottom, each one then reads one already done.
    for name, sheet in reversed(sheets.items()):
        for row, col in reversed(list(sheet.uncalculated)):
            if (name.upper(), row, col) not in book.memo:
                book.attempt(name.upper(), row, col)
    for name, sheet in sheets.items():
        book.compare(name.upper(), sheet)
    for name, sheet in sheets.items():
        book.store(name.upper(), sheet)
    return {name: book.outcomes[name.upper()] for name in sheets}


class _Book:
    """The sheets being calculated, what is calculated so far, and pycel's evaluator."""

    def __init__(self, sheets: Mapping[str, object], formats, mac: bool) -> None:
        from pycel.excelformula import ExcelFormula  # lazy: numpy and more, formulas only

        self.formula_type = ExcelFormula
        self.run = ExcelFormula.build_eval_context(self._cell, self._range, logger=_LOG,
                                                   plugins=("renjacheck.workbook.calcfuncs",))
        self.sheets = {name.upper(): sheet for name, sheet in sheets.items()}
        self.formats, self.mac = formats, mac
        self.outcomes = {name: Outcome() for name in self.sheets}
        self.memo: dict[tuple[str, int, int], object] = {}
        self.busy: set[tuple[str, int, int]] = set()
        self.failures = 0
        self.deep = False  # the formula being attempted waits on too many others, for now
        self.deferred: set[tuple[str, int, int]] = set()  # those waiting then: from the bottom
        self.patterns: dict[tuple[str, str], tuple] = {}  # compiled once per pattern
        self.boxes: dict[str, Box] = {}  # pycel's address text -> box
        self.moves: list[dict[Box, Box] | None] = []  # of the formulas being run, innermost last

    def attempt(self, sheet: str, row: int, col: int) -> None:
        """Calculate an uncalculated formula, if it can be."""
        self.deep = False
        try:
            self.value(sheet, row, col)
        except _Failed:
            pass

    def value(self, sheet: str, row: int, col: int) -> object:
        """What the cell shows: its value, or its formula's when it was never calculated."""
        key = (sheet, row, col)
        found = self.memo.get(key, None)
        if found is _FAILED:
            raise _Failed
        if found is not None or key in self.memo:
            return found
        cells = self.sheets.get(sheet)
        if cells is None:  # a sheet the workbook lacks: Excel's #REF!
            self.failures += 1
            raise _Failed
        if (row, col) in cells.uncalculated:
            return self._calculated(key, cells)
        value = cells.cells.get((row, col))
        return serial(value, self.mac) if isinstance(value, DATES) else value

    def _calculated(self, key: tuple[str, int, int], cells) -> object:
        if key in self.busy or len(self.busy) >= _DEPTH:  # circular, or too deep for now
            if key not in self.busy:
                self.deep = True
                self.deferred |= self.busy
            self.failures += 1
            raise _Failed
        before = self.failures
        self.busy.add(key)
        try:
            value = self.evaluate(key, cells)
        except (_Failed, Exception):  # ours, or pycel's own
            value = _FAILED
        finally:
            self.busy.discard(key)
        if self.failures > before:
            value = _FAILED
        if value is not _FAILED or not self.deep:  # too deep: tried again, from the bottom
            self.memo[key] = value
        if value is _FAILED:
            self.failures += 1
            raise _Failed
        return value

    def evaluate(self, key: tuple[str, int, int], cells, note: bool = True) -> object:
        """Run the formula of the cell `key`; _Failed when it cannot be (with `note`, the
        functions that keep it uncalculated are noted)."""
        sheet, row, col = key
        text = cells.formulas.text(row, col)
        if text is None or (row, col) in cells.formulas.arrays:
            raise _Failed  # a shared formula without its master; an array formula
        parsed = parse(text, row, col)
        unknown = (parsed.functions - SUPPORTED) | (parsed.names - _NAMES) | parsed.syntax
        if unknown:
            if note:
                self.outcomes[sheet].unsupported |= unknown
            raise _Failed
        formula, moves = self._compiled(key, text, parsed)
        self.moves.append(moves)
        try:
            return plain(self.run(formula))
        finally:
            self.moves.pop()

    def _compiled(self, key: tuple[str, int, int], text: str, parsed: Parsed):
        """pycel's compiled formula for the cell, and how to move the references it was
        compiled with to the cell's (None: they are the cell's own)."""
        sheet, row, col = key
        entry = self.patterns.get((sheet, parsed.pattern))
        if entry is None:
            formula = self._compile(key, text)
            boxes = [ref.box(sheet) for ref in parsed.refs]
            code = formula.python_code
            emitted = {address_box(a, sheet) for a in _addresses(code)}
            # Reused only when every address pycel wrote is a reference that moves with it.
            reusable = "_REF_" not in code and emitted == set(boxes)
            self.patterns[(sheet, parsed.pattern)] = (formula, row, col, parsed.refs, boxes,
                                                      reusable)
            return formula, None
        formula, row0, col0, refs, boxes, reusable = entry
        if (row, col) == (row0, col0):
            return formula, None
        moves: dict[Box, Box] = {}
        if reusable:
            for ref, box in zip(refs, boxes, strict=True):
                moved = ref.box(sheet, row - row0, col - col0)  # off the sheet: ValueError
                if moves.setdefault(box, moved) != moved:
                    reusable = False  # `A5+$A$5` in A5: one address, moved two ways
                    break
        return (formula, moves) if reusable else (self._compile(key, text), None)

    def _compile(self, key: tuple[str, int, int], text: str):
        from pycel.excelutil import AddressCell

        sheet, row, col = key
        formula = self.formula_type("=" + text,
                                    cell=AddressCell(f"{sheet}!{column_letters(col)}{row}"))
        _ = formula.python_code  # parsed now: a formula pycel cannot read fails here
        return formula

    def _box(self, address) -> Box:
        text = str(address)
        box = self.boxes.get(text)
        if box is None:
            box = self.boxes[text] = address_box(text, "")
        moves = self.moves[-1] if self.moves else None
        return moves.get(box, box) if moves else box

    def _cell(self, address) -> object:
        sheet, row, col, _, _ = self._box(address)
        return self.value(sheet, row, col)

    def _range(self, address) -> tuple:
        sheet, r1, c1, r2, c2 = self._box(address)
        cells = self.sheets.get(sheet)
        if cells is None:
            self.failures += 1
            raise _Failed
        last_row, last_col = cells.extent  # a whole column reads the rows the sheet has
        r2, c2 = max(r1, min(r2, last_row)), max(c1, min(c2, last_col))
        if (r2 - r1 + 1) * (c2 - c1 + 1) > _CELLS:
            self.failures += 1
            raise _Failed
        value = self.value
        return tuple(tuple(value(sheet, r, c) for c in range(c1, c2 + 1))
                     for r in range(r1, r2 + 1))

    def compare(self, sheet: str, cells) -> None:
        """Every cached formula of the sheet against what it calculates to."""
        stale = self.outcomes[sheet].stale
        for row, col in cells.formulas.cells():
            if (row, col) in cells.uncalculated:
                continue
            before, self.deep = self.failures, False
            try:
                got = self.evaluate((sheet, row, col), cells, note=False)
            except (_Failed, Exception):  # not calculated: nothing to compare
                continue
            if self.failures > before:
                continue
            shown = cells.cells.get((row, col))
            got = stored(got, self._format(cells.cells.style((row, col))), self.mac)
            if not same(shown, got):
                stale[row, col] = (shown, got)

    def store(self, sheet: str, cells) -> None:
        """Put the calculated values into the cells; what is left uncalculated stays listed."""
        for (row, col), style in list(cells.uncalculated.items()):
            got = self.memo.get((sheet, row, col), _FAILED)
            if got is _FAILED:
                continue
            value = stored(got, self._format(style), self.mac)
            if value is not None:
                cells.cells.put(row, col, value, style)
            del cells.uncalculated[row, col]

    def _format(self, style: int) -> tuple[str, bool, bool]:
        return self.formats[style] if style < len(self.formats) else GENERAL


def _addresses(code: str) -> list[str]:
    """The addresses pycel's compiled code reads (`_C_("S!A1")`, `_R_("S!A1:B2")`)."""
    found = []
    for call in ("_C_(\"", "_R_(\""):
        at = code.find(call)
        while at >= 0:
            end = code.index("\")", at)
            found.append(code[at + len(call):end])
            at = code.find(call, end)
    return found
