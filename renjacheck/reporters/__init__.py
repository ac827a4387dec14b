"""Output formats: one reporter class a format, looked up by name. Reporters only format."""

from __future__ import annotations

from renjacheck.reporters.base import Reporter
from renjacheck.reporters.json import JsonReporter
from renjacheck.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
}

__all__ = ["REPORTERS", "Reporter"]
