"""Configuration: `[tool.renjacheck]` in a pyproject.toml, or the same keys at the top of a
renjacheck.toml, found from each workbook's folder upwards; command-line flags override it. A
renjacheck.toml written with pyproject's `[tool.renjacheck]` header is read the same.

Keys: `select`, `ignore` (rule ids or prefixes), `severity` (id or prefix -> level), `rules`
(extra rule folders), `lang`, `waivers` (a waiver file), `require` (the tables a workbook must
hold, each with a row read: READ007 is an error for one it lacks), `vocabulary` (a file of
the office's own header labels, shaped as rules/data/judul-kolom.yaml), `limits` (the bounds a
workbook must stay within, see renjacheck.workbook.safety.Limits); paths are relative to the
config file.
Decoded strictly: every mistake is a ConfigError naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from renjacheck import resources
from renjacheck.decoding import BrokenFile, Refusal, field_problem, os_problem, read_text
from renjacheck.syntax import toml_broken
from renjacheck.engine import Setup
from renjacheck.engine import rules as rule_files
from renjacheck.kinds.rule import Rule
from renjacheck.findings import Severity
from renjacheck.i18n import Problem
from renjacheck.tables import registry
from renjacheck.waivers import WaiverError, load_waivers
from renjacheck.workbook.safety import Limits

NAMES = ("renjacheck.toml", "pyproject.toml")  # in one folder, renjacheck.toml wins
COMMAND_LINE = "command line"


class ConfigError(Refusal):
    """A configuration that cannot be used: names the file (or the command line; a syntax
    error its line and column) and the key; `detail` (a Problem) says what is wrong."""

    def __init__(self, source: Path | str, key: str | None, detail: Problem,
                 where: str | None = None) -> None:
        self.source, self.key, self.detail = source, key, detail
        line = source == COMMAND_LINE
        super().__init__(Problem("where.command_line") if line else where or source,
                         Problem("where.option" if line else "where.key", name=key)
                         if key else None, detail)


class ConfigFile(BaseModel):
    """The keys a configuration may set."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    select: list[str] | None = None
    ignore: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    rules: list[str] = []
    lang: Literal["id", "en"] | None = None
    waivers: str | None = None
    require: list[str] = []
    vocabulary: str | None = None
    limits: Limits = Limits()


