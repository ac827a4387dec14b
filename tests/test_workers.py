"""`check --jobs`: a worker that dies (killed, as the OOM killer would) or runs past --timeout
costs only its own file, reported as not checked; the others' reports come out, in order."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import renjacheck.engine.workers as workers
from renjacheck.engine import check_file
from renjacheck.engine.parallel import check_many

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "banten-2024.xlsx"

# The hostile check_file reaches the workers by fork, the default start method on Linux.
pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                                reason="needs fork to patch the workers")


def hostile(path, setup):
    """Dies on kill*.xlsx, hangs on slow.xlsx, else checks."""
    if path.name.startswith("kill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if path.name == "slow.xlsx":
        time.sleep(60)
    return check_file(path, setup)


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "check_file", hostile)
    names = ["a.xlsx", "kill1.xlsx", "b.xlsx", "slow.xlsx", "kill2.xlsx", "c.xlsx", "d.xlsx"]
    for name in names:
        shutil.copy(SAMPLE, tmp_path / name)
    return [tmp_path / name for name in names]


def test_dead_and_slow_workers_cost_only_their_files(files):
    start = time.monotonic()
    report = check_many(files, jobs=2, timeout=3)
    assert time.monotonic() - start < 30
    got = [(Path(f.path).name, f.error, dict(f.error_args)) for f in report.files]
    whole = check_many(files[:1], jobs=1).files[0]
    assert got == [
        ("a.xlsx", None, {}),
        ("kill1.xlsx", "worker_died", {"code": "SIGKILL"}),
        ("b.xlsx", None, {}),
        ("slow.xlsx", "file_timeout", {"seconds": 3}),
        ("kill2.xlsx", "worker_died", {"code": "SIGKILL"}),
        ("c.xlsx", None, {}),
        ("d.xlsx", None, {}),
    ]
    for file in (report.files[0], report.files[2], report.files[5], report.files[6]):
        assert [(f.rule, f.locations) for f in file.findings] == \
            [(f.rule, f.locations) for f in whole.findings]
    assert report.exit_code == 2
    assert report.files[1].rules  # the lost file names its rules like the others
