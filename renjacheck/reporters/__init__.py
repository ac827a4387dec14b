"""Output formats: one reporter class a format, looked up by name. Reporters only format.

REPORTERS maps a format's name to its reporter class. An entry names the class as
"module:Class" (a module of this package), imported the first time the format is looked up:
the command line lists and validates the formats at start-up, and importing a reporter loads
the plan model behind it, which `renjacheck --help` should not wait for. To add a format, add
its line here; nothing else needs to know about it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from renjacheck.reporters.base import Reporter

_ENTRIES: dict[str, Any] = {
    "text": "text:TextReporter",
    "json": "json:JsonReporter",
    "sarif": "sarif:SarifReporter",
    "github": "github:GithubReporter",
    "junit": "junit:JunitReporter",
    "html": "html:HtmlReporter",
}


class Reporters(Mapping[str, "type[Reporter]"]):
    """Format name -> reporter class, each class imported when first looked up.

    An entry may also be the class itself (imported by whoever adds it); names keep their order.
    """

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = dict(entries)

    def __getitem__(self, name: str) -> type[Reporter]:
        entry = self._entries[name]
        if isinstance(entry, str):
            module, _, cls = entry.partition(":")
            entry = getattr(importlib.import_module(f"{__name__}.{module}"), cls)
            self._entries[name] = entry
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


REPORTERS = Reporters(_ENTRIES)


def __getattr__(name: str) -> Any:
    # `from renjacheck.reporters import Reporter` still works, without loading it at start-up.
    if name == "Reporter":
        from renjacheck.reporters.base import Reporter

        return Reporter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["REPORTERS", "Reporter", "Reporters"]
