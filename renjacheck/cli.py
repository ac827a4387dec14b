"""The `renjacheck` command line. Exit codes: 0 clean, 1 errors found, 2 could not check."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from renjacheck import __version__
from renjacheck.reporters import REPORTERS  # names only: each reporter loads when first used

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  help="Memeriksa konsistensi buku kerja Renja (Rencana Kerja). "
                       "Checks a Renja workbook for internal consistency.")

FORMATS = tuple(REPORTERS)  # the report formats of `check`
CATALOGUE_FORMATS = ("text", "json")  # `rules` and `rule`
LANGS = ("id", "en")

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
Jobs = Annotated[int, typer.Option(
    "--jobs", "-j", min=0, metavar="N",
    help="Check N workbooks at a time, each in a process of its own; 0: one per processor.")]
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
          ) -> None:
    """Memeriksa konsistensi buku kerja Renja. Checks a Renja workbook for consistency."""


@app.command()
def check(files: Files, fmt: ReportFormat = "text", lang: Lang = None, select: Select = None,
          ignore: Ignore = None, severity: SeverityOpt = None, rules: RulesDir = None,
          config: ConfigOpt = None, no_config: NoConfig = False,
          waivers: WaiversOpt = None, output: OutputOpt = None, quiet: Quiet = False,
          jobs: Jobs = 1) -> None:
    """Check workbooks and report every inconsistency at its cell."""
    _choice(fmt, FORMATS, "--format")
    _lang(lang, None)  # a bad flag is refused before any file is read
    from renjacheck.engine.parallel import check_many, gather
    from renjacheck.i18n import text
    from renjacheck.progress import bar_for

    files, empty = gather(files)
    resolver = _resolver(select, ignore, severity, rules, config, no_config, waivers)
    with _stops():
        settings = [resolver.for_workbook(path) for path in files]  # every config before reading
    lang = _lang(lang, settings[0].lang if settings else None)
    if _no_workbooks(empty, lang) and not files:
        raise typer.Exit(2)  # nothing to check, so no report
    bar = bar_for(sys.stderr, len(files), quiet)
    try:
        report = check_many(files, resolve=resolver, jobs=jobs, progress=bar)
    finally:
        if bar is not None:
            bar.close()  # before any other line on stderr
    code = 2 if empty else report.exit_code
    for file in report.files:
        if file.error is not None:
            # One line on stderr; the other formats carry it too, the text report only counts it.
            print(f"renjacheck: {file.path}: {text(file.error, lang, **file.error_args)}",
                  file=sys.stderr)
    rendered = REPORTERS[fmt](lang, quiet=quiet).render(report)
    if output is None:
        _out(rendered)
    else:
        from renjacheck.output import OutputError, write_report

        try:
            write_report(output, rendered, files)
        except (OutputError, OSError) as exc:
            _fail(f"--output: {exc}")
    raise typer.Exit(code)


@app.command("rules")
def rules_(fmt: Format = "text", lang: Lang = None, schema: Annotated[bool, typer.Option(
               "--schema", help="Print the JSON Schema of a rule file instead.")] = False,
           rules: RulesDir = None, config: ConfigOpt = None, no_config: NoConfig = False) -> None:
    """List the rule catalogue: id, slug, severity, title."""
    _choice(fmt, CATALOGUE_FORMATS, "--format")
    if schema:
        from renjacheck.engine.schema import schema_text

        _out(schema_text())
        raise typer.Exit(0)
    from renjacheck.reporters.catalogue import rule_list

    settings = _catalogue(rules, config, no_config)
    _out(rule_list(settings.catalogue, _lang(lang, settings.lang), fmt))


@app.command()
def rule(rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id or slug.")],
         fmt: Format = "text", lang: Lang = None, rules: RulesDir = None,
         config: ConfigOpt = None, no_config: NoConfig = False) -> None:
    """Explain one rule: what it checks and why, an example, how to fix it."""
    _choice(fmt, CATALOGUE_FORMATS, "--format")
    from renjacheck.i18n import text
    from renjacheck.reporters.catalogue import find_rule, nearest, rule_detail

    settings = _catalogue(rules, config, no_config)
    lang = _lang(lang, settings.lang)
    found = find_rule(settings.catalogue, rule_id)
    if found is None:
        near = ", ".join(nearest(settings.catalogue, rule_id))
        _fail(text("unknown_rule", lang, query=rule_id, near=near))
    _out(rule_detail(found, lang, fmt))


@app.command()
def waive(files: Files, rule_ids: Annotated[Optional[list[str]], typer.Option(
              "--rule", metavar="IDS", show_default=False,
              help="Only findings of these rules (ids or prefixes, comma-separated).")] = None,
          lang: Lang = None, select: Select = None, ignore: Ignore = None,
          rules: RulesDir = None, config: ConfigOpt = None, no_config: NoConfig = False,
          waivers: WaiversOpt = None) -> None:
    """Print waiver entries for the findings not yet waived, to fill in and add to a waiver file."""
    import datetime as dt

    from renjacheck.engine import check_files
    from renjacheck.engine.parallel import gather
    from renjacheck.i18n import text
    from renjacheck.waivers import stub

    from renjacheck.config import COMMAND_LINE, check_selectors

    files, empty = gather(files)
    resolver = _resolver(select, ignore, None, rules, config, no_config, waivers)
    wanted = _split(rule_ids) or []
    with _stops():
        settings = [resolver.for_workbook(path) for path in files]
        for setting in settings:
            check_selectors(wanted, [r.id for r in setting.catalogue], COMMAND_LINE, "--rule")
    wanted = wanted or [""]  # every rule
    lang = _lang(lang, settings[0].lang if settings else None)
    code = 2 if _no_workbooks(empty, lang) else 0
    if not files:
        raise typer.Exit(code)
    parts = ["waivers:"]
    for file, setting in zip(check_files(files, resolve=resolver).files, settings, strict=True):
        if file.error is not None:
            print(f"renjacheck: {file.path}: {text(file.error, lang, **file.error_args)}",
                  file=sys.stderr)
            code = 2
            continue
        late = {r.id for r in setting.catalogue if r.kind == "stale_waiver"}  # never waived
        chosen = [f for f in file.findings if f.waived is None and f.rule not in late
                  and any(f.rule.startswith(w) for w in wanted)]
        base = setting.waivers.parent if setting.waivers else None
        if chosen:
            parts.append(stub(chosen, Path(file.path), base, dt.date.today(), lang))
    _out("\n".join(parts))
    raise typer.Exit(code)


def _split(values: list[str] | None) -> list[str] | None:
    """Comma-separated, repeatable flag values as one list; None when the flag is not given."""
    if values is None:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


# A folder given to search that holds no workbook (not in i18n's catalogue: it is no file's
# error, so no report carries it).
NO_WORKBOOKS = {"id": "tidak ada buku kerja .xlsx di folder ini",
                "en": "no .xlsx workbook in this folder"}


def _no_workbooks(folders: list[Path], lang: str) -> bool:
    """One line on stderr for each folder without a workbook; whether there was any."""
    for folder in folders:
        print(f"renjacheck: {folder}: {NO_WORKBOOKS[lang]}", file=sys.stderr)
    return bool(folders)


def _resolver(select, ignore, severity, rules, config, no_config, waivers):
    from renjacheck.config import Flags, Resolver, parse_severity

    with _stops():
        flags = Flags(select=_split(select), ignore=_split(ignore),
                      severity=parse_severity(severity or []), rules=list(rules or []),
                      waivers=waivers, config=config, no_config=no_config)
    return Resolver(flags)


def _catalogue(rules, config, no_config):
    """The catalogue the configuration found from the current folder loads (extra rules too)."""
    resolver = _resolver(None, None, None, rules, config, no_config, None)
    with _stops():
        return resolver.settings(resolver.config_for(Path.cwd()))


@contextmanager
def _stops():
    """A bad configuration, rule file or waiver file: one line on stderr, exit code 2."""
    from renjacheck.config import ConfigError
    from renjacheck.engine.rules import RuleError
    from renjacheck.waivers import WaiverError

    try:
        yield
    except ConfigError as exc:
        _fail(f"config: {exc}")
    except RuleError as exc:
        _fail(f"rule file: {exc}")
    except WaiverError as exc:
        _fail(f"waiver file: {exc}")


def _lang(flag: str | None, configured: str | None) -> str:
    lang = flag or os.environ.get("RENJACHECK_LANG") or configured or "id"
    _choice(lang, LANGS, "--lang")
    return lang


def _choice(value: str, choices: tuple[str, ...], hint: str) -> None:
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}",
                                 param_hint=hint)


def _out(output: str) -> None:
    if output:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")


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


from renjacheck import cli_workbook  # noqa: E402,F401  (registers annotate and template)
