"""The HTML report: its structure and contents (parsed, strictly, with html5lib), escaping, no
external address, determinism; then the page in a real headless Chromium: no console error,
working filters, a screenshot and an A4 PDF.

The browser tests need Playwright (a test dependency) and a Chromium binary: Debian's package
`chromium` at /usr/bin/chromium, or $RENJACHECK_CHROMIUM. Without one they are skipped, with
the reason. Playwright's own browser download (`playwright install`) is never used.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import re
import subprocess
import time
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest

from renjacheck import __version__
from renjacheck.engine import check_files, load_rules
from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.tables.parts import TableInfo
from renjacheck.values import Location
from renjacheck.reporters import REPORTERS
from renjacheck.reporters.base import rules_version
from renjacheck.waivers import Waiver
from tests.browser import CHROMIUM_ARGS, chromium_binary
from tests.runner import run

ROOT = Path(__file__).resolve().parent.parent
SEED = "samples/banten-2024.xlsx"
HOSTILE = '<script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2">'


@pytest.fixture(scope="module")
def seed() -> Report:
    report = check_files([ROOT / SEED])
    report.files[0].path = SEED  # as the command line shows a relative path
    return report


def render(report: Report, lang: str = "id") -> str:
    return REPORTERS["html"](lang).render(report)


def parse(page: str) -> Element:
    """The page as an element tree; a strict parse fails on any HTML5 syntax error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)


