"""The Realisasi Anggaran (issue 14): its headers told apart from the Capaian, Pendanaan and
Matriks, a lone `%` heading, its outline (levels by code or by label, parents, totals), and
RAG001-RAG004 on whole workbooks, faulty and repaired; the sums over random outlines."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.tables import registry
from renjacheck.tables.labels import label_forms, match_column, norm_label
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from tests import plans
from tests.dump import dump
from tests.xlsx import block, write

RULES = load_rules()
OURS = ("RAG", "TBL")


def _old_norm(text: str) -> str:
    """The normalisation before a lone `%` was given a name."""
    return re.sub(r"[\W_]+", "", text.casefold())


# ---- a lone percent sign -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["%", "(%)", " % ", "[%]", "%%"])
def test_a_lone_percent_sign_is_persen(text):
    assert norm_label(text) == "persen" and label_forms(text) == ("persen",)


def test_a_percent_sign_among_words_is_tried_as_persen_first_then_as_punctuation():
    assert label_forms("% Realisasi") == ("persenrealisasi", "realisasi")
    assert label_forms("Capaian Realisasi Anggaran (%)") == (
        "capaianrealisasianggaranpersen", "capaianrealisasianggaran")
    assert label_forms("Anggaran (Rp)") == ("anggaranrp", "anggaran")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_every_other_label_normalises_as_before(text):
    old = _old_norm(text)
    if old:
        assert norm_label(text) == old and old in label_forms(text)


@pytest.mark.parametrize("kind", [k for k in registry.KINDS.values()
                                  if k.layout == "header" and k is not REALISASI_ANGGARAN],
                         ids=lambda k: k.name)
def test_a_percent_sign_names_the_same_column_of_the_other_kinds_as_before(kind):
    vocabulary = registry.vocabulary()
    columns = [(c.name, vocabulary.labels(kind.name, c.name)) for c in kind.columns]
    for name, aliases in columns:
        for alias in aliases:
            for text in (f"% {alias}", f"{alias} (%)", f"{alias}%"):
                found = next((n for n in map(lambda f: match_column(columns, f),
                                             label_forms(text)) if n), None)
                assert found == match_column(columns, _old_norm(text)) == name, text


# ---- which table a header is ---------------------------------------------------------------

HEADERS = [  # the header, and where the label and the figures stand under it
    ["Program/Kegiatan", "Pagu", "Realisasi", "%"],
    ["Program/ Kinerja", "Alokasi Anggaran (Rp)", "Realisasi (Rp)",
     "Capaian Realisasi Anggaran (%)"],
    ["Uraian", "Anggaran", "Realisasi", "Persentase"],
    ["Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "% Realisasi"],
    ["Sub Kegiatan", "Pagu", "Realisasi", "Realisasi (%)"],
    ["No", "Kode", "Uraian", "Pagu", "Realisasi", "%", "Sisa"],
]


@pytest.mark.parametrize("header", HEADERS, ids=lambda h: " | ".join(h))
def test_each_accepted_header_is_a_realisasi_anggaran(tmp_path, header):
    coded = len(header) == 7  # No and Kode before the label, Sisa after the %
    rows = [header] + [([n, f"{3246 + n}"] if coded else []) + [f"Program {n}", "1.000", "900",
                                                                "90"] + (["100"] if coded else [])
                       for n in (1, 2)]
    path = write(tmp_path / "r.xlsx", {"RA": {"A1": "Realisasi Anggaran Tahun 2023",
                                              **block("A3", rows)}})
    plan = read(path)
    end = "ABCDEFG"[len(header) - 1]
    assert [(t.kind, t.range, t.rows) for t in plan.infos] == [
        ("realisasi_anggaran", f"A3:{end}5", 2)]
    table = plan.tables["realisasi_anggaran"]
    assert [table.labels[n] for n in ("uraian", "pagu", "realisasi", "persen")] == \
        [h for h in header if h not in ("No", "Kode", "Sisa")]
    assert [(r.uraian.value, r.pagu.value, r.realisasi.value, r.persen.value)
            for r in table.rows] == [("Program 1", 1000, 900, 90), ("Program 2", 1000, 900, 90)]


def test_a_two_level_header_realisasi_over_rp_and_percent(tmp_path):
    cells = block("A1", [["Uraian", "Pagu", "Realisasi", None],
                         [None, None, "Rp", "%"],
                         ["Program Rehabilitasi", "1.000", "900", "90"]])
    path = write(tmp_path / "r.xlsx", {"RA": cells}, merges={"RA": ["A1:A2", "B1:B2", "C1:D1"]})
    table = read(path).tables["realisasi_anggaran"]
    assert (table.info.range, table.labels) == ("A1:D3", {
        "uraian": "Uraian", "pagu": "Pagu", "realisasi": "Rp", "persen": "%"})


def _others(path: Path, extra: dict[str, list[list]]) -> Path:
    """The plan of tests/plans.py, every table on one sheet, with `extra` tables among them."""
    blocks = plans.template_blocks()
    order = ["Identitas", "Pendanaan", *extra, "Capaian", "Matriks", "RO", "Narasi"]
    cells, row = {}, 1
    for name in order:
        rows = extra.get(name) or blocks[name]
        cells[f"B{row}"] = f"Tabel {name}"
        cells.update(block(f"B{row + 2}", rows))
        row += 2 + len(rows) + 2
    return write(path, {"Renja": cells})


def test_not_confused_with_the_pendanaan_capaian_matriks_ro(tmp_path):
    """Between the Pendanaan and the Capaian on one sheet, the Realisasi Anggaran is read as
    itself and every other table exactly as without it."""
    realisasi = [["Kode", "Program/Kegiatan", "Pagu", "Realisasi", "%"],
                 ["3247", "Penyelenggaraan Advokasi", "150.000.000", "142.500.000", "95"]]
    notes = [[f"Catatan {n}"] for n in range(len(realisasi))]  # the same rows, no table
    without, with_ = (read(_others(tmp_path / name, {"Realisasi": rows})) for name, rows in (
        ("a.xlsx", notes), ("b.xlsx", realisasi)))
    assert [t.kind for t in with_.infos] == ["identitas", "pendanaan", "realisasi_anggaran",
                                              "capaian", "matriks", "ro", "narasi"]
    assert "realisasi_anggaran" not in without.tables
    assert with_.tables["realisasi_anggaran"].info.range == "B18:F19"

    def rest(plan):
        return {k: v for k, v in dump(plan).items() if k not in ("path", "tables")}
    assert rest(with_) == rest(without)


@pytest.mark.parametrize("header, kind", [
    (["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"],
     "capaian"),
    (["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target (%)", "Realisasi (%)", "% Capaian"],
     "capaian"),
    (["Kode", "Uraian", "BANTEN", "TANGSEL", "Total"], "pendanaan"),
    (["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Anggaran (Rp)"],
     "matriks"),
    (["Kode", "Uraian", "Pagu", "Realisasi", "%"], "realisasi_anggaran"),
    (["No", "Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "%"], None),
], ids=lambda v: str(v))
def test_headers_of_the_other_kinds_stay_theirs(tmp_path, header, kind):
    row = ["1" if h in ("No", "Kode") else "10" if h not in ("Uraian", "Kegiatan") else "Teks"
           for h in header]
    plan = read(write(tmp_path / "h.xlsx", {"S": block("A1", [header, row])}))
    assert [t.kind for t in plan.infos] == ([kind] if kind else [])


# ---- the outline ---------------------------------------------------------------------------

def _outline(tmp_path, rows, merges=None):
    path = write(tmp_path / "o.xlsx", {"RA": block("A1", rows)}, merges=merges)
    table = read(path).tables["realisasi_anggaran"]
    return [(r.name, r.level, r.parent.index if r.parent else None, r.is_total)
            for r in table.rows]


def test_levels_and_parents_by_regional_code_with_the_total_first(tmp_path):
    rows = [["Kode", "Uraian", "Pagu", "Realisasi", "%"],
            [None, "JUMLAH", "10", "9", "90"],
            ["1", "Urusan Wajib Pelayanan Dasar", "10", "9", "90"],
            ["1.02", "Kesehatan", "10", "9", "90"],
            ["1.02.02", "Pemenuhan Upaya Kesehatan", "10", "9", "90"],
            ["1.02.02.2.01", "Penyediaan Fasilitas", "6", "5", "83,33"],
            ["1.02.02.2.01.0001", "Pembangunan Puskesmas", "6", "5", "83,33"],
            ["1.02.02.2.02", "Penyediaan Layanan", "4", "4", "100"]]
    assert _outline(tmp_path, rows) == [
        ("JUMLAH", None, None, True),
        ("1 Urusan Wajib Pelayanan Dasar", "urusan", None, False),
        ("1.02 Kesehatan", "bidang_urusan", 1, False),
        ("1.02.02 Pemenuhan Upaya Kesehatan", "program", 2, False),
        ("1.02.02.2.01 Penyediaan Fasilitas", "kegiatan", 3, False),
        ("1.02.02.2.01.0001 Pembangunan Puskesmas", "sub_kegiatan", 4, False),
        ("1.02.02.2.02 Penyediaan Layanan", "kegiatan", 3, False)]


def test_levels_by_national_code_by_leading_words_and_items_without_a_level(tmp_path):
    rows = [["No", "Program/Kegiatan", "Pagu", "Realisasi", "%"],
            [None, "066.01.WA Program Dukungan Manajemen", "10", "9", "90"],
            [None, "3236 Pembinaan Administrasi", "10", "9", "90"],
            [None, "3236.EBA Layanan Dukungan Manajemen Internal", "10", "9", "90"],
            [None, "A. PROGRAM PENCEGAHAN", None, None, None],
            [None, "1. Kegiatan Advokasi", "4", "4", "100"],
            [1, "Belanja Barang", "4", "4", "100"],
            [None, "Sub Kegiatan Sosialisasi", "0", "0", "-"],
            ["TOTAL", None, "14", "13", "92,86"]]
    assert _outline(tmp_path, rows, {"RA": ["A9:B9"]}) == [
        ("066.01.WA Program Dukungan Manajemen", "program", None, False),
        ("3236 Pembinaan Administrasi", "kegiatan", 0, False),
        ("3236.EBA Layanan Dukungan Manajemen Internal", "kro", 1, False),
        ("A. PROGRAM PENCEGAHAN", "program", None, False),
        ("1. Kegiatan Advokasi", "kegiatan", 3, False),
        ("Belanja Barang", None, 4, False),
        ("Sub Kegiatan Sosialisasi", "sub_kegiatan", 4, False),
        ("TOTAL", None, None, True)]


def test_a_flat_table_has_no_parents(tmp_path):
    rows = [["Uraian", "Pagu", "Realisasi", "%"],
            ["Belanja Pegawai", "10", "9", "90"], ["Belanja Barang", "10", "9", "90"]]
    assert _outline(tmp_path, rows) == [("Belanja Pegawai", None, None, False),
                                        ("Belanja Barang", None, None, False)]


# ---- whole workbooks -----------------------------------------------------------------------

HEAD = ["No", "Kode", "Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "%", "Sisa (Rp)"]
CORRECT = [
    [1, "066.01.WA", "Program Dukungan Manajemen", "1.300.000.000", "1.261.000.000", "97,00",
     "39.000.000"],
    [2, "3236", "Pembinaan Administrasi dan Pengelolaan Keuangan", "1.000.000.000",
     "970.000.000", "97,00", "30.000.000"],
    [3, "3237", "Pengembangan Organisasi", "300.000.000", "291.000.000", "97,00", "9.000.000"],
    [4, "066.06.DH", "Program Pencegahan dan Pemberantasan", "700.000.000", "655.000.000",
     "93,57", "45.000.000"],
    [5, "3247", "Penyelenggaraan Advokasi", "400.000.000", "382.500.000", "95,63",
     "17.500.000"],
    [6, "3251", "Pelaksanaan Intelijen", "300.000.000", "272.500.000", "90,83", "27.500.000"],
    ["JUMLAH", None, None, "2.000.000.000", "1.916.000.000", "95,80", "84.000.000"],
]


def _workbook(path: Path, rows: list[list]) -> Path:
    cells = {"A1": "REALISASI ANGGARAN BNN PROVINSI CONTOH TAHUN 2023",
             **block("A3", [HEAD, list(range(1, 8)), *rows])}
    return write(path, {"Realisasi 2023": cells}, merges={"Realisasi 2023": ["A11:C11"]})


def _findings(path: Path):
    return [f for f in check_plan(read(path), RULES) if f.rule.startswith(OURS)]


def test_the_correct_table_has_no_finding(tmp_path):
    assert _findings(_workbook(tmp_path / "benar.xlsx", CORRECT)) == []


def test_the_faulty_table_is_reported_at_each_cell(tmp_path):
    rows = [list(r) for r in CORRECT]
    rows[1][3] = "1.000.000.00O"                       # a letter O: unreadable
    rows[2][4:7] = ["310.000.000", "103,33", "-10.000.000"]  # above its pagu
    rows[4][5] = "95,62"                               # 95,625 rounds to 95,63
    rows[5][6] = "37.500.000"                          # sisa is 27.500.000
    found = _findings(_workbook(tmp_path / "salah.xlsx", rows))
    assert sorted((f.rule, f.locations[0].cell, *(str(getattr(v, "value", v))
                                                   for v in (f.expected, f.actual)))
                  for f in found) == [
        ("RAG001", "F9", "95.63", "95.62"),
        ("RAG002", "E5", "1280000000", "1261000000"),
        ("RAG003", "E7", "realisasi <= pagu", "310000000"),
        ("RAG004", "G10", "27500000", "37500000"),
        ("TBL001", "D6", "number", "1.000.000.00O")]
    messages = {f.locations[0].cell: f.message("en") for f in found}
    assert messages["F9"] == (
        "3247 Penyelenggaraan Advokasi: realisasi 382,500,000 / pagu 400,000,000 x 100 = "
        "95.6250%, but 95.62 is written (range 95.615 - 95.625%)")
    assert messages["E5"] == ("066.01.WA Program Dukungan Manajemen, column Realisasi (Rp): its 2 "
                              "items add up to 1,280,000,000, but it says 1,261,000,000")
    assert "E11" not in messages  # the programs' written realisasi still make the JUMLAH
    assert messages["E7"] == ('"Pengembangan Organisasi": realisasi 310,000,000 is above the pagu '
                              "of 300,000,000")
    assert messages["G10"] == ("3251 Pelaksanaan Intelijen: pagu 300,000,000 minus realisasi "
                                  "272,500,000 is 27,500,000, but the remainder says 37,500,000")


# ---- random outlines -----------------------------------------------------------------------

def _code(style: str, path: tuple[int, ...]) -> str | None:
    """The code of the item at `path` (program, kegiatan, sub kegiatan numbers) in `style`."""
    p, *rest = path
    if style == "regional":
        return ".".join([f"1.02.{p + 1:02d}", *(["2", f"{rest[0]:02d}"] if rest else []),
                         *([f"{rest[1]:04d}"] if len(rest) > 1 else [])])
    if style == "national":  # program, kegiatan, KRO
        if not rest:
            return f"{60 + p:03d}.01.WA"
        kegiatan = f"{3000 + 10 * p + rest[0]}"
        return kegiatan if len(rest) == 1 else f"{kegiatan}.{'ABC'[rest[1] - 1]}BA"
    return None  # "words": the label's leading word says the level


@st.composite
def outlines(draw):
    """(rows, parent of each row, total row: None, "first" or "last"): programs, kegiatan and
    sub kegiatan (or KRO) by code or by label, each parent's amounts the sums of its items',
    some parents heading rows that state no figure."""
    style = draw(st.sampled_from(["regional", "national", "words"]))
    rows: list[dict] = []
    parents: list[int | None] = []
    words = ["Program", "Kegiatan", "Sub Kegiatan"]

    def add(path: tuple[int, ...], parent: int | None) -> int:
        third = "kro" if style == "national" else "sub_kegiatan"
        rows.append({"kode": _code(style, path),
                     "uraian": f"{words[len(path) - 1]} {'.'.join(map(str, path))}",
                     "level": ["program", "kegiatan", third][len(path) - 1]})
        parents.append(parent)
        return len(rows) - 1

    for p in range(draw(st.integers(1, 3))):
        top = add((p,), None)
        for k in range(1, draw(st.integers(0, 3)) + 1):
            mid = add((p, k), top)
            for sub in range(1, draw(st.integers(0, 3)) + 1):
                add((p, k, sub), mid)
    for i in reversed(range(len(rows))):  # items before their parent
        kids = [k for k, parent in enumerate(parents) if parent == i]
        if kids:
            rows[i].update(pagu=sum(rows[k]["pagu"] for k in kids),
                           realisasi=sum(rows[k]["realisasi"] for k in kids),
                           blank=draw(st.integers(0, 3)) == 0)
        else:
            pagu = draw(st.integers(0, 10**10))
            rows[i].update(pagu=pagu, realisasi=draw(st.integers(0, pagu)))
    return rows, parents, draw(st.sampled_from([None, "first", "last"]))


def _save(path: Path, rows: list[dict], total: dict | None, where: str | None) -> Path:
    table = ([total] if where == "first" else []) + rows + ([total] if where == "last" else [])
    lines = [["Kode", "Uraian", "Pagu", "Realisasi", "%"]]
    for r in table:
        lines.append([r["kode"], r["uraian"], *([None, None] if r.get("blank") else
                                                [r["pagu"], r["realisasi"]]), None])
    formats = {f"{c}{n}": "#,##0" for n in range(2, len(lines) + 1) for c in "CD"}
    return write(path, {"RA": block("A1", lines)}, formats={"RA": formats})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), st.data())
def test_a_summed_outline_passes_and_a_perturbed_leaf_is_reported_at_its_nearest_sum(
        outline, data):
    rows, parents, where = outline
    total = {"kode": None, "uraian": "Jumlah", **{n: sum(r[n] for r, p in zip(
        rows, parents, strict=True) if p is None) for n in ("pagu", "realisasi")}}
    first = 3 if where == "first" else 2  # the sheet row of rows[0]
    leaf = data.draw(st.sampled_from([i for i in range(len(rows)) if i not in parents]))
    column, letter = data.draw(st.sampled_from([("pagu", "C"), ("realisasi", "D")]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "o.xlsx"
        plan = read(_save(path, rows, total, where))
        assert [f for f in check_plan(plan, RULES) if f.rule == "RAG002"] == []
        rows[leaf][column] += data.draw(st.integers(1, 10**6))
        found = [f.locations[0].cell for f in check_plan(read(_save(path, rows, total, where)),
                                                         RULES) if f.rule == "RAG002"]
    # Reported once, where the disagreement is: the nearest row above that states a sum (a
    # heading row left blank passes its items' sum on), else the total row, if there is one.
    nearest, at = [], parents[leaf]
    while at is not None and not nearest:
        if not rows[at]["blank"]:
            nearest.append(f"{letter}{first + at}")
        at = parents[at]
    if not nearest and where:
        nearest.append(f"{letter}{2 if where == 'first' else first + len(rows)}")
    assert found == nearest
    # The outline read is the one written: each row's level, and its parent.
    shift = 1 if where == "first" else 0
    assert [(r.level, r.parent.index - shift if r.parent else None)
            for r in plan.tables["realisasi_anggaran"].rows if not r.is_total] == \
        [(r["level"], p) for r, p in zip(rows, parents, strict=True)]
