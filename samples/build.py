#!/usr/bin/env python3
"""Builds the sample workbooks (samples/*.xlsx) from the YAML in samples/src/; see README.md.

    python samples/build.py          writes the three .xlsx next to this script, and the corpus of
                                     other hands into other/ (otherhands.py)
    python samples/build.py --check  builds into a temp folder; exits 1 listing the differences
                                     when a committed .xlsx is not what it builds
Deterministic (fixed properties, zip dates and order): byte-identical on the same openpyxl.
"""
import argparse
import copy
import re
import sys
import tempfile
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sheetkit import BuildError, dump_workbook, merge, put, save  # noqa: E402

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
CAPAIAN = ["nomor", "sasaran", "indikator", "target", "realisasi", "capaian"]
MATRIKS = ["nomor", "kegiatan", "sasaran", "indikator", "target", "satuan", "anggaran", "bidang"]
RO = ["nomor", "kegiatan", "indikator", "ro", "volume"]
PATCH_KEYS = {"sheet", "where", "contains", "line", "set", "replace", "delete", "renumber",
              "reason"}
LEVELS = [r"\d{3}\.\d{2}\.[A-Z]{2}", r"\d{4}", r"\d{4}\.[A-Z]{3}", r"\d{4}\.[A-Z]{3}\.\d{3}",
          r"\d{3}", r"[A-Z]", r"\d{6}"]  # program, kegiatan, KRO, RO, komponen, subkomponen, akun


