"""The `renjacheck` app, the options its commands share, and the helpers they use: a bad flag,
rule file or configuration is one line on stderr, in the run's language, and exit code 2.

Help texts are declared in English; cli/texts.py gives their Indonesian (cli/lang.py)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from renjacheck.version import __version__
from renjacheck.cli.lang import LANGS, current, given, settle
from renjacheck.cli.usage import say
from renjacheck.reporters import REPORTERS  # names only: each reporter loads when first used
from renjacheck.safetext import shown

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Checks a Renja (Rencana Kerja) workbook for internal consistency.")

FORMATS = tuple(REPORTERS)  # the report formats of `check`
CATALOGUE_FORMATS = ("text", "json")  # `rules` and `rule`

# Options shared by the commands.
Files = Annotated[list[Path], typer.Argument(
    help="Workbooks (.xlsx) to check, and folders to search for them (subfolders too).",
    metavar="PATH...", show_default=False)]
Format = Annotated[str, typer.Option("--format", "-f", metavar="[text|json]",
                                     help="Output format.")]
ReportFormat = Annotated[str, typer.Option(
    "--format", "-f", metavar=f"[{'|'.join(FORMATS)}]",
    help="Report format: text is for people, the others for machines and CI.")]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Errors only: the text report shows one line per error and the "
                          "summary line, github only ::error lines; other formats are complete.")]
Lang = Annotated[Optional[str], typer.Option(
    "--lang", "-l", metavar="[id|en]", show_default=False,
    help="Language: id (Bahasa Indonesia) or en. Default: $RENJACHECK_LANG, else the "
         "configuration's lang, else id.")]
Select = Annotated[Optional[list[str]], typer.Option(
    "--select", metavar="IDS", show_default=False,
    help="Run only these rules (ids or prefixes, comma-separated; repeatable).")]
Ignore = Annotated[Optional[list[str]], typer.Option(
    "--ignore", metavar="IDS", show_default=False,
    help="Do not run these rules (ids or prefixes, comma-separated; repeatable).")]
RequireOpt = Annotated[Optional[list[str]], typer.Option(
    "--require", metavar="TABLES", show_default=False,
    help="Tables every workbook must hold with a row read, e.g. pendanaan,matriks "
         "(comma-separated; repeatable); one it lacks is an error (READ007).")]
SeverityOpt = Annotated[Optional[list[str]], typer.Option(
    "--severity", metavar="ID=LEVEL", show_default=False,
    help="Report a rule (id or prefix) at error, warning or info (repeatable).")]
RulesDir = Annotated[Optional[list[Path]], typer.Option(
    "--rules", metavar="DIR", show_default=False,
    help="Also load the rule files in DIR (repeatable).")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", metavar="FILE", show_default=False,
    help="Use this configuration file (pyproject.toml or renjacheck.toml); no search.")]
NoConfig = Annotated[bool, typer.Option("--no-config", help="Use no configuration file.")]
WaiversOpt = Annotated[Optional[Path], typer.Option(
    "--waivers", metavar="FILE", show_default=False, help="Use this waiver file.")]
# A whole number is read by `whole`, not by click, whose refusal would be in English.
Jobs = Annotated[str, typer.Option(
    "--jobs", "-j", metavar="N",
    help="Check N workbooks at a time, each in a process of its own; 0: one per processor.")]
TimeoutOpt = Annotated[str, typer.Option(
    "--timeout", metavar="SECONDS",
    help="With --jobs 2 or more: a workbook still being checked after SECONDS is stopped and "
         "reported as not checked.")]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", show_default=False,
    help="Write the report to FILE (atomically; never over a workbook) instead of stdout.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"renjacheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
          lang: Lang = None) -> None:
    """Checks a Renja (Rencana Kerja) workbook for internal consistency."""
    if lang is not None:
        check_lang(lang)
        given(lang)  # for the command, unless it is given its own


def split(values: list[str] | None) -> list[str] | None:
    """Comma-separated, repeatable flag values as one list; None when the flag is not given."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def no_workbooks(folders: list[Path], lang: str) -> bool:
    """One line on stderr for each folder without a workbook; whether there was any."""
    for folder in folders:
        say_line(f"{folder}: {say('no_workbooks', lang)}")
    return bool(folders)


