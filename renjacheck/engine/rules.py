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
from renjacheck.findings import Severity
from renjacheck.kinds import KINDS, UnknownKind, get_kind
from renjacheck.kinds.rule import Bilingual, Rule


class RuleError(Exception):
    """A rule file that cannot be used; the message names the file, the rule and the key."""

    def __init__(self, path: Path, rule: str | None, detail: str) -> None:
        self.path, self.rule, self.detail = path, rule, detail
        where = f"{path}" + (f": {rule}" if rule else "")
        super().__init__(f"{where}: {detail}")


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
            raise RuleError(folder, None, "rule folder not found")
        for path in sorted(folder.glob("*.y*ml")):
            try:
                data = resources.load_yaml(path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError) as exc:
                # ValueError: a date YAML cannot build (2024-13-45)
                raise RuleError(path, None, f"not valid YAML ({type(exc).__name__})") from None
            rule = _decode(path, data)
            if rule.id in rules:
                raise RuleError(path, rule.id, f"duplicate id (also in {rules[rule.id].source})")
            rules[rule.id] = rule
    return [rules[key] for key in sorted(rules)]


def _decode(path: Path, data: object) -> Rule:
    rule_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(data, dict):
        raise RuleError(path, None, "a rule file holds one mapping (id, slug, kind, ...)")
    try:
        spec = RuleFile.model_validate(data)
    except ValidationError as exc:
        raise RuleError(path, rule_id, _explain(exc)) from None
    try:
        kind = get_kind(spec.kind)
    except UnknownKind:
        raise RuleError(path, spec.id, f"key 'kind': unknown kind {spec.kind!r} "
                                       f"(kinds: {', '.join(sorted(KINDS))})") from None
    try:
        params = kind.params.model_validate(spec.params)
    except ValidationError as exc:
        raise RuleError(path, spec.id, _explain(exc, prefix="params")) from None
    names = kind.placeholders_of(params)
    for lang, template in (("id", spec.message.id), ("en", spec.message.en)):
        for _, name, _, _ in string.Formatter().parse(template):
            if name is not None and name not in names:
                raise RuleError(path, spec.id, f"key 'message.{lang}': unknown placeholder "
                                f"{{{name}}} (this rule provides: {', '.join(sorted(names))})")
    return Rule(id=spec.id, slug=spec.slug, kind=spec.kind, severity=Severity(spec.severity),
                title=spec.title, message=spec.message, rationale=spec.rationale, params=params,
                needs=kind.needs_of(params), source=path, example=spec.example, fix=spec.fix)


def _explain(exc: ValidationError, prefix: str | None = None) -> str:
    error = exc.errors()[0]
    parts = ((prefix,) if prefix else ()) + tuple(error["loc"])
    # pydantic marks a failing mapping key with "[key]": the key itself says enough.
    key = ".".join(str(p) for p in parts if p != "[key]")
    if error["type"] == "extra_forbidden":
        return f"unknown key '{key}'"
    if error["type"] == "missing":
        return f"missing key '{key}'"
    # A validator's own message says enough without pydantic's "Value error, " in front.
    message = error["msg"].removeprefix("Value error, ")
    return f"key '{key}': {message}" if key else message
