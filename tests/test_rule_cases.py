"""One fixture file of named passing and failing cases per rule, one parametrised runner.

tests/fixtures/rules/<RULE>.yaml holds `rule:` and `cases:`; each case builds a workbook from
`sheets:` ({sheet: {anchor cell: rows}}), optional `merges:` and `formats:`, runs every shipped
rule on it and compares the findings of the file's rule, in report order, with `expect:` —
a list of [rule, "Sheet!A1"] pairs, or mappings with `at`, and optionally `expected`,
`actual` and `message` (a text the Indonesian message must contain). A case may bring
`waivers:`, the entries of a waiver file checked with the workbook, and `raw_merges:`, merged
ranges written into the sheet XML directly (too large for openpyxl to write), `cached:`,
values written as formula cells' cached values ({sheet: {cell: value}}; openpyxl writes none),
and `require:`, the tables the configuration requires.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.waivers import load_waivers
from tests.xlsx import add_cached_values, add_raw_merges, block, write

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULES = load_rules()


def _cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


def _plain(value):
    """A finding's expected or actual value as YAML writes it: numbers and text."""
    value = getattr(value, "value", value)  # a Quantity or a Text
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def test_every_rule_has_a_fixture_file():
    have = {p.stem for p in FIXTURES.glob("*.yaml")}
    assert sorted(r.id for r in RULES if r.id not in have) == []


@pytest.mark.parametrize("rule, case", list(_cases()))
def test_rule_case(rule, case, tmp_path):
    sheets = {name: {k: v for anchor, rows in blocks.items()
                     for k, v in block(anchor, rows).items()}
              for name, blocks in case["sheets"].items()}
    path = write(tmp_path / "case.xlsx", sheets, case.get("merges"), case.get("formats"))
    for index, name in enumerate(sheets, start=1):
        if name in case.get("raw_merges", {}):
            add_raw_merges(path, index, case["raw_merges"][name])
        if name in case.get("cached", {}):
            add_cached_values(path, index, case["cached"][name])
    waivers = ()
    if case.get("waivers"):
        waiver_file = tmp_path / "waivers.yaml"
        waiver_file.write_text(yaml.safe_dump({"waivers": case["waivers"]}), encoding="utf-8")
        waivers = load_waivers(waiver_file)
    require = tuple(case.get("require", ()))
    found = [f for f in check_plan(read(path), RULES, waivers, require) if f.rule == rule]
    expect = case.get("expect") or []
    assert [(f.rule, str(f.locations[0]) if f.locations else None) for f in found] == [
        (e[0], e[1]) if isinstance(e, list) else (rule, e["at"]) for e in expect]
    for finding, wanted in zip(found, expect, strict=True):
        if not isinstance(wanted, dict):
            continue
        if "expected" in wanted:
            assert _plain(finding.expected) == wanted["expected"]
        if "actual" in wanted:
            assert _plain(finding.actual) == wanted["actual"]
        if "message" in wanted:
            assert wanted["message"] in finding.message("id")
