"""The reporter interface."""

from __future__ import annotations

from renjacheck.findings import Report


class Reporter:
    """Turns a Report into text in one format and one language."""

    def __init__(self, lang: str = "id") -> None:
        self.lang = lang

    def render(self, report: Report) -> str:
        """The whole report as one string."""
        raise NotImplementedError
