"""`renjacheck rules` (the catalogue, or the rule files' JSON schema) and `renjacheck rule ID`
(one rule explained)."""

from __future__ import annotations

from typing import Annotated

import typer

from renjacheck.cli.options import (CATALOGUE_FORMATS, ConfigOpt, Format, Lang, NoConfig,
                                    RulesDir, app, choice, emit, fail, lang_of, load_catalogue)


@app.command("rules")
def rules_(fmt: Format = "text", lang: Lang = None, schema: Annotated[bool, typer.Option(
               "--schema", help="Print the JSON Schema of a rule file instead.")] = False,
           rules: RulesDir = None, config: ConfigOpt = None, no_config: NoConfig = False) -> None:
    """List the rule catalogue: id, slug, severity, title."""
    choice(fmt, CATALOGUE_FORMATS, "--format")
    if schema:
        # Loaded when the command runs: `renjacheck --help` does not wait for it.
        from renjacheck.engine.schema import schema_text

        emit(schema_text())
        raise typer.Exit(0)
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.reporters.catalogue import rule_list

    settings = load_catalogue(rules, config, no_config)
    emit(rule_list(settings.catalogue, lang_of(lang, settings.lang), fmt))


@app.command()
def rule(rule_id: Annotated[str, typer.Argument(metavar="ID", help="A rule id or slug.")],
         fmt: Format = "text", lang: Lang = None, rules: RulesDir = None,
         config: ConfigOpt = None, no_config: NoConfig = False) -> None:
    """Explain one rule: what it checks and why, an example, how to fix it."""
    choice(fmt, CATALOGUE_FORMATS, "--format")
    # Loaded when the command runs: `renjacheck --help` does not wait for it.
    from renjacheck.i18n import text
    from renjacheck.reporters.catalogue import find_rule, nearest, rule_detail

    settings = load_catalogue(rules, config, no_config)
    lang = lang_of(lang, settings.lang)
    found = find_rule(settings.catalogue, rule_id)
    if found is None:
        near = ", ".join(nearest(settings.catalogue, rule_id))
        fail(text("unknown_rule", lang, query=rule_id, near=near))
    emit(rule_detail(found, lang, fmt))


