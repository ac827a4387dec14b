"""Reads a workbook file into a Plan: workbook -> grids -> tables found -> tables typed."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from renjacheck.model.formula_notes import formula_notes
from renjacheck.model.plan import Note, Plan
from renjacheck.tables import registry
from renjacheck.tables.identitas import find_identitas
from renjacheck.tables.partial import Partial
from renjacheck.tables.rows import read_tables
from renjacheck.tables.parts import Parts
from renjacheck.tables.table import Table
from renjacheck.values import Location
from renjacheck.workbook.grid import Grid, load
from renjacheck.workbook.refs import column_number
from renjacheck.workbook.safety import DEFAULT_LIMITS, Limits


def read(path: Path, limits: Limits = DEFAULT_LIMITS, vocabulary: tuple[Path, ...] = (),
         data: bytes | None = None) -> Plan:
    """Read the workbook at `path`, or in `data` (its bytes, read once) when given (header
    labels from the shipped vocabulary and an office's `vocabulary` files); raises
    CannotCheck when it is not a readable .xlsx."""
    with collector_paused():
        return read_grids(str(path), load(path, limits, data=data), vocabulary)


@contextmanager
def collector_paused():
    """No cyclic garbage collection inside: reading makes millions of small objects and no
    reference cycles, and the collector would walk the growing heap again and again for
    nothing (a fifth of a national budget's time). Keep a reading inside until it is dropped:
    once the collector runs again, its first pass walks every object made while it was off."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_grids(path: str, grids: list[Grid], vocabulary: tuple[Path, ...] = ()) -> Plan:
    """Read a workbook already loaded into grids: the first table of each kind, the identity,
    and notes on what else the reader met (a table twice, formulas never calculated, a header
    missing some of its labels)."""
    detector = registry.detector(vocabulary)
    partial: list[Partial] = []
    found: list[Parts] = []
    chosen: dict[str, Parts] = {}
    notes: list[Note] = []
    for grid in grids:
        # A table read on an earlier sheet may go on on this one (tables/sequel.py).
        for parts in read_tables(grid, detector, registry.KINDS, partial, chosen):
            found.append(parts)
            first = chosen.setdefault(parts.kind.name, parts)
            if first is not parts:
                notes.append(Note("duplicate_table", (_header_loc(parts),), {
                    "table": parts.kind.name, "used": f"{first.sheet}!{first.range}"}))
    notes += _prescan_notes(grids)
    notes += [_partial_note(near) for near in partial]
    notes += [_empty_note(parts) for parts in chosen.values() if not parts.rows
              and parts.kind.layout == "header"]
    tables: dict[str, Table] = {}
    identitas = find_identitas(grids, found, dict(detector.vocabulary.columns["identitas"]))
    if identitas is not None:
        tables["identitas"] = identitas
    for grid in grids:
        grid.forget_index()  # the tables read their cells, not rows
    order = [g.name for g in grids]
    for parts in sorted(chosen.values(), key=lambda p: (order.index(p.sheet), p.first_row)):
        tables[parts.kind.name] = parts.kind.table(parts)
    return Plan(path=path, sheets=order, tables=tables, notes=notes)


def _prescan_notes(grids: list[Grid]) -> list[Note]:
    """Formulas left uncalculated (one note a sheet), cached values their formulas do not give,
    and merges cut down before loading."""
    notes = []
    for grid in grids:
        notes += formula_notes(grid)
        for old, new in grid.clamped:
            first = new.split(":")[0]
            letters = first.rstrip("0123456789")
            loc = Location(sheet=grid.name, row=int(first[len(letters):]),
                           col=column_number(letters.encode()))
            notes.append(Note("merge_clamped", (loc,), {"sheet": grid.name, "range": old,
                                                        "clamped": new}))
    return notes


def _empty_note(parts: Parts) -> Note:
    """A header found with no data row under it: where, and the first row the reader met
    below it (where it stopped), so the planner sees why; never a silent pass."""
    grid, header = parts.cells, parts.headers[-1]
    below = grid.next_row(header.last_row)
    shown, first = "-", None
    while below is not None and first is None:
        first = next((c for c in grid.filled.get(below, ())
                      if header.first_col <= c <= header.last_col), None)
        if first is None:
            below = grid.next_row(below)
    if first is not None:
        text = " ".join(grid.text(below, first).split())
        text = text if len(text) <= 60 else text[:57] + "..."
        shown = f'{grid.location(below, first).cell} "{text}"'
    anchors = [header.text(header.columns[name]) or name for name in parts.kind.anchors
               if name in header.columns]
    return Note("empty_table", (_header_loc(parts),),
                {"table": parts.kind.name, "range": f"{parts.sheet}!{parts.range}",
                 "next": shown, "anchors": ", ".join(anchors) or "-"})


def _partial_note(near: Partial) -> Note:
    """A row that names most but not all of a kind's required columns: what it names, what it
    lacks, and what an unknown cell may have meant; at the row, and at each such cell."""
    sheet = near.sheet
    where = Location(sheet=sheet, row=near.row, col=near.first_col, end_row=near.last_row,
                     end_col=near.last_col)
    cells = [Location(sheet=sheet, row=row, col=col) for row, col, _, _ in near.hints]
    kind = near.kind
    return Note("partial_header", (where, *cells), {
        "table": kind.name, "range": f"{sheet}!{where.cell}",
        "found": ", ".join(text for _, text in near.found),
        "missing": ", ".join(kind.column(n).heading or n for n in near.missing),
        "hints": "; ".join(f'{loc.cell} "{text}" -> "{label}"'
                           for loc, (_, _, text, label) in zip(cells, near.hints, strict=True))
                 or "-"})


def _header_loc(parts: Parts) -> Location:
    header = parts.headers[0]
    return Location(sheet=parts.sheet, row=header.row, col=header.first_col,
                    end_row=header.last_row, end_col=header.last_col)
