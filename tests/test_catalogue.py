"""The rule catalogue: `rules`, `rule ID`, every rule explained, and the rule-file JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from renjacheck.engine.rules import load_rules
from renjacheck.resources import rules_dir
from renjacheck.engine.schema import SCHEMA_NAME, rule_schema, schema_text
from tests.runner import run

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()


def test_every_shipped_rule_has_an_example_and_a_fix_in_both_languages():
    missing = [(r.id, what) for r in RULES for what in ("example", "fix")
               if getattr(r, what) is None]
    assert missing == []
    # Concrete and short: one or two sentences, not a copy of the rationale.
    assert [r.id for r in RULES if len(r.example.id) > 300 or len(r.fix.en) > 300
            or r.fix.id == r.rationale.id] == []


def test_rules_lists_the_catalogue_sorted_by_id(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "rules")
    lines = out.splitlines()
    assert (code, err) == (0, "")
    assert [line.split()[0] for line in lines] == sorted(r.id for r in RULES)
    width = max(len(r.slug) for r in RULES)
    assert f"{'TBL001':<8} {'angka-tidak-terbaca':<{width}}  kesalahan   Angka tidak terbaca" \
        in lines
    assert f"{'NAM002':<8} {'nama-kegiatan-berbeda':<{width}}  peringatan  " \
           "Nama kegiatan ditulis berbeda dengan tabel pendanaan" in lines
    code, out, _ = run(monkeypatch, capsys, "rules", "--lang", "en")
    assert f"{'CAP010':<8} {'target-positif':<{width}}  error    Zero target in the Capaian" \
        in out.splitlines()
    code, out, _ = run(monkeypatch, capsys, "rules", "--lang", "en", "--format", "json")
    listed = json.loads(out)
    assert [r["id"] for r in listed] == sorted(r.id for r in RULES)
    assert {"id": "WAIV001", "slug": "pengecualian-usang", "severity": "warning",
            "kind": "stale_waiver", "title": "A waiver matches no finding"} in listed


def test_rule_explains_one_rule(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(monkeypatch, capsys, "rule", "TBL002", "--lang", "en")
    assert code == 0
    assert out == (
        "TBL002 angka-negatif (error; kind of check: table cells: figures, required cells, "
        "negatives, repeated codes)\n"
        "Negative budget, target or volume\n\n"
        "Why it matters\n"
        "  Budgets, targets and volumes are never below zero; a negative figure is usually a typo "
        "or the\n  leftover of a subtraction formula.\n\n"
        "Example\n"
        "  The CILEGON amount of kegiatan 3251 reads -25.000.000, left over from a subtraction "
        "formula.\n\n"
        "How to fix\n"
        '  Replace the formula with the right figure; an amount that does not exist is written 0 '
        'or "-".\n\n'
        "Tables needed: capaian, matriks, pendanaan, realisasi_anggaran, ro\n"
        "Rule file: rules/TBL002-angka-negatif.yaml\n")
    code, out, _ = run(monkeypatch, capsys, "rule", "sel-wajib-kosong")
    assert out.splitlines()[:2] == [
        "TBL004 sel-wajib-kosong (kesalahan; jenis pemeriksaan: isi sel tabel: angka, sel wajib, "
        "nilai negatif, kode ganda)", "Sel wajib kosong"]
    assert "Cara memperbaiki" in out and "Tabel yang diperlukan: capaian, matriks, narasi" in out
    code, out, _ = run(monkeypatch, capsys, "rule", "read001", "-f", "json")
    facts = json.loads(out)
    assert (facts["id"], facts["tables"], facts["source"]) == (
        "READ001", [], "rules/READ001-tabel-tidak-ditemukan.yaml")
    assert facts["fix"].startswith("Tambahkan tabelnya")


@pytest.mark.parametrize("query, line", [
    ("TBL01", "renjacheck: no rule 'TBL01'; nearest: TBL001, TBL002, TBL003\n"),
    ("target-positf", "renjacheck: no rule 'target-positf'; nearest: CAP010, "),
])
def test_an_unknown_rule_exits_2_suggesting_the_nearest(monkeypatch, capsys, query, line):
    code, out, err = run(monkeypatch, capsys, "rule", query, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(line) and err.count("\n") == 1


def test_the_committed_schema_is_the_generated_one(monkeypatch, capsys):
    committed = (rules_dir() / SCHEMA_NAME).read_text(encoding="utf-8")
    # If this fails after adding or changing a kind, regenerate the file:
    #   renjacheck rules --schema > rules/renjacheck-rule.schema.json
    assert committed == schema_text()
    assert run(monkeypatch, capsys, "rules", "--schema")[1] == committed


def test_the_schema_accepts_every_shipped_rule_and_refuses_mistakes():
    schema = rule_schema()
    validator = jsonschema.Draft202012Validator(schema)
    for path in sorted(rules_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], path.name
    cap010 = yaml.safe_load((rules_dir() / "CAP010-target-positif.yaml").read_text())
    mistakes = [{**cap010, "severity": "fatal"}, {**cap010, "id": "cap-10"},
                {**cap010, "kind": "expresion"}, {**cap010, "level": 1},
                {**cap010, "params": {"table": "capaian"}},
                {**cap010, "params": {**cap010["params"], "table": "identitas"}},
                {**cap010, "fix": {"id": "Perbaiki"}}]
    assert [validator.is_valid(m) for m in mistakes] == [False] * len(mistakes)
    branches = [ref["$ref"].rsplit("/", 1)[1] for ref in schema["oneOf"]]
    assert "Rule_expression" in branches and "Rule_stale_waiver" in branches
    assert schema["discriminator"]["propertyName"] == "kind"
