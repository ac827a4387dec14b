"""`renjacheck check` on folders and many workbooks: the search, --jobs, and the progress bar."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from renjacheck.engine.parallel import cores, gather, workbooks
from tests.runner import run
from renjacheck.progress import Bar, bar_for, frame

ROOT = Path(__file__).resolve().parent.parent
FAULTY = ROOT / "samples" / "banten-2024.xlsx"  # errors: exit code 1
CLEAN = ROOT / "samples" / "banten-2024-perbaikan.xlsx"  # warnings and info only: exit code 0
EMPTY_BAR = "[" + "." * 20 + "]"
HALF_BAR = "[" + "#" * 10 + "." * 10 + "]"
FULL_BAR = "[" + "#" * 20 + "]"


def put(sample: Path, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(sample, path)
    return path


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A folder of plans as a shared drive holds them, with what is no plan beside them."""
    monkeypatch.chdir(tmp_path)  # relative paths: the report and the bar show them as given
    put(FAULTY, Path("renja/banten-2024.xlsx"))
    put(CLEAN, Path("renja/Jakarta-2024.xlsx"))
    put(CLEAN, Path("renja/kota/serang-2024.XLSX"))
    Path("renja/~$banten-2024.xlsx").write_bytes(b"Excel lock file")
    Path("renja/._banten-2024.xlsx").write_bytes(b"macOS resource fork")
    put(CLEAN, Path("renja/.arsip/lama.xlsx"))
    Path("renja/catatan.txt").write_text("bukan buku kerja", encoding="utf-8")
    return Path("renja")


def paths(out: str) -> list[str]:
    return [f["path"] for f in json.loads(out)["files"]]


def test_a_folder_is_searched_recursively_in_a_stable_order(monkeypatch, capsys, tree):
    code, out, err = run(monkeypatch, capsys, "check", "-f", "json", tree)
    assert (code, err) == (1, "")  # banten-2024 has errors
    # Each folder's own files first, by name whatever the case; lock files, macOS `._` copies,
    # hidden folders and other files left out.
    assert paths(out) == ["renja/banten-2024.xlsx", "renja/Jakarta-2024.xlsx",
                          "renja/kota/serang-2024.XLSX"]


def test_paths_keep_the_order_given_and_each_workbook_is_checked_once(monkeypatch, capsys, tree):
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", "renja/kota/serang-2024.XLSX",
                       tree, "renja/kota")
    assert code == 1
    assert paths(out) == ["renja/kota/serang-2024.XLSX", "renja/banten-2024.xlsx",
                          "renja/Jakarta-2024.xlsx"]
    # A file named directly is checked whatever its name: the lock file is then reported.
    code, out, err = run(monkeypatch, capsys, "check", "-f", "json", "renja/~$banten-2024.xlsx")
    assert code == 2 and paths(out) == ["renja/~$banten-2024.xlsx"]
    assert err.startswith("renjacheck: renja/~$banten-2024.xlsx: ")


def test_gather_names_the_folders_without_a_workbook(tmp_path):
    (tmp_path / "kosong").mkdir()
    (tmp_path / "kosong" / "~$a.xlsx").write_bytes(b"lock")
    plan = put(CLEAN, tmp_path / "isi" / "a.xlsx")
    missing = tmp_path / "hilang.xlsx"
    assert gather([tmp_path / "kosong", tmp_path / "isi", missing]) == (
        [plan, missing], [tmp_path / "kosong"])
    assert workbooks([tmp_path / "isi", plan]) == [plan]


def test_jobs_2_gives_the_report_jobs_1_gives_byte_for_byte(monkeypatch, capsys, tree):
    put(FAULTY, Path("renja/kota/cilegon-2024.xlsx"))
    one = run(monkeypatch, capsys, "check", "-f", "json", "--jobs", "1", tree)
    assert one[0] == 1 and paths(one[1]) == [
        "renja/banten-2024.xlsx", "renja/Jakarta-2024.xlsx", "renja/kota/cilegon-2024.xlsx",
        "renja/kota/serang-2024.XLSX"]
    pools = []

    import renjacheck.engine.workers as workers

    real = workers.run_pool

    def pool(tasks, setups, jobs, timeout, done):
        pools.append(jobs)
        real(tasks, setups, jobs, timeout, done)

    monkeypatch.setattr(workers, "run_pool", pool)
    assert run(monkeypatch, capsys, "check", "-f", "json", "--jobs", "2", tree) == one
    assert pools == [2]  # the pool did run
    assert run(monkeypatch, capsys, "check", "-f", "json", "-j", "0", tree) == one
    text = run(monkeypatch, capsys, "check", tree)
    assert run(monkeypatch, capsys, "check", "-j", "2", tree) == text


def test_exit_0_when_every_workbook_found_is_clean(monkeypatch, capsys, tree):
    code, out, err = run(monkeypatch, capsys, "check", "-q", "-j", "2", "renja/kota",
                         "renja/Jakarta-2024.xlsx")
    assert (code, err) == (0, "")
    assert out == "2 berkas diperiksa: 0 kesalahan, 8 peringatan, 8 info, 0 dikecualikan\n"


