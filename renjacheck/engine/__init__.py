"""The engine: reads each file, runs every rule on it, and returns a Report. It never prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from renjacheck.engine.rules import Rule, load_rules
from renjacheck.findings import FileReport, Finding, Report
from renjacheck.kinds import get_kind
from renjacheck.model.build import Reading, read
from renjacheck.workbook.safety import CannotCheck, DEFAULT_LIMITS, Limits

__all__ = ["Context", "check_files", "check_reading", "load_rules"]


@dataclass(frozen=True)
class Context:
    """What a rule kind sees of one workbook, and the catalogue it runs in."""

    plan: object
    frames: dict
    notes: list
    rules: list[Rule]
    # Work shared by the rules of one workbook (a table's schema validation), computed once.
    memo: dict = field(default_factory=dict)


def check_reading(reading: Reading, rules: list[Rule]) -> list[Finding]:
    """Run `rules` on a workbook already read; findings in workbook order, each once."""
    ctx = Context(plan=reading.plan, frames=reading.frames, notes=reading.notes, rules=rules)
    findings: dict[tuple, Finding] = {}
    for rule in rules:
        if rule.requires and not any(reading.plan.present(t) for t in rule.requires):
            continue  # noted by the table_present rule
        for hit in get_kind(rule.kind).check(ctx, rule):
            ident = (rule.id, hit.locations, hit.key)
            findings.setdefault(ident, Finding(
                rule=rule.id, slug=rule.slug, severity=rule.severity, table=hit.table,
                locations=hit.locations, templates=rule.message.model_dump(), args=hit.args,
                expected=hit.expected, actual=hit.actual, key=hit.key,
                title=rule.title.model_dump(), rationale=rule.rationale.model_dump()))
    sheets = reading.plan.sheets
    return sorted(findings.values(), key=lambda f: f.sort_key(sheets))


def check_file(path: Path, rules: list[Rule], limits: Limits = DEFAULT_LIMITS) -> FileReport:
    """Read and check one file; a file that cannot be read gets its reason, not findings."""
    try:
        reading = read(path, limits)
        findings = check_reading(reading, rules)
    except CannotCheck as exc:
        return FileReport(path=str(path), error=exc.key, error_args=exc.args_)
    except Exception as exc:  # a reader bug must not cost the other files their report
        return FileReport(path=str(path), error="internal_error",
                          error_args={"reason": f"{type(exc).__name__}: {exc}"})
    return FileReport(path=str(path), tables=list(reading.plan.tables), findings=findings)


def check_files(paths: list[Path], rules: list[Rule] | None = None) -> Report:
    """Check every file with `rules` (default: the shipped rules) into one Report."""
    rules = load_rules() if rules is None else rules
    return Report(files=[check_file(path, rules) for path in paths])