def load(name: str) -> dict:
    return yaml.safe_load((SRC / name).read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------ patches
def apply_patches(plan: dict, patches: list) -> dict:
    """The plan after every patch, in order; a patch that does not apply raises BuildError."""
    plan = copy.deepcopy(plan)
    for number, patch in enumerate(patches, 1):
        try:
            _apply(plan, patch)
        except BuildError as exc:
            what = patch.get("where") or patch.get("contains")
            raise BuildError(f"patch {number} ({patch.get('sheet')} {what}): {exc}") from None
    return plan


def _apply(plan: dict, patch: dict) -> None:
    unknown = sorted(set(patch) - PATCH_KEYS)
    if unknown or not patch.get("reason"):
        raise BuildError(f"unknown keys {unknown}" if unknown else "every patch needs a reason:")
    table = plan.get(patch.get("sheet"))
    items = table if isinstance(table, list) else (table or {}).get("rows")
    where, contains = patch.get("where", {}), patch.get("contains", {})
    if items is None or not (where or contains):
        raise BuildError("needs a known sheet: and where: or contains:")
    hits = [i for i, r in enumerate(items) if isinstance(r, dict)
            and all(k in r and str(r[k]) == str(v) for k, v in where.items())
            and all(k in r and str(v) in str(r[k]) for k, v in contains.items())]
    if len(hits) != 1:
        raise BuildError(f"selects {len(hits)} rows, must select exactly 1")
    if patch.get("delete"):
        del items[hits[0]]
        for r in items[hits[0]:] if patch.get("renumber") else []:
            if isinstance(r, dict) and "nomor" in r:
                n = r["nomor"]
                r["nomor"] = (n - 1 if isinstance(n, int)
                              else re.sub(r"^\d+", lambda m: str(int(m[0]) - 1), n))
        return
    target = items[hits[0]]
    if "line" in patch:
        if not 1 <= patch["line"] <= len(target.get("lines", [])):
            raise BuildError(f"has no line {patch['line']}")
        target = target["lines"][patch["line"] - 1]
    if not patch.get("set") and not patch.get("replace"):
        raise BuildError("nothing to do: needs set:, replace: or delete:")
    for key, value in (patch.get("set") or {}).items():
        if key not in target or target[key] == value:
            raise BuildError(f"field {key!r} is missing or already {value!r}")
        target[key] = value
    for key, pairs in (patch.get("replace") or {}).items():
        text = target.get(key)
        for old, new in pairs.items():
            if not isinstance(text, str) or text.count(old) != 1:
                raise BuildError(f"{old!r} does not occur exactly once in {key!r}")
            text = text.replace(old, new)
        target[key] = text


# ----------------------------------------------------------------------------- layout helpers
def widths(ws, sizes: list[int]) -> None:
    for col, size in enumerate(sizes, 1):
        ws.column_dimensions[get_column_letter(col)].width = size


def header(ws, row: int, labels: list[str], numbers: bool, col: int = 1) -> int:
    """A header row, with the row of column numbers under it if asked; returns the next row."""
    for i, label in enumerate(labels):
        put(ws, row, col + i, label, bold=True)
        if numbers:
            put(ws, row + 1, col + i, i + 1, bold=True)
    return row + 2 if numbers else row + 1


def table_rows(ws, row: int, items: list, cols: list[str], redo_header, write_item) -> int:
    """Writes the items of a table from `row`: page breaks (the header again), group rows,
    continuation rows, and data items through write_item(row, item) -> next row."""
    for item in items:
        if item == "page_break":
            row = redo_header(row)
        elif "group" in item:
            put(ws, row, 1, item["group"], bold=True)
            merge(ws, row, 1, row, len(cols))
            row += 1
        elif "continued" in item:
            for key, text in item["continued"].items():
                put(ws, row, cols.index(key) + 1, text)
            row += 1
        else:
            row = write_item(row, item)
    return row


# ------------------------------------------------------------------- a function a table kind
def identitas(ws, data: dict) -> None:
    for row, (key, value) in enumerate(data.items(), 1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    widths(ws, [14, 32])


def capaian(ws, t: dict) -> None:
    put(ws, 1, 1, t["title"], bold=True)
    merge(ws, 1, 1, 1, len(CAPAIAN))
    redo = lambda r: header(ws, r, t["header"], numbers=True)  # noqa: E731

    def write(row: int, item: dict) -> int:
        for col, key in enumerate(CAPAIAN, 1):
            put(ws, row, col, item[key])
        return row + 1
    table_rows(ws, redo(3), t["rows"], CAPAIAN, redo, write)
    widths(ws, [5, 45, 55, 16, 16, 10])


def pendanaan(ws, t: dict) -> None:
    ncols = 2 + len(t["satker"]) + 1
    put(ws, 1, 1, t["title"], bold=True)
    merge(ws, 1, 1, 1, ncols)

    def redo(r: int) -> int:  # KODE and the label merged over two rows; PAGU over the satker
        for col, label in enumerate(t["header"], 1):
            put(ws, r, col, label, bold=True)
            merge(ws, r, col, r + 1, col)
        put(ws, r, 3, t["super_header"], bold=True)
        merge(ws, r, 3, r, ncols)
        for col, label in enumerate(t["satker"] + [t["total"]], 3):
            put(ws, r + 1, col, label, bold=True)
        return r + 2

    def write(row: int, item: dict) -> int:
        for col, value in enumerate([item["kode"], item["uraian"]] + item["pagu"], 1):
            put(ws, row, col, value)
        return row + 1
    table_rows(ws, redo(3), t["rows"], [], redo, write)
    widths(ws, [8, 60] + [16] * (ncols - 2))


def matriks(ws, t: dict) -> None:
    for row, line in enumerate(t["title_lines"], 1):
        put(ws, row, 1, line, bold=row == 1)
    redo = lambda r: header(ws, r, t["header"], numbers=True)  # noqa: E731

    def write(row: int, item: dict) -> int:  # no, kegiatan, anggaran, bidang merged over the lines
        last = row + len(item["lines"]) - 1
        for key in ("nomor", "kegiatan", "anggaran", "bidang"):
            put(ws, row, MATRIKS.index(key) + 1, item[key])
            merge(ws, row, MATRIKS.index(key) + 1, last, MATRIKS.index(key) + 1)
        for r, line in enumerate(item["lines"], row):
            for key in ("sasaran", "indikator", "target", "satuan"):
                put(ws, r, MATRIKS.index(key) + 1, line[key])
        return last + 1
    table_rows(ws, redo(len(t["title_lines"]) + 2), t["rows"], MATRIKS, redo, write)
    widths(ws, [5, 40, 45, 50, 10, 14, 16, 24])


def lampiran_ro(ws, t: dict) -> None:
    for row, line in enumerate(t["title_lines"], 1):
        put(ws, row, 1, line, bold=True)
    redo = lambda r: header(ws, r, t["header"], numbers=False)  # noqa: E731

    def write(row: int, item: dict) -> int:  # no, kegiatan merged over the lines; an indikator
        last = row + len(item["lines"]) - 1  # cell over its lines, up to the next one with its own
        for col in (1, 2):
            put(ws, row, col, item[RO[col - 1]])
            merge(ws, row, col, last, col)
        if "indikator" not in item["lines"][0]:
            raise BuildError(f"RO {item['nomor']}: the first line needs an indikator")
        start = row
        for r, line in enumerate(item["lines"], row):
            if "indikator" in line:
                if r > start:
                    merge(ws, start, 3, r - 1, 3)
                start = r
                put(ws, r, 3, line["indikator"])
            put(ws, r, 4, line["ro"])
            put(ws, r, 5, line["volume"])
        merge(ws, start, 3, last, 3)
        return last + 1
    table_rows(ws, redo(len(t["title_lines"]) + 2), t["rows"], RO, redo, write)
    widths(ws, [5, 40, 55, 50, 16])


def narasi(ws, rows: list, total: str | None = None) -> None:
    header(ws, 1, ["Tahun", "Bidang", "Teks"], numbers=False)
    for row, item in enumerate(rows, 2):
        if total is not None and "{total}" not in item["teks"]:
            raise BuildError("the narrative has no {total}")
        put(ws, row, 1, item["tahun"])
        put(ws, row, 2, item["bidang"])
        put(ws, row, 3, item["teks"].replace("{total}", total or "{total}"))
    widths(ws, [8, 24, 120])


def rka(ws, t: dict) -> int:
    """The RKA table (title B2, header B4): akun amounts from the YAML, every sum computed here;
    returns the grand total."""
    satker, rows, akun = t["satker"], t["rows"], len(LEVELS) - 1
    level = [next((n for n, rx in enumerate(LEVELS) if re.fullmatch(rx, r["kode"])), None)
             for r in rows]
    amounts: list[dict[str, int]] = []
    parent: list[int | None] = []
    stack: list[int] = []
    for i, (r, lv) in enumerate(zip(rows, level, strict=True)):
        if lv is None:
            raise BuildError(f"row {r['kode']!r} {r['uraian']!r}: unknown code shape")
        while stack and level[stack[-1]] >= lv:
            stack.pop()
        if (level[stack[-1]] if stack else -1) != lv - 1:
            raise BuildError(f"row {r['kode']} {r['uraian']!r} skips a level under the row above")
        if any(not re.fullmatch(r"\d{1,3}(\.\d{3})*", str(r[s])) for s in satker if s in r):
            raise BuildError(f"row {r['kode']}: write amounts like \"12.480.000\"")
        amounts.append({s: int(str(r[s]).replace(".", "")) for s in satker if s in r})
        if bool(amounts[i]) != (lv == akun):
            raise BuildError(f"row {r['kode']} {r['uraian']!r}: "
                             "amounts go on (every) akun row only")
        parent.append(stack[-1] if stack else None)
        stack.append(i)
    childless = [rows[i]["kode"] for i in range(len(rows)) if level[i] != akun and i not in parent]
    if childless:
        raise BuildError(f"rows without any akun under them: {childless}")
    grand: dict[str, int] = {}
    for i in reversed(range(len(rows))):  # children come after their parent: add upwards
        up = grand if parent[i] is None else amounts[parent[i]]
        for s, v in amounts[i].items():
            up[s] = up.get(s, 0) + v
    put(ws, 2, 2, t["title"], bold=True)
    row = header(ws, 4, t["header"] + satker + [t["total"]], numbers=False, col=2)
    for r, sums in zip(rows + [{"kode": "", "uraian": t["total"]}], amounts + [grand],
                       strict=True):
        put(ws, row, 2, r["kode"])
        put(ws, row, 3, r["uraian"], bold=not r["kode"])
        for col, s in enumerate(satker + [None], 4):
            put(ws, row, col, sums.get(s) if s else sum(sums.values()), fmt="#,##0")
        row += 1
    widths(ws, [3, 14, 62] + [16] * (len(satker) + 1))
    return sum(grand.values())


# ------------------------------------------------------------------------------------ workbooks
def banten_workbook(plan: dict) -> Workbook:
    wb = Workbook()
    wb.active.title = "Identitas"
    identitas(wb.active, plan["identitas"])
    for title, layout, key in [("Capaian 2023", capaian, "capaian"),
                               ("Pendanaan", pendanaan, "pendanaan"),
                               ("Matriks 2024", matriks, "matriks"),
                               ("Lampiran RO", lampiran_ro, "ro"), ("Narasi", narasi, "narasi")]:
        layout(wb.create_sheet(title), plan[key])
    return wb


def rka_workbook(plan: dict) -> Workbook:
    wb = Workbook()
    wb.active.title = "Identitas"
    identitas(wb.active, plan["identitas"])
    total = rka(wb.create_sheet("RKA"), plan["rka"])
    narasi(wb.create_sheet("Narasi"), plan["narasi"], total=f"{total:,}".replace(",", "."))
    return wb


def build_all(outdir: Path) -> list[Path]:
    """Builds the three sample workbooks into outdir (created if needed); returns their paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    seed, repairs = load("banten-2024.yaml"), load("banten-2024-perbaikan.yaml")
    if repairs.get("base") != "banten-2024.yaml":
        raise BuildError("banten-2024-perbaikan.yaml must say base: banten-2024.yaml")
    return [save(banten_workbook(seed), outdir / "banten-2024.xlsx"),
            save(banten_workbook(apply_patches(seed, repairs["patches"])),
                 outdir / "banten-2024-perbaikan.xlsx"),
            save(rka_workbook(load("rka-lengkap-2025.yaml")), outdir / "rka-lengkap-2025.xlsx")]


def differences(committed: Path, built: Path, limit: int = 20) -> list[str]:
    """What differs between a committed workbook and a fresh build, cell by cell."""
    if not committed.exists():
        return [f"{committed.name}: missing"]
    if committed.read_bytes() == built.read_bytes():
        return []
    old, new = ({s["sheet"]: s for s in dump_workbook(p)} for p in (committed, built))
    lines = [] if list(old) == list(new) else [
        f"{committed.name}: sheets {list(old)} != {list(new)}"]
    for name in [n for n in old if n in new]:
        if old[name]["merged"] != new[name]["merged"]:
            lines.append(f"{committed.name}: {name}: merged ranges differ")
        a, b = ({c[0]: c[1:] for c in s[name]["cells"]} for s in (old, new))
        lines += [f"{committed.name}: {name}!{k}: committed {a.get(k)} != built {b.get(k)}"
                  for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
    lines = lines or [f"{committed.name}: same cells, different bytes (another openpyxl version?)"]
    more = [f"{committed.name}: ... {len(lines) - limit} more"] * (len(lines) > limit)
    return lines[:limit] + more


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Builds the renjacheck sample workbooks.")
    parser.add_argument("--check", action="store_true",
                        help="compare the committed files with a fresh build")
    args = parser.parse_args(argv)
    import otherhands  # the corpus of other hands (samples/other/), built beside the seed's
    try:
        if not args.check:
            for path in build_all(HERE) + otherhands.build_corpus(HERE / "other"):
                print(f"wrote {path}")
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            built = build_all(Path(tmp)) + otherhands.build_corpus(Path(tmp) / "other")
            diffs = [line for p in built
                     for line in differences(HERE / p.relative_to(tmp), p)]
    except BuildError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    print("\n".join(diffs + ["rebuild with: python samples/build.py"]) if diffs
          else "samples are up to date")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
