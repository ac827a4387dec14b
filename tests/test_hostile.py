"""The hostile corpus (tests/hostile/build.py), each case run as a real process: its exit code,
its message, its time and memory bounds, and the file exactly as it was afterwards."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile.build import CASES

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 15
MEGABYTES = 400


def run_measured(args: list[str]) -> tuple[int, str, str, float]:
    """(exit code, stdout, stderr, seconds) of one process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=SECONDS * 4)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from tests.hostile.build import build_all

    return build_all(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_case(name, corpus):
    _, code, wanted = CASES[name]
    path = corpus[name]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    # A one-off parent reports its only child's peak memory (RUSAGE_CHILDREN is the maximum
    # over the children of a process: here, the renjacheck run alone).
    probe = ("import resource, subprocess, sys; "
             "done = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
             "sys.exit(done.returncode)")
    returned, out, err, seconds = run_measured(
        [sys.executable, "-c", probe, sys.executable, "-m", "renjacheck", "check", str(path)])
    *lines, peak_kb = err.rstrip("\n").split("\n")
    assert returned == code, err
    assert "Traceback" not in out + err
    if code == 2:
        assert out == "" and len(lines) == 1 and lines[0].startswith(f"renjacheck: {path}: ")
        assert wanted in lines[0]
    else:
        assert lines == [] and wanted in out
    assert seconds < SECONDS
    assert int(peak_kb) / 1024 < MEGABYTES
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_nothing_of_the_host_is_echoed(corpus):
    from renjacheck.engine import check_files

    report = check_files([corpus["external_entity"], corpus["billion_laughs"]])
    assert [f.error for f in report.files] == ["xml_dtd", "xml_dtd"]
    assert "root:" not in repr(report) and "lollol" not in repr(report)


def test_survivors_report_at_their_cells(corpus):
    from renjacheck.engine import check_files

    report = check_files([corpus[n] for n in ("uncalculated", "strange_values", "huge_merge",
                                              "dates_in_amounts")])
    flat = [[(f.rule, str(f.locations[0])) for f in file.findings if f.rule != "READ001"]
            for file in report.files]
    # Never calculated: reported, and not read as zero (no sum finding follows from them).
    assert flat[0] == [("READ003", "Pendanaan!E2:E3")]
    assert report.files[0].findings[-1].args["count"] == 2
    assert flat[1] == [("TBL001", "Pendanaan!C2"), ("TBL001", "Pendanaan!D2"),
                       ("TBL001", "Pendanaan!D3"), ("TBL002", "Pendanaan!C4"),
                       ("TBL001", "Pendanaan!D4")]
    assert ("READ004", "Pendanaan!A20") in flat[2]
    assert flat[3] == [("TBL001", "Pendanaan!C2")]


def test_limits_come_from_the_configuration(corpus, tmp_path):
    from renjacheck.config import Flags, Resolver

    config = tmp_path / "renjacheck.toml"
    config.write_text("[limits]\nentries = 5\n", encoding="utf-8")
    target = tmp_path / "rencana.xlsx"
    target.write_bytes(corpus["no_table"].read_bytes())
    settings = Resolver(Flags()).for_workbook(target)
    assert settings.setup.limits.entries == 5
    from renjacheck.engine import check_files

    report = check_files([target], resolve=Resolver(Flags()))
    assert report.files[0].error == "too_many_entries"
    config.write_text("[limits]\nentries = -1\n", encoding="utf-8")
    from renjacheck.config import ConfigError

    with pytest.raises(ConfigError, match="limits.entries"):
        Resolver(Flags()).for_workbook(target)
