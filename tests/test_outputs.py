"""Where renjacheck writes (issue 18): files get the umask's permissions, a replaced file keeps
its mode, and a FIFO or a device named by `-o` is written to, never replaced."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from renjacheck.output import write_atomic, write_report
from tests.runner import run

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "banten-2024.xlsx"


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umasks_permissions(tmp_path, umask_022):
    write_report(tmp_path / "r.txt", "x", [])
    assert (mode(tmp_path / "r.txt"), (tmp_path / "r.txt").read_text()) == (0o644, "x\n")
    os.umask(0o027)
    write_atomic(tmp_path / "s.bin", b"y")
    assert mode(tmp_path / "s.bin") == 0o640


def test_a_replaced_file_keeps_its_mode(tmp_path, umask_022):
    target = tmp_path / "r.txt"
    target.write_text("old")
    target.chmod(0o664)
    write_report(target, "new", [])
    assert (mode(target), target.read_text()) == (0o664, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left


@pytest.mark.parametrize("command", ["annotate", "template"])
def test_workbooks_written_get_the_umasks_permissions(monkeypatch, capsys, tmp_path, umask_022,
                                                      command):
    shutil.copy(SAMPLE, tmp_path / "s.xlsx")
    args = ["annotate", tmp_path / "s.xlsx"] if command == "annotate" else ["template"]
    code, _, err = run(monkeypatch, capsys, *args, "--no-config" if command == "annotate"
                       else "--lang=en", "-o", tmp_path / "out.xlsx")
    assert code in (0, 1), err
    assert mode(tmp_path / "out.xlsx") == 0o644


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_dev_null_is_written_to_not_replaced(monkeypatch, capsys):
    write_report(Path("/dev/null"), "x", [])
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_written_to_as_a_stream(tmp_path):
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # until the reader has opened its end
        try:
            write_report(fifo, "x" * 100_000, [])
            break
        except OSError:
            threading.Event().wait(0.01)
    reader.join(10)
    assert got == [b"x" * 100_000 + b"\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_nobody_reads_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "r.txt")
    shutil.copy(SAMPLE, tmp_path / "s.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RENJACHECK_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "renjacheck", "check", "--no-config", "s.xlsx",
                           "-o", "r.txt"], capture_output=True, text=True, cwd=tmp_path,
                          env=env, timeout=20)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "renjacheck: --output: r.txt: No such device or address"]


@pytest.mark.parametrize("target", ["/dev/stdout", "-"])
def test_o_stdout_into_a_pipe(tmp_path, target):
    shutil.copy(SAMPLE, tmp_path / "s.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RENJACHECK_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "renjacheck", "check", "--no-config", "-f",
                           "json", "s.xlsx", "-o", target], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=20)
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.startswith("{") and done.stdout.endswith("}\n")
