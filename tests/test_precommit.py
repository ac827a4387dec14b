"""The pre-commit hook, driven by the real pre-commit in a temporary git repository.

The hook is the README's snippet as written, pointed at a local clone; pre-commit installs
renjacheck from that clone's newest commit into its own environment (the first run takes a
minute: it installs the dependencies).
"""

from __future__ import annotations

import hashlib
import os
import re
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


def _readme_snippet() -> str:
    """The README's .pre-commit-config.yaml, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
    return next(b for b in blocks if "id: renjacheck" in b)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A repository of plans with the README's hook pasted as written, its `repo` the only
    change: a local clone of this repository standing for where it is published; then
    `pre-commit autoupdate --bleeding-edge`, as the README says."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True)
    assert head.returncode == 0, "the tests run from a git checkout (CI clones main)"
    published = tmp_path_factory.mktemp("published") / "renjacheck"
    assert _git(ROOT, "clone", "-q", str(ROOT), str(published)).returncode == 0
    # The clone's main is this checkout's HEAD (CI may check out a detached HEAD).
    assert _git(published, "checkout", "-q", "-B", "main", head.stdout.strip()).returncode == 0
    snippet = _readme_snippet()
    url = re.search(r"repo:\s*(\S+)", snippet).group(1)
    repo = tmp_path_factory.mktemp("rencana")
    _git(repo, "init", "-q", "-b", "main")
    config = repo / ".pre-commit-config.yaml"
    config.write_text(snippet.replace(url, str(published)), encoding="utf-8")
    os.environ.setdefault("PRE_COMMIT_HOME", str(tmp_path_factory.mktemp("pre-commit-home")))
    updated = subprocess.run(["pre-commit", "autoupdate", "--bleeding-edge"], cwd=repo,
                             capture_output=True, text=True)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert f"rev: {head.stdout.strip()}" in config.read_text(encoding="utf-8")
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
