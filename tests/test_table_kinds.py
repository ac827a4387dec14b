"""A table kind is declared in one place. Here a kind renjacheck does not ship, the plan of the
year's disbursements (Rencana Penarikan Dana, as some units add it to their Renja), is declared
in this test alone: registered, it is found by its headings, read row by row, checked by the rule
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

PENARIKAN = TableKind(
    name="penarikan_dana", label="Rencana Penarikan Dana", table=Table,
    titles={"id": "Rencana Penarikan Dana", "en": "Disbursement plan"},
    columns=(
        Column("uraian", FieldType.TEXT, ("programkegiatan", "programkinerja", "uraian"),
               required=True, wraps=True, heading="Program/Kegiatan", width=50),
        Column("pagu", FieldType.AMOUNT, ("pagu", "alokasianggaranrp", "pagurp"),
               required=True, heading="Pagu (Rp)", width=18, style="amount"),
        Column("penarikan", FieldType.AMOUNT, ("rencanapenarikan", "rencanapenarikanrp"),
               required=True, heading="Rencana Penarikan (Rp)", width=18, style="amount"),
        Column("persen", FieldType.QUANTITY, ("persentasepenarikan", "persentase"),
               heading="Persentase", width=12, style="number"),
    ),
    anchors=("pagu", "penarikan"), group_rows=False,
    template=Template(sheet="Penarikan Dana", columns=("uraian", "pagu", "penarikan",
                                                       "persen"), year=1))

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
    "REA001": ("penarikan-di-atas-pagu", "expression", "{uraian}: {expression}",
               "table: penarikan_dana\nassert: penarikan <= pagu\ncolumns: [uraian]\n"
               "at: penarikan"),
    "REA002": ("sel-wajib", "table_schema", "Kolom {column} kosong",
               "check: required\ncolumns:\n  penarikan_dana: [uraian, pagu, penarikan]"),
    "REA003": ("angka", "table_schema", "Kolom {column} berisi {found}",
               "check: number\ncolumns:\n  penarikan_dana: [pagu, penarikan, persen]"),
    "REA004": ("ada", "table_present", "Tabel {table} tidak ditemukan",
               "tables: [penarikan_dana]"),
}


@pytest.fixture
def kind():
    """The kind, registered for the test only."""
    registry.register(PENARIKAN)
    yield PENARIKAN
    registry.unregister(PENARIKAN.name)


def _rules(folder: Path, rules: dict = RULES) -> list:
    folder.mkdir(exist_ok=True)
    for rule_id, (slug, kind, message, params) in rules.items():
        text = RULE.format(id=rule_id, slug=slug, kind=kind, message=message,
                           params="\n".join(f"  {line}" for line in params.splitlines()))
        (folder / f"{rule_id}.yaml").write_text(text, encoding="utf-8")
    return load_rules([folder])


def _workbook(path: Path) -> Path:
    rows = [["Program/ Kinerja", "Alokasi Anggaran (Rp)", "Rencana Penarikan (Rp)",
             "Persentase Penarikan"],
            ["Program Pencegahan", "1.000.000", "950.000", "95%"],
            ["Kegiatan Advokasi", "400.000", "450.000", "112,5%"],  # above its pagu
            ["Kegiatan Intelijen", None, "100.000", "-"],            # no pagu: read as zero
            ["Kegiatan Rehabilitasi", "300.000", "belum ada", "?"]]
    cells = {"A1": "Rencana Penarikan Dana BNN Kota Contoh Tahun 2024"}
    cells.update(block("B3", rows))
    return write(path, {"Penarikan": cells})


def test_a_kind_declared_here_is_read_and_checked(kind, tmp_path):
    plan = read(_workbook(tmp_path / "plan.xlsx"))
    table = plan.tables["penarikan_dana"]
    assert [(t.kind, t.sheet, t.range, t.rows) for t in plan.infos] == [
        ("penarikan_dana", "Penarikan", "B3:E7", 4)]
    assert table.labels == {"uraian": "Program/ Kinerja", "pagu": "Alokasi Anggaran (Rp)",
                            "penarikan": "Rencana Penarikan (Rp)",
                            "persen": "Persentase Penarikan"}
    second = table.rows[1]
    assert (second.known("uraian").value, second.known("pagu").value,
            str(second.loc("penarikan"))) == ("Kegiatan Advokasi", 400_000, "Penarikan!D5")
    found = [(f.rule, str(f.locations[0]), f.actual)
             for f in check_plan(plan, _rules(tmp_path / "rules"))]
    # The empty pagu reads as zero (AMOUNT): 100.000 drawn against it is REA001's too.
    assert found == [("REA001", "Penarikan!D5", 450_000), ("REA001", "Penarikan!D6", 100_000),
                     ("REA003", "Penarikan!D7", "belum ada"),
                     ("REA003", "Penarikan!E7", "?")]


def test_a_missing_table_of_the_kind_skips_its_rules(kind, tmp_path):
    rules = _rules(tmp_path / "rules")
    path = write(tmp_path / "other.xlsx", {"N": block("A1", [["Tahun", "Bidang", "Teks"],
                                                             [2024, None, "Teks"]])})
    (file,) = check_files([path], rules).files
    assert [(f.rule, f.table, f.message("id")) for f in file.findings] == [
        ("REA004", "penarikan_dana", "Tabel Rencana Penarikan Dana tidak ditemukan")]
    assert file.skipped == {"REA001": ("penarikan_dana",),
                            "REA002": ("penarikan_dana",),
                            "REA003": ("penarikan_dana",)}


def test_rule_files_and_their_schema_know_the_kind_only_while_it_is_declared(tmp_path):
    with pytest.raises(RuleError, match="unknown table 'penarikan_dana'"):
        _rules(tmp_path / "before", {"REA001": RULES["REA001"]})
    assert "penarikan_dana" not in str(rule_schema())
    registry.register(PENARIKAN)
    try:
        assert _rules(tmp_path / "during", {"REA001": RULES["REA001"]})[0].requires == \
            {"penarikan_dana"}
        assert "penarikan_dana" in str(rule_schema())
        with pytest.raises(RuleError, match="has no column 'sisa'"):
            _rules(tmp_path / "bad", {"REA002": (
                "x", "table_schema", "{column}",
                "check: required\ncolumns:\n  penarikan_dana: [sisa]")})
    finally:
        registry.unregister(PENARIKAN.name)


def test_the_template_writes_the_kinds_sheet_and_reads_it_back_empty(kind, tmp_path):
    path = tmp_path / "renja.xlsx"
    write_template(path, Options(year=2024))
    sheet = openpyxl.load_workbook(path)["Penarikan Dana"]
    assert sheet["A1"].value == "Rencana Penarikan Dana Tahun 2025"
    assert [c.value for c in sheet[2]] == ["Program/Kegiatan", "Pagu (Rp)",
                                           "Rencana Penarikan (Rp)", "Persentase"]
    plan = read(path)
    assert plan.tables["penarikan_dana"].info.range == "A2:D2"
    assert len(plan.tables["penarikan_dana"]) == 0
