"""A broken rule, waiver, vocabulary or configuration file is named at its line and column, with
what was expected there, in the run's language; a renjacheck.toml copied from a pyproject.toml,
`[tool.renjacheck]` header and all, is read as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from renjacheck.config import read_config
from tests.runner import run
from tests.snippets import ORG_RULE, WAIVER_FILE
from tests.xlsx import block, write

ROWS = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "abc", "5"]]
RULE = ORG_RULE
WAIVER = WAIVER_FILE


@pytest.fixture
def book(tmp_path):
    return write(tmp_path / "renja.xlsx", {"Anggaran": block("B2", ROWS)})


def _refusal(monkeypatch, capsys, *args) -> str:
    code, out, err = run(monkeypatch, capsys, *map(str, args))
    assert (code, out, err.count("\n")) == (2, "", 1), err
    return err.removesuffix("\n")


# (file text, line, column, what the English says there, what the Indonesian says there)
YAML_CASES = [
    (RULE.replace("severity: warning", "severity: warning: keras"), 4, 18,
     "': ' is not allowed here; put a value holding ': ' in quotes",
     "': ' tidak boleh di sini; apit nilai yang memuat ': ' dengan tanda kutip"),
    (RULE.replace("kind: expression", " kind: expression"), 3, 2,
     "this line is indented deeper than the key above it; line them up",
     "baris ini menjorok lebih dalam daripada kunci di atasnya; sejajarkan"),
    (RULE.replace("kind: expression", "kind: expression\n id: ORG003"), 4, 2,
     "this line is indented deeper than the key above it; line them up",
     "baris ini menjorok lebih dalam daripada kunci di atasnya; sejajarkan"),
    (RULE.replace("params: {table: pendanaan, assert: len(uraian) > 5}",
                  "params:\n  table: pendanaan\n assert: len(uraian) > 5"), 10, 2,
     "this line is not indented as a key or item above it",
     "indentasi baris ini tidak sejajar dengan kunci atau butir di atasnya"),
    (RULE.replace("params: {", "params:\n\ttable: x\n#"), 9, 1,
     "a tab cannot indent YAML; use spaces",
     "karakter tab tidak boleh dipakai untuk indentasi; pakai spasi"),
    (RULE.replace("title: {id: Uraian", "title: {id: `Uraian"), 5, 13,
     "a value cannot start with '`'; put it in quotes",
     "nilai tidak boleh diawali '`'; apit nilainya dengan tanda kutip"),
    (RULE.replace('en: "Label {uraian} is too short"}', 'en: "Label {uraian} is too short}'),
     6, 53, "the quote opened here is never closed",
     "tanda kutip yang dibuka di sini tidak pernah ditutup"),
    (RULE.replace("rationale: {id: Alasan, en: Reason}", "rationale: {id: Alasan, en: Reason"),
     7, 12, "this '{' is never closed with '}'", "'{' ini tidak ditutup dengan '}'"),
    (RULE.replace("slug: uraian-pendek", "slug uraian-pendek"), 2, 1,
     "expected ':' after the key", "diharapkan ':' setelah kunci"),
    (RULE.replace("Uraian {uraian}", "Uraian \\q{uraian}"), 6, 23,
     "an unknown '\\' escape in double quotes; use single quotes",
     "escape '\\' tidak dikenal di dalam tanda kutip ganda; pakai tanda kutip tunggal"),
    (RULE + "---\nid: ORG002\n", 9, 1,
     "the file holds more than one document ('---'); write one",
     "berkas memuat lebih dari satu dokumen ('---'); tulis satu saja"),
]


@pytest.mark.parametrize("text, line, column, en, id_", YAML_CASES)
def test_a_broken_rule_file_is_named_at_its_line_and_column(monkeypatch, capsys, tmp_path, book,
                                                          text, line, column, en, id_):
    folder = tmp_path / "aturan"
    folder.mkdir()
    path = folder / "ORG001.yaml"
    path.write_text(text, encoding="utf-8")
    err = _refusal(monkeypatch, capsys, "check", "--rules", folder, book)
    assert err == f"renjacheck: berkas aturan: {path}:{line}:{column}: {id_}"
    err = _refusal(monkeypatch, capsys, "check", "--lang", "en", "--rules", folder, book)
    assert err == f"renjacheck: rule file: {path}:{line}:{column}: {en}"


def test_a_broken_waiver_file_is_named_at_its_line_and_column(monkeypatch, capsys, tmp_path,
                                                             book):
    path = tmp_path / "waivers.yaml"
    path.write_text(WAIVER.replace("reason: Menunggu revisi", "reason: Catatan: menunggu"))
    err = _refusal(monkeypatch, capsys, "check", "--waivers", path, book)
    assert err == (f"renjacheck: berkas pengecualian: {path}:3:20: ': ' tidak boleh di sini; "
                   "apit nilai yang memuat ': ' dengan tanda kutip")
    path.write_text(WAIVER.replace("    accepted_by", "   accepted_by"))
    err = _refusal(monkeypatch, capsys, "check", "-l", "en", "--waivers", path, book)
    assert err == (f"renjacheck: waiver file: {path}:4:4: this line is not indented as a key or "
                   "item above it")
    path.write_text(WAIVER.replace("  - fingerprint", "  fingerprint"))
    err = _refusal(monkeypatch, capsys, "check", "-l", "en", "--waivers", path, book)
    assert err == (f"renjacheck: waiver file: {path}:3:5: this line is not indented as a key or "
                   "item above it")


def test_a_broken_vocabulary_file_is_named_at_its_line_and_column(monkeypatch, capsys, tmp_path,
                                                                 book):
    (tmp_path / "renjacheck.toml").write_text('vocabulary = "kosakata.yaml"\n')
    vocabulary = tmp_path / "kosakata.yaml"
    vocabulary.write_text("tabel:\n  capaian:\n    capaian: [Capaian Akhir\n")
    err = _refusal(monkeypatch, capsys, "check", book)
    assert err == f"renjacheck: kosakata: {vocabulary}:3:14: '[' ini tidak ditutup dengan ']'"


# (TOML text, line, column, English, Indonesian)
TOML_CASES = [
    ('select = ["TBL"]\nlang = en\n', 2, 8,
     "not a valid value: text goes in quotes, lists in [ ], true/false in lower case",
     "nilai tidak sah: teks ditulis dalam tanda kutip, daftar dalam [ ], true/false dengan huruf "
     "kecil"),
    ('select ["TBL"]\n', 1, 8, "expected '=' after the key", "diharapkan '=' setelah kunci"),
    ('select = ["TBL"\nlang = "en"\n', 2, 1, "a list '[' is not closed with ']'",
     "daftar '[' tidak ditutup dengan ']'"),
    ('lang = "en\n', 1, 11, "a text is not closed with its quote",
     "teks tidak ditutup dengan tanda kutip"),
    ('lang = "en"\nlang = "id"\n', 2, 12, "this key or table is written already",
     "kunci atau tabel ini sudah ditulis sebelumnya"),
    ('[limits\nfile_bytes = 10\n', 1, 8, "expected ']' to close the table header",
     "diharapkan ']' untuk menutup judul tabel"),
    ('rules = ["C:\\aturan"]\n', 1, 13,
     "a '\\' in double quotes is written '\\\\'; or use single quotes",
     "'\\' dalam teks bertanda kutip ganda ditulis '\\\\'; atau pakai tanda kutip tunggal"),
    ('lang = "en" x\n', 1, 13, "expected the end of the line after `key = value`",
     "diharapkan akhir baris setelah `kunci = nilai`"),
]


@pytest.mark.parametrize("name", ["renjacheck.toml", "pyproject.toml"])
@pytest.mark.parametrize("text, line, column, en, id_", TOML_CASES)
def test_a_broken_configuration_is_named_at_its_line_and_column(monkeypatch, capsys, tmp_path,
                                                               book, name, text, line, column,
                                                               en, id_):
    config = tmp_path / name
    if name == "pyproject.toml":  # the same mistakes, two lines down, under the header
        text, line = '[project]\nname = "x"\n[tool.renjacheck]\n' + text, line + 3
    config.write_text(text, encoding="utf-8")
    err = _refusal(monkeypatch, capsys, "check", book)
    assert err == f"renjacheck: konfigurasi: {config}:{line}:{column}: {id_}"
    err = _refusal(monkeypatch, capsys, "check", "--lang", "en", book)
    assert err == f"renjacheck: config: {config}:{line}:{column}: {en}"


def test_text_that_is_not_utf8_is_named_at_its_byte(monkeypatch, capsys, tmp_path, book):
    config = tmp_path / "renjacheck.toml"
    config.write_bytes('select = ["TBL"]\nlang = "id" # Cat\xe9gorie\n'.encode("latin-1"))
    err = _refusal(monkeypatch, capsys, "check", book)
    assert err == (f"renjacheck: konfigurasi: {config}:2:18: bukan teks UTF-8 (bait 0xe9); "
                   "simpan berkas sebagai UTF-8")


def test_a_renjacheck_toml_with_the_pyproject_header_is_read_as_it_is(monkeypatch, capsys,
                                                                     tmp_path, book):
    config = tmp_path / "renjacheck.toml"
    config.write_text('[tool.renjacheck]\nselect = ["TBL001"]\nlang = "en"\n')
    assert read_config(config).select == ["TBL001"]
    code, out, err = run(monkeypatch, capsys, "check", "-q", book)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        f'{book}: Anggaran!D3: [TBL001 angka-tidak-terbaca] Column A must hold a number, but '
        'holds "abc"', "1 file checked: 1 error, 0 warnings, 0 info, 0 waived"]
    # Keys in both places: which would win is anyone's guess, so neither does.
    config.write_text('select = ["TBL"]\n[tool.renjacheck]\nselect = ["TBL001"]\n')
    err = _refusal(monkeypatch, capsys, "check", "-l", "en", book)
    assert err == (f"renjacheck: config: {config}: this file holds keys at the top level and "
                   "[tool.renjacheck] too; write every key in one place")
    config.write_text('[tool.black]\nline-length = 100\n')
    err = _refusal(monkeypatch, capsys, "check", "-l", "en", book)
    assert err.startswith(f"renjacheck: config: {config}: unknown key 'tool' (keys: select, ")


def test_an_unknown_key_lists_the_keys_there_are(tmp_path):
    config = tmp_path / "renjacheck.toml"
    config.write_text('selct = ["TBL"]\n')
    with pytest.raises(Exception) as caught:
        read_config(config)
    assert str(caught.value) == (
        f"{config}: unknown key 'selct' (keys: select, ignore, severity, rules, lang, waivers, "
        "require, vocabulary, limits)")
    assert caught.value.say("id") == (
        f"{config}: kunci tidak dikenal 'selct' (kunci: select, ignore, severity, rules, lang, "
        "waivers, require, vocabulary, limits)")


def test_a_file_that_cannot_be_read_says_why_in_the_language(monkeypatch, capsys, tmp_path,
                                                            book):
    folder = tmp_path / "aturan"
    (folder / "ORG001.yaml").mkdir(parents=True)  # a folder where a rule file should be
    err = _refusal(monkeypatch, capsys, "check", "--rules", folder, book)
    assert err == f"renjacheck: berkas aturan: {folder / 'ORG001.yaml'}: ini folder"


def test_the_line_is_that_of_the_file_as_written(tmp_path: Path):
    """Lines count from 1 and columns from 1, as editors show them, with CRLF line ends too."""
    from renjacheck.engine.rules import RuleError, load_rules

    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "ORG001.yaml").write_bytes(
        RULE.replace("slug: uraian-pendek", "slug uraian-pendek").replace("\n", "\r\n").encode())
    with pytest.raises(RuleError) as caught:
        load_rules([folder])
    assert str(caught.value) == f"{folder / 'ORG001.yaml'}:2:1: expected ':' after the key"
