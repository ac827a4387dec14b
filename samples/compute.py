"""The figures a corpus plan computes instead of writing (otherhands.py): every parent amount and
total of a Pendanaan and a Realisasi Anggaran, their percentages and Sisa, a Matriks anggaran
as the pagu of the kegiatan it names, a realisasi as the sum of its periods, a capaian from its
target and realisasi, and the narrative's counts and totals from the tables.

A figure written where the builder would compute one is kept as written and used upwards: that
is how a fault (inject.py) puts one wrong figure into an otherwise consistent plan.
"""
from __future__ import annotations

import re
from decimal import Decimal

import figures as fig

AUTO = "auto"
LEVELS = [r"\d{3}\.\d{2}\.[A-Z]{2}", r"\d{4}", r"\d{4}\.[A-Z]{3}", r"\d{4}\.[A-Z]{3}\.\d{3}",
          r"\d{3}", r"[A-Z]", r"\d{6}"]  # program, kegiatan, KRO, RO, komponen, subkomp., akun
NOT_SATKER = {"nomor", "kode", "uraian", "total", "ket"}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::([^}@#]+))?(?:@([^}#]+))?(#?)\}")
_PREFIX = re.compile(r"^(?:bidang|bagian|seksi|subbagian|sub bagian)\s+")


class ComputeError(Exception):
    """A source whose figures cannot be computed."""


def resolve(plan: dict) -> dict:
    """The plan with every computed figure filled in (in place)."""
    tables = plan["tables"]
    totals: dict[str, Decimal] = {}
    for t in tables.values():
        if t["kind"] == "pendanaan":
            totals.update(_pendanaan(t))
        elif t["kind"] == "realisasi_anggaran":
            totals.update(_realisasi_anggaran(t))
    for t in tables.values():
        if t["kind"] == "matriks":
            for row in t["rows"]:
                if isinstance(row.get("anggaran"), dict) and "pagu" in row["anggaran"]:
                    pagu = sum(totals[str(code)] for code in row["anggaran"]["pagu"])
                    row["anggaran"] = amount(t, pagu)
        elif t["kind"] == "capaian":
            _capaian(t)
    for t in tables.values():
        if t["kind"] == "narasi":
            for row in t["rows"]:
                row["teks"] = _PLACEHOLDER.sub(lambda m: _fill(plan, totals, m), row["teks"])
    return plan


def amount(table: dict, value: Decimal):
    """An amount as the table writes them: "1.234.000", "Rp 1.234.000" or a #,##0 number."""
    style = table.get("amounts", "text")
    if style == "number":
        return {"v": int(value), "fmt": "#,##0"}
    return ("Rp " if style == "rp" else "") + fig.indonesian(value)


def percent(table: dict, value: Decimal, decimals: int | None = None):
    """A percentage as the table writes them: text "104,17%" or "104,17", a number shown with
    two decimals, or a fraction in a percent format (1.0417 as 104.17%)."""
    style = table.get("percent", "text")
    d = table.get("decimals", 2) if decimals is None else decimals
    value = fig.rounded(value, d)
    if style == "number":
        return {"v": float(value), "fmt": "0." + "0" * d if d else "0"}
    if style == "percent":
        return {"v": float(value / 100), "fmt": ("0." + "0" * d if d else "0") + "%"}
    return fig.indonesian(value, d) + ("" if style == "plain" else "%")


def _read(value) -> Decimal:
    if isinstance(value, dict):
        return Decimal(str(value["v"]))
    if isinstance(value, (int, float)):
        return Decimal(str(value))
    return fig.figure(value) if value not in (None, "", "-") else Decimal(0)


def _tree(rows: list[dict], level) -> list[list[int]]:
    """The children of every row by position, from each row's level (outline order)."""
    kids: list[list[int]] = [[] for _ in rows]
    stack: list[int] = []
    for i, row in enumerate(rows):
        lv = level(row)
        while stack and level(rows[stack[-1]]) >= lv:
            stack.pop()
        if stack:
            kids[stack[-1]].append(i)
        stack.append(i)
    return kids


def _sums(t: dict, rows: list[dict], keys: list[str], level) -> dict[int, dict]:
    """Fills every parent's amounts bottom-up; returns each row's figures by position."""
    kids, got = _tree(rows, level), {}
    for i in reversed(range(len(rows))):
        row = rows[i]
        got[i] = {}
        for key in keys:
            if kids[i] and key not in row:
                got[i][key] = sum(got[k][key] for k in kids[i])
                row[key] = amount(t, got[i][key])
            elif key not in row:
                raise ComputeError(f"{row}: a leaf without {key!r}")
            else:
                got[i][key] = _read(row[key])
    return got


def _pendanaan(t: dict) -> dict[str, Decimal]:
    satker = [c[0] for c in t["columns"] if not isinstance(c[1], list) and c[0] not in NOT_SATKER]
    satker += [k for c in t["columns"] if isinstance(c[1], list) for k, *_ in c[1]
               if k not in NOT_SATKER]
    items = [r for r in t["rows"] if isinstance(r, dict) and "kode" in r]
    level = lambda r: next(n for n, rx in enumerate(LEVELS) if re.fullmatch(rx, r["kode"]))  # noqa
    got = _sums(t, items, satker or ["total"], level)
    for i, row in enumerate(items):
        if satker and "total" not in row:
            row["total"] = amount(t, sum(got[i][s] for s in satker))
    top = [i for i, r in enumerate(items) if level(r) == min(map(level, items))]
    grand = {s: sum(got[i][s] for i in top) for s in satker or ["total"]}
    out = {r["kode"]: _read(r["total"]) for r in items}
    out["__pendanaan__"] = sum(grand.values())
    for row in t["rows"]:  # the grand total row: a figure typed over its sum is carried along
        if isinstance(row, dict) and row.get("total_row"):
            row.update({s: amount(t, v) for s, v in grand.items() if s not in row})
            written = sum(_read(row[s]) for s in satker) if satker else None
            row.setdefault("total", amount(t, written if satker else grand["total"]))
            out["__pendanaan__"] = _read(row["total"])
    return out


def _realisasi_anggaran(t: dict) -> dict[str, Decimal]:
    items = [r for r in t["rows"] if isinstance(r, dict) and "lv" in r]
    got = _sums(t, items, ["pagu", "realisasi"], lambda r: r["lv"])
    top = [i for i, r in enumerate(items) if r["lv"] == min(r["lv"] for r in items)]
    grand = {k: sum(got[i][k] for i in top) for k in ("pagu", "realisasi")}
    for row in t["rows"]:
        if isinstance(row, dict) and row.get("total_row"):
            for key in ("pagu", "realisasi"):
                row.setdefault(key, amount(t, grand[key]))
    for row in t["rows"]:
        if isinstance(row, dict) and "pagu" in row:
            pagu, done = _read(row["pagu"]), _read(row["realisasi"])
            if row.get("persen", AUTO) == AUTO:
                row["persen"] = percent(t, done / pagu * 100, row.get("_dec"))
            if "sisa" in {c[0] for c in t["columns"]} and "sisa" not in row:
                row["sisa"] = amount(t, pagu - done)
    return {"__ra_pagu__": grand["pagu"], "__ra_realisasi__": grand["realisasi"]}


def _capaian(t: dict) -> None:
    periods = t.get("periods", [])
    for row in t["rows"]:
        if not isinstance(row, dict) or "cont" in row:
            continue
        if periods and row.get("realisasi", AUTO) == AUTO and "indikator" in row:
            total = sum(int(row[p]) for p in periods if row.get(p) not in (None, ""))
            if "realisasi" in row:
                row["realisasi"] = total  # the Jumlah column
            row["_realisasi"] = total  # without one, the periods' sum is the realisasi
        if row.get("capaian") == AUTO:
            done = row.get("_realisasi", row.get("realisasi"))
            negatif = str(row.get("polaritas", "")).casefold().startswith("neg")
            value = fig.capaian(row["target"], done, negatif)
            if value is None:
                raise ComputeError(f"{row}: capaian auto of an indicator not measured")
            row["capaian"] = percent(t, value, row.get("_dec"))


def bidang_key(name: str) -> str:
    """`Bidang Rehabilitasi`, `Seksi Rehabilitasi`, `rehabilitasi` -> `rehabilitasi`."""
    return _PREFIX.sub("", " ".join(str(name).casefold().split())).strip(" .:")


def records(plan: dict, kind: str) -> list[dict]:
    """The indicator rows of a kind's table (its continuation blocks too, and heading rows
    that carry an indicator of their own), each with its effective sasaran and bidang (its own
    cell, "^" the one above, else the heading above)."""
    out, above, heads = [], {}, {}
    for t in plan["tables"].values():
        if t["kind"] != kind:
            continue
        for row in t["rows"]:
            if not isinstance(row, dict) or "cont" in row:
                continue
            if "head" in row:
                heads[row["head"]] = row["text"]
                if row["head"] == "bidang":
                    heads.pop("sasaran", None)
                if "indikator" not in row:  # a heading with an indicator of its own counts
                    continue
            for key in ("sasaran", "bidang"):
                if row.get(key) not in (None, "", "^"):
                    above[key] = row[key]
            if row.get("indikator") in (None, ""):
                continue
            out.append({**row, "sasaran": above.get("sasaran") if "sasaran" in row
                        else heads.get("sasaran"),
                        "bidang": above.get("bidang") if "bidang" in row
                        else heads.get("bidang")})
    return out


def _fill(plan: dict, totals: dict, m: re.Match) -> str:
    name, arg, bidang, digits = m.groups()
    if name == "total":
        return fig.indonesian(totals["__pendanaan__"])
    if name in ("ra_pagu", "ra_realisasi"):
        return fig.indonesian(totals[f"__{name}__"])
    if name == "ra_persen":
        return fig.indonesian(totals["__ra_realisasi__"] / totals["__ra_pagu__"] * 100, 2)
    if name == "realisasi":  # a Capaian row's realisasi as written, by its No
        row = next(r for r in records(plan, "capaian") if str(r.get("nomor")) == arg)
        return str(row["realisasi"])
    if name in ("kegiatan", "program", "ro"):
        n = _distinct(plan, name, arg)
        return str(n) if digits else fig.counted(n)
    rows = records(plan, arg or "capaian")
    if bidang:
        rows = [r for r in rows if r["bidang"] and bidang_key(r["bidang"]) == bidang_key(bidang)]
    if name == "sasaran":
        n = len({" ".join(r["sasaran"].casefold().split()) for r in rows})
    elif name == "indikator":
        n = len(rows)
    elif name == "unmet":
        n = sum(1 for r in rows if _unmet(r))
    else:
        raise ComputeError(f"unknown placeholder {m.group(0)}")
    if not rows:
        raise ComputeError(f"{m.group(0)}: no rows")
    return str(n) if digits else fig.counted(n)


# A program's code in the national budget's shape (066.01.DH).
_PROGRAM_CODE = re.compile(r"\d{3}\.\d{2}\.[A-Z]{2}")


def _distinct(plan: dict, name: str, kind: str) -> int:
    """How many kegiatan (distinct Kegiatan cells, "^" the one above), programs (rows coded as
    one) or RO (distinct RO cells) the plan's tables of `kind` hold."""
    seen, above = set(), None
    for t in plan["tables"].values():
        if t["kind"] != kind:
            continue
        for row in t["rows"]:
            if not isinstance(row, dict):
                continue
            if name == "program":
                if _PROGRAM_CODE.fullmatch(str(row.get("kode", ""))):
                    seen.add(row["kode"])
                continue
            value = row.get(name)
            above = above if value == "^" else value
            if above:
                seen.add(" ".join(str(above).casefold().split()))
    if not seen:
        raise ComputeError(f"{{{name}:{kind}}}: none in the {kind} tables")
    return len(seen)


def _unmet(row: dict) -> bool:
    """True for a measured indicator whose realisasi falls short of its target."""
    done = row.get("_realisasi", row.get("realisasi"))
    negatif = str(row.get("polaritas", "")).casefold().startswith("neg")
    return fig.figure(done) is not None and fig.capaian(row["target"], done, negatif) < 100
