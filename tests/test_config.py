"""Configuration: found from each workbook's folder up, decoded strictly, overridden by flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renjacheck.config import ConfigError, Flags, Resolver, _enabled, find_config, read_config
from tests.runner import run
from tests.snippets import ORG_RULE
from tests.xlsx import block, write

ROWS = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "abc", "5"],
        ["3247", "Lagi", "-5", "5"]]
EXTRA = ORG_RULE


def _book(folder: Path, name: str = "salah.xlsx") -> Path:
    return write(folder / name, {"Anggaran": block("B2", ROWS)})


def _flat(out: str) -> list[list[tuple]]:
    return [[(i["rule"], i["severity"], i["locations"][0]["cell"] if i["locations"] else None)
             for i in f["issues"]] for f in json.loads(out)["files"]]


def test_the_nearest_config_wins_and_renjacheck_toml_before_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.renjacheck]\nselect = ["TBL"]\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "a" / "renjacheck.toml").write_text('select = ["TBL001"]\n')
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.renjacheck]\nselect = ["TBL002"]\n')
    (sub / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no table: passed over
    assert find_config(sub) == tmp_path / "a" / "renjacheck.toml"
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert find_config(tmp_path.parent) is None  # up to the filesystem root: nothing
    assert read_config(tmp_path / "pyproject.toml").select == ["TBL"]


def test_each_workbook_is_checked_with_its_own_config(monkeypatch, capsys, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "renjacheck.toml").write_text(
        'select = ["TBL"]\nignore = ["TBL003"]\nseverity = {TBL001 = "warning"}\n')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "pyproject.toml").write_text(
        '[tool.renjacheck]\nselect = ["TBL002", "READ", "CAP001"]\n'
        'severity = {READ = "warning"}\n')
    first, second = _book(tmp_path / "a"), _book(tmp_path / "b")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", first, second)
    assert code == 1
    assert _flat(out) == [
        [("TBL001", "warning", "D3"), ("TBL002", "error", "D4")],
        [("READ001", "warning", None)] * 5 + [("TBL002", "error", "D4")]]
    # READ001 names only the rules that are on and that the missing table keeps from running:
    # CAP001 needs the Capaian; TBL002 runs on the tables there are.
    second = json.loads(out)["files"][1]
    messages = [i["message"] for i in second["issues"]]
    assert messages[0] == "Tabel Capaian tidak ditemukan; aturan yang dilewati: CAP001"
    assert messages[2] == "Tabel Matriks tidak ditemukan; aturan yang dilewati: -"
    assert second["rules"] == {"ran": ["READ001", "READ002", "READ003", "READ004", "READ005",
                                       "READ006", "READ007", "READ008", "TBL002"],
                               "skipped": [{"rule": "CAP001", "missing": ["capaian"]}]}


def test_a_severity_override_changes_the_exit_code(monkeypatch, capsys, tmp_path):
    (tmp_path / "renjacheck.toml").write_text('select = ["TBL"]\nseverity = {TBL = "info"}\n')
    book = _book(tmp_path)
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book)
    assert code == 0
    assert json.loads(out)["files"][0]["summary"] == {"error": 0, "warning": 0, "info": 3,
                                                      "waived": 0}
    # The flag wins over the file, the more specific entry over the shorter prefix.
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--severity", "TBL002=error",
                       book)
    assert code == 1
    assert _flat(out) == [[("TBL001", "info", "D3"), ("TBL003", "info", "B4"),
                           ("TBL002", "error", "D4")]]


def test_flags_override_the_file(monkeypatch, capsys, tmp_path):
    (tmp_path / "renjacheck.toml").write_text('select = ["TBL"]\nlang = "en"\n')
    book = _book(tmp_path)
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--select", "TBL001",
                       "--select", "TBL003", book)
    assert _flat(out) == [[("TBL001", "error", "D3"), ("TBL003", "error", "B4")]]
    assert json.loads(out)["files"][0]["issues"][0]["title"] == "Number cannot be read"
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--ignore", "TBL00", book)
    assert _flat(out) == [[]] and code == 0
    code, out, _ = run(monkeypatch, capsys, "check", "--lang", "id", "--select", "TBL001", book)
    assert "Ringkasan: 1 kesalahan" in out
    monkeypatch.setenv("RENJACHECK_LANG", "id")
    assert "Ringkasan:" in run(monkeypatch, capsys, "check", book)[1]
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--no-config", "--select",
                       "TBL001", book)
    assert _flat(out) == [[("TBL001", "error", "D3")]]
    other = tmp_path / "lain.toml"
    other.write_text('select = ["TBL002"]\n')
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--config", other, book)
    assert _flat(out) == [[("TBL002", "error", "D4")]]


@pytest.mark.parametrize("select, ignore, enabled", [
    (None, [], ["TBL001", "TBL002", "TBL003"]),
    (["TBL"], ["TBL003"], ["TBL001", "TBL002"]),
    (None, ["TBL"], []),
    (["TBL001"], ["TBL"], ["TBL001"]),          # the more specific entry wins
    (["TBL001"], ["TBL001"], []),               # a tie: ignore
    ([], [], []),
])
def test_select_and_ignore(select, ignore, enabled):
    ids = ["TBL001", "TBL002", "TBL003"]
    assert [i for i in ids if _enabled(i, select, ignore)] == enabled


def test_extra_rule_folders_are_relative_to_the_config(monkeypatch, capsys, tmp_path):
    (tmp_path / "aturan").mkdir()
    (tmp_path / "aturan" / "ORG001-uraian-pendek.yaml").write_text(EXTRA, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.renjacheck]\nrules = ["aturan"]\nselect = ["ORG", "TBL001"]\n')
    book = _book(tmp_path / "plans")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book)
    assert _flat(out) == [[("TBL001", "error", "D3"), ("ORG001", "warning", "C4")]]
    assert json.loads(out)["files"][0]["issues"][1]["message"] == "Uraian Lagi terlalu pendek"
    monkeypatch.chdir(tmp_path / "plans")  # the catalogue commands find the config too
    code, out, _ = run(monkeypatch, capsys, "rule", "org001", "--lang", "en")
    assert code == 0 and out.startswith("ORG001 uraian-pendek (warning; kind of check: an "
                                        "assertion every row of a table must meet)\n")


def test_an_extra_rule_may_not_reuse_a_shipped_id(monkeypatch, capsys, tmp_path):
    (tmp_path / "aturan").mkdir()
    (tmp_path / "aturan" / "TBL001.yaml").write_text(EXTRA.replace("ORG001", "TBL001"))
    code, out, err = run(monkeypatch, capsys, "check", "--rules", tmp_path / "aturan",
                         _book(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"renjacheck: berkas aturan: {tmp_path / 'aturan' / 'TBL001.yaml'}: "
                          "TBL001: id ganda (juga di ")


@pytest.mark.parametrize("text, detail", [
    ("selct = []\n", "unknown key 'selct'"),
    ('severity = {TBL001 = "fatal"}\n',
     "key 'severity.TBL001': must be one of error, warning, info"),
    ('select = ["PAGX"]\n', "key 'select': 'PAGX' matches no rule"),
    ('ignore = ["TBL9"]\n', "key 'ignore': 'TBL9' matches no rule"),
    ('severity = {XYZ = "info"}\n', "key 'severity': 'XYZ' matches no rule"),
    ('rules = ["hilang"]\n', "key 'rules': rule folder not found: "),
    ('waivers = "hilang.yaml"\n', "key 'waivers': file not found: "),
    ('lang = "fr"\n', "key 'lang': must be one of id, en"),
    ("select = \n", ":1:10: not a valid value: text goes in quotes, lists in [ ]"),
    ('require = ["matrik"]\n', "key 'require': unknown table 'matrik' (tables: identitas, "),
    ('select = "TBL"\n', "key 'select': must be a list ([...])"),
])
def test_bad_configs_exit_2_with_one_line_naming_file_and_key(monkeypatch, capsys, tmp_path,
                                                              text, detail):
    config = tmp_path / "renjacheck.toml"
    config.write_text(text, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "check", "--lang", "en", _book(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith(f"renjacheck: config: {config}:") and err.count("\n") == 1
    assert detail in err


@pytest.mark.parametrize("args, detail", [
    (("--select", "XYZ"), "command line: option '--select': 'XYZ' matches no rule"),
    (("--ignore", "TBL,,Q"), "command line: option '--ignore': 'Q' matches no rule"),
    (("--severity", "TBL001"), "option '--severity': 'TBL001' is not ID=error|warning|info"),
    (("--severity", "TBL001=fatal"), "is not ID=error|warning|info"),
    (("--severity", "ZZZ=info"), "option '--severity': 'ZZZ' matches no rule"),
    (("--rules", "hilang"), "option '--rules': rule folder not found: hilang"),
    (("--config", "hilang.toml"), "hilang.toml: config file not found"),
    (("--require", "pendanaan,rka"), "option '--require': unknown table 'rka' (tables: "),
])
def test_bad_flags_exit_2_with_one_line(monkeypatch, capsys, tmp_path, args, detail):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(monkeypatch, capsys, "check", "-l", "en", *args, _book(tmp_path))
    assert (code, out) == (2, "")
    assert err.startswith("renjacheck: config: ") and err.count("\n") == 1 and detail in err


def test_a_pyproject_given_with_config_needs_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    resolver = Resolver(Flags(config=tmp_path / "pyproject.toml"))
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.renjacheck\] table"):
        resolver.for_workbook(tmp_path / "x.xlsx")


def test_each_config_is_resolved_once(tmp_path):
    (tmp_path / "renjacheck.toml").write_text('select = ["TBL"]\n')
    resolver = Resolver()
    first = resolver.for_workbook(tmp_path / "a.xlsx")
    assert resolver.for_workbook(tmp_path / "b.xlsx") is first
    assert [r.id for r in first.setup.rules] == ["TBL001", "TBL002", "TBL003", "TBL004",
                                                 "TBL005", "TBL006", "TBL007"]
    assert first.path == tmp_path / "renjacheck.toml"


def test_required_tables_are_errors_where_missing_or_empty(monkeypatch, capsys, tmp_path):
    """`require`: a table missing is an error without a cell; one whose header reads no row is
    an error at its header; one read is nothing. The flag replaces the file's list."""
    header = ["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target", "Satuan", "Anggaran"]
    book = write(tmp_path / "renja.xlsx", {"Anggaran": block("B2", ROWS[:2]),
                                           "Matriks": block("C4", [header])})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.renjacheck]\nrequire = ["pendanaan", "matriks", "narasi"]\n'
        'select = ["READ007"]\n')
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book)
    # Findings without a cell come first (the report's general section), then by sheet.
    assert (code, _flat(out)) == (1, [[("READ007", "error", None),
                                        ("READ007", "error", "C4:I4")]])
    issues = json.loads(out)["files"][0]["issues"]
    assert issues[1]["locations"][0]["sheet"] == "Matriks"
    assert issues[0]["message"] == (
        "Tabel Narasi wajib ada (konfigurasi `require`), tetapi tidak ada baris yang terbaca "
        "darinya (judul kolom: -); aturan yang tidak berjalan: -")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "--require", "pendanaan", book)
    assert (code, _flat(out)) == (0, [[]])
