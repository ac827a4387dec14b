"""Builds the corpus of plans written by other hands (samples/other/*.xlsx) from the sources
in samples/src/other/*.yaml; see samples/README.md and the format at the top of any source.

Every plan is built twice: `NAME-perbaikan.xlsx` as the source says (consistent by
construction: sums, ratios, percentages and the narrative's counts are computed here, see
compute.py), and `NAME.xlsx` with the source's `faults:` injected first (inject.py), each a
patch that a planner's slip would make, declared with the findings it must raise.

A source:
    identitas: {Unit Kerja: ..., Tahun: ...}     the keys as the plan writes them
    sheets:    in workbook order: {name, text: {A1: title, ...}, identitas: {at, style:
               pairs | colon | inline}, tables: [names]}
    tables:    by name: {kind, at: top-left of the header, title: [lines above it],
               columns: [[key, label], [key, label, free], [group label, [[key, label], ...]]],
               numbers: true (a row of column numbers), heading_col, rows, and what compute.py
               reads: amounts: text | rp | number, percent: text | plain | number | percent,
               decimals, periods}
      rows:    a data row {key: value}; "^" merges a cell with the one above; a value is
               written as given ({v, fmt} for a number format), or `auto` / {pagu: [codes]} /
               left out where compute.py fills it in; {head: bidang | program | kegiatan |
               sasaran, text, ...} a heading row; {cont: {key: text}} a continuation row;
               "repeat" the header again. Keys starting with "_" and lv, total_row are read,
               never written. A table kind's second block (another name) continues it.
    expect:    [[kind, sheet, range, data rows], ...] as the reader must report them
    faults:    see inject.py
"""
from __future__ import annotations

import copy
import sys
from pathlib import Path

import yaml
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sheetkit import BuildError, dump_workbook, save  # noqa: E402
import compute  # noqa: E402
import inject  # noqa: E402
from layout import LayoutError, Placed, TableWriter, put  # noqa: E402

SRC = HERE / "src" / "other"
OUT = HERE / "other"
TOP_KEYS = {"identitas", "sheets", "tables", "expect", "faults"}


def load_corpus() -> dict[str, dict]:
    """Every source, by plan name (the file's stem), in name order."""
    plans = {}
    for path in sorted(SRC.glob("*.yaml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        unknown = set(plan) - TOP_KEYS
        if unknown:
            raise BuildError(f"{path.name}: unknown keys {sorted(unknown)}")
        plans[path.stem] = plan
    return plans


def workbook(plan: dict) -> tuple[Workbook, list[Placed]]:
    """The workbook a (patched) source lays out, and where its tables landed."""
    plan = compute.resolve(copy.deepcopy(plan))
    wb = Workbook()
    wb.remove(wb.active)
    placed = []
    for sheet in plan["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for ref, text in sheet.get("text", {}).items():
            put(ws, ws[ref].row, ws[ref].column, text, bold=True)
        if "identitas" in sheet:
            placed.append(identitas(ws, plan["identitas"], sheet["identitas"]))
        for name in sheet.get("tables", []):
            placed.append(TableWriter(ws, plan["tables"][name]).write())
    return wb, placed


def identitas(ws, values: dict, how: dict) -> Placed:
    """Unit Kerja and Tahun as key | value, key | : | value, or "key : value" in one cell."""
    row, col = ws[how["at"]].row, ws[how["at"]].column
    width = {"pairs": 2, "colon": 3, "inline": 1}[how["style"]]
    for r, (key, value) in enumerate(values.items(), row):
        if how["style"] == "inline":
            put(ws, r, col, f"{key} : {value}")
        else:
            put(ws, r, col, key)
            put(ws, r, col + width - 2, ":" if width == 3 else None)
            put(ws, r, col + width - 1, value)
    end = ws.cell(row=row + len(values) - 1, column=col + width - 1).coordinate
    return Placed("identitas", ws.title, f"{how['at']}:{end}", len(values))


def build_plan(name: str, plan: dict, outdir: Path) -> list[Path]:
    """The plan with its faults (NAME.xlsx) and its repaired twin (NAME-perbaikan.xlsx)."""
    try:
        twin, placed = workbook(plan)
        faulty, placed_faulty = workbook(inject.apply(plan))
    except (LayoutError, compute.ComputeError, inject.PatchError) as exc:
        raise BuildError(f"{name}: {exc}") from None
    found = [p.as_list() for p in placed]
    if found != plan["expect"]:
        raise BuildError(f"{name}: the tables land at {found}, `expect:` says "
                              f"{plan['expect']}")
    if [p.as_list() for p in placed_faulty] != found:
        raise BuildError(f"{name}: a fault moves a table: {placed_faulty}")
    inject.check_cells(name, plan, placed)
    return [save(faulty, outdir / f"{name}.xlsx"),
            save(twin, outdir / f"{name}-perbaikan.xlsx")]


def build_corpus(outdir: Path = OUT) -> list[Path]:
    """Builds every plan of the corpus, both versions, into outdir; returns their paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    return [p for name, plan in load_corpus().items() for p in build_plan(name, plan, outdir)]


def list_faults() -> int:
    """Prints each plan's faults and the cells each changes (`python samples/otherhands.py`)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for name, plan in load_corpus().items():
            faulty, twin = build_plan(name, plan, Path(tmp))
            before = {s["sheet"]: {c[0]: c[2] for c in s["cells"]} for s in dump_workbook(twin)}
            after = {s["sheet"]: {c[0]: c[2] for c in s["cells"]} for s in dump_workbook(faulty)}
            print(f"== {name}")
            for fault in plan.get("faults", []):
                finds = ", ".join(f"{r} {w}" for r, w in fault["finds"])
                finds += "".join(f" (or also {r} {w})" for r, w in fault.get("also", []))
                print(f"  {finds}: {' '.join(fault['why'].split())}")
            for sheet, cells in after.items():
                for ref in sorted(set(cells) | set(before[sheet])):
                    if cells.get(ref) != before[sheet].get(ref):
                        print(f"    {sheet}!{ref}: {before[sheet].get(ref)!r} -> "
                              f"{cells.get(ref)!r}")
    return 0


if __name__ == "__main__":
    sys.exit(list_faults())
