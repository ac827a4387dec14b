"""docs/python-api.md cannot rot: its Python code blocks run, in order, in one namespace, and
every `test_` function they define runs as the property test it is (with a bounded number of
examples); and the page type-checks with `mypy --strict` against the package's own types."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "python-api.md"
# The page's examples bounded as a test suite bounds them; each runs in well under a second.
settings.register_profile("python-api-docs", max_examples=25)


def blocks() -> list[str]:
    """The page's ```python blocks, in order."""
    return re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)


def test_the_page_has_its_three_worked_property_tests():
    tests = re.findall(r"^def (test_\w+)", "".join(blocks()), re.MULTILINE)
    assert tests == ["test_a_consistent_budget_checks_clean",
                     "test_a_wrong_subtotal_is_reported_at_its_cell",
                     "test_a_single_fault_is_found_where_it_is",
                     "test_my_capaian_agrees_with_cap001"]


@pytest.fixture(scope="module")
def namespace() -> dict:
    previous = settings.default
    settings.load_profile("python-api-docs")
    try:
        space: dict = {"__name__": "python_api_docs"}
        for code in blocks():
            exec(compile(code, str(PAGE), "exec"), space)  # noqa: S102 - the page's own code
    finally:
        settings.register_profile("previous", previous)
        settings.load_profile("previous")
    return space


@pytest.mark.parametrize("name", re.findall(r"^def (test_\w+)", "".join(blocks()), re.MULTILINE))
def test_a_property_test_of_the_page_passes(namespace, name):
    namespace[name]()


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_the_page_type_checks_strictly(tmp_path):
    example = tmp_path / "python_api_docs.py"
    example.write_text("\n".join(blocks()), encoding="utf-8")
    # The package is type-checked as an installed, typed package would be (errors in its own
    # modules are not the example's); the example itself strictly.
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
         "--cache-dir", str(ROOT / ".mypy_cache"), str(example)],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_readme_example_runs(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme_python_api"})  # noqa: S102
    assert "Pendanaan!D3" in capsys.readouterr().out
