"""Reads a workbook file into a Plan: workbook -> grids -> raw tables -> plan model and frames."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.model.frame import Frame
from renjacheck.model.parse import parse_cell, parse_year
from renjacheck.model.plan import Identitas, Plan, TableInfo
from renjacheck.model.readers import READERS, new_frame
from renjacheck.model.values import Location, Quantity, Text
from renjacheck.workbook.grid import Grid, load
from renjacheck.workbook.headers import FieldType
from renjacheck.workbook.identitas import RawIdentitas, find_identitas
from renjacheck.workbook.prescan import column_number
from renjacheck.workbook.safety import DEFAULT_LIMITS, Limits
from renjacheck.workbook.tables import RawTable, read_tables


@dataclass(frozen=True)
class Note:
    """Something the reader noticed about the layout, for the rules to report."""

    code: str
    locations: tuple[Location, ...]
    args: dict = field(default_factory=dict)


@dataclass
class Reading:
    """The outcome of reading one workbook: the plan, the frames to validate, and layout notes."""

    plan: Plan
    frames: dict[str, Frame]
    notes: list[Note]


def read(path: Path, limits: Limits = DEFAULT_LIMITS) -> Reading:
    """Read the workbook at `path`; raises CannotCheck when it is not a readable .xlsx."""
    with collector_paused():
        return read_grids(str(path), load(path, limits), release=True)


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


def read_grids(path: str, grids: list[Grid], release: bool = False) -> Reading:
    """Read a workbook already loaded into grids; with `release`, their cells are let go once
    the tables and the identity are found (a national budget's grid is half a gigabyte)."""
    raw = [table for grid in grids for table in read_tables(grid)]
    chosen: dict[str, RawTable] = {}
    notes: list[Note] = []
    for table in raw:
        if table.kind in chosen:
            first = chosen[table.kind]
            notes.append(Note("duplicate_table", (_header_loc(table),),
                              {"table": table.kind, "used": f"{first.sheet}!{first.range}"}))
        else:
            chosen[table.kind] = table
    notes += _prescan_notes(grids)
    fields: dict = {}
    frames: dict[str, Frame] = {}
    infos: list[TableInfo] = []
    identitas = find_identitas(grids, raw)
    if release:
        for grid in grids:
            grid.release()
    if identitas is not None:
        fields["identitas"] = _identitas(identitas)
        infos.append(TableInfo(kind="identitas", sheet=identitas.sheet, range=_span(identitas),
                               rows=sum(v is not None for v in (identitas.unit, identitas.tahun))))
    for kind, table in sorted(chosen.items(), key=lambda kv: _order(grids, kv[1])):
        frame = new_frame(table)
        infos.append(TableInfo(kind=kind, sheet=table.sheet, range=table.range,
                               rows=len(table.rows)))
        fields[kind] = READERS[kind](table, frame)  # takes the rows (readers.taken)
        frames[kind] = frame
    plan = Plan(path=path, sheets=[g.name for g in grids], tables=infos, **fields)
    return Reading(plan=plan, frames=frames, notes=notes)


def _prescan_notes(grids: list[Grid]) -> list[Note]:
    """Formulas never calculated (one note a sheet) and merges cut down before loading."""
    notes = []
    for grid in grids:
        if grid.uncalculated:
            cells = sorted(grid.uncalculated, key=lambda rc: (rc[0], rc[1]))
            locations = tuple(Location(sheet=grid.name, row=r, col=c) for r, c in cells)
            notes.append(Note("uncalculated_formula", locations,
                              {"sheet": grid.name, "count": len(cells),
                               "cells": ", ".join(loc.cell for loc in locations[:5])
                               + (", ..." if len(cells) > 5 else "")}))
        for old, new in grid.clamped:
            first = new.split(":")[0]
            letters = first.rstrip("0123456789")
            loc = Location(sheet=grid.name, row=int(first[len(letters):]),
                           col=column_number(letters.encode()))
            notes.append(Note("merge_clamped", (loc,), {"sheet": grid.name, "range": old,
                                                        "clamped": new}))
    return notes


def _order(grids: list[Grid], table: RawTable) -> tuple[int, int]:
    index = next(i for i, g in enumerate(grids) if g.name == table.sheet)
    return index, table.first_row


def _header_loc(table: RawTable) -> Location:
    header = table.headers[0]
    return Location(sheet=table.sheet, row=header.row, col=header.first_col,
                    end_row=header.last_row, end_col=header.last_col)


def _identitas(raw: RawIdentitas) -> Identitas:
    unit = parse_cell(raw.unit, FieldType.TEXT) if raw.unit else None
    tahun = parse_year(raw.tahun) if raw.tahun else None
    return Identitas(unit=unit if isinstance(unit, Text) else None,
                     tahun=tahun if isinstance(tahun, Quantity) else None)


def _span(raw: RawIdentitas) -> str:
    locs = [c.loc for c in raw.cells if c.loc.sheet == raw.sheet]
    rows = [l.row for l in locs] + [l.end_row or l.row for l in locs]
    cols = [l.col for l in locs] + [l.end_col or l.col for l in locs]
    return Location(sheet=raw.sheet, row=min(rows), col=min(cols),
                    end_row=max(rows), end_col=max(cols)).cell
