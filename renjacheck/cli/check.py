"""`renjacheck check` (workbooks and folders, a report in any format) and `renjacheck waive`
(waiver entries to fill in)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from renjacheck.cli.options import (FORMATS, REPORTERS, ConfigOpt, Files, Ignore, Jobs, Lang,
                                    NoConfig, OutputOpt, Quiet, ReportFormat, RequireOpt,
                                    RulesDir, Select, SeverityOpt, TimeoutOpt,
                                    WaiversOpt, app, check_lang,
                                    choice, emit, fail, lang_of, make_resolver, no_workbooks,
                                    output_error, say_line, split, stops, whole)


NoDate = Annotated[bool, typer.Option(
    "--no-date", help="Leave the date of the check out of the HTML report (for a report made "
                      "again byte for byte; SOURCE_DATE_EPOCH sets the date instead).")]


@app.command()
def check(files: Files, fmt: ReportFormat = "text", lang: Lang = None, select: Select = None,
          ignore: Ignore = None, severity: SeverityOpt = None, rules: RulesDir = None,
          config: ConfigOpt = None, no_config: NoConfig = False,
          waivers: WaiversOpt = None, output: OutputOpt = None, quiet: Quiet = False,
          jobs: Jobs = "1", require: RequireOpt = None, no_date: NoDate = False,
          timeout: TimeoutOpt = "120") -> None:
    """Check workbooks and report every inconsistency at its cell."""
    choice(fmt, FORMATS, "--format")
    check_lang(lang)  # a bad flag is refused before any file is read
    processes = whole(jobs, "--jobs", 0)
    seconds = whole(timeout, "--timeout", 1)
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.engine.parallel import check_many, gather
    from renjacheck.i18n import text
    from renjacheck.progress import bar_for

    files, empty = gather(files)
    resolver = make_resolver(select, ignore, severity, rules, config, no_config, waivers,
                             require)
    with stops():
        settings = [resolver.for_workbook(path) for path in files]  # every config before reading
    lang = lang_of(lang, settings[0].lang if settings else None)
    if no_workbooks(empty, lang) and not files:
        raise typer.Exit(2)  # nothing to check, so no report
    bar = bar_for(sys.stderr, len(files), quiet)
    try:
        report = check_many(files, resolve=resolver, jobs=processes, progress=bar,
                            timeout=seconds)
    finally:
        if bar is not None:
            bar.close()  # before any other line on stderr
    code = 2 if empty else report.exit_code
    for file in report.files:
        if file.error is not None:
            # One line on stderr; the other formats carry it too, the text report only counts it.
            say_line(f"{file.path}: {text(file.error, lang, **file.error_args)}")
    rendered = REPORTERS[fmt](lang, quiet=quiet, dated=not no_date).render(report)
    if output is None or str(output) == "-":  # `-o -`: stdout, as other tools take it
        emit(rendered)
    else:
        # Loaded when the command runs: `renjacheck --help` does not wait for it.
        from renjacheck.output import OutputError, write_report

        try:
            write_report(output, rendered, files)
        except (OutputError, OSError) as exc:
            fail(f"--output: {output_error(exc)}")
    raise typer.Exit(code)


@app.command()
def waive(files: Files, rule_ids: Annotated[Optional[list[str]], typer.Option(
              "--rule", metavar="IDS", show_default=False,
              help="Only findings of these rules (ids or prefixes, comma-separated).")] = None,
          lang: Lang = None, select: Select = None, ignore: Ignore = None,
          rules: RulesDir = None, config: ConfigOpt = None, no_config: NoConfig = False,
          waivers: WaiversOpt = None) -> None:
    """Print waiver entries for the findings not yet waived, to fill in and add to a waiver file."""
    import datetime as dt

    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.config import COMMAND_LINE, check_selectors
    from renjacheck.engine import check_files
    from renjacheck.engine.parallel import gather
    from renjacheck.i18n import text
    from renjacheck.waivers import stub

    files, empty = gather(files)
    resolver = make_resolver(select, ignore, None, rules, config, no_config, waivers)
    wanted = split(rule_ids) or []
    with stops():
        settings = [resolver.for_workbook(path) for path in files]
        for setting in settings:
            check_selectors(wanted, [r.id for r in setting.catalogue], COMMAND_LINE, "--rule")
    wanted = wanted or [""]  # every rule
    lang = lang_of(lang, settings[0].lang if settings else None)
    code = 2 if no_workbooks(empty, lang) else 0
    if not files:
        raise typer.Exit(code)
    parts = ["waivers:"]
    for file, setting in zip(check_files(files, resolve=resolver).files, settings, strict=True):
        if file.error is not None:
            say_line(f"{file.path}: {text(file.error, lang, **file.error_args)}")
            code = 2
            continue
        late = {r.id for r in setting.catalogue if r.kind == "stale_waiver"}  # never waived
        chosen = [f for f in file.findings if f.waived is None and f.rule not in late
                  and any(f.rule.startswith(w) for w in wanted)]
        base = setting.waivers.parent if setting.waivers else None
        if chosen:
            parts.append(stub(chosen, Path(file.path), base, dt.date.today(), lang))
    emit("\n".join(parts))
    raise typer.Exit(code)


