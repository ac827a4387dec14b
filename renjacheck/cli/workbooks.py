"""The commands that write workbooks: `annotate` (an annotated copy) and `template` (a blank one).

Exit codes as for `check`: 0 no errors, 1 errors found (the annotated copy is written either
way), 2 nothing could be done (one line says why).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from renjacheck.cli.options import (ConfigOpt, Ignore, Lang, NoConfig, RulesDir, Select,
                                    SeverityOpt, WaiversOpt, app, check_lang, fail, lang_of,
                                    make_resolver, output_error, say_line, stops, whole)
from renjacheck.safetext import shown


WorkbookOut = Annotated[Path, typer.Option(
    "--output", "-o", metavar="FILE", show_default=False,
    help="The workbook to write (.xlsx; atomically, never over the input).")]


@app.command()
def annotate(file: Annotated[Path, typer.Argument(metavar="FILE", show_default=False,
                                              help="The workbook (.xlsx) to check.")],
             output: WorkbookOut, lang: Lang = None, select: Select = None,
             ignore: Ignore = None, severity: SeverityOpt = None, rules: RulesDir = None,
             config: ConfigOpt = None, no_config: NoConfig = False,
             waivers: WaiversOpt = None) -> None:
    """Write a copy of a workbook with every finding marked at its cell, and a results sheet."""
    check_lang(lang)  # a bad flag is refused before any file is read
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.writers.annotate import annotate as write_copy
    from renjacheck.engine import check_file
    from renjacheck.findings import Severity
    from renjacheck.i18n import text
    from renjacheck.workbook.safety import CannotCheck, read_vetted
    from renjacheck.output import OutputError, refuse_inputs

    resolver = make_resolver(select, ignore, severity, rules, config, no_config, waivers)
    with stops():
        setting = resolver.for_workbook(file)
    lang = lang_of(lang, setting.lang)
    if output.suffix.lower() != ".xlsx":
        fail(f"--output: {text('ann.not_xlsx', lang)}")
    try:
        refuse_inputs(output, [file])
    except OutputError as exc:
        fail(f"--output: {output_error(exc)}")
    # Read once, vetted once: the check and the copy work on these bytes, never on the path
    # again (a file swapped in between is not read).
    try:
        data = read_vetted(file, setting.setup.limits)
    except CannotCheck as exc:
        fail(f"{file}: {text(exc.key, lang, **exc.args_)}")
    report = check_file(file, setting.setup, data)
    if report.error is not None:
        fail(f"{file}: {text(report.error, lang, **report.error_args)}")
    try:
        lost = write_copy(file, report, output, lang, setting.setup.limits, data=data)
    except CannotCheck as exc:
        fail(f"{file}: {text(exc.key, lang, **exc.args_)}")
    except (OutputError, OSError) as exc:
        fail(f"--output: {output_error(exc)}")
    for line in lost:
        say_line(f"{file}: {line}")
    summary = text("summary", lang, **{s.value: report.count(s) for s in Severity})
    if report.waived:
        summary += text("summary_waived", lang, n=report.waived)
    print(shown(f"{output}: {summary}"))
    raise typer.Exit(report.exit_code)


@app.command()
def template(output: WorkbookOut, lang: Lang = None,
             year: Annotated[Optional[str], typer.Option(
                 "--year", metavar="YEAR", show_default=False,
                 help="The plan year, filled in on the Identitas sheet.")] = None,
             unit: Annotated[Optional[str], typer.Option(
                 "--unit", metavar="NAME", show_default=False,
                 help="The Unit Kerja, filled in on the Identitas sheet.")] = None,
             satker: Annotated[Optional[list[str]], typer.Option(
                 "--satker", metavar="NAME", show_default=False,
                 help="A satker column of the Pendanaan table (repeatable, in order).")] = None,
             bidang: Annotated[Optional[list[str]], typer.Option(
                 "--bidang", metavar="NAME", show_default=False,
                 help="A bidang of the drop-down lists (repeatable); default: the four "
                      "bidang of a BNNP.")] = None,
             force: Annotated[bool, typer.Option(
                 "--force", help="Overwrite the file if it exists.")] = False) -> None:
    """Write a blank Renja workbook, laid out as renjacheck reads it, for a planner to fill in."""
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.i18n import text
    from renjacheck.writers.template import DEFAULT_BIDANG, Options, TemplateError, write_template
    from renjacheck.output import OutputError

    lang = lang_of(lang, None)
    options = Options(lang=lang, year=whole(year, "--year"), unit=unit, satker=tuple(satker or ()),
                      bidang=tuple(bidang or DEFAULT_BIDANG))
    try:
        write_template(output, options, force=force)
    except TemplateError as exc:
        fail(str(exc))
    except (OutputError, OSError) as exc:
        fail(f"--output: {output_error(exc)}")
    print(shown(text("tpl.written", lang, path=str(output))))
    raise typer.Exit(0)
