"""The pre-commit hook, driven by the real pre-commit in a temporary git repository.

pre-commit installs renjacheck from this repository's committed state into its own
environment (the first run takes a minute: it installs the dependencies from PyPI).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None,
                                reason="pre-commit or git is not installed")


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Perencana", "GIT_AUTHOR_EMAIL": "p@example.invalid",
           "GIT_COMMITTER_NAME": "Perencana", "GIT_COMMITTER_EMAIL": "p@example.invalid"}
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True)
    if head.returncode != 0:
        pytest.skip("this checkout has no commit for pre-commit to install")
    repo = tmp_path_factory.mktemp("rencana")
    _git(repo, "init", "-q", "-b", "main")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n"
        "    hooks:\n      - id: renjacheck\n", encoding="utf-8")
    os.environ.setdefault("PRE_COMMIT_HOME", str(tmp_path_factory.mktemp("pre-commit-home")))
    installed = subprocess.run(["pre-commit", "install"], cwd=repo, capture_output=True,
                               text=True)
    assert installed.returncode == 0, installed.stderr
    return repo


def _commit(repo: Path, sample: str) -> tuple[subprocess.CompletedProcess, str]:
    target = repo / "renja.xlsx"
    shutil.copy(SAMPLES / sample, target)
    (repo / "~$renja.xlsx").write_bytes(b"lock file")  # Excel's lock file: never checked
    _git(repo, "add", "renja.xlsx", "~$renja.xlsx", ".pre-commit-config.yaml")
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    done = _git(repo, "commit", "-m", f"Renja dari {sample}")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest  # never modified
    return done, done.stdout + done.stderr


def test_an_inconsistent_plan_is_blocked_with_its_findings(repo):
    done, output = _commit(repo, "banten-2024.xlsx")
    assert done.returncode != 0
    assert "renjacheck" in output and "Failed" in output
    assert "Capaian 2023!F36" in output and "CAP001" in output
    assert _git(repo, "log", "--oneline").stdout == ""


def test_a_consistent_plan_passes(repo):
    done, output = _commit(repo, "banten-2024-perbaikan.xlsx")
    assert done.returncode == 0, output
    assert "Passed" in output
    assert _git(repo, "log", "--oneline").stdout.count("\n") == 1
