"""The `renjacheck` command line. Exit codes: 0 clean, 1 errors found, 2 could not check.

The app and the options its commands share are in options.py; each module of commands registers
its own on the app when imported here: check.py (check, waive), catalogue.py (rules, rule),
workbooks.py (annotate, template). Importing the command line loads neither the engine nor a
reporter: `renjacheck --help` does not wait for them.
"""

from __future__ import annotations

import sys

from renjacheck.cli import catalogue, check, workbooks  # noqa: F401  (register commands)
from renjacheck.cli.options import FORMATS, app

__all__ = ["FORMATS", "app", "main"]


def main() -> None:
    """Entry point: run the app; usage errors become one line on stderr and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except Exception as exc:
        # Usage errors (click's, vendored or not, have both attributes): one line, their exit code.
        code = getattr(exc, "exit_code", None)
        if not (hasattr(exc, "format_message") and isinstance(code, int)):
            raise
        message = exc.format_message()
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(message, file=sys.stderr)  # no arguments: the help, as is
        elif message:
            print(f"renjacheck: {message}", file=sys.stderr)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
