"""Hostile inputs that are no regular files, and configuration bombs (issue 18): each is one
line on stderr and exit code 2, quickly, never a hang and never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "banten-2024.xlsx"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """A real renjacheck process; timeout: a regression fails instead of hanging."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RENJACHECK_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "renjacheck", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=20)


def refused(done: subprocess.CompletedProcess, wanted: str) -> None:
    """Exit 2, one line on stderr holding `wanted`, no traceback."""
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("renjacheck: "), done.stderr
    assert wanted in lines[0]
    assert "Traceback" not in done.stdout + done.stderr


@pytest.fixture
def place(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "s.xlsx")
    return tmp_path


@pytest.mark.parametrize("command", ["check", "annotate"])
def test_fifo_workbook(place, command):
    os.mkfifo(place / "x.xlsx")
    args = [command, "x.xlsx"] + (["-o", "out.xlsx"] if command == "annotate" else [])
    refused(run(args, place), "x.xlsx: not a regular file")
    assert not (place / "out.xlsx").exists()


def test_fifo_waivers(place):
    os.mkfifo(place / "w.yaml")
    refused(run(["check", "--no-config", "--waivers", "w.yaml", "s.xlsx"], place),
            "waiver file: w.yaml: not a regular file")


def test_fifo_rule_file(place):
    (place / "rules").mkdir()
    os.mkfifo(place / "rules" / "x.yaml")
    refused(run(["check", "--no-config", "--rules", "rules", "s.xlsx"], place),
            "rule file: rules/x.yaml: not a regular file")


@pytest.mark.parametrize("flag, what", [("--waivers", "waiver file"), ("--config", "config")])
def test_device(place, flag, what):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    refused(run(["check", flag, "/dev/zero", "s.xlsx"], place),
            f"{what}: /dev/zero: not a regular file")


def test_rule_file_too_big(place):
    (place / "rules").mkdir()
    (place / "rules" / "big.yaml").write_text("# " + "x" * (1024 * 1024 + 10) + "\n")
    refused(run(["check", "--no-config", "--rules", "rules", "s.xlsx"], place),
            "rule file: rules/big.yaml: the file is too big (1,048,589 bytes; limit 1,048,576)")


def test_config_nested_deep(place):
    """tomllib recurses into nested arrays; picked up from the workbook's folder too."""
    (place / "renjacheck.toml").write_text("select = " + "[" * 2000 + "]" * 2000 + "\n")
    refused(run(["check", "s.xlsx"], place), "renjacheck.toml: tables or arrays nested too deep")
