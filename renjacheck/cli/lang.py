"""The language of a run, and the help in it.

The help and a mistaken command line are written before any command runs, so before `--lang` is
read as an option: main() reads it from the arguments first (`early`), else $RENJACHECK_LANG,
else the `lang` of the configuration found from the current folder, else Bahasa Indonesia. A
command then settles the run's language (`settle`: its configuration may say otherwise), and
every refusal is written in it (`current`).

The help is click's, written through a formatter that says its frame (`Usage:`, `Options`,
`[default: ...]`) in the run's language; in Indonesian, every command's and option's help text
and placeholder is replaced by its translation (cli/texts.py).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from renjacheck.cli.texts import FRAME, HELP_ID, METAVAR_ID

LANGS = ("id", "en")
_run: dict[str, str | None] = {"lang": "id", "flag": None}


def current() -> str:
    """The language the run writes in."""
    return _run["lang"] or "id"


def settle(lang: str) -> None:
    """From here on the run writes in `lang`."""
    _run["lang"] = lang


def start(argv: list[str]) -> None:
    """A new run: its language as far as the arguments tell (see `early`)."""
    _run.update(lang=early(argv), flag=None)


def given(flag: str | None = None) -> str | None:
    """The `--lang` given to the command, else to renjacheck itself (`renjacheck -l en check`);
    with `flag`, record the latter."""
    if flag is not None:
        _run["flag"] = flag
    return _run["flag"]


def early(argv: list[str]) -> str:
    """The run's language before the command line is parsed: `--lang`/`-l` among `argv`, else
    $RENJACHECK_LANG, else the configuration's `lang` found from the current folder, else id.
    A value that is no language is passed over here (the command refuses it, in this one)."""
    flag = _flag(argv, ("--lang", "-l"))
    for lang in (flag, os.environ.get("RENJACHECK_LANG")):
        if lang in LANGS:
            return lang
    if "--no-config" not in argv:
        config = _flag(argv, ("--config",))
        lang = _config_lang(Path(config) if config else None)
        if lang in LANGS:
            return lang
    return "id"


def _flag(argv: list[str], names: tuple[str, ...]) -> str | None:
    """The value of the last of `names` in `argv` (`--lang en`, `--lang=en`, `-len`)."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        for name in names:
            if arg == name and i + 1 < len(argv):
                found = argv[i + 1]
            elif arg.startswith(name + "=") and name.startswith("--"):
                found = arg[len(name) + 1:]
            elif not name.startswith("--") and arg.startswith(name) and len(arg) > len(name):
                found = arg[len(name):]
    return found


def _config_lang(given: Path | None) -> str | None:
    """`lang` of the given configuration, or of the nearest one from the current folder (as
    config.find_config finds it, without loading the engine); None when there is none, or it
    cannot be read (the command reports that)."""
    places = [given] if given else [place / name for place in [Path.cwd(), *Path.cwd().parents]
                                    for name in ("renjacheck.toml", "pyproject.toml")]
    for path in places:
        try:
            # A FIFO or device (--config /dev/zero) is never read here: the command refuses it.
            if not path.is_file() or path.stat().st_size > 1024 * 1024:
                continue
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError:
            continue  # no such file here
        except (ValueError, RecursionError):
            return None
        tool = data.get("tool") if isinstance(data.get("tool"), dict) else {}
        table = tool.get("renjacheck")
        if path.name == "pyproject.toml" and not isinstance(table, dict) and not given:
            continue  # a pyproject.toml without [tool.renjacheck] is passed over
        if isinstance(table, dict):
            data = table
        lang = data.get("lang")
        return lang if isinstance(lang, str) else None
    return None


# --- the help -----------------------------------------------------------------------------

def localise(command, lang: str) -> None:
    """Have `command` and its subcommands write their help in `lang`."""
    formatter = _formatter(command.context_class.formatter_class, lang)
    context = type("Context", (command.context_class,), {"formatter_class": formatter})
    for cmd in [command, *getattr(command, "commands", {}).values()]:
        cmd.context_class = context
        if lang != "id":
            continue
        cmd.help = _said(cmd.help)
        cmd.short_help = _said(cmd.short_help)
        if getattr(cmd, "options_metavar", None):
            cmd.options_metavar = METAVAR_ID.get(cmd.options_metavar, cmd.options_metavar)
        if getattr(cmd, "subcommand_metavar", None):
            cmd.subcommand_metavar = METAVAR_ID.get(cmd.subcommand_metavar,
                                                    cmd.subcommand_metavar)
        for param in cmd.params:
            if getattr(param, "help", None):
                param.help = _said(param.help)
            if getattr(param, "metavar", None):
                param.metavar = METAVAR_ID.get(param.metavar, param.metavar)


def _said(text: str | None) -> str | None:
    """The Indonesian of an English help text (as declared, whitespace aside)."""
    if not text:
        return text
    return HELP_ID.get(" ".join(text.split()), text)


def _formatter(base: type, lang: str) -> type:
    """A subclass of click's help formatter that writes the help's frame in `lang`."""

    def frame(word: str) -> str:
        return FRAME.get(word, {}).get(lang, word)

    def extras(text: str) -> str:
        # "Help.  [default: text; required]": the bracketed notes are click's.
        head, sep, tail = text.rpartition("  [")
        if not sep or not tail.endswith("]"):
            return _said(text) if lang == "id" else text
        notes = []
        for note in tail[:-1].split("; "):
            name, colon, value = note.partition(": ")
            notes.append(f"{frame(name)}{colon}{value}")
        body = _said(head) if lang == "id" else head
        return f"{body}  [{'; '.join(notes)}]"

    class Formatter(base):
        """Click's help formatter, its frame in the run's language."""

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, frame("usage") if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            super().write_heading(frame(heading))

        def write_dl(self, rows, *args, **kwargs) -> None:
            # typer shows an argument's Python type (`PATH... <list[Path]>`): not for users.
            rows = [(term.split(" <")[0], extras(help_) if help_ else help_)
                    for term, help_ in rows]
            super().write_dl(rows, *args, **kwargs)

    return Formatter
