"""The expression kind: checked when the rule loads, evaluated safely, found at exact cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.engine.rules import RuleError
from renjacheck.expressions import compile_expression, evaluate
from renjacheck.model.build import read
from tests.xlsx import block, write

RULES = load_rules()
HEAD = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]

RULE = """\
id: EXP901
slug: contoh
kind: expression
severity: warning
title: {{id: Judul, en: Title}}
message: {{id: "{message}", en: "{message}"}}
rationale: {{id: Alasan, en: Reason}}
params:
{params}
"""


def _rule(tmp_path: Path, params: str, message: str = "{expression}") -> list:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    text = RULE.format(message=message, params="\n".join(f"  {p}" for p in params.splitlines()))
    (folder / "EXP901-contoh.yaml").write_text(text, encoding="utf-8")
    return load_rules([folder])


def _capaian(tmp_path: Path, rows: list[list], merges: list[str] = ()) -> Path:
    return write(tmp_path / "c.xlsx", {"C": block("B2", [HEAD, *rows])}, {"C": list(merges)})


def _found(path: Path, rules, rule_id: str) -> list[tuple]:
    return [(f.rule, str(f.locations[0])) for f in check_plan(read(path), rules)
            if f.rule == rule_id]


def test_cap010_zero_target_at_its_cell_and_nothing_else(tmp_path):
    path = _capaian(tmp_path, [
        [1, "S1", "Indikator A", "0%", "10%", "-"],
        [2, "S2", "Indikator B", "40 Orang", "49 Orang", "122,5%"],
        [3, "S3", "Indikator C", "-5", "1", "1"],     # negative: TBL002's, not CAP010's
        [4, "S4", "Indikator D", "abc", "1", "1"],    # unreadable: TBL001's
        [5, "S5", "Indikator E", None, "1", "1"],     # empty: TBL004's
        [6, "S6", "Indikator F", 0, "1", "1"]])
    findings = [f for f in check_plan(read(path), RULES) if f.rule in ("CAP010", "TBL002")]
    assert [(f.rule, str(f.locations[0])) for f in findings] == [
        ("CAP010", "C!E3"), ("TBL002", "C!E5"), ("CAP010", "C!E8")]
    first = findings[0]
    assert first.message("id") == 'Target indikator "Indikator A" tertulis 0%; ' \
                                  "target harus lebih dari nol"
    assert first.message("en") == 'The target of indicator "Indikator A" is 0%; ' \
                                  "a target must be above zero"
    assert (first.expected, first.actual, first.severity.value) == ("target > 0", 0, "error")


def test_cap010_passes_a_clean_table(tmp_path):
    path = _capaian(tmp_path, [[1, "S1", "Indikator A", "60%", "77,14%", "128,57%"],
                               [2, "S2", "Indikator B", "0,5 Indeks", "1", "200%"]])
    assert _found(path, RULES, "CAP010") == []


def test_where_at_columns_and_a_merged_cell_reported_once(tmp_path):
    rules = _rule(tmp_path, 'table: capaian\nwhere: startswith(lower(sasaran), "mening")\n'
                            "assert: realisasi <= target * 2\nat: capaian\ncolumns: [indikator]",
                  message="{indikator}: {realisasi} > 2 x {target}")
    path = _capaian(tmp_path, [
        [1, "Meningkatnya A", "I1", "10", "25", "250%"],
        [2, "Meningkatnya A", "I2", "10", "25", "250%"],
        [3, "Menurunnya B", "I3", "10", "25", "250%"],  # left out by `where`
        [4, "Meningkatnya C", "I4", "10", "20", "200%"]], merges=["G3:G4"])
    findings = [f for f in check_plan(read(path), rules) if f.rule == "EXP901"]
    # Rows 3 and 4 share the merged Capaian cell G3:G4: one finding there.
    assert [(str(f.locations[0]), f.message("id")) for f in findings] == [
        ("C!G3:G4", "I1: 25 > 2 x 10")]


def test_pendanaan_names_and_satker_sum(tmp_path):
    rules = _rule(tmp_path, "table: pendanaan\nassert: satker_sum == total or len(kode) > 4")
    path = write(tmp_path / "p.xlsx", {"P": block("A1", [
        ["Kode", "Uraian", "A", "B", "Total"], ["3247", "Advokasi", "1.000", "2.000", "3.500"],
        ["3247.PBC", "KRO", "1.000", "2.000", "3.500"], ["3251", "Intel", "1", "abc", "1"]])})
    # 3247 breaks the sum at its first named column: Total (satker_sum has no cell of its own).
    # The KRO's long code passes; 3251's unreadable amount leaves satker_sum unknown: skipped.
    assert _found(path, rules, "EXP901") == [("EXP901", "P!E2")]


def test_numbers_are_decimal_and_round_half_up():
    values = {"target": Decimal("0.1"), "realisasi": Decimal("0.2"), "capaian": Decimal("2.675")}
    assert evaluate(compile_expression("target + realisasi == 0.3", "capaian"), values) is True
    assert evaluate(compile_expression("round(capaian, 2)", "capaian"), values) == Decimal("2.68")
    assert evaluate(compile_expression("max(target, realisasi, 1) - abs(-2)", "capaian"),
                    values) == Decimal(-1)
    assert evaluate(compile_expression('contains(upper(indikator), "IKPA")', "capaian"),
                    {"indikator": "Nilai ikpa"}) is True
    assert compile_expression("target > realisasi and capaian", "capaian").names == (
        "target", "realisasi", "capaian")


@pytest.mark.parametrize("expression, detail", [
    ("targte > 0", "unknown name 'targte' (table capaian has: no, sasaran, indikator, target"),
    ("floor(target) > 0", "unknown function 'floor' (functions: abs, min, max, len, round"),
    ("target.real > 0", "Attribute is not allowed in an expression"),
    ("__import__('os').system('x')", "unknown function \"__import__('os').system\""),
    ("__import__('os')", "unknown function '__import__'"),
    ("(lambda: 1)()", "unknown function"),
    ("[t for t in target]", "ListComp is not allowed"),
    ("target > ", "not a valid expression"),
    ("round(target, 2, 3)", "round() takes 1 to 2 arguments, not 3"),
    ("round(target, n=2)", "round() takes no keyword arguments"),
    ("target > indikator", "mixes text and figures"),
    ("lower(target) == 'x'", "mixes text and figures"),
    ("target > None", "the literal None is not allowed"),
    ("abs", "unknown name 'abs'"),
])
def test_bad_expressions_are_refused_at_load_naming_file_rule_and_key(tmp_path, expression,
                                                                      detail):
    quoted = expression.replace("'", "''")  # YAML single quotes
    with pytest.raises(RuleError) as caught:
        _rule(tmp_path, f"table: capaian\nassert: '{quoted}'")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'rules' / 'EXP901-contoh.yaml'}: EXP901: "
                              "key 'params.assert': ")
    assert detail in message


@pytest.mark.parametrize("params, detail", [
    ("table: capaian\nassert: target > 0\nwhere: tahun > 2020", "key 'params.where': unknown"),
    ("table: capaian\nassert: target > 0\nat: volume", "key 'params.at': table 'capaian' has no"),
    ("table: ro\nassert: volume > 0\ncolumns: [target]", "key 'params.columns': table 'ro' has"),
    ("table: identitas\nassert: x", "key 'params.table'"),
    ("table: capaian\nassert: target > 0\nthen: 1", "unknown key 'params.then'"),
])
def test_bad_params_are_refused(tmp_path, params, detail):
    with pytest.raises(RuleError) as caught:
        _rule(tmp_path, params)
    assert detail in str(caught.value)


def test_message_placeholders_are_the_names_used_and_declared(tmp_path):
    with pytest.raises(RuleError) as caught:
        _rule(tmp_path, "table: capaian\nassert: target > 0", message="{indikator}: {target}")
    assert "key 'message.id': unknown placeholder {indikator} (this rule provides: " \
           "expression, target)" in str(caught.value)
    (rule,) = _rule(tmp_path, "table: capaian\nassert: target > 0\ncolumns: [indikator]",
                    message="{indikator}: {target}")
    assert rule.requires == {"capaian"}
    assert rule.needs.all_of == {"capaian"}


def test_compiled_form_is_cached():
    compile_expression.cache_clear()
    first = compile_expression("target > 1", "capaian")
    assert compile_expression("target > 1", "capaian") is first
    assert compile_expression.cache_info().hits == 1
