"""The engine: reads each file, runs every rule on it, and returns a Report. It never prints.

A rule runs when its tables are there (its kind's `Needs`): one whose tables are missing is
reported as skipped, with the tables it lacked. Rules that judge the other rules' findings
(stale waivers) run last.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from renjacheck.engine.rules import load_rules
from renjacheck.findings import Finding
from renjacheck.kinds import get_kind
from renjacheck.kinds.context import Context, Shared
from renjacheck.kinds.rule import Rule
from renjacheck.model.build import collector_paused, read
from renjacheck.model.plan import Plan
from renjacheck.report import FileReport, Report
from renjacheck.tables import registry
from renjacheck.waivers import Waiver
from renjacheck.workbook.safety import CannotCheck, DEFAULT_LIMITS, Limits, read_once

__all__ = ["Outcome", "Setup", "check_files", "check_plan", "load_rules", "run_rules", "vouch"]


@dataclass(frozen=True)
class Setup:
    """What a workbook is checked with: the enabled rules (severities as configured), waivers."""

    rules: list[Rule]
    waivers: tuple[Waiver, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    # An office's own header labels (configuration `vocabulary`), besides the shipped ones.
    vocabulary: tuple[Path, ...] = ()
    # The tables the workbook must hold (configuration `require`): READ007 for one it lacks.
    require: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What the rules found in one plan (workbook order, each finding once), which rules ran,
    and which did not with the tables each lacked."""

    findings: list[Finding]
    ran: frozenset[str]
    skipped: dict[str, tuple[str, ...]] = field(default_factory=dict)


def check_plan(plan: Plan, rules: list[Rule], waivers: Iterable[Waiver] = (),
               require: tuple[str, ...] = ()) -> list[Finding]:
    """Run `rules` on a plan already read; findings in workbook order, each once, those a
    waiver accepts marked as waived."""
    return run_rules(plan, rules, waivers, require).findings


def run_rules(plan: Plan, rules: list[Rule], waivers: Iterable[Waiver] = (),
              require: tuple[str, ...] = ()) -> Outcome:
    """Run every rule whose tables the plan holds, then those that judge the findings."""
    waivers = tuple(waivers)
    ctx = Context(plan=plan, rules=tuple(rules), shared=Shared(plan), waivers=waivers,
                  require=require)
    findings: dict[tuple, Finding] = {}
    late, ran, skipped = [], set(), {}
    for rule in rules:
        if rule.needs.findings:
            late.append(rule)
            continue
        missing = rule.needs.missing(plan.present)
        if missing:
            skipped[rule.id] = missing  # noted by the table_present rule too
            continue
        ran.add(rule.id)
        _collect(findings, rule, get_kind(rule.kind).check(ctx, rule))
    _number_repeats(findings, plan.sheets)
    for ident, finding in findings.items():
        waiver = next((w for w in waivers if w.matches(finding)), None)
        if waiver is not None:
            findings[ident] = replace(finding, waived=waiver)
    if late:  # rules about the findings themselves (stale waivers): never waived
        after = replace(ctx, findings=tuple(findings.values()), ran=frozenset(ran))
        for rule in late:
            _collect(findings, rule, get_kind(rule.kind).check(after, rule))
    ran.update(rule.id for rule in late)
    ordered = sorted(findings.values(), key=lambda f: f.sort_key(plan.sheets))
    return Outcome(ordered, frozenset(ran), skipped)


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
    # The rule's texts, made once and shared by its findings (which never change them).
    texts = None
    for hit in hits:
        ident = (rule.id, hit.locations, hit.key)
        if ident in findings:
            continue
        if texts is None:
            texts = (rule.message.model_dump(), rule.title.model_dump(),
                     rule.rationale.model_dump(), rule.fix.model_dump() if rule.fix else {})
        findings[ident] = Finding(
            rule=rule.id, slug=rule.slug, severity=rule.severity, table=hit.table,
            locations=hit.locations, templates=texts[0], args=hit.args, expected=hit.expected,
            actual=hit.actual, key=hit.key, title=texts[1], rationale=texts[2], fix=texts[3])


def check_file(path: Path, setup: Setup, data: bytes | None = None) -> FileReport:
    """Read and check one file (its bytes `data`, read once, when given: annotate works on
    what was checked); a file that cannot be read gets its reason, not findings."""
    waivers = [w for w in setup.waivers if w.applies_to(path)]
    rules = tuple(setup.rules)
    try:
        if data is None:  # read once: a file swapped after its checks is never read
            data = read_once(path, setup.limits)
        with collector_paused():  # the plan is dropped before the collector runs again
            plan = read(path, setup.limits, setup.vocabulary, data)
            vouch(plan)
            outcome = run_rules(plan, setup.rules, waivers, setup.require)
            tables, unit, year = plan.infos, _unit(plan), plan.year
            del plan
            sha256 = hashlib.sha256(data).hexdigest()
    except CannotCheck as exc:
        return FileReport(path=str(path), error=exc.key, error_args=exc.args_, rules=rules)
    except Exception as exc:  # a reader bug must not cost the other files their report
        return FileReport(path=str(path), error="internal_error",
                          error_args={"reason": f"{type(exc).__name__}: {exc}"}, rules=rules)
    return FileReport(path=str(path), tables=tables, findings=outcome.findings, rules=rules,
                      ran=outcome.ran, skipped=outcome.skipped, unit=unit, year=year,
                      sha256=sha256)


def _unit(plan: Plan) -> str | None:
    """The Unit Kerja the Identitas names, if any."""
    identitas = plan.tables.get("identitas")
    unit = getattr(identitas, "unit", None)
    return unit.value if unit is not None else None


def vouch(plan: Plan) -> None:
    """CannotCheck when no table of the plan read a row: a workbook renjacheck read nothing
    of is never a pass (exit 0), whatever its rules would say of nothing."""
    if any(plan.present(name) for name in plan.tables):
        return
    near = next((note for note in plan.notes if note.code == "partial_header"), None)
    if near is not None:  # the one line says what was nearly a table, and what it lacked
        raise CannotCheck("no_table_near", table=registry.kind(near.args["table"]).label,
                          range=near.args["range"], missing=near.args["missing"],
                          hints=near.args["hints"])
    empty = next((note for note in plan.notes if note.code == "empty_table"), None)
    if empty is None:
        raise CannotCheck("no_table")
    raise CannotCheck("no_table_rows", table=registry.kind(empty.args["table"]).label,
                      range=empty.args["range"])


def check_files(paths: list[Path], rules: list[Rule] | None = None,
                resolve: Callable[[Path], Setup] | None = None) -> Report:
    """Check every file into one Report: with `resolve(path)`'s setup (each workbook its own
    configuration), else with `rules` (default: the shipped rules) and no waivers."""
    if resolve is None:
        setup = Setup(rules=load_rules() if rules is None else rules)
        resolve = lambda _path: setup  # noqa: E731
    return Report(files=[check_file(path, resolve(path)) for path in paths])
