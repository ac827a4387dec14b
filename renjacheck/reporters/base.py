"""The reporter interface, and what several reporters need to say the same way."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache

from renjacheck.findings import Finding, Severity
from renjacheck.report import FileReport, Report
from renjacheck.i18n import text
from renjacheck.resources import rules_dir
from renjacheck.tables import registry


class Reporter:
    """Turns a Report into text in one format and one language.

    `quiet` asks for errors only; a format for people honours it, a complete record for
    machines (JSON, SARIF, JUnit) ignores it.
    """

    def __init__(self, lang: str = "id", quiet: bool = False, dated: bool = True) -> None:
        self.lang = lang
        self.quiet = quiet
        # Whether a report that states the date of the check states it (`--no-date`).
        self.dated = dated

    def render(self, report: Report) -> str:
        """The whole report as one string."""
        raise NotImplementedError


def where(finding: Finding) -> str:
    """The cells of a finding, the one to fix first: `Capaian 2023!F36, Narasi!C25`."""
    return ", ".join(str(loc) for loc in finding.locations)


def headline(finding: Finding, lang: str) -> str:
    """One line for a finding: its cells, then its message."""
    cells = where(finding)
    message = finding.message(lang)
    return f"{cells} {message}" if cells else message


def expected_found(finding: Finding, lang: str) -> str | None:
    """`diharapkan: 100,43%; ditemukan: 100,45%`, when both are figures or values worth showing
    (not when what was expected is a word such as "filled", which the message says), both in
    the unit one of them carries."""
    figures = finding.figures(lang)
    if figures is None:
        return None
    return f"{text('expected', lang)}: {figures[0]}; {text('found', lang)}: {figures[1]}"


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule, in both languages (dicts keyed by "id" and "en")."""

    id: str
    slug: str
    severity: Severity
    title: dict
    rationale: dict
    example: dict | None = None
    fix: dict | None = None
    kind: str | None = None
    tables: tuple[str, ...] = ()

    def text(self, field: str, lang: str) -> str:
        """A text of the rule in `lang` (falling back to Indonesian); "" when it has none."""
        value = getattr(self, field) or {}
        return value.get(lang) or value.get("id") or ""


def rule_info(rule) -> RuleInfo:
    """What a report says of a loaded rule."""
    return RuleInfo(id=rule.id, slug=rule.slug, severity=rule.severity,
                    title=rule.title.model_dump(), rationale=rule.rationale.model_dump(),
                    example=rule.example.model_dump() if rule.example else None,
                    fix=rule.fix.model_dump() if rule.fix else None, kind=rule.kind,
                    tables=tuple(sorted(rule.requires)))


def rules_skipped(file: FileReport, lang: str) -> list[tuple[RuleInfo, str]]:
    """The rules that did not run on a file, sorted by id, each with why: the tables it
    needs that the workbook lacks."""
    labels = registry.labels()
    return [(rule_info(r), text("rule_skipped", lang, tables=", ".join(
                labels.get(t, t) for t in file.skipped[r.id])))
            for r in sorted(file.rules, key=lambda r: r.id) if r.id in file.skipped]


def skipped_by_reason(file: FileReport, lang: str) -> list[tuple[list[str], str]]:
    """The rules that did not run on a file grouped by why (the same tables lacking): the ids,
    sorted, and the reason, for the reports that open with what was read."""
    labels = registry.labels()
    groups: dict[tuple[str, ...], list[str]] = {}
    for rule in sorted(file.skipped):
        groups.setdefault(file.skipped[rule], []).append(rule)
    return [(ids, text("skipped_for", lang, tables=", ".join(labels.get(t, t) for t in tables)))
            for tables, ids in groups.items()]


def rules_that_ran(file: FileReport) -> list[RuleInfo]:
    """The rules that ran on a file, sorted by id; those whose findings are the only trace of
    them (a report made without its rules) from their findings."""
    infos = {r.id: rule_info(r) for r in file.rules if r.id in file.ran}
    for f in file.findings:
        infos.setdefault(f.rule, RuleInfo(id=f.rule, slug=f.slug, severity=f.severity,
                                          title=dict(f.title), rationale=dict(f.rationale)))
    return [infos[key] for key in sorted(infos)]


def check_date(dated: bool = True) -> str | None:
    """The date of the check, `2024-12-04`: SOURCE_DATE_EPOCH's (UTC) when it is set, for a
    report made again byte for byte, else today's; None when the report is to carry none."""
    if not dated:
        return None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()


def rules_version(rules) -> str:
    """The version of the rules a file was checked with: the first 12 hex digits of the
    SHA-256 of every rule as it ran (texts, kind, severity as configured, parameters) and of
    the shipped data files the rules read (rules/data). Another rule file, a changed message, a
    severity set in a configuration or an edited word list gives another version."""
    digest = hashlib.sha256(_data_digest().encode())
    for rule in sorted(rules, key=lambda r: r.id):
        texts = {name: getattr(rule, name).model_dump() if getattr(rule, name) else None
                 for name in ("title", "message", "rationale", "example", "fix")}
        params = rule.params.model_dump(mode="json") if hasattr(rule.params, "model_dump") \
            else rule.params
        digest.update(json.dumps([rule.id, rule.slug, rule.kind, rule.severity.value, texts,
                                  params], sort_keys=True, ensure_ascii=False,
                                 default=str).encode())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def _data_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((rules_dir() / "data").glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
