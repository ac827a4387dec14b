"""The engine: reads each file, runs every rule on it, and returns a Report. It never prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from renjacheck.engine.rules import Rule, load_rules
from renjacheck.findings import FileReport, Finding, Report
from renjacheck.kinds import get_kind
from renjacheck.model.build import Reading, collector_paused, read
from renjacheck.waivers import Waiver
from renjacheck.workbook.safety import CannotCheck, DEFAULT_LIMITS, Limits

__all__ = ["Context", "Setup", "check_files", "check_reading", "load_rules", "run_rules"]


@dataclass(frozen=True)
class Context:
    """What a rule kind sees of one workbook, and the catalogue it runs in."""

    plan: object
    frames: dict
    notes: list
    rules: list[Rule]
    # Work shared by the rules of one workbook (a table's schema validation), computed once.
    memo: dict = field(default_factory=dict)
    # The waivers that apply to this workbook; for AFTER_FINDINGS kinds, the findings of the
    # other rules and the ids of the rules that ran.
    waivers: tuple[Waiver, ...] = ()
    findings: tuple[Finding, ...] = ()
    ran: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Setup:
    """What a workbook is checked with: the enabled rules (severities as configured), waivers."""

    rules: list[Rule]
    waivers: tuple[Waiver, ...] = ()
    limits: Limits = DEFAULT_LIMITS


def check_reading(reading: Reading, rules: list[Rule],
                  waivers: Iterable[Waiver] = ()) -> list[Finding]:
    """Run `rules` on a workbook already read; findings in workbook order, each once, those a
    waiver accepts marked as waived."""
    return run_rules(reading, rules, waivers)[0]


def run_rules(reading: Reading, rules: list[Rule],
              waivers: Iterable[Waiver] = ()) -> tuple[list[Finding], frozenset[str]]:
    """check_reading, and the ids of the rules that ran (those whose tables were found)."""
    waivers = tuple(waivers)
    ctx = Context(plan=reading.plan, frames=reading.frames, notes=reading.notes, rules=rules,
                  waivers=waivers)
    findings: dict[tuple, Finding] = {}
    late, ran = [], set()
    for rule in rules:
        kind = get_kind(rule.kind)
        if getattr(kind, "AFTER_FINDINGS", False):
            late.append(rule)
            continue
        if rule.requires and not any(reading.plan.present(t) for t in rule.requires):
            continue  # noted by the table_present rule
        ran.add(rule.id)
        _collect(findings, rule, kind.check(ctx, rule))
    _number_repeats(findings, reading.plan.sheets)
    for ident, finding in findings.items():
        waiver = next((w for w in waivers if w.matches(finding)), None)
        if waiver is not None:
            findings[ident] = replace(finding, waived=waiver)
    if late:  # rules about the findings themselves (stale waivers): never waived
        after = replace(ctx, findings=tuple(findings.values()), ran=frozenset(ran))
        for rule in late:
            _collect(findings, rule, get_kind(rule.kind).check(after, rule))
    sheets = reading.plan.sheets
    ran.update(rule.id for rule in late)
    return sorted(findings.values(), key=lambda f: f.sort_key(sheets)), frozenset(ran)


def _number_repeats(findings: dict[tuple, Finding], sheets: list[str]) -> None:
    """Findings about the same thing twice (an akun code under two komponen) get the second,
    third ... occurrence's number in their key, in workbook order, so fingerprints differ."""
    groups: dict[tuple, list[tuple]] = {}
    for ident, finding in findings.items():
        groups.setdefault((finding.rule, finding.table, finding.key), []).append(ident)
    for idents in groups.values():
        ordered = sorted(idents, key=lambda i: findings[i].sort_key(sheets))
        for n, ident in enumerate(ordered[1:], start=2):
            findings[ident] = replace(findings[ident], key=findings[ident].key + (n,))


def _collect(findings: dict[tuple, Finding], rule: Rule, hits) -> None:
    for hit in hits:
        ident = (rule.id, hit.locations, hit.key)
        findings.setdefault(ident, Finding(
            rule=rule.id, slug=rule.slug, severity=rule.severity, table=hit.table,
            locations=hit.locations, templates=rule.message.model_dump(), args=hit.args,
            expected=hit.expected, actual=hit.actual, key=hit.key,
            title=rule.title.model_dump(), rationale=rule.rationale.model_dump()))


def check_file(path: Path, setup: Setup) -> FileReport:
    """Read and check one file; a file that cannot be read gets its reason, not findings."""
    waivers = [w for w in setup.waivers if w.applies_to(path)]
    rules = tuple(setup.rules)
    try:
        with collector_paused():  # the reading is dropped before the collector runs again
            reading = read(path, setup.limits)
            findings, ran = run_rules(reading, setup.rules, waivers)
            tables = list(reading.plan.tables)
            del reading
    except CannotCheck as exc:
        return FileReport(path=str(path), error=exc.key, error_args=exc.args_, rules=rules)
    except Exception as exc:  # a reader bug must not cost the other files their report
        return FileReport(path=str(path), error="internal_error",
                          error_args={"reason": f"{type(exc).__name__}: {exc}"}, rules=rules)
    return FileReport(path=str(path), tables=tables, findings=findings, rules=rules, ran=ran)


def check_files(paths: list[Path], rules: list[Rule] | None = None,
                resolve: Callable[[Path], Setup] | None = None) -> Report:
    """Check every file into one Report: with `resolve(path)`'s setup (each workbook its own
    configuration), else with `rules` (default: the shipped rules) and no waivers."""
    if resolve is None:
        setup = Setup(rules=load_rules() if rules is None else rules)
        resolve = lambda _path: setup  # noqa: E731
    return Report(files=[check_file(path, resolve(path)) for path in paths])
