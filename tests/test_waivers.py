"""Waivers: accepted findings stay in the report, marked, and stop counting; stale ones are found.

The workbook's findings with `--select TBL,WAIV`: TBL001 at D3, TBL003 at B4, TBL002 at D4.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.waivers import WaiverError, load_waivers
from tests.runner import run
from tests.xlsx import block, write

ROWS = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "abc", "5"],
        ["3247", "Lagi", "-5", "5"]]
# Fixed forever: a changed fingerprint scheme would silently invalidate every waiver file.
TBL001_FP, TBL002_FP = "811d1e3cf414f8e9", "be54d655484c9718"
SELECT = ("--select", "TBL,WAIV")


@pytest.fixture
def faulty(tmp_path):
    return write(tmp_path / "salah.xlsx", {"Anggaran": block("B2", ROWS)})


def _waivers(tmp_path: Path, *entries: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text("waivers:\n" + "".join(entries), encoding="utf-8")
    return path


def _entry(fingerprint: str, extra: str = "") -> str:
    return (f"  - fingerprint: {fingerprint}\n    reason: Menunggu revisi DIPA\n"
            f"    accepted_by: Inspektur Wilayah I\n{extra}")


def _issues(out: str) -> list[tuple]:
    (file,) = json.loads(out)["files"]
    return [(i["rule"], i["locations"][0]["cell"] if i["locations"] else None,
             i["waived"]["accepted_by"] if i["waived"] else None) for i in file["issues"]]


def test_a_waived_finding_is_marked_and_does_not_count(monkeypatch, capsys, tmp_path, faulty):
    waivers = _waivers(tmp_path, _entry(TBL001_FP, "    rule: TBL001\n    date: 2024-05-02\n"),
                       _entry(TBL002_FP))
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", *SELECT, "--waivers", waivers,
                       faulty)
    assert code == 1  # TBL003 is still an error
    assert _issues(out) == [("TBL001", "D3", "Inspektur Wilayah I"), ("TBL003", "B4", None),
                            ("TBL002", "D4", "Inspektur Wilayah I")]
    (file,) = json.loads(out)["files"]
    assert file["issues"][0]["waived"] == {"reason": "Menunggu revisi DIPA",
                                           "accepted_by": "Inspektur Wilayah I",
                                           "date": "2024-05-02"}
    assert file["issues"][2]["waived"]["date"] is None
    assert file["summary"] == {"error": 1, "warning": 0, "info": 0, "waived": 2}
    code, out, _ = run(monkeypatch, capsys, "check", *SELECT, "--waivers", waivers, faulty)
    lines = out.splitlines()
    at = lines.index("    KESALAHAN  Anggaran!D3  [TBL001 angka-tidak-terbaca] Angka tidak terbaca")
    assert lines[at + 2] == "      DIKECUALIKAN: Menunggu revisi DIPA " \
                            "(disetujui oleh Inspektur Wilayah I, 2024-05-02)"
    assert "  Ringkasan: 1 kesalahan, 0 peringatan, 0 info, 2 dikecualikan" in lines
    code, out, _ = run(monkeypatch, capsys, "check", "--lang", "en", *SELECT, "--waivers",
                       waivers, faulty)
    assert "      WAIVED: Menunggu revisi DIPA (accepted by Inspektur Wilayah I)" in out
    assert "Summary: 1 errors, 0 warnings, 0 info, 2 waived" in out


def test_every_error_waived_exits_0(monkeypatch, capsys, tmp_path, faulty):
    waivers = _waivers(tmp_path, _entry(TBL001_FP), _entry(TBL002_FP))
    code, _, err = run(monkeypatch, capsys, "check", "--select", "TBL001,TBL002", "--waivers",
                       waivers, faulty)
    assert (code, err) == (0, "")


def test_a_stale_waiver_is_a_finding_of_waiv001(monkeypatch, capsys, tmp_path, faulty):
    waivers = _waivers(tmp_path, _entry("0123456789abcdef"),
                       _entry(TBL001_FP, "    rule: TBL002\n"),   # wrong rule: matches nothing
                       _entry(TBL002_FP, "    rule: TBL004\n"))   # TBL004 is off: not stale
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--select", "TBL001,TBL002,WAIV",
                       "--waivers", waivers, faulty)
    assert code == 1
    assert _issues(out) == [("WAIV001", None, None), ("WAIV001", None, None),
                            ("TBL001", "D3", None), ("TBL002", "D4", None)]
    stale = json.loads(out)["files"][0]["issues"][0]
    assert (stale["severity"], stale["actual"]) == ("warning", "0123456789abcdef")
    assert stale["message"] == (f"Pengecualian 0123456789abcdef (-) di {waivers} tidak cocok "
                                "dengan temuan mana pun: \"Menunggu revisi DIPA\" (disetujui "
                                "oleh Inspektur Wilayah I)")
    # WAIV001 is a rule like any other: re-graded, or switched off.
    args = ("--waivers", waivers, faulty)
    assert run(monkeypatch, capsys, "check", "--select", "WAIV", *args)[0] == 0
    assert run(monkeypatch, capsys, "check", "--select", "WAIV", "--severity", "WAIV001=error",
               *args)[0] == 1
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--select", "TBL002",
                       *args)
    assert _issues(out) == [("TBL002", "D4", None)]


def test_file_limits_a_waiver_to_the_workbooks_it_names(monkeypatch, capsys, tmp_path, faulty):
    other = write(tmp_path / "sub" / "lain.xlsx", {"Anggaran": block("B2", ROWS)})
    waivers = _waivers(tmp_path, _entry(TBL001_FP, "    file: sub/*.xlsx\n"))
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--select", "TBL001,WAIV",
                       "--waivers", waivers, faulty, other)
    files = json.loads(out)["files"]
    assert [(f["path"], f["summary"]["waived"], [i["rule"] for i in f["issues"]])
            for f in files] == [(str(faulty), 0, ["TBL001"]), (str(other), 1, ["TBL001"])]
    assert code == 1


@pytest.mark.parametrize("text, detail", [
    ("waivers:\n  - fingerprint: 811d1e3cf414f8e9\n    accepted_by: X\n",
     "waiver 1: missing key 'reason'"),
    ("waivers:\n" + _entry(TBL001_FP, "    signed: yes\n"), "waiver 1: unknown key 'signed'"),
    ("waivers:\n" + _entry("811D1E3C"), "waiver 1: key 'fingerprint': expected 16 hex digits"),
    ("waivers:\n" + _entry(TBL001_FP, "    date: kemarin\n"),
     "waiver 1: key 'date': must be a date YYYY-MM-DD"),
    ("waivers:\n" + _entry(TBL001_FP, "    date: 2024-13-45\n"),
     ":5:11: the date 2024-13-45 does not exist"),
    ("waivers:\n" + _entry(TBL001_FP, "    rule: TBL999\n"),
     "waiver 1: key 'rule': no rule TBL999"),
    ("waivers:\n" + _entry(TBL001_FP) + _entry(TBL001_FP),
     "waiver 2: fingerprint 811d1e3cf414f8e9 is already waived by waiver 1"),
    ("- fingerprint: 811d1e3cf414f8e9\n", "a waiver file holds one mapping with the key 'waivers'"),
    ("waivers: [unclosed\n", ":1:10: this '[' is never closed with ']'"),
    ("accepted: []\n", "missing key 'waivers'"),
])
def test_bad_waiver_files_exit_2_with_one_line(monkeypatch, capsys, tmp_path, faulty, text,
                                               detail):
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "check", "-l", "en", "--waivers", path, faulty)
    assert (code, out) == (2, "")
    assert err.startswith(f"renjacheck: waiver file: {path}:") and err.count("\n") == 1
    assert detail in err


def test_a_missing_waiver_file(tmp_path):
    with pytest.raises(WaiverError, match="waiver file not found"):
        load_waivers(tmp_path / "nowhere.yaml")


def test_waive_prints_a_stub_that_waives_once_filled_in(monkeypatch, capsys, tmp_path, faulty):
    code, out, err = run(monkeypatch, capsys, "waive", *SELECT, "--rule", "TBL00", "--rule",
                         "TBL001", faulty)
    today = dt.date.today().isoformat()
    assert (code, err) == (0, "")
    assert out.splitlines()[:8] == [
        "waivers:",
        '  # TBL001 Anggaran!D3: Kolom A harus berisi angka, tetapi berisi "abc"',
        f'  - fingerprint: "{TBL001_FP}"', "    rule: TBL001", '    file: "salah.xlsx"',
        '    reason: ""', '    accepted_by: ""', f"    date: {today}"]
    assert out.count("  - fingerprint: ") == 3
    stub = tmp_path / "waivers.yaml"
    stub.write_text(out, encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "check", "--waivers", stub, faulty)
    # An unfilled stub waives nothing.
    assert code == 2 and "pengecualian 1: kunci 'reason': tidak boleh kosong" in err
    stub.write_text(out.replace('reason: ""', "reason: Diterima")
                    .replace('accepted_by: ""', "accepted_by: APIP"), encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", *SELECT, "--waivers", stub,
                       faulty)
    assert (code, json.loads(out)["files"][0]["summary"]) == (
        0, {"error": 0, "warning": 0, "info": 0, "waived": 3})
    code, out, _ = run(monkeypatch, capsys, "waive", *SELECT, "--waivers", stub, faulty)
    assert (code, out) == (0, "waivers:\n")  # nothing left to waive
    code, out, err = run(monkeypatch, capsys, "waive", "--rule", "TBL01", faulty)
    assert (code, out, err) == (2, "", "renjacheck: konfigurasi: baris perintah: opsi '--rule': "
                                       "'TBL01' tidak cocok dengan aturan mana pun\n")


def test_fingerprint_survives_a_row_inserted_above_while_the_cell_moves(tmp_path):
    rules = load_rules()
    head = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]]
    cap = [[1, "S1", "Indikator A", "0%", "10%", "-"]]
    before = write(tmp_path / "a.xlsx", {"Anggaran": block("B2", ROWS),
                                         "Capaian": block("A1", head + cap)})
    inserted = [["3236", "Umum", "1", "1"]]
    after = write(tmp_path / "b.xlsx", {
        "Anggaran": block("B2", ROWS[:1] + inserted + ROWS[1:]),
        "Capaian": block("A1", head + [[0, "S0", "Indikator Baru", "5", "5", "100%"]] + cap)})

    def found(path):
        return {(f.rule, f.fingerprint): str(f.locations[0]) for f in
                check_plan(read(path), rules) if f.rule in ("TBL001", "TBL002", "CAP010")}

    assert found(before) == {("TBL001", TBL001_FP): "Anggaran!D3",
                             ("TBL002", TBL002_FP): "Anggaran!D4",
                             ("CAP010", "fafee437bf66c53b"): "Capaian!D2"}
    assert found(after) == {("TBL001", TBL001_FP): "Anggaran!D4",
                            ("TBL002", TBL002_FP): "Anggaran!D5",
                            ("CAP010", "fafee437bf66c53b"): "Capaian!D3"}


def test_a_configured_waiver_file_and_file_relative_to_it(monkeypatch, capsys, tmp_path):
    book = write(tmp_path / "plans" / "salah.xlsx", {"Anggaran": block("B2", ROWS)})
    (tmp_path / "renjacheck.toml").write_text('select = ["TBL001", "WAIV"]\n'
                                              'waivers = "audit/waivers.yaml"\n')
    (tmp_path / "audit").mkdir()
    waivers = tmp_path / "audit" / "waivers.yaml"
    waivers.write_text("waivers: []\n")
    code, out, _ = run(monkeypatch, capsys, "waive", book)
    # The workbook is outside the waiver file's folder: named by its file name.
    assert '    file: "salah.xlsx"' in out.splitlines()
    waivers.write_text(out.replace('""', "Diterima"), encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book)
    assert (code, _issues(out)) == (0, [("TBL001", "D3", "Diterima")])
    # A glob relative to the waiver file's folder that names another workbook: not applied.
    waivers.write_text(_waivers(tmp_path, _entry(TBL001_FP, "    file: plans/*.xlsx\n"))
                       .read_text(), encoding="utf-8")
    moved = tmp_path / "audit" / "plans"
    moved.mkdir()
    other = write(moved / "salah.xlsx", {"Anggaran": block("B2", ROWS)})
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book, other)
    assert [[i["waived"] is not None for i in f["issues"]]
            for f in json.loads(out)["files"]] == [[False], [True]]


def test_every_fingerprint_survives_rows_inserted_above_every_table(tmp_path):
    from tests.plans import template_blocks

    blocks = template_blocks()
    blocks["Pendanaan"][2][2] = "abc"               # TBL001 and the sums around it
    blocks["Capaian"][1][3] = "0%"                  # CAP010, and whatever follows from it
    blocks["Matriks"][1][4] = "-1"                  # TBL002
    blocks["Salinan"] = blocks["Narasi"]            # READ002

    def findings(top: int) -> dict[tuple, list[int]]:
        sheets = {name: block(f"A{top}", rows) for name, rows in blocks.items()}
        if top > 1:
            for cells in sheets.values():
                cells["A1"] = "Judul"
        path = write(tmp_path / f"r{top}.xlsx", sheets)
        found: dict[tuple, list[int]] = {}
        for f in check_plan(read(path), load_rules()):
            found.setdefault((f.rule, f.fingerprint), []).extend(loc.row for loc in f.locations)
        return found

    before, after = findings(1), findings(4)
    rules = {rule for rule, _ in before}
    assert {"TBL001", "TBL002", "CAP010", "READ002"} <= rules
    assert set(before) == set(after)
    assert {k: [r + 3 for r in rows] for k, rows in before.items()} == after


@pytest.mark.parametrize("shape", [
    lambda h: str(10**15 + int(h, 16) % (9 * 10**15)),   # all digits: YAML reads an int
    lambda h: "0" + oct(int(h, 16))[2:][-15:].zfill(15),  # 0 and octal digits: an octal int
    lambda h: "1e5" + str(int(h, 16))[-13:].zfill(13),     # an exponent to a YAML 1.2 reader
])
def test_a_stub_reads_back_whatever_its_fingerprint_looks_like(monkeypatch, capsys, tmp_path,
                                                              faulty, shape):
    """`waive` quotes fingerprints: one that looks like a number still reads back as the text."""
    from renjacheck.findings import Finding

    real = Finding.fingerprint.fget
    monkeypatch.setattr(Finding, "fingerprint", property(lambda f: shape(real(f))))
    code, out, err = run(monkeypatch, capsys, "waive", *SELECT, faulty)
    assert (code, err) == (0, "")
    printed = [line.split(": ", 1)[1] for line in out.splitlines() if "- fingerprint:" in line]
    assert printed[0] == f'"{shape(TBL001_FP)}"' and len(printed) == 3
    assert all(p.startswith('"') and p.strip('"').isalnum() for p in printed)
    stub = tmp_path / "waivers.yaml"
    stub.write_text(out.replace('reason: ""', "reason: Diterima")
                    .replace('accepted_by: ""', "accepted_by: APIP"), encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "check", "-f", "json", *SELECT, "--waivers", stub,
                         faulty)
    assert (code, err) == (0, "")
    assert _issues(out) == [("TBL001", "D3", "APIP"), ("TBL003", "B4", "APIP"),
                            ("TBL002", "D4", "APIP")]


def test_an_unquoted_numeric_fingerprint_is_refused_with_the_fix(monkeypatch, capsys, tmp_path,
                                                                faulty):
    path = _waivers(tmp_path, _entry("1234567890123456"))
    code, out, err = run(monkeypatch, capsys, "check", "--waivers", path, faulty)
    assert (code, out) == (2, "")
    assert err == (f"renjacheck: berkas pengecualian: {path}: pengecualian 1: kunci "
                   "'fingerprint': YAML membaca sidik jari tanpa tanda kutip ini sebagai "
                   'bilangan; tulis dalam tanda kutip, seperti "0123456789012345"\n')
    path = _waivers(tmp_path, _entry('"1234567890123456"'))
    assert [w.fingerprint for w in load_waivers(path)] == ["1234567890123456"]
