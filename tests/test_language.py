"""One language per run: every line renjacheck writes (help, listings, refusals of files, flags
and command lines, reports) is in the run's language.

The words that tell the languages apart are taken from renjacheck's own messages: an English
word is one of the English side of the messages (renjacheck/i18n/, cli/texts.py) that no
Indonesian message uses too, and the other way round. Each command
and error path below runs with `--lang id` and with `--lang en`; no line of the one may hold a
word of the other. What a line quotes (a path, a cell, a sheet, a value in quotes, a rule's slug)
is the user's, not a language's, and is left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from renjacheck.cli.texts import FRAME, HELP_ID, METAVAR_ID, USAGE
from renjacheck.config import ConfigFile
from renjacheck.engine import load_rules
from renjacheck.engine.rules import RuleFile
from renjacheck.expressions import FUNCTIONS
from renjacheck.i18n import MESSAGES
from renjacheck.kinds import KINDS
from renjacheck.tables import registry
from renjacheck.waivers import Entry
from renjacheck.workbook.safety import Limits
from tests.runner import run
from tests.snippets import ORG_RULE, WAIVER_FILE
from tests.xlsx import block, write

RULES = load_rules()
ROWS = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "abc", "5"],
        ["3248", "Intelijen", "-5", "5"]]
RULE = ORG_RULE
WAIVER = WAIVER_FILE


def _words(texts) -> set[str]:
    found: set[str] = set()
    for text in texts:
        text = re.sub(r"\{[^{}]*\}", " ", text or "")  # placeholders are no words
        found |= {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1}
    return found


def _side(lang: str) -> list[str]:
    return ([m[lang] for m in MESSAGES.values()] + [m[lang] for m in USAGE.values()]
            + [m[lang] for m in FRAME.values()]
            + (list(HELP_ID) + list(METAVAR_ID) if lang == "en"
               else list(HELP_ID.values()) + list(METAVAR_ID.values())))


def _only(lang: str, other: str) -> set[str]:
    """The words of `lang`'s messages that no message of `other` uses."""
    return _words(_side(lang)) - _words(_side(other))


ONLY = {"id": _only("id", "en"), "en": _only("en", "id")}
# Names, not words: the rules' slugs, the commands (`renjacheck rule`), the keys of the files
# renjacheck reads, the kinds of rule and the functions of an expression.
SLUGS = {r.slug for r in RULES} | {"check", "rules", "rule", "waive", "annotate", "template",
                                     "serve"}
NAMES = {*ConfigFile.model_fields, *Limits.model_fields, *Entry.model_fields,
         *RuleFile.model_fields, *KINDS, *FUNCTIONS}
for _kind in registry.KINDS.values():  # tables and their columns, as both languages name them
    NAMES |= {_kind.name, *_kind.names, *(w.lower() for w in re.findall(r"[A-Za-z]+", _kind.label))}
