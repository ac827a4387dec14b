"""The `renjacheck` command line. Exit codes: 0 clean, 1 errors found, 2 could not check."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from renjacheck import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Memeriksa konsistensi buku kerja Renja (Rencana Kerja). "
                       "Checks a Renja workbook for internal consistency.")

FORMATS = ("text", "json")
LANGS = ("id", "en")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"renjacheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
          ) -> None:
    """Memeriksa konsistensi buku kerja Renja. Checks a Renja workbook for consistency."""


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Workbooks (.xlsx) to check.",
                                                metavar="FILE", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="[text|json]",
                                     help="Report format.")] = "text",
    lang: Annotated[Optional[str], typer.Option(
        "--lang", "-l", metavar="[id|en]", show_default=False,
        help="Report language: id (Bahasa Indonesia) or en. "
             "Default: $RENJACHECK_LANG, else id.")] = None,
) -> None:
    """Check workbooks and report every inconsistency at its cell."""
    lang = lang or os.environ.get("RENJACHECK_LANG") or "id"
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}",
                                 param_hint="--format")
    if lang not in LANGS:
        raise typer.BadParameter(f"{lang!r} is not one of {', '.join(LANGS)}", param_hint="--lang")

    from renjacheck.engine import check_files
    from renjacheck.engine.rules import RuleError, load_rules
    from renjacheck.i18n import text
    from renjacheck.reporters import REPORTERS

    try:
        rules = load_rules()
    except RuleError as exc:
        _fail(f"rule file: {exc}")
    report = check_files(files, rules)
    code = report.exit_code
    for file in report.files:
        if file.error is not None:
            # One line on stderr; the JSON report also carries it, the text report leaves it out.
            print(f"renjacheck: {file.path}: {text(file.error, lang, **file.error_args)}",
                  file=sys.stderr)
    if fmt == "text":
        report.files = [f for f in report.files if f.error is None]
    output = REPORTERS[fmt](lang).render(report)
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    raise typer.Exit(code)


def _fail(message: str) -> None:
    print(f"renjacheck: {message}", file=sys.stderr)
    raise typer.Exit(2)


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
