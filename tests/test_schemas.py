"""Table schemas (pandera): every failing cell is found in one pass and reported at its cell."""

from __future__ import annotations

import datetime as dt

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from tests.xlsx import block, write

RULES = load_rules()


def _findings(tmp_path, sheets, merges=None):
    reading = read(write(tmp_path / "w.xlsx", sheets, merges))
    return [(f.rule, str(f.locations[0]), f.actual) for f in check_plan(reading, RULES)
            if f.rule != "READ001"]


def test_codes_are_unique_under_their_parent(tmp_path):
    rows = [["Kode", "Uraian", "Total"],
            ["3239.EBA.994", "Layanan Perkantoran", "3"], ["001", "Gaji", "2"], ["A", "x", "2"],
            ["511111", "Gaji pokok", "1"], ["511111", "Gaji pokok lagi", "1"],
            ["002", "Operasional", "1"], ["A", "x", "1"], ["511111", "Gaji pokok", "1"],
            ["3239.EBA.994", "Layanan Perkantoran", "0"]]
    assert _findings(tmp_path, {"P": block("A1", rows)}) == [
        ("TBL003", "P!A6", "511111"), ("TBL003", "P!A10", "3239.EBA.994")]


def test_every_failure_is_collected_at_its_cell(tmp_path):
    rows = [["Kode", "Uraian", "BANTEN", "TANGSEL", "Total"],
            ["3247", None, "belum ada", "-3.000", "5"],
            ["3251", "Intelijen", dt.datetime(2024, 1, 5), "1,2,3", "-7"]]
    assert _findings(tmp_path, {"P": block("B2", rows)}) == [
        ("TBL004", "P!C3", None), ("TBL001", "P!D3", "belum ada"), ("TBL002", "P!E3", "-3.000"),
        ("TBL001", "P!D4", "2024-01-05 00:00:00"), ("TBL001", "P!E4", "1,2,3"),
        ("TBL002", "P!F4", "-7")]


def test_a_merged_cell_fails_once_at_its_range(tmp_path):
    rows = [["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Anggaran"],
            [1, "Advokasi", "S1", "I1", "3", "Kab/Kota", "menyusul"],
            [None, None, "S2", "I2", "x", "Orang"],
            [None, None, "S3", "I3", None, "Orang"]]
    found = _findings(tmp_path, {"M": block("A1", rows)}, {"M": ["A2:A4", "B2:B4", "G2:G4"]})
    assert found == [("TBL001", "M!G2:G4", "menyusul"), ("TBL001", "M!E3", "x"),
                     ("TBL004", "M!E4", None)]


def test_capaian_and_ro_required_cells(tmp_path):
    capaian = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
               [1, "S", None, "2", None, "100%"]]
    ro = [["No.", "Kegiatan", "Indikator Kinerja Kegiatan", "Rincian Output", "Rencana Volume"],
          ["12.", None, "Nilai zona integritas", None, "76 Indeks"]]
    assert _findings(tmp_path, {"C": block("A1", capaian), "R": block("A1", ro)}) == [
        ("TBL004", "C!C2", None), ("TBL004", "C!E2", None),
        ("TBL004", "R!B2", None), ("TBL004", "R!D2", None)]
