"""A mistaken command line in the run's language: click and typer word their usage errors in
English (and differently from version to version), so each is told by its class and its
attributes and said again in our words (cli/texts.py USAGE)."""

from __future__ import annotations

import re

from renjacheck.cli.texts import USAGE


def say(key: str, lang: str, **args) -> str:
    """A message of USAGE in `lang`."""
    from renjacheck.i18n import render  # only when there is something to say

    return render(USAGE[key], args, lang)


def usage_message(exc: Exception, lang: str) -> str:
    """What is wrong with the command line, in `lang`, from click's usage error `exc`."""
    kind = type(exc).__name__
    message = getattr(exc, "message", "") or ""
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        near = ", ".join(sorted(getattr(exc, "possibilities", None) or []))
        return say("no_option_near" if near else "no_option", lang, name=exc.option_name,
                   near=near)
    if kind == "MissingParameter" and param is not None:
        if getattr(param, "param_type_name", "") == "argument":
            name = getattr(param, "metavar", None) or str(param.name).upper()
            return say("missing_argument", lang, name=name)
        return say("missing_option", lang, name=_option(param))
    if kind == "BadOptionUsage":
        key = "takes_no_value" if "does not take" in message else "needs_value"
        return say(key, lang, name=exc.option_name)
    if kind in ("BadParameter", "MissingParameter"):
        name = _option(param) if param is not None else (getattr(exc, "param_hint", "") or "")
        return say("bad_value", lang, name=name, detail=message)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", message)
    if extra:
        return say("extra", lang, args=extra.group(1))
    command = re.match(r"No such command '(.*)'", message)
    known = ", ".join(getattr(getattr(getattr(exc, "ctx", None), "command", None),
                              "commands", {}))
    if command:
        return say("no_command", lang, name=command.group(1), known=known)
    if message.startswith("Missing command"):
        return say("missing_command", lang, known=known)
    return say("other", lang, detail=message.rstrip("."))


def _option(param) -> str:
    """How the command line names an option: its long name."""
    opts = getattr(param, "opts", None) or [getattr(param, "name", "?")]
    return max(opts, key=len)
