"""What a kind yields and what it can see: shared by every kind module."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from renjacheck.model.values import Location

TABLES = ("identitas", "pendanaan", "capaian", "matriks", "ro", "narasi")


class Params(BaseModel):
    """Base of every kind's parameters: strict, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Hit:
    """One finding as a kind reports it; the engine adds the rule's id, severity and messages."""

    locations: tuple[Location, ...]
    args: dict[str, Any] = field(default_factory=dict)
    expected: Any = None
    actual: Any = None
    key: tuple = ()
    table: str | None = None