@dataclass(frozen=True)
class Flags:
    """What the command line says; None (or empty) leaves the configuration's value."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    severity: dict[str, str] = field(default_factory=dict)
    rules: list[Path] = field(default_factory=list)
    waivers: Path | None = None
    config: Path | None = None
    no_config: bool = False
    require: list[str] | None = None


@dataclass(frozen=True)
class Settings:
    """One configuration resolved: the catalogue, the enabled rules, waivers and language."""

    path: Path | None
    catalogue: list[Rule]
    setup: Setup
    lang: str | None = None
    waivers: Path | None = None


def find_config(folder: Path) -> Path | None:
    """The nearest renjacheck.toml, or pyproject.toml with [tool.renjacheck], from `folder` up."""
    for place in [folder, *folder.parents]:
        for name in NAMES:
            candidate = place / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(path: Path) -> bool:
    try:
        return "renjacheck" in _toml(path).get("tool", {})
    except ConfigError:
        return True  # a broken pyproject.toml is reported, not passed over


def _toml(path: Path) -> dict:
    try:
        text = read_text(path)
        return tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(path, None, Problem("cfg.not_found")) from None
    except BrokenFile as exc:
        raise ConfigError(path, None, exc.broken.problem, exc.broken.where(path)) from None
    except tomllib.TOMLDecodeError as exc:
        broken = toml_broken(exc, text)
        raise ConfigError(path, None, broken.problem, broken.where(path)) from None
    except RecursionError:  # tables or arrays nested thousands deep: tomllib recurses
        raise ConfigError(path, None, Problem("toml.too_deep")) from None
    except OSError as exc:
        raise ConfigError(path, None, os_problem(exc)) from None


def read_config(path: Path) -> ConfigFile:
    """The configuration in `path`: [tool.renjacheck] of a pyproject.toml, else the top level
    (or the [tool.renjacheck] table of a renjacheck.toml written as pyproject's)."""
    data = _toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("renjacheck")
        if not isinstance(data, dict):
            raise ConfigError(path, None, Problem("cfg.no_table"))
    elif isinstance(data.get("tool"), dict) and "renjacheck" in data["tool"]:
        # Copied from a pyproject.toml, header and all: the keys are those under the header.
        if len(data) > 1 or len(data["tool"]) > 1:
            raise ConfigError(path, None, Problem("cfg.both"))
        data = data["tool"]["renjacheck"]
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as exc:
        key, problem = field_problem(exc.errors()[0])
        if problem.key == "val.unknown_key":
            problem = Problem("val.unknown_key_of", key=problem.args_["key"],
                              known=", ".join(ConfigFile.model_fields))
        raise ConfigError(path, key or None, problem) from None


class Resolver:
    """Finds and resolves each workbook's configuration, each configuration once."""

    def __init__(self, flags: Flags = Flags()) -> None:
        self.flags = flags
        self._settings: dict[Path | None, Settings] = {}
        self._catalogues: dict[tuple[Path, ...], list[Rule]] = {}

    def config_for(self, folder: Path) -> Path | None:
        """The configuration file that applies in `folder`."""
        if self.flags.no_config:
            return None
        if self.flags.config is not None:
            return self.flags.config.resolve()
        return find_config(folder.resolve())

    def for_workbook(self, workbook: Path) -> Settings:
        """The settings a workbook is checked with."""
        return self.settings(self.config_for(workbook.resolve().parent))

    def __call__(self, workbook: Path) -> Setup:
        """The engine's view: the rules and waivers for `workbook`."""
        return self.for_workbook(workbook).setup

    def settings(self, path: Path | None) -> Settings:
        """The settings of the configuration at `path` (None: no file) with the flags applied."""
        if path not in self._settings:
            self._settings[path] = self._resolve(path)
        return self._settings[path]

    def _resolve(self, path: Path | None) -> Settings:
        config = read_config(path) if path is not None else ConfigFile()
        flags = self.flags
        folders = [resources.rules_dir()]
        for name in config.rules:
            folders.append(_folder(path.parent / name, path, "rules"))
        folders += [_folder(f, COMMAND_LINE, "--rules") for f in flags.rules]
        catalogue = self._catalogue(tuple(folders))
        ids = [r.id for r in catalogue]
        source = path or COMMAND_LINE
        for key, values in (("select", config.select or []), ("ignore", config.ignore),
                            ("severity", list(config.severity))):
            check_selectors(values, ids, source, key)
        for key, values in (("--select", flags.select or []), ("--ignore", flags.ignore or []),
                            ("--severity", list(flags.severity))):
            check_selectors(values, ids, COMMAND_LINE, key)
        check_tables(config.require, source, "require")
        check_tables(flags.require or [], COMMAND_LINE, "--require")
        require = flags.require if flags.require is not None else config.require
        select = flags.select if flags.select is not None else config.select
        ignore = flags.ignore if flags.ignore is not None else config.ignore
        levels = {**config.severity, **flags.severity}
        rules = choose_rules(catalogue, select, ignore, levels)
        waivers_path = flags.waivers or (path.parent / config.waivers
                                         if path is not None and config.waivers else None)
        waivers = ()
        if waivers_path is not None:
            try:
                waivers = load_waivers(waivers_path, set(ids))
            except WaiverError:
                if flags.waivers is None and not waivers_path.is_file():
                    raise ConfigError(path, "waivers", Problem(
                        "cfg.file_not_found", path=str(waivers_path))) from None
                raise
        vocabulary = ()
        if path is not None and config.vocabulary:
            vocabulary = ((path.parent / config.vocabulary).resolve(),)
            if not vocabulary[0].is_file():
                raise ConfigError(path, "vocabulary",
                                  Problem("cfg.file_not_found", path=str(vocabulary[0])))
        registry.vocabulary(vocabulary)  # read now: VocabularyError before any workbook
        setup = Setup(rules=rules, waivers=waivers, limits=config.limits,
                      require=tuple(dict.fromkeys(require)), vocabulary=vocabulary)
        return Settings(path=path, catalogue=catalogue, setup=setup, lang=config.lang,
                        waivers=waivers_path)

    def _catalogue(self, folders: tuple[Path, ...]) -> list[Rule]:
        if folders not in self._catalogues:
            self._catalogues[folders] = rule_files.load_rules(list(folders))
        return self._catalogues[folders]


def _folder(folder: Path, source: Path | str, key: str) -> Path:
    if not folder.is_dir():
        raise ConfigError(source, key, Problem("cfg.folder_not_found", path=str(folder)))
    return folder


def check_selectors(selectors: list[str], ids: list[str], source: Path | str, key: str) -> None:
    """ConfigError for an id or prefix in `selectors` that matches none of `ids`."""
    for selector in selectors:
        if not selector or not any(i.startswith(selector) for i in ids):
            raise ConfigError(source, key, Problem("cfg.no_match", selector=selector))


def check_tables(names: list[str], source: Path | str, key: str) -> None:
    """ConfigError for a table name that is no table kind's."""
    known = registry.names()
    for name in names:
        if name not in known:
            raise ConfigError(source, key, Problem("unknown_table", name=name,
                                                   known=", ".join(known)))


def choose_rules(catalogue: list[Rule], select: list[str] | None, ignore: list[str],
                 levels: dict[str, str]) -> list[Rule]:
    """The rules of `catalogue` that `select` and `ignore` enable (ids or prefixes), each with
    the severity of the most specific entry of `levels` that matches it."""
    return [_graded(r, levels) for r in catalogue if _enabled(r.id, select, ignore)]


def _longest(rule_id: str, selectors) -> int:
    """The length of the longest selector that is a prefix of `rule_id`; -1 for none."""
    return max((len(s) for s in selectors if rule_id.startswith(s)), default=-1)


def _enabled(rule_id: str, select: list[str] | None, ignore: list[str]) -> bool:
    """Selected (by default every rule is) and not ignored; the more specific entry wins, and
    on a tie, ignore."""
    chosen = 0 if select is None else _longest(rule_id, select)  # "everything" is least specific
    return chosen >= 0 and chosen > _longest(rule_id, ignore)


def _graded(rule: Rule, levels: dict[str, str]) -> Rule:
    """`rule` with the severity of the most specific matching entry of `levels`."""
    matching = [s for s in levels if rule.id.startswith(s)]
    if not matching:
        return rule
    return replace(rule, severity=Severity(levels[max(matching, key=len)]))


def parse_severity(items: list[str]) -> dict[str, str]:
    """`--severity ID=level` flags as a mapping; ConfigError for a malformed one."""
    levels = {}
    for item in items:
        key, sep, level = item.partition("=")
        if not sep or not key.strip() or level.strip() not in {s.value for s in Severity}:
            raise ConfigError(COMMAND_LINE, "--severity", Problem("cfg.bad_severity", item=item))
        levels[key.strip()] = level.strip()
    return levels