def whole(value: str | None, name: str, least: int | None = None) -> int | None:
    """A whole-number flag's value (at least `least`); a usage error, exit 2, for another."""
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        fail(say("not_whole", current(), name=name, value=value))
    if least is not None and number < least:
        fail(say("out_of_range", current(), name=name, value=number, range=f">= {least}"))
    return number


def make_resolver(select, ignore, severity, rules, config, no_config, waivers, require=None):
    """The configuration resolver the flags ask for (a bad flag value: one line, exit 2)."""
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.config import Flags, Resolver, parse_severity

    with stops():
        flags = Flags(select=split(select), ignore=split(ignore),
                      severity=parse_severity(severity or []), rules=list(rules or []),
                      waivers=waivers, config=config, no_config=no_config,
                      require=split(require))
    return Resolver(flags)


def load_catalogue(rules, config, no_config):
    """The catalogue the configuration found from the current folder loads (extra rules too)."""
    resolver = make_resolver(None, None, None, rules, config, no_config, None)
    with stops():
        return resolver.settings(resolver.config_for(Path.cwd()))


@contextmanager
def stops():
    """A bad configuration, rule file, waiver file or vocabulary file: one line on stderr in
    the run's language, exit code 2."""
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.config import ConfigError
    from renjacheck.engine.rules import RuleError
    from renjacheck.i18n import text
    from renjacheck.tables.vocabulary import VocabularyError
    from renjacheck.waivers import WaiverError

    try:
        yield
    except (ConfigError, RuleError, WaiverError, VocabularyError) as exc:
        what = {ConfigError: "stop.config", RuleError: "stop.rule_file",
                WaiverError: "stop.waiver_file"}.get(type(exc), "stop.vocabulary")
        lang = current()
        fail(f"{text(what, lang)}: {exc.say(lang)}")


def lang_of(flag: str | None, configured: str | None) -> str:
    """The report's language: the flag, else $RENJACHECK_LANG, else the configuration's, else id;
    the run writes in it from here on."""
    check_lang(flag)
    lang = flag or given() or os.environ.get("RENJACHECK_LANG") or configured or "id"
    settle(lang)
    return lang


def check_lang(flag: str | None) -> None:
    """Refuse a `--lang` (or $RENJACHECK_LANG) that is no language, before any file is read."""
    value = flag or os.environ.get("RENJACHECK_LANG")
    if value:  # an empty variable is an unset one, as shells and CI templates leave it
        choice(value, LANGS, "--lang" if flag else "RENJACHECK_LANG")


def choice(value: str, choices: tuple[str, ...], hint: str) -> None:
    """Refuse `value` unless it is one of `choices` (a usage error naming the flag)."""
    if value not in choices:
        fail(say("not_one_of", current(), name=hint, value=value, choices=", ".join(choices)))


def os_error(exc: OSError) -> str:
    """An operating system error in the run's language, with the file it is about."""
    # Loaded when needed: `renjacheck --help` does not wait for it.
    from renjacheck.decoding import os_problem

    problem = os_problem(exc).say(current())
    return f"{exc.filename}: {problem}" if exc.filename else problem


def output_error(exc: Exception) -> str:
    """Why the output cannot be written (OutputError or OSError), in the run's language."""
    if isinstance(exc, OSError):
        return os_error(exc)
    return exc.say(current()) if hasattr(exc, "say") else str(exc)


def emit(output: str) -> None:
    """Write `output` to stdout, ending in one line break."""
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")


def say_line(message: str) -> None:
    """`renjacheck: message`, one line on stderr, shown safe: a file name's controls, bidi or
    zero-width characters and line breaks escaped (renjacheck.safetext)."""
    print(f"renjacheck: {shown(message)}", file=sys.stderr)


def fail(message: str) -> None:
    """One line on stderr (say_line), and exit code 2."""
    say_line(message)
    raise typer.Exit(2)


