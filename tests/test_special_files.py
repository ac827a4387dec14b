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


def _expression_rule(folder: Path, expression: str) -> None:
    text = (ROOT / "rules" / "CAP010-target-positif.yaml").read_text(encoding="utf-8")
    text = text.replace("id: CAP010", "id: XPR900").replace("slug: target-positif",
                                                            "slug: bom-ekspresi")
    text = text.replace("  assert: target > 0", f"  assert: '{expression}'")
    folder.mkdir()
    (folder / "XPR900.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("expression, wanted", [
    ("target" + " + target" * 3000, "the expression is too long (27,006 characters; limit 2000)"),
    ("-" * 100_000 + "target", "the expression is too long (100,006 characters; limit 2000)"),
    ("target" + " + 1" * 150 + " > 0", "the expression nests too deep (limit 100 levels)"),
    ("(" * 300 + "target" + ")" * 300 + " > 0", "XPR900.yaml"),
])
def test_expression_bombs(place, expression, wanted):
    """Refused when the rule file is loaded, naming it, before anything recurses over them."""
    _expression_rule(place / "rules", expression)
    done = run(["check", "--no-config", "--rules", "rules", "s.xlsx"], place)
    refused(done, wanted)
    assert "rule file: rules/XPR900.yaml" in done.stderr


def test_depth_within_limit(place):
    """A long but ordinary sum is an expression like any other."""
    _expression_rule(place / "rules", "target" + " + 1" * 60 + " > 0")
    done = run(["check", "--no-config", "--rules", "rules", "s.xlsx"], place)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("lang, wanted", [
    ("en", "renjacheck: unexpected error (RecursionError: too deep); please report it as a bug\n"),
    ("id", "renjacheck: galat tak terduga (RecursionError); mohon laporkan sebagai bug\n"),
])
def test_an_unexpected_failure_is_one_line(monkeypatch, capsys, place, lang, wanted):
    """Any failure of our own or a library's: one line naming its type, exit 2, no traceback."""
    import renjacheck.engine.parallel as parallel
    from tests.runner import run as run_here

    def boom(*args, **kwargs):
        raise RecursionError("too deep")

    monkeypatch.setattr(parallel, "check_many", boom)
    monkeypatch.delenv("RENJACHECK_TRACEBACK", raising=False)
    code, out, err = run_here(monkeypatch, capsys, "check", "--lang", lang, "--no-config",
                              place / "s.xlsx")
    assert (code, out, err) == (2, "", wanted)


def test_check_opens_the_workbook_once_and_works_on_those_bytes(tmp_path, monkeypatch):
    """A file swapped after it was opened is never read: the check works on the bytes it read
    through one descriptor (safety.read_once), its digest is theirs, the path is not opened
    again (the old way vetted the path, then opened it a second time to read it)."""
    import builtins
    import hashlib
    import io
    import os
    import shutil

    from renjacheck.engine import Setup, check_file, load_rules

    source = tmp_path / "renja.xlsx"
    shutil.copy(ROOT / "samples" / "banten-2024.xlsx", source)
    opened: list[str] = []

    def guard(real):
        def opener(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file) == source:
                opened.append(real.__name__)
            return real(file, *args, **kwargs)
        return opener

    for module, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(module, name, guard(getattr(module, name)))
    report = check_file(source, Setup(rules=load_rules()))
    monkeypatch.undo()
    assert opened == ["open"]  # os.open, once
    assert report.error is None
    assert report.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert ("CAP001", "Capaian 2023!F36") in {(f.rule, str(f.locations[0]))
                                             for f in report.findings}
