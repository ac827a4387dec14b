"""The `renjacheck` command line. Exit codes: 0 clean, 1 errors found, 2 could not check.

The app and the options its commands share are in options.py; each module of commands registers
its own on the app when imported here: check.py (check, waive), catalogue.py (rules, rule),
workbooks.py (annotate, template). Importing the command line loads neither the engine nor a
reporter: `renjacheck --help` does not wait for them.
"""

from __future__ import annotations

import sys

from renjacheck.cli import catalogue, check, serve, workbooks  # noqa: F401  (register)
from renjacheck.cli.lang import current, localise, start
from renjacheck.cli.options import FORMATS, app, say_line
from renjacheck.cli.usage import say, usage_message

__all__ = ["FORMATS", "app", "main"]


def main() -> None:
    """Entry point: run the app in the run's language (the help too); usage errors become one
    line on stderr and exit code 2."""
    import typer.main

    start(sys.argv[1:])  # --help and usage errors come before --lang is parsed
    command = typer.main.get_command(app)
    localise(command, current())
    try:
        code = command(standalone_mode=False)
    except Exception as exc:
        if type(exc).__name__ == "Abort":  # Ctrl-C
            say_line(say('aborted', current()))
            sys.exit(130)
        # Usage errors (click's, vendored or not, have both attributes): one line, their exit code.
        code = getattr(exc, "exit_code", None)
        if not (hasattr(exc, "format_message") and isinstance(code, int)):
            _unexpected(exc)
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(exc.format_message(), file=sys.stderr)  # no arguments: the help, as is
        else:
            say_line(usage_message(exc, current()))
        sys.exit(code)
    sys.exit(code if isinstance(code, int) else 0)


def _unexpected(exc: BaseException) -> None:
    """Any other failure (RecursionError, MemoryError, a library's): one line naming its type,
    exit code 2 (1 would say "errors found"); RENJACHECK_TRACEBACK=1 shows the traceback."""
    import os

    if os.environ.get("RENJACHECK_TRACEBACK"):
        raise exc
    detail = " ".join(str(exc).split())[:200] or "-"
    try:
        line = say("unexpected", current(), kind=type(exc).__name__, detail=detail)
    except Exception:  # noqa: BLE001  (saying it must not fail in turn)
        line = f"unexpected error ({type(exc).__name__}: {detail})"
    say_line(line)
    sys.exit(2)