def words(element: Element) -> str:
    """An element's text, its whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def classes(element: Element) -> set[str]:
    return set(element.get("class", "").split())


def rows(tree: Element) -> list[Element]:
    return [tr for tr in tree.iter("tr") if "finding" in classes(tr)]


def cell(row: Element, name: str) -> Element:
    return next(td for td in row.iter("td") if name in classes(td))


def hostile_report() -> Report:
    """A file whose sheet, cells, path and waiver hold markup, quotes and control characters."""
    where = Location(sheet=f"Matriks {HOSTILE}", row=7, col=3)
    finding = Finding(
        rule="TBL004", slug="sel-wajib-kosong", severity=Severity.ERROR, table="matriks",
        locations=(where,), templates={"id": "Sel berisi {teks}", "en": "The cell holds {teks}"},
        args={"teks": HOSTILE + ' "kutip" & \x0b'}, key=("x",),
        title={"id": "Sel <b>wajib</b> kosong", "en": "A required cell is empty"},
        rationale={"id": "Alasan </td></tr></table>", "en": "Why </style>"})
    waived = dataclasses.replace(finding, key=("y",), waived=Waiver(
        fingerprint="0" * 16, reason=f"Menunggu {HOSTILE}", accepted_by="Inspektur <i>I</i>",
        source=Path("w.yaml"), date=dt.date(2024, 5, 2)))
    table = TableInfo(kind="matriks", sheet=f"Matriks {HOSTILE}", range="A5:H33", rows=3)
    return Report(files=[FileReport(path='rencana "</style><script>x()</script>.xlsx',
                                    tables=[table], findings=[finding, waived])])


# ---- structure and contents ----------------------------------------------------------------

def test_every_finding_of_the_seed_is_on_the_page_at_its_cells(seed):
    tree = parse(render(seed))
    findings = seed.files[0].findings
    shown = rows(tree)
    assert len(shown) == len(findings) == 35
    by_anchor = {row.get("id"): row for row in shown}
    for finding in findings:
        row = by_anchor[f"f1-{finding.fingerprint}"]
        assert row.get("data-severity") == finding.severity.value
        assert row.get("data-rule") == finding.rule
        assert row.get("data-table") == finding.table
        assert [words(c) for c in cell(row, "cells").iter("code")] == \
            [str(loc) for loc in finding.locations]
        rule = words(cell(row, "rule"))
        assert rule.startswith(f"{finding.rule} {finding.slug}")
        assert finding.title["id"] in rule
        what = words(cell(row, "what"))
        assert " ".join(finding.message("id").split()) in what
        assert "Mengapa penting" not in what  # once a rule, with the rule (below)
    # The seed's merged cells and the cell lists of cross-table findings, as SEED_ERRORS has them.
    texts = {words(cell(row, "cells")) for row in shown}
    assert {"Matriks 2024!G29:G30 Pendanaan!G17", "Lampiran RO!C13:C15 Matriks 2024!D19",
            "Narasi!C68", "Lampiran RO!B28"} <= texts


def test_figures_are_shown_as_the_language_writes_them(seed):
    def figures(lang: str) -> str:
        row = next(r for r in rows(parse(render(seed, lang)))
                   if words(cell(r, "cells")) == "Matriks 2024!G22 Pendanaan!G13 Pendanaan!G7")
        return next(words(p) for p in cell(row, "what").iter("p") if "figures" in classes(p))

    assert figures("id") == "diharapkan: 615.000.000; ditemukan: 490.000.000"
    assert figures("en") == "expected: 615,000,000; found: 490,000,000"


def test_the_page_is_in_the_report_language(seed):
    for lang, title, why in (("id", "Laporan pemeriksaan Renja", "Mengapa penting"),
                             ("en", "Renja check report", "Why it matters")):
        page = render(seed, lang)
        assert page.startswith("<!DOCTYPE html>\n")
        tree = parse(page)
        assert tree.get("lang") == lang
        assert words(tree.find("head/title")) == f"{title}: banten-2024.xlsx"
        assert why in words(tree.find("body"))
        assert f"renjacheck {__version__}" in words(tree.find("body"))


def test_tables_read_and_the_summary_per_table_and_severity(seed):
    tree = parse(render(seed))
    summary = next(t for t in tree.iter("table") if "summary" in classes(t))
    body = [[words(c) for c in tr] for tr in summary.find("tbody")]
    assert body == [
        ["Identitas", "Identitas!A1:B2", "2", "0", "0", "0", "0"],
        ["Capaian", "Capaian 2023!A3:F36", "19", "1", "0", "3", "0"],
        ["Pendanaan", "Pendanaan!A3:G21", "15", "0", "3", "1", "0"],
        ["Matriks", "Matriks 2024!A5:H33", "16", "3", "8", "0", "0"],
        ["RO", "Lampiran RO!A6:E28", "19", "4", "9", "0", "0"],
        ["Narasi", "Narasi!A1:C111", "110", "3", "0", "0", "0"],
    ]
    total = [words(c) for c in summary.find("tfoot/tr")]
    assert total == ["Jumlah", "11", "20", "4", "0"]
    assert "Ringkasan: 11 kesalahan, 20 peringatan, 4 info" in words(tree.find("body"))


def test_the_rules_that_could_not_run_stand_under_the_tables_read(tmp_path):
    """A workbook with a Pendanaan alone: the page lists, under the tables read, the rules that
    did not run grouped by the tables they lacked (and a complete workbook lists none)."""
    from tests.xlsx import block, write

    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "5", "5"]]
    path = write(tmp_path / "pendanaan.xlsx", {"Anggaran": block("B2", rows)})
    tree = parse(render(check_files([path]), "en"))
    (skipped,) = [ul for ul in tree.iter("ul") if "skipped" in classes(ul)]
    items = [words(li) for li in skipped]
    assert items[0] == "CAP001, CAP002, CAP004, CAP010: table not read: Capaian"
    assert "MAT001, MAT002, MAT003: table not read: Matriks" in items
    assert "RO003, RO006: table not read: RO" in items


def test_the_filters_offer_the_severities_tables_and_rules_found(seed):
    tree = parse(render(seed))
    form = tree.find(".//form[@id='filters']")
    assert form.get("hidden") is not None  # the script shows it; without a script it is no use
    boxes = {box.get("value"): words(label) for label in form.iter("label")
             for box in label.iter("input") if box.get("name") == "severity"}
    assert boxes == {"error": "Kesalahan (11)", "warning": "Peringatan (20)", "info": "Info (4)"}
    selects = {s.get("name"): [o.get("value") for o in s.iter("option")]
               for s in form.iter("select")}
    assert selects["table"] == ["", "pendanaan", "capaian", "matriks", "ro", "narasi"]
    assert selects["rule"] == ["", *sorted({f.rule for f in seed.files[0].findings})]
    assert words(tree.find(".//*[@id='shown-count']")) == "35"


def test_each_rule_found_is_explained_with_example_and_fix(seed):
    tree = parse(render(seed))
    helps = {s.get("data-rule"): words(s) for s in tree.iter("section")
             if "rule-help" in classes(s)}
    assert sorted(helps) == sorted({f.rule for f in seed.files[0].findings})
    for text in helps.values():
        assert "Mengapa penting" in text and "Contoh temuan" in text
        assert "Cara memperbaiki" in text
    links = {a.get("href") for a in tree.iter("a")}
    assert links == {f"#rule-{rule}" for rule in helps}  # every link stays on the page


def test_a_waived_finding_is_marked_with_reason_who_and_date(seed):
    findings = list(seed.files[0].findings)
    target = next(f for f in findings if f.rule == "CAP001")
    findings[findings.index(target)] = dataclasses.replace(target, waived=Waiver(
        fingerprint=target.fingerprint, reason="Angka menunggu revisi DIPA",
        accepted_by="Inspektur Wilayah I", source=Path("w.yaml"), date=dt.date(2024, 5, 2)))
    report = Report(files=[dataclasses.replace(seed.files[0], findings=findings)])
    tree = parse(render(report))
    row = next(r for r in rows(tree) if r.get("data-waived") == "1")
    assert row.get("data-rule") == "CAP001" and "waived" in classes(row)
    assert words(cell(row, "sev")) == "KESALAHAN DIKECUALIKAN"
    assert "DIKECUALIKAN: Angka menunggu revisi DIPA (disetujui oleh Inspektur Wilayah I, " \
           "2024-05-02)" in words(cell(row, "what"))
    summary = next(t for t in tree.iter("table") if "summary" in classes(t))
    assert [words(c) for c in summary.find("tfoot/tr")] == ["Jumlah", "10", "20", "4", "1"]


def test_a_file_that_could_not_be_checked_gets_its_reason(seed, tmp_path):
    missing = check_files([tmp_path / "hilang.xlsx"]).files[0]
    report = Report(files=[missing, *seed.files])
    tree = parse(render(report))
    first = next(s for s in tree.iter("section") if s.get("id") == "file-1")
    assert words(first) == f"{tmp_path / 'hilang.xlsx'} tidak dapat diperiksa: " \
                           "berkas tidak ditemukan"
    assert len(rows(tree)) == 35


def test_workbook_text_is_escaped_never_markup(tmp_path):
    page = render(hostile_report())
    tree = parse(page)
    # Only the report's own script element; the markup from the workbook is text.
    scripts = list(tree.iter("script"))
    assert len(scripts) == 1 and "window.pwned" not in words(scripts[0])
    assert not list(tree.iter("img")) and not list(tree.iter("i"))
    assert "<script>window.pwned" not in page and "&lt;script&gt;window.pwned" in page
    (row, waived) = rows(tree)
    assert HOSTILE in words(cell(row, "what")) and '"kutip" & \\u000b' in words(cell(row, "what"))
    assert words(cell(row, "cells")) == f"Matriks {HOSTILE}!C7"
    assert "Sel <b>wajib</b> kosong" in words(cell(row, "rule"))
    assert f"Menunggu {HOSTILE} (disetujui oleh Inspektur <i>I</i>" in words(cell(waived, "what"))
    # The path is also a CSS string in the print style: it cannot end the style element.
    style = words(tree.find("head/style"))
    assert "</style>" not in style and '\\22 \\3c /style\\3e \\3c script\\3e x' in style
    assert words(tree.find(".//h2")) == 'rencana "</style><script>x()</script>.xlsx'


def test_no_external_address_and_a_policy_that_allows_only_the_page_itself(seed):
    page = render(seed)
    tree = parse(page)
    assert not re.search(r"(?i)\b(src|href|action)\s*=\s*[\"']?\s*(https?:|//|data:)", page)
    assert not re.search(r"(?i)url\(|@import|https?://", page)
    assert {e.get("href")[0] for e in tree.iter() if e.get("href")} == {"#"}
    assert not [e for e in tree.iter() if e.get("src")]
    policy = tree.find("head/meta[@http-equiv='Content-Security-Policy']").get("content")
    assert policy.startswith("default-src 'none';")

    def digest(element: Element) -> str:
        return "'sha256-" + base64.b64encode(
            hashlib.sha256((element.text or "").encode()).digest()).decode() + "'"

    assert f"style-src {digest(tree.find('head/style'))};" in policy
    assert f"script-src {digest(tree.find('.//script'))};" in policy


def test_the_page_is_deterministic(seed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # the date of the check, fixed
    again = check_files([ROOT / SEED])
    again.files[0].path = SEED
    assert render(again).encode() == render(seed).encode()


def test_the_header_names_the_plan_the_file_its_digest_the_versions_and_the_date(
        seed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")  # 2024-06-01 00:00 UTC
    tree = parse(render(seed))
    identity = next(dl for dl in tree.iter("dl") if "identity" in classes(dl))
    pairs = dict(zip([words(e) for e in identity.iter("dt")],
                     [words(e) for e in identity.iter("dd")], strict=True))
    digest = hashlib.sha256((ROOT / SEED).read_bytes()).hexdigest()
    version = rules_version(seed.files[0].rules)
    assert pairs == {"Unit Kerja": "BNN Provinsi Banten", "Tahun": "2024", "SHA-256": digest,
                     "Aturan": f"{len(load_rules())} aturan, versi {version}"}
    assert re.fullmatch(r"[0-9a-f]{12}", version)
    made = [words(p) for p in tree.iter("p") if "meta" in classes(p)]
    assert made[1] == f"Dibuat oleh renjacheck {__version__}, aturan versi {version}, " \
                      "diperiksa 2024-06-01"
    english = [words(p) for p in parse(render(seed, "en")).iter("p") if "meta" in classes(p)]
    assert english[1].endswith(f"rules version {version}, checked on 2024-06-01")
    undated = REPORTERS["html"]("id", dated=False).render(seed)
    assert "diperiksa" not in undated and f"aturan versi {version}" in undated
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    today = [words(p) for p in parse(render(seed)).iter("p") if "meta" in classes(p)][1]
    assert today.endswith(f"diperiksa {dt.date.today().isoformat()}")


def test_the_rules_version_follows_the_rules(seed):
    rules = list(seed.files[0].rules)
    version = rules_version(rules)
    assert rules_version(list(reversed(rules))) == version  # their order is no part of it
    stricter = [dataclasses.replace(r, severity=Severity.ERROR) if r.id == "TGT001" else r
                for r in rules]
    assert rules_version(stricter) != version  # a severity set in a configuration is
    assert rules_version(rules[1:]) != version


def test_no_date_on_the_command_line(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "html", "--no-date", SEED)
    assert code == 1 and "diperiksa" not in out and "aturan versi" in out
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "html", SEED)
    assert f"diperiksa {dt.date.today().isoformat()}" in out


def test_check_format_html_on_the_command_line(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(monkeypatch, capsys, "check", "--format", "html", SEED)
    assert code == 1
    assert out.startswith("<!DOCTYPE html>") and len(rows(parse(out))) == 35
    target = tmp_path / "laporan.html"
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "html", "--lang", "en", "-o", target,
                       SEED)
    assert code == 1 and out == ""
    assert parse(target.read_text(encoding="utf-8")).get("lang") == "en"


# ---- in a real browser ---------------------------------------------------------------------

@pytest.fixture
def open_page(browser, tmp_path):
    """Opens a report from a file, as a reader would, recording what the page logs and asks."""
    opened = []

    def load(report: Report, lang: str = "id"):
        path = tmp_path / f"laporan-{len(opened)}.html"
        path.write_text(render(report, lang), encoding="utf-8")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.log, page.requests = [], []
        page.on("console", lambda m: page.log.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: page.log.append(f"pageerror: {e}"))
        page.on("dialog", lambda d: (page.log.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path.as_uri())
        opened.append(page)
        return page

    yield load
    for page in opened:
        page.close()


def shown(page) -> int:
    return int(page.locator("#shown-count").inner_text())


def test_in_chromium_the_filters_narrow_the_findings(open_page, seed, tmp_path):
    started = time.perf_counter()
    page = open_page(seed)
    assert page.log == []  # no console message at all: no error, no policy violation
    assert page.requests == [page.url]  # nothing fetched but the page itself
    assert page.locator("#filters").is_visible() and shown(page) == 35

    warnings = page.locator("tr.finding[data-severity='warning']")
    assert warnings.count() == 20 and warnings.first.is_visible()
    page.get_by_label("Peringatan (20)").uncheck()
    assert shown(page) == 15
    assert all(not warnings.nth(i).is_visible() for i in range(warnings.count()))
    assert page.locator("tr.finding[data-severity='error']").first.is_visible()
    assert not page.locator("#rule-RO002").is_visible()  # explained only while shown
    assert page.locator("#rule-RO001").is_visible()
    page.screenshot(path=str(tmp_path / "tanpa-peringatan.png"))  # the viewport, filtered

    page.locator("select[name='table']").select_option("ro")
    assert shown(page) == 4  # RO001, RO006 and two TBL004
    page.locator("select[name='rule']").select_option("TBL004")
    assert shown(page) == 2
    assert page.locator("tr.finding:visible").evaluate_all(
        "rows => rows.map(r => r.querySelector('td.cells').innerText)") \
        == ["Lampiran RO!B28", "Lampiran RO!D28"]
    page.locator("select[name='rule']").select_option("RO002")  # a warning, unchecked
    assert shown(page) == 0 and page.locator("tr.none").is_visible()
    page.get_by_label("Peringatan (20)").check()
    assert shown(page) == 7 and not page.locator("tr.none").is_visible()

    page.locator("select[name='table']").select_option("")
    page.locator("select[name='rule']").select_option("")
    assert shown(page) == 35
    shot = tmp_path / "laporan.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
    assert page.log == []
    print(f"browser test: {time.perf_counter() - started:.2f} s; screenshot {shot}")


def test_in_chromium_it_prints_on_a4_without_the_filters(open_page, seed, tmp_path):
    page = open_page(seed, "en")
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert page.locator("#shown-count").is_visible()  # the paper says what it shows
    style = page.locator("tr.finding").first.evaluate("r => getComputedStyle(r).breakInside")
    assert style == "avoid"
    pdf = tmp_path / "laporan.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert len(boxes) > 3  # several pages
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(596, 843)}  # A4
    assert page.log == []


def test_in_chromium_workbook_markup_stays_text(open_page):
    page = open_page(hostile_report())
    assert page.evaluate("() => window.pwned") is None
    assert page.locator("tr.finding").count() == 2
    assert HOSTILE in page.locator("tr.finding td.what").first.inner_text()
    assert page.log == [] and page.requests == [page.url]


def test_the_seed_prints_on_few_pages_with_each_reason_once(seed, tmp_path):
    """Printed by Chromium itself (`--print-to-pdf`, as an auditor's browser prints), the
    seed's 35 findings and the rules they answer to fit 9 A4 pages (8 seen; 14 when every
    finding carried its rule's reason)."""
    binary = chromium_binary()
    page = tmp_path / "laporan.html"
    page.write_text(render(seed), encoding="utf-8")
    pdf = tmp_path / "laporan.pdf"
    subprocess.run([binary, *CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}",
                    f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri()],
                   capture_output=True, timeout=180, check=True)
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    print(f"the seed's HTML report prints on {pages} A4 pages")
    assert 2 <= pages <= 9
    sizes = {(float(w), float(h)) for w, h in
             re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)}
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in sizes), sizes  # A4
    why = render(seed).count(">Mengapa penting<")
    assert why == len({f.rule for f in seed.files[0].findings}) == 16
