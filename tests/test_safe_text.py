"""Text from a workbook or the command line is shown safe wherever people read it (issue 18):
bidi controls, zero-width characters, other controls and ANSI escape sequences in sheet names,
cells, headings and file names are shown escaped (`\\u202e`), so a location cannot be faked;
ordinary non-ASCII text, Arabic and Hebrew letters show as they are; JSON keeps the exact names.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import openpyxl
import pytest

from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.reporters.github import GithubReporter
from renjacheck.reporters.text import TextReporter
from renjacheck.safetext import shown
from renjacheck.values import Location
from tests.plans import template_blocks
from tests.runner import run
from tests.xlsx import block, write

BIDI = "Pendanaan\u202e"        # shown as "Pendanaan" by a terminal that honours bidi
ZERO = "Capaian\u200b"          # shown as "Capaian"
ARABIC = "مصفوفة"               # the Matriks sheet: letters, not controls


@pytest.mark.parametrize("raw, safe", [
    ("Pendanaan\u202e", "Pendanaan\\u202e"),
    ("\u2066Pendanaan\u2069", "\\u2066Pendanaan\\u2069"),
    ("Pendanaan\u200e\u200f\u061c", "Pendanaan\\u200e\\u200f\\u061c"),
    ("Pen\u200bdan\u200c\u200d\u2060aan\ufeff", "Pen\\u200bdan\\u200c\\u200d\\u2060aan\\ufeff"),
    ("merah\x1b[31m!\x9b2J", "merah\\u001b[31m!\\u009b2J"),
    ("baris\nbaru\r\t", "baris\\u000abaru\\u000d\\u0009"),
    ("A\ufe0f\u034f\u3164", "A\\ufe0f\\u034f\\u3164"),   # selector after ASCII, CGJ, filler
    ("tag\U000e0041", "tag\\U000e0041"),
    # Shown as they are: Indonesian, Latin accents, dashes, quotes, Rp, NBSP, Arabic, Hebrew,
    # an emoji with its variation selector.
    ("Rp 1.500.000 – “Pagu” é, ½", "Rp 1.500.000 – “Pagu” é, ½"),
    ("Penyelenggaraan\u00a0Advokasi", "Penyelenggaraan\u00a0Advokasi"),
    (ARABIC, ARABIC), ("שלום עולם", "שלום עולם"), ("\u2764\ufe0f", "\u2764\ufe0f"),
])
def test_shown_escapes_what_is_not_seen_and_nothing_else(raw, safe):
    assert shown(raw) == safe
    assert shown(safe) == safe  # escapes are plain ASCII: showing twice changes nothing


def test_every_character_to_escape_is_a_candidate():
    # shown() looks only at the characters of CANDIDATES: each that may need escaping by the
    # Unicode database this Python has must be one (a newer database adding a format
    # character elsewhere fails here, not silently).
    import re

    from renjacheck.safetext import CANDIDATES, _SELECTOR, _hidden

    candidate = re.compile(f"[{CANDIDATES}]")
    missed = [f"U+{code:04X}" for code in range(0x110000)
              if (_hidden(chr(code)) or _SELECTOR.match(chr(code)))
              and not candidate.match(chr(code))]
    assert missed == []


def test_shown_keeps_what_it_is_asked_to():
    assert shown("a\nb\u202e\tc", keep="\n") == "a\nb\\u202e\\u0009c"


def hostile(path: Path) -> Path:
    """The template plan with a bidi override and a zero-width space in sheet names, a
    zero-width space in a heading, a bidi override and a C1 control sequence (CSI, U+009B) in
    amounts the findings quote, and an Arabic sheet name; findings at those cells. (XML cannot
    hold an ESC; file names and the Python API's sheets can, tested below.)"""
    blocks = template_blocks()
    pendanaan = blocks["Pendanaan"]
    pendanaan[0][3] = "KOTA A\u200b"                # D1: the heading an empty cell names
    pendanaan[1][5] = "1.475.000.001"               # F2: the total off by one (PAGU003)
    pendanaan[2][2] = "100.000.000\u202e"           # C3: unreadable (TBL001) and quoted
    pendanaan[3][4] = "\x9b2J5.000.000"             # E4: a C1 control sequence
    pendanaan[4][3] = "Rp – “belum” é"          # D5: unreadable, ordinary non-ASCII
    names = {"Pendanaan": BIDI, "Capaian": ZERO, "Matriks": ARABIC}
    return write(path, {names.get(name, name): block("A1", rows) for name, rows in blocks.items()})


def _raw_controls(out: str) -> set[str]:
    """The controlling or invisible characters in `out`, line breaks apart."""
    return {ch for ch in out if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf")}


def test_text_report_shows_locations_and_quotes_escaped(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--lang", "en")
    assert code == 1 and not _raw_controls(out)
    lines = out.splitlines()
    assert "    pendanaan  Pendanaan\\u202e!A1:F5  4 rows" in lines
    assert "    capaian    Capaian\\u200b!A1:G4    3 rows" in lines
    assert "  Pendanaan (Pendanaan\\u202e!A1:F5)" in lines
    found = {tuple(line.split()[1:3]) for line in lines if line.startswith("    ERROR  ")}
    assert {("Pendanaan\\u202e!F2", "[PAGU003"), ("Pendanaan\\u202e!C3", "[TBL001"),
            ("Pendanaan\\u202e!E4", "[TBL001"), ("Pendanaan\\u202e!D5", "[TBL001"),
            ("Narasi!C3,", "Pendanaan\\u202e!F2")} == found
    # Quoted cells and headings: every character that is not seen is shown.
    assert '      Column PROV must hold a number, but holds "100.000.000\\u202e"' in lines
    assert '      Column KOTA B must hold a number, but holds "\\u009b2J5.000.000"' in lines
    assert '      Column KOTA A\\u200b must hold a number, but holds "Rp – “belum” é"' in lines
    # An Arabic sheet name (letters) shows as it is.
    assert f"    matriks    {ARABIC}!A1:H5           4 rows" in lines
    assert any(line.split()[1:2] == [f"{ARABIC}!D3"] for line in lines)


def test_quiet_text_lines_name_the_escaped_cell(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--quiet")
    assert code == 1 and not _raw_controls(out)
    errors = {tuple(line.split(": ")[1:3]) for line in out.splitlines()[:-1]}
    assert ("Pendanaan\\u202e!F2", "[PAGU003 total-pagu] Total pagu kolom Total") in errors
    assert ("Narasi!C3, Pendanaan\\u202e!F2",
            "[NAR001 total-dana-narasi] Narasi menyebut dana yang dibutuhkan Rp.1.475.000.000,-, "
            "tetapi Total Pagu tabel pendanaan 1.475.000.001") in errors
    cells = {line.split(": ")[1] for line in out.splitlines()[:-1]}
    assert {"Pendanaan\\u202e!C3", "Pendanaan\\u202e!E4", "Pendanaan\\u202e!D5"} <= cells


def test_github_annotations_show_the_escaped_cell(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--format", "github")
    assert code == 1 and not _raw_controls(out)
    lines = out.splitlines()
    start = f"::error file={path},title="
    assert f"{start}PAGU003 total-pagu::Pendanaan\\u202e!F2 Total pagu kolom Total: jumlah 3 " \
           "baris teratas 1.475.000.000, tetapi tertulis 1.475.000.001; jumlah kolom satker " \
           "baris itu 1.475.000.000" in lines
    assert f'{start}TBL001 angka-tidak-terbaca::Pendanaan\\u202e!C3 Kolom PROV harus berisi ' \
           'angka, tetapi berisi "100.000.000\\u202e"' in lines
    assert f'{start}TBL001 angka-tidak-terbaca::Pendanaan\\u202e!E4 Kolom KOTA B harus ' \
           'berisi angka, tetapi berisi "\\u009b2J5.000.000"' in lines
    assert f'{start}TBL001 angka-tidak-terbaca::Pendanaan\\u202e!D5 Kolom KOTA A\\u200b harus ' \
           'berisi angka, tetapi berisi "Rp – “belum” é"' in lines
    assert any(line.startswith("::notice ") and f"::{ARABIC}!D3 " in line for line in lines)


def test_github_properties_escape_a_file_name(tmp_path, monkeypatch, capsys):
    # A file name with `::`, `,`, `%`, a line break and a bidi override: one command, its
    # properties not ended early, the name shown.
    path = tmp_path / "a::b,c%0A\u202e\nd.xlsx"
    path.write_bytes(b"bukan zip")
    code, out, err = run(monkeypatch, capsys, "check", path, "--format", "github")
    assert code == 2 and len(out.splitlines()) == 1
    assert out.startswith(f"::error file={tmp_path}/a%3A%3Ab%2Cc%250A\\u202e%0Ad.xlsx,"
                          "title=renjacheck::")
    assert len(err.splitlines()) == 1 and not _raw_controls(err)


def test_json_keeps_the_exact_names(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--format", "json")
    assert code == 1
    (file,) = json.loads(out)["files"]
    assert {(t["kind"], t["sheet"]) for t in file["tables"]} >= {
        ("pendanaan", BIDI), ("capaian", ZERO), ("matriks", ARABIC)}
    places = {(f["rule"], loc["sheet"], loc["cell"]) for f in file["issues"]
              for loc in f["locations"]}
    assert {("PAGU003", BIDI, "F2"), ("TBL001", BIDI, "C3"), ("TBL001", BIDI, "E4")} <= places
    messages = {f["message"] for f in file["issues"]}
    assert 'Kolom PROV harus berisi angka, tetapi berisi "100.000.000\u202e"' in messages
    assert 'Kolom KOTA B harus berisi angka, tetapi berisi "\x9b2J5.000.000"' in messages


def test_html_shows_the_escaped_location(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--format", "html", "--no-date")
    assert code == 1 and not _raw_controls(out)
    assert '<code class="fix">Pendanaan\\u202e!F2</code>' in out
    assert f'<code class="fix">{ARABIC}!D3</code>' in out


def test_annotated_copy_comments_and_results_escaped(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    copy = tmp_path / "hasil.xlsx"
    code, out, err = run(monkeypatch, capsys, "annotate", path, "-o", copy)
    assert code == 1, err
    book = openpyxl.load_workbook(copy)
    quoted = book[BIDI]["C3"].comment.text
    assert '"100.000.000\\u202e"' in quoted and "\u202e" not in quoted
    see_also = book["Narasi"]["C3"].comment.text
    assert "NAR001" in see_also and "Pendanaan\\u202e!F2" in see_also
    assert "\\u009b2J5.000.000" in book[BIDI]["E4"].comment.text
    results = book.worksheets[0]
    links = {c.value: c.hyperlink.location for row in results.iter_rows() for c in row
             if c.hyperlink is not None}
    # Shown escaped, the link goes to the real sheet.
    assert links["Pendanaan\\u202e!F2"] == f"'{BIDI}'!F2"
    assert links["Pendanaan\\u202e!A1:F5"] == f"'{BIDI}'!A1:F5"
    texts = [c.value for row in results.iter_rows() for c in row if isinstance(c.value, str)]
    assert not _raw_controls("".join(texts))


@pytest.mark.parametrize("command", ["check", "annotate"])
def test_refusal_on_stderr_escapes_the_file_name(tmp_path, monkeypatch, capsys, command):
    path = tmp_path / "rusak\x1b[2J\u202e\nlagi.xlsx"
    path.write_bytes(b"bukan zip")
    extra = ["-o", tmp_path / "hasil.xlsx"] if command == "annotate" else []
    code, _, err = run(monkeypatch, capsys, command, path, *extra, "--lang", "en")
    assert code == 2
    (line,) = err.splitlines()
    assert line.startswith(f"renjacheck: {tmp_path}/rusak\\u001b[2J\\u202e\\u000alagi.xlsx: ")
    assert not _raw_controls(err)


def test_waiver_stub_names_the_file_exactly_and_shows_it_safe(tmp_path, monkeypatch, capsys):
    import yaml

    path = hostile(tmp_path / "renja\u202e.xlsx")
    code, out, _ = run(monkeypatch, capsys, "waive", path, "--rule", "PAGU003")
    assert code == 0 and not _raw_controls(out)
    assert "  # PAGU003 Pendanaan\\u202e!F2: " in out.splitlines()[1]
    (entry,) = yaml.safe_load(out)["waivers"]
    assert entry["file"] == "renja\u202e.xlsx"


def test_reporters_escape_what_the_python_api_can_carry():
    # Sheets given to the Python API are not XML: an ESC sequence or a line break in a sheet
    # name reaches the reporters as it is.
    sheet = "Pendanaan\x1b[2K\nPalsu"
    finding = Finding(rule="TBL001", slug="angka-tidak-terbaca", severity=Severity.ERROR,
                      table="pendanaan", locations=(Location(sheet=sheet, row=3, col=4),),
                      templates={"id": 'berisi "{v}"'}, args={"v": "\x1b[31mmerah"})
    report = Report(files=[FileReport(path="renja.xlsx", findings=[finding])])
    text = TextReporter("id").render(report)
    assert "    KESALAHAN  Pendanaan\\u001b[2K\\u000aPalsu!D3  [TBL001 angka-tidak-terbaca] " \
        in text.splitlines()
    assert '      berisi "\\u001b[31mmerah"' in text.splitlines()
    assert GithubReporter("id").render(report) == (
        "::error file=renja.xlsx,title=TBL001 angka-tidak-terbaca::"
        'Pendanaan\\u001b[2K\\u000aPalsu!D3 berisi "\\u001b[31mmerah"')
    from renjacheck.reporters.html import HtmlReporter

    page = HtmlReporter("id", dated=False).render(report)
    assert '<code class="fix">Pendanaan\\u001b[2K\\u000aPalsu!D3</code>' in page
    assert "\x1b" not in page


def test_rule_catalogue_shows_a_rule_files_texts_safe(tmp_path, monkeypatch, capsys):
    from tests.snippets import ORG_RULE

    (tmp_path / "aturan").mkdir()
    title = "Uraian\u202e \u200bterlalu pendek"
    (tmp_path / "aturan" / "ORG001.yaml").write_text(
        ORG_RULE.replace("Uraian terlalu pendek", title.encode("unicode_escape").decode()
                         .join('""')), encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, "rules", "--rules", tmp_path / "aturan")
    assert code == 0 and not _raw_controls(out)
    (line,) = [line for line in out.splitlines() if line.startswith("ORG001")]
    assert line.endswith("  Uraian\\u202e \\u200bterlalu pendek")
    code, out, _ = run(monkeypatch, capsys, "rule", "ORG001", "--rules", tmp_path / "aturan")
    assert out.splitlines()[1] == "Uraian\\u202e \\u200bterlalu pendek"
    code, out, _ = run(monkeypatch, capsys, "rules", "--rules", tmp_path / "aturan", "-f", "json")
    assert {r["id"]: r["title"] for r in json.loads(out)}["ORG001"] == title  # exact


def test_progress_bar_and_upload_name_shown_safe():
    import io

    from renjacheck.progress import Bar
    from renjacheck.web.work import safe_name

    stream = io.StringIO()
    Bar(stream, 2)(1, 2, FileReport(path="a\x1b[2J\u202e.xlsx"))
    assert stream.getvalue().endswith("] 1/2 a\\u001b[2J\\u202e.xlsx")
    assert safe_name("C:\\data\\Pendanaan\u202e\x1b[1m.xlsx") == "Pendanaan\\u202e\\u001b[1m.xlsx"
    assert safe_name("مالية – “2024”.xlsx") == "مالية – “2024”.xlsx"


def test_sarif_keeps_the_exact_names_and_shows_its_messages_safe(tmp_path, monkeypatch, capsys):
    path = hostile(tmp_path / "renja.xlsx")
    code, out, _ = run(monkeypatch, capsys, "check", path, "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    names = {(r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
             for r in results}
    assert {("PAGU003", f"{BIDI}!F2"), ("TBL001", f"{BIDI}!C3"), ("TGT002", f"{ZERO}!C3"),
            ("TGT003", f"{ARABIC}!D3")} <= names
    # The message, which code scanning shows to people, names the cells escaped.
    messages = {r["ruleId"]: r["message"]["text"] for r in results}
    assert messages["PAGU003"].startswith("Pendanaan\\u202e!F2 ")
    assert not any(ch in "".join(messages.values()) for ch in "\u202e\u200b")


def test_junit_names_the_escaped_cell_on_one_line():
    from renjacheck.reporters.junit import JunitReporter

    finding = Finding(rule="TBL001", slug="angka-tidak-terbaca", severity=Severity.ERROR,
                      table="pendanaan", locations=(Location(sheet="Pendanaan\u202e\nX", row=3,
                                                             col=4),),
                      templates={"id": 'berisi "{v}"'}, args={"v": "baris\nkedua"})
    xml = JunitReporter("id").render(Report(files=[FileReport(path="renja.xlsx",
                                                             findings=[finding])]))
    assert 'name="TBL001 angka-tidak-terbaca (Pendanaan\\u202e\\u000aX!D3)"' in xml
    assert 'message="Pendanaan\\u202e\\u000aX!D3 berisi &quot;baris&#10;kedua&quot;"' in xml
