"""The command line: exit codes, the JSON contract, languages, and files that cannot be checked."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from renjacheck import __version__
from renjacheck.cli import main
from renjacheck.reporters import REPORTERS
from tests import plans
from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent


def run(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run `renjacheck ARGS` in-process; return (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["renjacheck", *map(str, args)])
    with pytest.raises(SystemExit) as exited:
        main()
    out, err = capsys.readouterr()
    return exited.value.code, out, err


@pytest.fixture
def clean(tmp_path):
    return plans.template(tmp_path / "bersih.xlsx")


@pytest.fixture
def faulty(tmp_path):
    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", "abc", "5"],
            ["3247", "Lagi", "-5", "5"]]
    return write(tmp_path / "salah.xlsx", {"Anggaran": block("B2", rows)})


def test_clean_workbook_exits_0_and_reports_tables(monkeypatch, capsys, clean):
    code, out, err = run(monkeypatch, capsys, "check", clean)
    assert (code, err) == (0, "")
    assert "Tabel yang terbaca:" in out and "Pendanaan!A1:F5" in out
    # The template plan changes some indicators between the years: noted as info only.
    assert "Ringkasan: 0 kesalahan, 0 peringatan, 6 info" in out


def test_errors_exit_1_and_json_contract(monkeypatch, capsys, faulty):
    code, out, _ = run(monkeypatch, capsys, "check", "--format", "json", faulty)
    assert code == 1
    data = json.loads(out)
    assert data["tool"] == {"name": "renjacheck", "version": __version__}
    (file,) = data["files"]
    assert file["path"] == str(faulty)
    assert file["tables"] == [
        {"kind": "pendanaan", "sheet": "Anggaran", "range": "B2:E4", "rows": 2,
         "ranges": ["Anggaran!B2:E4"]}]
    flat = [(i["rule"], i["severity"], i["locations"][0]["cell"] if i["locations"] else None)
            for i in file["issues"]]
    assert flat == [
        ("READ001", "info", None), ("READ001", "info", None), ("READ001", "info", None),
        ("READ001", "info", None), ("READ001", "info", None),
        ("TBL001", "error", "D3"), ("TBL003", "error", "B4"), ("TBL002", "error", "D4"),
        ("PAGU001", "error", "E4")]
    tbl001 = file["issues"][5]
    assert tbl001["locations"] == [{"sheet": "Anggaran", "cell": "D3"}]
    assert tbl001["message"] == 'Kolom A harus berisi angka, tetapi berisi "abc"'
    assert (tbl001["expected"], tbl001["actual"]) == ("number", "abc")
    assert file["issues"][7]["actual"] == "-5"
    assert file["summary"] == {"error": 4, "warning": 0, "info": 5, "waived": 0}
    assert len({i["fingerprint"] for i in file["issues"]}) == 9


def test_english_report(monkeypatch, capsys, faulty):
    code, out, _ = run(monkeypatch, capsys, "check", "--lang", "en", faulty)
    assert code == 1
    assert 'Column A must hold a number, but holds "abc"' in out
    assert "Summary: 4 errors, 0 warnings, 5 info" in out
    monkeypatch.setenv("RENJACHECK_LANG", "en")
    assert "Tables read:" in run(monkeypatch, capsys, "check", faulty)[1]


def test_several_files_give_one_report_and_the_worst_exit_code(monkeypatch, capsys, clean, faulty,
                                                               tmp_path):
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", clean, faulty)
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == [str(clean), str(faulty)]
    code, out, err = run(monkeypatch, capsys, "check", clean, tmp_path / "hilang.xlsx", faulty)
    assert code == 2
    assert err == f"renjacheck: {tmp_path / 'hilang.xlsx'}: berkas tidak ditemukan\n"
    assert str(clean) in out and str(faulty) in out


def _zip(path, entries):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("make, reason", [
    (lambda p: p, "berkas tidak ditemukan"),
    (lambda p: (p.write_bytes(b""), p)[1], "berkas kosong (0 bait)"),
    (lambda p: (p.write_text("No;Kegiatan\n1;Advokasi\n"), p)[1], "bukan berkas .xlsx"),
    (lambda p: (p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504), p)[1],
     "berformat Excel lama (.xls); buka di Excel atau LibreOffice"),
    (lambda p: _zip(p, {"readme.txt": "hello"}), "tidak berisi buku kerja Excel"),
    (lambda p: _zip(p, {f"x{i}.xml": "" for i in range(2001)}), "terlalu banyak bagian (2001"),
    (lambda p: (p.write_bytes(plans.template(p).read_bytes()[:3000]), p)[1],
     "rusak atau terpotong"),
    (lambda p: (p.mkdir(), p)[1], "tidak ada buku kerja .xlsx di folder ini"),
], ids=["missing", "empty", "csv", "xls", "no-workbook", "too-many-entries", "truncated", "folder"])
def test_files_that_cannot_be_checked_get_one_line_and_exit_2(monkeypatch, capsys, tmp_path, make,
                                                              reason):
    path = make(tmp_path / "rencana.xlsx")
    code, out, err = run(monkeypatch, capsys, "check", path)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"renjacheck: {path}: ") and reason in err


def test_bad_arguments_exit_2_with_one_line(monkeypatch, capsys, clean):
    code, out, err = run(monkeypatch, capsys, "check", "--format", "xml", clean)
    assert (code, out) == (2, "")
    formats = ", ".join(REPORTERS)
    assert err == f"renjacheck: --format: 'xml' bukan salah satu dari {formats}\n"
    code, _, err = run(monkeypatch, capsys, "check", "--lang", "fr", clean)
    assert (code, err) == (2, "renjacheck: --lang: 'fr' bukan salah satu dari id, en\n")
    code, _, err = run(monkeypatch, capsys, "check", "--bogus", clean)
    assert code == 2 and err.startswith("renjacheck: tidak ada opsi --bogus")
    code, _, err = run(monkeypatch, capsys, "check", "--lang", "en", "--bogus", clean)
    assert code == 2 and err.startswith("renjacheck: no such option: --bogus")
    code, _, err = run(monkeypatch, capsys, "check", "--formt", "json", clean)
    assert (code, err) == (2, "renjacheck: tidak ada opsi --formt; mungkin maksudnya: --format\n")
    code, _, err = run(monkeypatch, capsys, "check")
    assert (code, err) == (2, "renjacheck: JALUR... belum diberikan\n")


def test_version(monkeypatch, capsys):
    assert run(monkeypatch, capsys, "--version")[:2] == (0, f"renjacheck {__version__}\n")


def test_the_workbook_is_never_written(monkeypatch, capsys, faulty):
    before = hashlib.sha256(faulty.read_bytes()).hexdigest()
    mtime = faulty.stat().st_mtime_ns
    run(monkeypatch, capsys, "check", faulty)
    run(monkeypatch, capsys, "check", "-f", "json", faulty)
    assert hashlib.sha256(faulty.read_bytes()).hexdigest() == before
    assert faulty.stat().st_mtime_ns == mtime


def test_a_workbook_without_tables_is_refused_with_one_line(monkeypatch, capsys, tmp_path):
    """Nothing read is never a pass: exit 2 and one line, in either language."""
    path = write(tmp_path / "kosong.xlsx", {"Sampul": {"A1": "RENCANA KERJA 2024"}})
    code, out, err = run(monkeypatch, capsys, "check", path)
    assert (code, out) == (2, "")
    assert err == (f"renjacheck: {path}: bukan buku kerja Renja: tidak ada tabel yang terbaca; "
                   "judul kolom yang dikenali ada di `renjacheck template` dan docs/workbook.md\n")
    code, out, err = run(monkeypatch, capsys, "check", "--lang", "en", path)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert "not a Renja workbook: no table found;" in err


def test_a_header_nearly_recognised_is_named_in_the_one_line(monkeypatch, capsys, tmp_path):
    header = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi",
              "Ketercapaian"]
    rows = [header, [1, "S", "I", "2", "1", "50%"]]
    path = write(tmp_path / "mirip.xlsx", {"Kinerja": block("A2", rows)})
    code, out, err = run(monkeypatch, capsys, "check", path)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert ('(baris Kinerja!A2:F2 tampak seperti judul kolom Capaian, tetapi tanpa Capaian; '
            'mungkin maksudnya: F2 "Ketercapaian" -> "') in err


def test_a_header_without_rows_is_not_a_table_read(monkeypatch, capsys, tmp_path):
    """A lone header reads no row: exit 2, naming the header, not a pass of its rules."""
    header = ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    path = write(tmp_path / "judul.xlsx", {"Capaian": block("B3", [header])})
    code, out, err = run(monkeypatch, capsys, "check", path)
    assert (code, out) == (2, "")
    assert "(judul kolom Capaian di Capaian!B3:G3 tanpa baris data)" in err


def test_python_dash_m(tmp_path):
    path = plans.template(tmp_path / "bersih.xlsx")
    done = subprocess.run([sys.executable, "-m", "renjacheck", "check", "-f", "json", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    issues = json.loads(done.stdout)["files"][0]["issues"]
    assert done.returncode == 0 and [i["severity"] for i in issues] == ["info"] * 6


@pytest.mark.skipif(shutil.which("renjacheck") is None, reason="renjacheck is not installed")
def test_installed_command_finds_its_rules_from_another_folder(tmp_path):
    done = subprocess.run(["renjacheck", "check", str(ROOT / "samples" / "banten-2024.xlsx")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Lampiran RO!D28" in done.stdout


def test_a_bad_rule_file_stops_before_any_workbook_is_read(monkeypatch, capsys, tmp_path, clean):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "X001.yaml").write_text("id: X001\nslug: x\nkind: nothing\n", encoding="utf-8")
    monkeypatch.setattr("renjacheck.resources.rules_dir", lambda: folder)
    code, out, err = run(monkeypatch, capsys, "check", clean)
    assert (code, out) == (2, "")
    assert err.startswith(f"renjacheck: berkas aturan: {folder / 'X001.yaml'}: X001: ")
    assert err.count("\n") == 1


def test_every_format_has_a_reporter():
    from renjacheck.cli import FORMATS
    from renjacheck.reporters.base import Reporter

    assert FORMATS == tuple(REPORTERS)
    assert {"text", "json", "sarif", "github", "junit"} <= set(FORMATS)
    assert all(issubclass(REPORTERS[name], Reporter) for name in FORMATS)


def test_start_up_loads_no_reporter():
    """`renjacheck --help` lists the formats without loading the reporters and the model."""
    heavy = ("renjacheck.reporters.", "renjacheck.findings", "renjacheck.model", "pydantic",
             "openpyxl", "pandas")
    probe = (f"import sys, renjacheck.cli; print(' '.join(sorted(m for m in sys.modules "
             f"if m.startswith({heavy!r}))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    assert done.stdout.split() == []


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_every_format_to_stdout_or_a_file(monkeypatch, capsys, tmp_path, faulty, fmt):
    code, out, err = run(monkeypatch, capsys, "check", "-f", fmt, faulty)
    assert (code, err) == (1, "") and out
    target = tmp_path / f"laporan.{fmt}"
    code, written, err = run(monkeypatch, capsys, "check", "-f", fmt, "-o", target, faulty)
    assert (code, written, err) == (1, "", "")
    assert target.read_text(encoding="utf-8") == out
    code, _, err = run(monkeypatch, capsys, "check", "-f", fmt, "-o", faulty, faulty)
    assert code == 2 and "tidak pernah ditimpa" in err


def test_quiet(monkeypatch, capsys, clean, faulty, tmp_path):
    code, out, _ = run(monkeypatch, capsys, "check", "--quiet", clean, faulty)
    assert code == 1
    *errors, summary = out.splitlines()
    assert [e.split(" [")[0] for e in errors] == [
        f"{faulty}: Anggaran!D3:", f"{faulty}: Anggaran!B4:", f"{faulty}: Anggaran!D4:",
        f"{faulty}: Anggaran!E4:"]
    assert errors[0] == (f'{faulty}: Anggaran!D3: [TBL001 angka-tidak-terbaca] Kolom A harus '
                         'berisi angka, tetapi berisi "abc"')
    assert summary == "2 berkas diperiksa: 4 kesalahan, 0 peringatan, 11 info, 0 dikecualikan"
    code, out, err = run(monkeypatch, capsys, "check", "-q", "-l", "en", clean,
                         tmp_path / "hilang.xlsx")
    assert code == 2 and err.endswith("hilang.xlsx: file not found\n")
    assert out == "1 file checked: 0 errors, 0 warnings, 6 info, 0 waived; " \
                  "1 file could not be checked\n"
    code, out, _ = run(monkeypatch, capsys, "check", "-q", "-f", "github", faulty)
    assert code == 1 and [line[:8] for line in out.splitlines()] == ["::error "] * 4


def test_the_catalogue_commands_keep_their_two_formats(monkeypatch, capsys):
    code, out, err = run(monkeypatch, capsys, "rules", "-f", "sarif")
    assert (code, out) == (2, "") and "'sarif' bukan salah satu dari text, json" in err
