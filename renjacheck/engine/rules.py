"""Loads rule files: strict decoding, refused as a whole before any workbook is read.

A rule file is YAML (one rule a file) that picks a kind and sets its parameters. An unknown key,
kind, table or column, a duplicate id, or a message placeholder the kind does not provide is a
RuleError naming the file, the rule and the key.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from renjacheck import resources
from renjacheck.decoding import BrokenFile, Refusal, field_problem, os_problem, read_text, \
    where_key
from renjacheck.syntax import yaml_broken
from renjacheck.findings import Severity
from renjacheck.i18n import Problem
from renjacheck.kinds import KINDS, UnknownKind, get_kind
from renjacheck.kinds.rule import Bilingual, Rule


class RuleError(Refusal):
    """A rule file that cannot be used; names the file (a syntax error its line and column),
    the rule and the key; `detail` (a Problem) says what is wrong."""

    def __init__(self, path: Path, rule: str | None, detail: Problem, key: str = "",
                 where: str | None = None) -> None:
        self.path, self.rule, self.detail = path, rule, detail
        super().__init__(where or path, rule, where_key(key), detail)


class RuleFile(BaseModel):
    """A rule as written in its file."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[A-Z]{2,6}\d{3}$")
    slug: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    kind: str
    severity: Literal["error", "warning", "info"]
    title: Bilingual
    message: Bilingual
    rationale: Bilingual
    example: Bilingual | None = None
    fix: Bilingual | None = None
    params: dict[str, Any] = Field(default_factory=dict)


def load_rules(folders: list[Path] | None = None) -> list[Rule]:
    """Every rule in the folders (default: the shipped rules), in id order."""
    import yaml  # for its error type; lazy, as in resources.load_yaml

    rules: dict[str, Rule] = {}
    for folder in folders or [resources.rules_dir()]:
        if not folder.is_dir():
            raise RuleError(folder, None, Problem("rf.folder_not_found"))
        for path in sorted(folder.glob("*.y*ml")):
            text = ""
            try:
                text = read_text(path)
                data = resources.load_yaml(text)
            except BrokenFile as exc:
                raise RuleError(path, None, exc.broken.problem,
                                where=exc.broken.where(path)) from None
            except OSError as exc:
                raise RuleError(path, None, os_problem(exc)) from None
            except (yaml.YAMLError, ValueError) as exc:
                # ValueError: a date YAML cannot build (2024-13-45)
                broken = yaml_broken(exc, text)
                raise RuleError(path, None, broken.problem, where=broken.where(path)) from None
            rule = _decode(path, data)
            if rule.id in rules:
                raise RuleError(path, rule.id, Problem("rf.duplicate",
                                                       other=str(rules[rule.id].source)))
            rules[rule.id] = rule
    return [rules[key] for key in sorted(rules)]


def _decode(path: Path, data: object) -> Rule:
    rule_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(data, dict):
        raise RuleError(path, None, Problem("rf.mapping"))
    try:
        spec = RuleFile.model_validate(data)
    except ValidationError as exc:
        raise RuleError(path, rule_id, *_explain(exc)[::-1]) from None
    try:
        kind = get_kind(spec.kind)
    except UnknownKind:
        raise RuleError(path, spec.id, Problem("rf.unknown_kind", kind=spec.kind,
                                               kinds=", ".join(sorted(KINDS))), "kind") from None
    try:
        params = kind.params.model_validate(spec.params)
    except ValidationError as exc:
        raise RuleError(path, spec.id, *_explain(exc, prefix="params")[::-1]) from None
    names = kind.placeholders_of(params)
    for lang, template in (("id", spec.message.id), ("en", spec.message.en)):
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None and name not in names:
                raise RuleError(path, spec.id, Problem("rf.placeholder", name=name,
                                                       names=", ".join(sorted(names))),
                                f"message.{lang}")
    return Rule(id=spec.id, slug=spec.slug, kind=spec.kind, severity=Severity(spec.severity),
                title=spec.title, message=spec.message, rationale=spec.rationale, params=params,
                needs=kind.needs_of(params), source=path, example=spec.example, fix=spec.fix)


def _explain(exc: ValidationError, prefix: str | None = None) -> tuple[str, Problem]:
    """The key the first error is about, and the problem."""
    return field_problem(exc.errors()[0], (prefix,) if prefix else ())
