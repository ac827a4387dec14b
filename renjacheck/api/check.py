"""Reading and checking a plan from Python: `read_plan` (a workbook's path or bytes), `check`
(a plan, a PlanBuilder, sheets, or a workbook) with the shipped rules or chosen ones, and the
`Result`: the findings, and the report in any format.

A check here is the command line's: the same reading, the same rules (table schemas, sums,
links and the reader's notes alike), the same refusal of a plan of which nothing was read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal, Union

from renjacheck import engine, resources
from renjacheck.api.builder import PlanBuilder
from renjacheck.api.sheets import Sheet, read_sheets
from renjacheck.config import check_selectors, check_tables, choose_rules
from renjacheck.findings import Finding
from renjacheck.i18n import text
from renjacheck.kinds.rule import Rule
from renjacheck.model.build import read
from renjacheck.model.plan import Plan
from renjacheck.report import FileReport, Report
from renjacheck.waivers import load_waivers
from renjacheck.workbook.safety import CannotCheck

# What `check` takes: a plan read or built, a builder, sheets, or a workbook (path or bytes).
Source = Union[Plan, PlanBuilder, Sequence[Sheet], str, "os.PathLike[str]", bytes]
Level = Literal["error", "warning", "info"]
_CALLER = "renjacheck.check"  # what a bad selector is said to come from


class Unreadable(CannotCheck):
    """A workbook or plan that cannot be checked: `str()` is its reason in English,
    `message("id")` in Bahasa Indonesia (the command line's exit 2)."""

    def message(self, lang: str = "en") -> str:
        """The one-line reason in `lang`."""
        return text(self.key, lang, **self.args_)

    def __str__(self) -> str:
        return self.message("en")


@dataclass(frozen=True)
class Result:
    """What a check found in one plan: the findings (workbook order) and the file report the
    formats render."""

    plan: Plan
    report: FileReport
    findings: tuple[Finding, ...]

    @property
    def exit_code(self) -> int:
        """The command line's exit code: 1 with an error not waived, else 0."""
        return self.report.exit_code

    def places(self, *rules: str) -> list[tuple[str, str]]:
        """Sorted (rule, "Sheet!A1") of the findings (of `rules` only, when named), each at
        its first cell ("" for a finding about the whole workbook)."""
        return sorted((f.rule, str(f.locations[0]) if f.locations else "")
                      for f in self.findings if not rules or f.rule in rules)

    def render(self, format: str = "text", lang: str = "id", quiet: bool = False) -> str:
        """The report in `format` (a name of `renjacheck.REPORTERS`) and `lang` (id, en)."""
        from renjacheck.reporters import REPORTERS

        if format not in REPORTERS:
            raise ValueError(f"unknown format {format!r} (formats: {', '.join(REPORTERS)})")
        return REPORTERS[format](lang=lang, quiet=quiet).render(Report(files=[self.report]))


def read_plan(source: str | os.PathLike[str] | bytes, vocabulary: Sequence[Path] = (),
              name: str | None = None) -> Plan:
    """Read a workbook (its path, or the bytes of an .xlsx) into a Plan; `vocabulary` names an
    office's header label files, `name` the workbook in reports. Unreadable if it cannot."""
    try:
        if not isinstance(source, bytes):
            plan = read(Path(source), vocabulary=tuple(vocabulary))
            return plan if name is None else replace(plan, path=name)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "plan.xlsx"
            path.write_bytes(source)
            return replace(read(path, vocabulary=tuple(vocabulary)), path=name or "<bytes>")
    except CannotCheck as exc:
        raise Unreadable(exc.key, **exc.args_) from None


def load_rules(*folders: str | os.PathLike[str], shipped: bool = True) -> list[Rule]:
    """The shipped rules (unless `shipped` is False) and those in `folders`, in id order;
    renjacheck.engine.rules.RuleError for a bad rule file."""
    if not folders and shipped:
        return list(_shipped())
    places = [resources.rules_dir()] if shipped else []
    return engine.load_rules(places + [Path(f) for f in folders])


@lru_cache(maxsize=1)
def _shipped() -> tuple[Rule, ...]:
    return tuple(engine.load_rules())


def check(source: Source, rules: Sequence[Rule] | None = None, *,
          select: Sequence[str] | None = None, ignore: Sequence[str] = (),
          severity: Mapping[str, Level] | None = None,
          waivers: str | os.PathLike[str] | None = None, require: Sequence[str] = (),
          vocabulary: Sequence[Path] = ()) -> Result:
    """Check a plan with `rules` (default: the shipped ones) as the command line does:
    `select`/`ignore` (rule ids or prefixes) and `severity` ({id or prefix: level}) as
    `--select`, `--ignore`, `--severity`; `waivers` a waiver file, `require` the tables the
    plan must hold. Unreadable for a plan of which no table read a row."""
    catalogue = list(_shipped() if rules is None else rules)
    ids = [r.id for r in catalogue]
    levels = dict(severity or {})
    for key, values in (("select", select or []), ("ignore", ignore), ("severity", levels)):
        check_selectors(list(values), ids, _CALLER, key)
    check_tables(list(require), _CALLER, "require")
    chosen = choose_rules(catalogue, None if select is None else list(select), list(ignore),
                          levels)
    plan = _plan(source, tuple(vocabulary))
    accepted = load_waivers(Path(waivers), set(ids)) if waivers is not None else ()
    accepted = tuple(w for w in accepted if w.applies_to(Path(plan.path)))
    try:
        engine.vouch(plan)
    except CannotCheck as exc:
        raise Unreadable(exc.key, **exc.args_) from None
    outcome = engine.run_rules(plan, chosen, accepted, tuple(require))
    report = FileReport(path=plan.path, tables=plan.infos, findings=outcome.findings,
                        rules=tuple(chosen), ran=outcome.ran, skipped=outcome.skipped)
    return Result(plan=plan, report=report, findings=tuple(outcome.findings))


def _plan(source: Source, vocabulary: tuple[Path, ...]) -> Plan:
    """The plan a source stands for."""
    if isinstance(source, Plan):
        return source
    if isinstance(source, PlanBuilder):
        return source.plan(vocabulary)
    if isinstance(source, str | bytes | os.PathLike):
        return read_plan(source, vocabulary)
    return read_sheets(list(source), vocabulary)