NAMES.discard("no")  # a column `No`, but English's most telling word
# Terms of the plans that both languages use as names: Rincian Output (RO), the Jumlah heading.
NAMES |= {"output", "jumlah"}
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|`[^`]*`|\S*[/\\]\S*|\S+\.(?:xlsx|yaml|toml|txt)\b|"
                     r"\S+![A-Z$]+\$?\d+\S*|--?[a-z][\w-]*|\$\w+")


def _stray(output: str, lang: str) -> list[tuple[str, str]]:
    """(word, line) of every word of the other language in `output`."""
    other = ONLY["en" if lang == "id" else "id"]
    found = []
    for line in output.splitlines():
        plain = " ".join(w for w in line.split() if w.strip(".,;:()[]") not in SLUGS)
        plain = _QUOTED.sub(" ", plain)
        found += [(w, line) for w in re.findall(r"[a-z_]+", plain.lower())
                  if w in other and w not in NAMES]
    return found


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A folder with a workbook that has findings, and what the error paths need."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RENJACHECK_LANG", raising=False)
    write(tmp_path / "salah.xlsx", {"Anggaran": block("B2", ROWS)})
    (tmp_path / "xyz").mkdir()
    (tmp_path / "teks.xlsx").write_text("bukan buku kerja\n")
    return tmp_path


def _config(place: Path, name: str, text: str) -> list[str]:
    """A workbook in a folder of its own with this configuration."""
    folder = place / f"cfg-{abs(hash(text))}"
    folder.mkdir(exist_ok=True)
    write(folder / "salah.xlsx", {"Anggaran": block("B2", ROWS)})
    (folder / name).write_text(text, encoding="utf-8")
    return ["check", str(folder / "salah.xlsx")]


def _waiver(place: Path, text: str) -> list[str]:
    path = place / f"w-{abs(hash(text))}.yaml"
    path.write_text(text, encoding="utf-8")
    return ["check", "--waivers", str(path), "salah.xlsx"]


def _rule(place: Path, text: str, name: str = "ORG001.yaml") -> list[str]:
    folder = place / f"r-{abs(hash(text + name))}"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return ["check", "--rules", str(folder), "salah.xlsx"]


def _entry(extra: str) -> str:
    return WAIVER + extra


def scenarios(place: Path) -> dict[str, list[str]]:
    """Every command, and every way a command line, a file or a flag can be refused."""
    return {
        # The help of every command, and no arguments at all (the help, on stderr).
        "help": ["--help"], "no arguments": [],
        **{f"{c} --help": [c, "--help"]
           for c in ("check", "rules", "rule", "waive", "annotate", "template")},
        # Commands that do their work.
        "rules": ["rules"], "rule": ["rule", "TBL002"], "rule read": ["rule", "READ001"],
        "check": ["check", "salah.xlsx"], "check quiet": ["check", "-q", "salah.xlsx"],
        "waive": ["waive", "salah.xlsx"],
        "annotate": ["annotate", "salah.xlsx", "-o", "hasil.xlsx"],
        "template": ["template", "-o", "templat.xlsx"],
        "template exists": ["template", "-o", "salah.xlsx"],
        "template year": ["template", "--year", "1900", "-o", "t2.xlsx"],
        # A mistaken command line.
        "unknown rule": ["rule", "TBL0002"],
        "missing files": ["check"], "unknown option": ["check", "--bogus", "salah.xlsx"],
        "near option": ["check", "--formt", "json", "salah.xlsx"],
        "bad format": ["check", "-f", "xml", "salah.xlsx"],
        "catalogue format": ["rules", "-f", "sarif"],
        "jobs not a number": ["check", "-j", "dua", "salah.xlsx"],
        "jobs negative": ["check", "-j", "-1", "salah.xlsx"],
        "flag with a value": ["check", "--quiet=ya", "salah.xlsx"],
        "option without value": ["check", "salah.xlsx", "--format"],
        "extra argument": ["rule", "TBL001", "TBL002"],
        "unknown command": ["periksa", "salah.xlsx"],
        "missing output": ["annotate", "salah.xlsx"],
        "year not a number": ["template", "--year", "dua", "-o", "t3.xlsx"],
        "bad flag select": ["check", "--select", "XYZ", "salah.xlsx"],
        "bad flag severity": ["check", "--severity", "TBL001", "salah.xlsx"],
        "bad flag rules": ["check", "--rules", "hilang", "salah.xlsx"],
        "bad flag config": ["check", "--config", "hilang.toml", "salah.xlsx"],
        "bad flag require": ["check", "--require", "rka", "salah.xlsx"],
        "bad flag waive rule": ["waive", "--rule", "TBL01", "salah.xlsx"],
        # Files that cannot be checked or written.
        "missing workbook": ["check", "hilang.xlsx"], "empty folder": ["check", "xyz"],
        "not a workbook": ["check", "teks.xlsx"],
        "output is input": ["check", "-o", "salah.xlsx", "salah.xlsx"],
        "output folder": ["check", "-o", "hilang/laporan.txt", "salah.xlsx"],
        "annotate not xlsx": ["annotate", "salah.xlsx", "-o", "hasil.txt"],
        # Configurations.
        "config unknown key": _config(place, "renjacheck.toml", "selct = []\n"),
        "config bad level": _config(place, "renjacheck.toml", 'severity = {TBL = "fatal"}\n'),
        "config bad lang": _config(place, "renjacheck.toml", 'lang = "fr"\n'),
        "config not a list": _config(place, "renjacheck.toml", 'select = "TBL"\n'),
        "config toml value": _config(place, "renjacheck.toml", "lang = en\n"),
        "config toml equals": _config(place, "renjacheck.toml", "lang\n"),
        "config toml string": _config(place, "renjacheck.toml", 'lang = "en\n'),
        "config toml twice": _config(place, "renjacheck.toml", 'lang = "en"\nlang = "id"\n'),
        "config toml table": _config(place, "renjacheck.toml", "[limits\n"),
        "config toml escape": _config(place, "renjacheck.toml", 'rules = ["C:\\x"]\n'),
        "config no match": _config(place, "renjacheck.toml", 'select = ["PAGX"]\n'),
        "config no folder": _config(place, "renjacheck.toml", 'rules = ["hilang"]\n'),
        "config no waivers": _config(place, "renjacheck.toml", 'waivers = "hilang.yaml"\n'),
        "config no table": _config(place, "renjacheck.toml", 'require = ["matrik"]\n'),
        "config limit": _config(place, "renjacheck.toml", "[limits]\ncells = 0\n"),
        "config both": _config(place, "renjacheck.toml",
                               'select = ["TBL"]\n[tool.renjacheck]\nlang = "en"\n'),
        "config pyproject": _config(place, "pyproject.toml", "[tool.renjacheck]\nx = 1\n"),
        "config tool": _config(place, "renjacheck.toml", "[tool]\nx = 1\n"),
        "config no vocabulary": _config(place, "renjacheck.toml", 'vocabulary = "kata.yaml"\n'),
        # Waiver files.
        "waiver missing file": ["check", "--waivers", "hilang.yaml", "salah.xlsx"],
        "waiver missing key": _waiver(place, WAIVER.replace("    reason: Menunggu revisi\n", "")),
        "waiver unknown key": _waiver(place, _entry("    signed: ya\n")),
        "waiver fingerprint": _waiver(place, WAIVER.replace("811d1e3cf414f8e9", "811D")),
        "waiver digits": _waiver(place, WAIVER.replace('"811d1e3cf414f8e9"', "1234567890123456")),
        "waiver date": _waiver(place, _entry("    date: kemarin\n")),
        "waiver no date": _waiver(place, _entry("    date: 2024-13-45\n")),
        "waiver no rule": _waiver(place, _entry("    rule: TBL999\n")),
        "waiver twice": _waiver(place, WAIVER + WAIVER.removeprefix("waivers:\n")),
        "waiver not mapping": _waiver(place, "- a\n"),
        "waiver no waivers": _waiver(place, "diterima: []\n"),
        "waiver yaml colon": _waiver(place, WAIVER.replace("Menunggu revisi", "Catatan: x")),
        "waiver yaml indent": _waiver(place, WAIVER.replace("    accepted", "   accepted")),
        "waiver yaml bracket": _waiver(place, "waivers: [\n"),
        "waiver yaml tab": _waiver(place, "waivers:\n\t- a\n"),
        "waiver empty stub": _waiver(place, WAIVER.replace("Menunggu revisi", '""')),
        # Rule files.
        "rule unknown key": _rule(place, RULE + "level: high\n"),
        "rule unknown kind": _rule(place, RULE.replace("kind: expression", "kind: ekspresi")),
        "rule placeholder": _rule(place, RULE.replace("Uraian {uraian}", "Uraian {zz}")),
        "rule no column": _rule(place, RULE.replace("len(uraian)", "len(zz)")),
        "rule bad expression": _rule(place, RULE.replace("len(uraian) > 5", "len(uraian) >")),
        "rule function": _rule(place, RULE.replace("len(uraian)", "panjang(uraian)")),
        "rule arguments": _rule(place, RULE.replace(
            "params: {table: pendanaan, assert: len(uraian) > 5}",
            "params:\n  table: pendanaan\n  assert: len(uraian, 2) > 5")),
        "rule table": _rule(place, RULE.replace("table: pendanaan", "table: anggaran")),
        "rule bad severity": _rule(place, RULE.replace("severity: warning", "severity: berat")),
        "rule bad id": _rule(place, RULE.replace("id: ORG001", "id: org1")),
        "rule missing title": _rule(place, RULE.replace("title: {id: Uraian terlalu pendek, en: "
                                                        "Label too short}\n", "")),
        "rule shipped id": _rule(place, RULE.replace("ORG001", "TBL001")),
        "rule yaml": _rule(place, RULE.replace("slug: uraian-pendek", "slug uraian-pendek")),
        "rule yaml quote": _rule(place, RULE.replace('"Uraian {uraian} terlalu pendek"',
                                                     '"Uraian {uraian} terlalu pendek')),
        "rule yaml documents": _rule(place, RULE + "---\nid: X\n"),
        "rule not mapping": _rule(place, "- id: ORG001\n"),
        # Vocabulary files.
        "vocabulary table": _config(place, "renjacheck.toml", 'vocabulary = "../kata.yaml"\n'),
    }


@pytest.fixture
def every(place):
    (place / "kata.yaml").write_text("tabel:\n  matrik:\n    target: [Sasaran]\n")
    found = scenarios(place)
    found["config not utf8"] = _config(place, "renjacheck.toml", "# x\n")
    Path(found["config not utf8"][1]).with_name("renjacheck.toml").write_bytes(b"# Cat\xe9\n")
    return found


def _with_lang(args: list[str], lang: str) -> list[str]:
    commands = {"check", "rules", "rule", "waive", "annotate", "template"}
    if args and args[0] in commands:
        return [args[0], "--lang", lang, *args[1:]]
    return ["--lang", lang, *args]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_line_of_a_run_is_in_its_language(monkeypatch, capsys, every, lang):
    stray, silent = [], []
    for name, args in every.items():
        code, out, err = run(monkeypatch, capsys, *_with_lang(args, lang))
        if not (out + err).strip():
            silent.append(name)
        stray += [(name, word, line) for word, line in _stray(out + err, lang)]
    assert silent == []
    assert stray == [], "\n".join(map(repr, stray))


def test_the_default_language_is_indonesian_even_for_the_help(monkeypatch, capsys, every):
    for name in ("help", "check --help", "missing files", "config unknown key", "rule yaml"):
        code, out, err = run(monkeypatch, capsys, *every[name])
        assert _stray(out + err, "id") == [], name
    monkeypatch.setenv("RENJACHECK_LANG", "en")
    code, out, _ = run(monkeypatch, capsys, "check", "--help")
    assert out.startswith("Usage: ") and "Check workbooks and report" in out
    code, _, err = run(monkeypatch, capsys, *every["missing files"])
    assert err == "renjacheck: missing PATH...\n"


def test_an_empty_language_variable_is_an_unset_one(monkeypatch, capsys, place):
    monkeypatch.setenv("RENJACHECK_LANG", "")
    code, out, err = run(monkeypatch, capsys, "check", "salah.xlsx")
    assert code == 1 and err == "" and "berkas diperiksa" in out.splitlines()[-1]
    monkeypatch.setenv("RENJACHECK_LANG", "fr")
    code, _, err = run(monkeypatch, capsys, "check", "salah.xlsx")
    assert code == 2 and "RENJACHECK_LANG" in err


def test_the_configuration_sets_the_language_of_the_help_too(monkeypatch, capsys, place):
    (place / "renjacheck.toml").write_text('lang = "en"\n')
    code, out, _ = run(monkeypatch, capsys, "--help")
    assert code == 0 and out.startswith("Usage: ") and "Checks a Renja" in out
    code, _, err = run(monkeypatch, capsys, "check", "--bogus", "salah.xlsx")
    assert err.startswith("renjacheck: no such option: --bogus")
    code, out, _ = run(monkeypatch, capsys, "--lang", "id", "--help")
    assert out.startswith("Penggunaan: ")
    code, out, _ = run(monkeypatch, capsys, "-l", "id", "rules")  # before the command, too
    assert "kesalahan" in out.split("\n")[0]


def test_the_word_lists_are_the_messages_own(monkeypatch, capsys):
    """The lists hold the words that tell the languages apart, and a line in the other language
    is caught (so the test above can fail)."""
    assert {"the", "of", "not", "found", "file", "rule", "usage"} <= ONLY["en"] | {"file"}
    assert {"tidak", "berkas", "aturan", "penggunaan", "yang"} <= ONLY["id"]
    assert {"error", "warning", "info", "id", "en", "pendanaan", "capaian"}.isdisjoint(
        ONLY["en"] | ONLY["id"])
    assert [w for w, _ in _stray("renjacheck: config file not found", "id")] == [
        "config", "not", "found"]
    assert _stray("renjacheck: berkas tidak ditemukan", "en") != []
    assert _stray('renjacheck: "the file" at Anggaran!D3 is salah.xlsx', "id") == [
        ("at", 'renjacheck: "the file" at Anggaran!D3 is salah.xlsx'),
        ("is", 'renjacheck: "the file" at Anggaran!D3 is salah.xlsx')]


def test_every_help_text_has_its_indonesian():
    import typer.main

    from renjacheck.cli import app
    from renjacheck.cli.lang import _said

    command = typer.main.get_command(app)
    texts = [command.help] + [t for cmd in command.commands.values()
                              for t in [cmd.help, *(getattr(p, "help", None) for p in cmd.params)]]
    texts += [getattr(p, "help", None) for p in command.params]
    assert [t for t in texts if t and _said(t) == t] == []
