"""The rule catalogue for people and machines: `renjacheck rules` and `renjacheck rule ID`.

Text is in `lang` throughout: the severity in words (`kesalahan`, `peringatan`, `info`), what
kind of check a rule is, titles and explanations. JSON keeps the words a configuration writes
(`error`, `warning`, `info`; the kind's name) for machines. Text is shown safe (a rule file's
control, bidi or zero-width characters escaped, renjacheck.safetext); JSON keeps them.
"""

from __future__ import annotations

import difflib
import json
import textwrap
from pathlib import Path

from renjacheck.kinds.rule import Rule
from renjacheck.i18n import MESSAGES, text
from renjacheck.safetext import shown


def rule_list(rules: list[Rule], lang: str, fmt: str = "text") -> str:
    """One line a rule, sorted by id: id, slug, severity, title; or a JSON list."""
    rules = sorted(rules, key=lambda r: r.id)
    if fmt == "json":
        return json.dumps([{"id": r.id, "slug": r.slug, "severity": r.severity.value,
                            "kind": r.kind, "title": getattr(r.title, lang)} for r in rules],
                          ensure_ascii=False, indent=2)
    width = max((len(r.slug) for r in rules), default=0)
    level = max((len(_severity(r, lang)) for r in rules), default=0)
    return "\n".join(shown(f"{r.id:<8} {r.slug:<{width}}  {_severity(r, lang):<{level}}  "
                           f"{getattr(r.title, lang)}") for r in rules)


def _severity(rule: Rule, lang: str) -> str:
    return text(f"sev.{rule.severity.value}", lang)


def _kind(rule: Rule, lang: str) -> str:
    """What kind of check the rule is, in words (a kind without words: its name)."""
    key = f"kind.{rule.kind}"
    return text(key, lang) if key in MESSAGES else rule.kind


def rule_detail(rule: Rule, lang: str, fmt: str = "text") -> str:
    """Everything about one rule: what it checks and why, an example, the fix, its file."""
    def pick(bilingual) -> str | None:
        return getattr(bilingual, lang) if bilingual is not None else None

    facts = {"id": rule.id, "slug": rule.slug, "severity": rule.severity.value,
             "kind": rule.kind, "title": pick(rule.title), "rationale": pick(rule.rationale),
             "example": pick(rule.example), "fix": pick(rule.fix),
             "tables": sorted(rule.requires), "source": _shown_path(rule.source)}
    if fmt == "json":
        return json.dumps(facts, ensure_ascii=False, indent=2)
    lines = [f"{rule.id} {rule.slug} ({_severity(rule, lang)}; "
             f"{text('rule_check', lang)}: {_kind(rule, lang)})", facts["title"]]
    for key, heading in (("rationale", "why"), ("example", "rule_example"), ("fix", "rule_fix")):
        if facts[key]:
            lines += ["", text(heading, lang)]
            lines += textwrap.wrap(" ".join(facts[key].split()), width=98,
                                   initial_indent="  ", subsequent_indent="  ")
    tables = ", ".join(facts["tables"]) or text("rule_any_table", lang)
    lines += ["", f"{text('rule_tables', lang)}: {tables}",
              f"{text('rule_source', lang)}: {facts['source']}"]
    return "\n".join(shown(line) for line in lines)


def find_rule(rules: list[Rule], query: str) -> Rule | None:
    """The rule whose id (any case) or slug is `query`."""
    wanted = query.strip()
    return next((r for r in rules if r.id == wanted.upper() or r.slug == wanted.lower()), None)


def nearest(rules: list[Rule], query: str, n: int = 3) -> list[str]:
    """The ids of the `n` rules whose id or slug is closest to `query`."""
    names = {r.id: r.id for r in rules} | {r.slug: r.id for r in rules}
    wanted = query.strip()
    scored = sorted(names, key=lambda name: -difflib.SequenceMatcher(
        None, wanted.upper() if name.isupper() else wanted.lower(), name).ratio())
    return list(dict.fromkeys(names[name] for name in scored))[:n]


def _shown_path(path: Path) -> str:
    """A rule file's path relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
