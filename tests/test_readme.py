"""The README tells the truth: every example output in it is what the current code prints.

An example in the README is a code block preceded by a marker `<!-- example: NAME -->`; EXAMPLES
says how each is produced (the command, and which part of its output the README shows). The
rule table is the catalogue's. After a change of output, rewrite the examples with
RENJACHECK_UPDATE_README=1 python -m pytest tests/test_readme.py, and read the diff.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SEED = "samples/banten-2024.xlsx"
UPDATE = bool(os.environ.get("RENJACHECK_UPDATE_README"))
_BLOCK = re.compile(r"(<!-- example: (?P<name>[\w-]+) -->\n\s*```\w*\n)(?P<body>.*?)(\n\s*```)",
                    re.DOTALL)


def _run(*args: str, cwd: Path = ROOT) -> str:
    done = subprocess.run([sys.executable, "-m", "renjacheck", *args], cwd=cwd,
                          capture_output=True, text=True,
                          env={**os.environ, "RENJACHECK_LANG": "", "COLUMNS": "100"})
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def _summary() -> str:
    return _run("check", SEED).rstrip("\n").splitlines()[-1]


def _annotate(tmp: Path) -> str:
    return _run("annotate", str(ROOT / SEED), "-o", "banten-2024-hasil.xlsx", cwd=tmp).strip()


def _json() -> str:
    """The seed's JSON report cut to one of each list, in the README's layout."""
    report = json.loads(_run("check", SEED, "--format", "json"))
    file = report["files"][0]
    issue = next(i for i in file["issues"] if i["rule"] == "CAP001")
    table = next(t for t in file["tables"] if t["kind"] == "pendanaan")
    skipped = file["rules"]["skipped"][:1]
    dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
    lines = [
        '{"tool": ' + dump(report["tool"]) + ",",
        ' "files": [{"path": ' + dump(file["path"]) + ",",
        '            "tables": [' + dump(table) + ", ...],",
        '            "rules": {"ran": [' + dump(file["rules"]["ran"][0]) + ', "..."],',
        '                      "skipped": ' + dump(skipped) + "},",
        '            "issues": [' + _wrap({**issue, "title": "...", "message": "..."},
                                       " " * 23) + ", ...],",
        '            "summary": ' + dump(file["summary"]) + "}]}"]
    return "\n".join(lines)


def _sarif() -> str:
    run = json.loads(_run("check", SEED, "--format", "sarif"))["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "CAP001")
    return _wrap(result, "")


def _wrap(value: dict, pad: str, width: int = 96) -> str:
    """A JSON object with as many of its members on a line as fit in `width`."""
    parts = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items()]
    lines, line = [], "{"
    for n, part in enumerate(parts):
        part += "}" if n == len(parts) - 1 else ","
        if len(line) > 1 and len(pad) + len(line) + 1 + len(part) > width:
            lines.append(line)
            line = " " + part
        else:
            line += ("" if line == "{" else " ") + part
    lines.append(line)
    return ("\n" + pad).join(lines)


def _github() -> str:
    return next(line for line in _run("check", SEED, "--format", "github").splitlines()
                if "title=CAP001" in line)


def _junit() -> str:
    lines = _run("check", SEED, "--format", "junit").splitlines()
    suite = next(i for i, line in enumerate(lines) if "<testsuite " in line)
    failing = next(i for i, line in enumerate(lines) if "<failure " in line)
    passing = next(line for line in lines if "<testcase " in line and line.rstrip().endswith("/>"))
    failure = re.sub(r">.*", ">...</failure>", lines[failing].strip())
    return "\n".join([lines[suite].strip(), "  " + lines[failing - 1].strip(), "    " + failure,
                      "  </testcase>", "  " + passing.strip()])


EXAMPLES = {"summary": _summary, "annotate": _annotate, "json": _json, "sarif": _sarif,
            "github": _github, "junit": _junit}


def test_every_example_is_what_the_code_prints(tmp_path):
    text = README.read_text(encoding="utf-8")
    named = [m.group("name") for m in _BLOCK.finditer(text)]
    assert sorted(named) == sorted(EXAMPLES), "an example without its maker, or a maker unused"
    made = {name: (maker(tmp_path) if name == "annotate" else maker())
            for name, maker in EXAMPLES.items()}
    if UPDATE:
        README.write_text(_BLOCK.sub(lambda m: m.group(1) + _indent(made[m.group("name")], m)
                                     + m.group(4), text), encoding="utf-8")
        pytest.skip("README examples rewritten")
    for match in _BLOCK.finditer(text):
        assert _dedent(match.group("body"), match) == made[match.group("name")], match["name"]


def _indent(body: str, match: re.Match) -> str:
    pad = re.search(r"\n(\s*)```\w*\n$", match.group(1))
    prefix = pad.group(1) if pad else ""
    return "\n".join(prefix + line if line else line for line in body.splitlines())


def _dedent(body: str, match: re.Match) -> str:
    pad = re.search(r"\n(\s*)```\w*\n$", match.group(1))
    prefix = pad.group(1) if pad else ""
    return "\n".join(line[len(prefix):] if line.startswith(prefix) else line
                     for line in body.splitlines())


def test_the_rule_table_is_the_catalogue():
    text = README.read_text(encoding="utf-8")
    table = re.findall(r"^\| ([A-Z]+\d{3}) \| ([\w-]+) \| (\w+) \|", text, re.MULTILINE)
    catalogue = [(r["id"], r["slug"], r["severity"])
                 for r in json.loads(_run("rules", "--format", "json", "--lang", "en"))]
    assert sorted(table) == catalogue
