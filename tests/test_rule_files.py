"""Rule files decode strictly: every mistake is refused, naming the file, the rule and the key."""

from __future__ import annotations

import fnmatch
import shutil
import tomllib
from pathlib import Path

import pytest

from renjacheck.engine.rules import RuleError, load_rules
from renjacheck.resources import rules_dir

GOOD = """\
id: TBL901
slug: contoh
kind: table_schema
severity: error
title: {id: Judul, en: Title}
message: {id: "Kolom {column} kosong", en: "Column {column} is empty"}
rationale: {id: Alasan, en: Reason}
params:
  check: required
  columns: {capaian: [target]}
"""


def _folder(tmp_path: Path, text: str, name: str = "TBL901-contoh.yaml") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_shipped_rules_load_in_id_order():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert ids == sorted(ids) and {"READ001", "READ002", "TBL001", "TBL004", "PAGU001"} <= set(ids)
    tbl001 = next(r for r in rules if r.id == "TBL001")
    assert tbl001.requires == {"pendanaan", "capaian", "matriks", "ro", "narasi",
                               "realisasi_anggaran"}
    assert rules_dir().is_dir()


def test_a_good_rule_file_loads(tmp_path):
    (rule,) = load_rules([_folder(tmp_path, GOOD)])
    assert (rule.id, rule.slug, rule.severity.value, rule.params.check) == (
        "TBL901", "contoh", "error", "required")


@pytest.mark.parametrize("change, detail", [
    (("severity: error", "severity: error\nlevel: high"), "unknown key 'level'"),
    (("kind: table_schema", "kind: table_shema"), "key 'kind': unknown kind 'table_shema'"),
    (("check: required", "check: required\n  extra: 1"), "unknown key 'params.extra'"),
    (("{capaian: [target]}", "{capaian: [targett]}"), "table 'capaian' has no column 'targett'"),
    (("{capaian: [target]}", "{anggaran: [target]}"), "key 'params.columns.anggaran'"),
    (("check: required", "check: number\n  columns: {capaian: [sasaran]}"), None),
    (("Kolom {column} kosong", "Kolom {kolom} kosong"),
     "key 'message.id': unknown placeholder {kolom}"),
    (("title: {id: Judul, en: Title}", "title: {id: Judul}"), "missing key 'title.en'"),
    (("id: TBL901", "id: tbl-901"), "key 'id'"),
])
def test_mistakes_are_refused_with_file_rule_and_key(tmp_path, change, detail):
    old, new = change
    text = GOOD.replace(old, new, 1)
    if detail is None:  # a figure check on a text column
        text = text.replace("  columns: {capaian: [target]}\n", "", 1)
        detail = "column capaian.sasaran holds text; 'number' needs figures"
    folder = _folder(tmp_path, text)
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    message = str(caught.value)
    assert message.startswith(str(folder / "TBL901-contoh.yaml"))
    assert detail in message


def test_duplicate_id_and_bad_yaml(tmp_path):
    folder = _folder(tmp_path, GOOD)
    (folder / "TBL902-lagi.yaml").write_text(GOOD, encoding="utf-8")
    duplicate = r"TBL902-lagi.yaml: TBL901: duplicate id \(also in .*TBL901"
    with pytest.raises(RuleError, match=duplicate):
        load_rules([folder])
    folder = _folder(tmp_path / "b", "id: [unclosed")
    with pytest.raises(RuleError, match=r"TBL901-contoh.yaml:1:5: this '\[' is never closed "
                                        r"with '\]'"):
        load_rules([folder])
    with pytest.raises(RuleError, match="rule folder not found"):
        load_rules([tmp_path / "nowhere"])


def test_shipped_rules_are_copied_whole_into_the_package_data(tmp_path):
    # The rules folder is the package data of renjacheck._rules: rule files at the top, the
    # schema beside them, data files in data/; the package-data globs must cover every one.
    shipped = rules_dir()
    top = sorted(p.name for p in shipped.iterdir() if p.is_file() and p.suffix != ".yaml")
    assert top == ["renjacheck-rule.schema.json"]
    assert sorted(p.name for p in shipped.iterdir() if p.is_dir() and p.name != "__pycache__") \
        == ["data"]
    pyproject = tomllib.loads((shipped.parent / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["renjacheck._rules"]
    files = [p.relative_to(shipped).as_posix() for p in shipped.rglob("*") if p.is_file()
             and "__pycache__" not in p.parts]
    assert [f for f in files if not any(fnmatch.fnmatch(f, g) for g in globs)] == []
    copy = shutil.copytree(shipped, tmp_path / "copy")
    assert [r.id for r in load_rules([copy])] == [r.id for r in load_rules()]


@pytest.mark.parametrize("kind, params, detail", [
    ("period_total", "columns: {capaian: [sasaran]}",
     "column capaian.sasaran is not a figure column of 'capaian'"),
    ("figure_words", "reason: compound\n  columns: {pendanaan: [total]}",
     "column pendanaan.total is not a quantity column of 'pendanaan'"),
])
def test_a_kind_refuses_a_column_of_the_wrong_type(tmp_path, kind, params, detail):
    text = GOOD.replace("kind: table_schema", f"kind: {kind}", 1)
    text = text[:text.index("params:")] + f"params:\n  {params}\n"
    with pytest.raises(RuleError) as caught:
        load_rules([_folder(tmp_path, text)])
    assert detail in str(caught.value)
