"""A rule as the engine runs it: the rule file's texts and severity, and its kind's parameters
decoded (engine/rules.py loads it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from renjacheck.findings import Severity
from renjacheck.kinds.base import Needs


class Bilingual(BaseModel):
    """A text in Bahasa Indonesia and in English."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)


@dataclass(frozen=True)
class Rule:
    """A loaded rule: its kind's parameters decoded, and what it needs to run."""

    id: str
    slug: str
    kind: str
    severity: Severity
    title: Bilingual
    message: Bilingual
    rationale: Bilingual
    params: Any
    needs: Needs
    source: Path
    example: Bilingual | None = None
    fix: Bilingual | None = None

    @property
    def requires(self) -> frozenset[str]:
        """Every table the rule names (all it needs, and those it can use one of)."""
        return self.needs.names
