"""Words renjacheck says outside the rules (headings, refusals), in Bahasa Indonesia and English.

Rule messages live in the rule files; this catalogue holds the rest, one module per area.
`render` fills a template, writing figures the way the reader's language writes them
(`15.500.127.000` / `15,500,127,000`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from renjacheck.rounding import decimals_of, format_number
from renjacheck.values import Location, Quantity, Text

from renjacheck.i18n import copies, files, reports, settings

LANGS = ("id", "en")
QUOTE_LIMIT = 300


def _merged(*parts) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.MESSAGES.keys()
        if twice:  # a key in two files would silently say one of them
            raise ValueError(f"message keys in two files of renjacheck.i18n: {sorted(twice)}")
        merged.update(part.MESSAGES)
    return merged


# Every message, by area (files.py, reports.py, settings.py, copies.py).
MESSAGES: dict[str, dict[str, str]] = _merged(files, reports, settings, copies)



@dataclass(frozen=True)
class Clauses:
    """Clauses of this catalogue a message ends with, said in the reader's language, each after
    "; ": (key, args) pairs. None says nothing."""

    items: tuple[tuple[str, Mapping[str, Any]], ...] = ()


@dataclass(frozen=True)
class Terms:
    """A sum shown term by term, each with its label: ` (5354: 490.000.000 + 3251:
    125.000.000)`; nothing for a single term, which the figure it adds up to already says."""

    items: tuple[tuple[str, Any], ...] = ()


def text(key: str, lang: str, /, **args: Any) -> str:
    """A catalogue message in `lang`, filled with `args`."""
    return render(MESSAGES[key], args, lang)


def render(templates: Mapping[str, str], args: Mapping[str, Any], lang: str) -> str:
    """Fill the `lang` template (falling back to Indonesian) with `args` written for `lang`."""
    template = templates.get(lang) or templates["id"]
    return template.format_map({k: show(v, lang) for k, v in args.items()})


def show(value: Any, lang: str) -> str:
    """A value as a reader of `lang` expects to see it."""

    if value is None:
        return MESSAGES["empty"][lang]
    if isinstance(value, Problem):
        return value.say(lang)
    if isinstance(value, Clauses):
        return "".join(f"; {text(key, lang, **args)}" for key, args in value.items)
    if isinstance(value, Terms):
        terms = " + ".join(f"{label}: {show(v, lang)}" for label, v in value.items)
        return f" ({terms})" if len(value.items) > 1 else ""
    if isinstance(value, Quantity):
        shown = format_number(value.value, value.decimals, lang, percent=value.percent)
        if value.upper is not None:  # a range target: "80 - 90%"
            upper = format_number(value.upper, value.upper_decimals or 0, lang,
                                  percent=value.percent)
            shown = f"{shown.removesuffix('%')} - {upper}"
        return f"{shown} {value.unit}" if value.unit else shown
    if isinstance(value, Decimal):
        return format_number(value, decimals_of(value), lang)
    if isinstance(value, Location):
        return str(value)
    if isinstance(value, (Text, str)):
        # A cell may hold 32,767 characters; a message quotes the start of it.
        value = str(value)
        return value if len(value) <= QUOTE_LIMIT else value[:QUOTE_LIMIT] + "…"
    if isinstance(value, (list, tuple)):
        return ", ".join(show(v, lang) for v in value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return format_number(Decimal(value), 0, lang)
    return str(value)


class Problem(ValueError):
    """Something renjacheck refuses, said in either language when shown: a message key of the
    catalogue and its arguments. `str()` is the English (for tracebacks and the Python API)."""

    def __init__(self, key: str, /, **args: Any) -> None:
        self.key, self.args_ = key, args
        super().__init__(key)

    def say(self, lang: str) -> str:
        """The message in `lang`."""
        return text(self.key, lang, **self.args_)

    def __str__(self) -> str:
        return self.say("en")


def said(parts: list, lang: str) -> str:
    """Parts of a refusal (a path, a Problem, a location) joined by ': ', each in `lang`."""
    return ": ".join(show(part, lang) if isinstance(part, Problem) else str(part)
                     for part in parts if part is not None)