def test_a_folder_without_a_workbook_is_named_and_exits_2(monkeypatch, capsys, tree):
    empty = Path("kosong")
    empty.mkdir()
    (empty / "~$renja.xlsx").write_bytes(b"lock")
    code, out, err = run(monkeypatch, capsys, "check", empty)
    assert (code, out) == (2, "")
    assert err == "renjacheck: kosong: tidak ada buku kerja .xlsx di folder ini\n"
    code, out, err = run(monkeypatch, capsys, "check", "-l", "en", empty)
    assert (code, out, err) == (2, "", "renjacheck: kosong: no .xlsx workbook in this folder\n")
    # Beside workbooks: they are reported, and the run still says not everything was checked.
    code, out, err = run(monkeypatch, capsys, "check", "-f", "json", empty, "renja/kota")
    assert code == 2 and paths(out) == ["renja/kota/serang-2024.XLSX"]
    assert err == "renjacheck: kosong: tidak ada buku kerja .xlsx di folder ini\n"


def test_a_missing_path_keeps_its_one_line(monkeypatch, capsys, tree):
    code, out, err = run(monkeypatch, capsys, "check", "-f", "json", "hilang", "renja/kota")
    assert code == 2 and paths(out) == ["hilang", "renja/kota/serang-2024.XLSX"]
    assert err == "renjacheck: hilang: berkas tidak ditemukan\n"


def test_jobs_must_not_be_negative(monkeypatch, capsys, tree):
    code, out, err = run(monkeypatch, capsys, "check", "-j", "-1", tree)
    assert (code, out, err) == (2, "", "renjacheck: --jobs: -1 harus >= 0\n")
    code, out, err = run(monkeypatch, capsys, "check", "-l", "en", "-j", "dua", tree)
    assert (code, out, err) == (2, "", "renjacheck: --jobs: 'dua' is not a whole number\n")
    assert cores() >= 1


def test_the_help_shows_folders_jobs_and_every_format(monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "check", "--help", "--lang", "en")
    assert code == 0
    assert "PATH..." in out and "-j, --jobs N" in out
    assert "[text|json|sarif|github|junit|html]" in out
    code, out, _ = run(monkeypatch, capsys, "check", "--help")
    assert "JALUR..." in out and "Memeriksa N buku kerja sekaligus" in out


def test_waive_searches_folders_too(monkeypatch, capsys, tree):
    by_folder = run(monkeypatch, capsys, "waive", tree)
    assert by_folder[0] == 0 and "banten-2024.xlsx" in by_folder[1]
    assert by_folder == run(monkeypatch, capsys, "waive", "renja/banten-2024.xlsx",
                            "renja/Jakarta-2024.xlsx", "renja/kota/serang-2024.XLSX")
    Path("kosong").mkdir()
    assert run(monkeypatch, capsys, "waive", "kosong") == (
        2, "", "renjacheck: kosong: tidak ada buku kerja .xlsx di folder ini\n")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_frame():
    assert frame(0, 250, "") == EMPTY_BAR + " 0/250 "
    assert frame(120, 250, "renja/banten.xlsx") == \
        "[#########...........] 120/250 renja/banten.xlsx"
    assert frame(250, 250, "a.xlsx") == FULL_BAR + " 250/250 a.xlsx"
    # Too long for the terminal: the end of the path is kept, the last column left free.
    shown = frame(3, 4, "provinsi/jawa-barat/kabupaten/bandung-2024.xlsx", columns=50)
    assert shown == "[###############.....] 3/4 ...n/bandung-2024.xlsx"
    assert len(shown) == 49


def test_the_bar_draws_over_itself_and_is_wiped():
    stream = Terminal()
    bar = Bar(stream, 2)
    bar(1, 2, type("R", (), {"path": "renja/panjang-sekali.xlsx"}))
    bar(2, 2, type("R", (), {"path": "b.xlsx"}))
    bar.close()
    first = HALF_BAR + " 1/2 renja/panjang-sekali.xlsx"
    assert stream.getvalue() == ("\r" + EMPTY_BAR + " 0/2 " + "\r" + first
                                 + "\r" + (FULL_BAR + " 2/2 b.xlsx").ljust(len(first))
                                 + "\r" + " " * len(FULL_BAR + " 2/2 b.xlsx") + "\r")


def test_a_bar_only_on_a_terminal_for_more_than_one_file_and_not_when_quiet():
    assert isinstance(bar_for(Terminal(), 2), Bar)
    assert bar_for(io.StringIO(), 2) is None  # a pipe, a file, a CI log
    assert bar_for(Terminal(), 1) is None
    assert bar_for(Terminal(), 2, quiet=True) is None
    assert Terminal().getvalue() == ""


def test_check_shows_progress_on_a_terminal_only(monkeypatch, capsys, tree):
    args = ("check", "-f", "json", "renja/kota", "renja/Jakarta-2024.xlsx", "hilang.xlsx")
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 2 and err == "renjacheck: hilang.xlsx: berkas tidak ditemukan\n"
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, same, err = run(monkeypatch, capsys, *args)
    assert (code, same) == (2, out)  # the report is the same; the bar is on stderr only
    frames = [EMPTY_BAR + " 0/3 ", "[######..............] 1/3 renja/kota/serang-2024.XLSX",
              "[#############.......] 2/3 renja/Jakarta-2024.xlsx",
              FULL_BAR + " 3/3 hilang.xlsx"]
    drawn = "".join("\r" + f.ljust(len(frames[n - 1]) if n else 0) for n, f in enumerate(frames))
    wiped = "\r" + " " * len(frames[-1]) + "\r"
    # The bar is wiped before the line about the missing file.
    assert err == drawn + wiped + "renjacheck: hilang.xlsx: berkas tidak ditemukan\n"
    code, _, err = run(monkeypatch, capsys, *args, "--quiet")
    assert (code, err) == (2, "renjacheck: hilang.xlsx: berkas tidak ditemukan\n")
