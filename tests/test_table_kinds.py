"""A table kind is declared in one place. Here a kind renjacheck does not ship, last year's
budget realisation (Realisasi Anggaran, as other units add it to their Renja), is declared in
this test alone: registered, it is found by its headings, read row by row, checked by the rule
kinds that work on any table (table schemas, expressions, missing tables), named in rule files
and their JSON schema, and written in the blank template, without a line of another module."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from renjacheck.engine import check_files, check_plan, load_rules
from renjacheck.engine.rules import RuleError
from renjacheck.engine.schema import rule_schema
from renjacheck.model.build import read
from renjacheck.tables import registry
from renjacheck.tables.declare import Column, FieldType, TableKind, Template
from renjacheck.tables.table import Table
from renjacheck.writers.template import Options, write_template
from tests.xlsx import block, write

REALISASI = TableKind(
    name="realisasi_anggaran", label="Realisasi Anggaran", table=Table,
    titles={"id": "Realisasi Anggaran Tahun Lalu", "en": "Last year's budget realisation"},
    columns=(
        Column("uraian", FieldType.TEXT, ("programkegiatan", "programkinerja", "uraian"),
               required=True, wraps=True, heading="Program/Kegiatan", width=50),
        Column("pagu", FieldType.AMOUNT, ("pagu", "alokasianggaranrp", "pagurp"),
               required=True, heading="Pagu (Rp)", width=18, style="amount"),
        Column("realisasi", FieldType.AMOUNT, ("realisasi", "realisasirp"), required=True,
               heading="Realisasi (Rp)", width=18, style="amount"),
        Column("persen", FieldType.QUANTITY, ("capaianrealisasianggaran", "persentase"),
               heading="Persentase", width=12, style="number"),
    ),
    anchors=("pagu", "realisasi"), group_rows=False,
    template=Template(sheet="Realisasi Anggaran", columns=("uraian", "pagu", "realisasi",
                                                           "persen"), year=-1))

RULE = """\
id: {id}
slug: {slug}
kind: {kind}
severity: error
title: {{id: Judul, en: Title}}
message: {{id: "{message}", en: "{message}"}}
rationale: {{id: Alasan, en: Reason}}
params:
{params}
"""
RULES = {
    "REA001": ("realisasi-di-atas-pagu", "expression", "{uraian}: {expression}",
               "table: realisasi_anggaran\nassert: realisasi <= pagu\ncolumns: [uraian]\n"
               "at: realisasi"),
    "REA002": ("sel-wajib", "table_schema", "Kolom {column} kosong",
               "check: required\ncolumns:\n  realisasi_anggaran: [uraian, pagu, realisasi]"),
    "REA003": ("angka", "table_schema", "Kolom {column} berisi {found}",
               "check: number\ncolumns:\n  realisasi_anggaran: [pagu, realisasi, persen]"),
    "REA004": ("ada", "table_present", "Tabel {table} tidak ditemukan",
               "tables: [realisasi_anggaran]"),
}


@pytest.fixture
def kind():
    """The kind, registered for the test only."""
    registry.register(REALISASI)
    yield REALISASI
    registry.unregister(REALISASI.name)


def _rules(folder: Path, rules: dict = RULES) -> list:
    folder.mkdir(exist_ok=True)
    for rule_id, (slug, kind, message, params) in rules.items():
        text = RULE.format(id=rule_id, slug=slug, kind=kind, message=message,
                           params="\n".join(f"  {line}" for line in params.splitlines()))
        (folder / f"{rule_id}.yaml").write_text(text, encoding="utf-8")
    return load_rules([folder])


def _workbook(path: Path) -> Path:
    rows = [["Program/ Kinerja", "Alokasi Anggaran (Rp)", "Realisasi (Rp)",
             "Capaian Realisasi Anggaran (%)"],
            ["Program Pencegahan", "1.000.000", "950.000", "95%"],
            ["Kegiatan Advokasi", "400.000", "450.000", "112,5%"],  # above its pagu
            ["Kegiatan Intelijen", None, "100.000", "-"],            # no pagu: read as zero
            ["Kegiatan Rehabilitasi", "300.000", "belum ada", "?"]]
    cells = {"A1": "Realisasi Anggaran BNN Kota Contoh Tahun 2023"}
    cells.update(block("B3", rows))
    return write(path, {"Realisasi": cells})


def test_a_kind_declared_here_is_read_and_checked(kind, tmp_path):
    plan = read(_workbook(tmp_path / "plan.xlsx"))
    table = plan.tables["realisasi_anggaran"]
    assert [(t.kind, t.sheet, t.range, t.rows) for t in plan.infos] == [
        ("realisasi_anggaran", "Realisasi", "B3:E7", 4)]
    assert table.labels == {"uraian": "Program/ Kinerja", "pagu": "Alokasi Anggaran (Rp)",
                            "realisasi": "Realisasi (Rp)",
                            "persen": "Capaian Realisasi Anggaran (%)"}
    second = table.rows[1]
    assert (second.known("uraian").value, second.known("pagu").value,
            str(second.loc("realisasi"))) == ("Kegiatan Advokasi", 400_000, "Realisasi!D5")
    found = [(f.rule, str(f.locations[0]), f.actual)
             for f in check_plan(plan, _rules(tmp_path / "rules"))]
    # The empty pagu reads as zero (AMOUNT): 100.000 spent against it is REA001's too.
    assert found == [("REA001", "Realisasi!D5", 450_000), ("REA001", "Realisasi!D6", 100_000),
                     ("REA003", "Realisasi!D7", "belum ada"),
                     ("REA003", "Realisasi!E7", "?")]


def test_a_missing_table_of_the_kind_skips_its_rules(kind, tmp_path):
    rules = _rules(tmp_path / "rules")
    path = write(tmp_path / "other.xlsx", {"N": block("A1", [["Tahun", "Bidang", "Teks"],
                                                             [2024, None, "Teks"]])})
    (file,) = check_files([path], rules).files
    assert [(f.rule, f.table, f.message("id")) for f in file.findings] == [
        ("REA004", "realisasi_anggaran", "Tabel Realisasi Anggaran tidak ditemukan")]
    assert file.skipped == {"REA001": ("realisasi_anggaran",),
                            "REA002": ("realisasi_anggaran",),
                            "REA003": ("realisasi_anggaran",)}


def test_rule_files_and_their_schema_know_the_kind_only_while_it_is_declared(tmp_path):
    with pytest.raises(RuleError, match="unknown table 'realisasi_anggaran'"):
        _rules(tmp_path / "before", {"REA001": RULES["REA001"]})
    assert "realisasi_anggaran" not in str(rule_schema())
    registry.register(REALISASI)
    try:
        assert _rules(tmp_path / "during", {"REA001": RULES["REA001"]})[0].requires == \
            {"realisasi_anggaran"}
        assert "realisasi_anggaran" in str(rule_schema())
        with pytest.raises(RuleError, match="has no column 'sisa'"):
            _rules(tmp_path / "bad", {"REA002": (
                "x", "table_schema", "{column}",
                "check: required\ncolumns:\n  realisasi_anggaran: [sisa]")})
    finally:
        registry.unregister(REALISASI.name)


def test_the_template_writes_the_kinds_sheet_and_reads_it_back_empty(kind, tmp_path):
    path = tmp_path / "renja.xlsx"
    write_template(path, Options(year=2024))
    sheet = openpyxl.load_workbook(path)["Realisasi Anggaran"]
    assert sheet["A1"].value == "Realisasi Anggaran Tahun Lalu Tahun 2023"
    assert [c.value for c in sheet[2]] == ["Program/Kegiatan", "Pagu (Rp)", "Realisasi (Rp)",
                                           "Persentase"]
    plan = read(path)
    assert plan.tables["realisasi_anggaran"].info.range == "A2:D2"
    assert len(plan.tables["realisasi_anggaran"]) == 0
