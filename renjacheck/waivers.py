"""Waivers: findings the inspectorate has accepted as known deviations, listed in a YAML file.

```yaml
waivers:
  - fingerprint: 3f9c2a0d41b7e655      # from `renjacheck check --format json` or `waive`
    rule: TBL002                       # optional; must be the finding's rule
    file: banten-2024.xlsx             # optional; workbooks it applies to (a glob)
    reason: Koreksi pagu menunggu revisi DIPA
    accepted_by: Inspektur Wilayah I
    date: 2024-05-02                   # optional
```

Decoded strictly, like rule files. A waived finding stays in the report, marked, and does not
count toward the exit code; a waiver that matches no finding is reported by the stale_waiver
kind (WAIV001).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from renjacheck import resources
from renjacheck.decoding import BrokenFile, Refusal, field_problem, os_problem, read_text, \
    where_key
from renjacheck.syntax import yaml_broken
from renjacheck.i18n import Problem
from renjacheck.safetext import shown

FINGERPRINT = r"^[0-9a-f]{16}$"


class WaiverError(Refusal):
    """A waiver file that cannot be used; names the file (a syntax error its line and column),
    the entry and the key; `detail` (a Problem) says what is wrong."""

    def __init__(self, path: Path, detail: Problem, number: int | None = None, key: str = "",
                 where: str | None = None) -> None:
        self.path, self.detail = path, detail
        super().__init__(where or path, Problem("where.waiver", n=number) if number else None,
                         where_key(key), detail)


class Entry(BaseModel):
    """One waiver as written in the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    fingerprint: str = Field(pattern=FINGERPRINT)
    rule: str | None = Field(default=None, pattern=r"^[A-Z]{2,6}\d{3}$")
    file: str | None = Field(default=None, min_length=1)
    reason: str = Field(min_length=1)
    accepted_by: str = Field(min_length=1)
    date: dt.date | None = None


class WaiverFile(BaseModel):
    """A waiver file: one key, `waivers`, a list of entries."""

    model_config = ConfigDict(extra="forbid")
    waivers: list[Entry]


@dataclass(frozen=True)
class Waiver:
    """A loaded waiver: its entry and the file it came from (where `file` globs are relative)."""

    fingerprint: str
    reason: str
    accepted_by: str
    source: Path
    rule: str | None = None
    file: str | None = None
    date: dt.date | None = None

    def matches(self, finding) -> bool:
        """True when `finding` is the one this waiver accepts."""
        return finding.fingerprint == self.fingerprint \
            and (self.rule is None or self.rule == finding.rule)

    def applies_to(self, workbook: Path) -> bool:
        """True for every workbook without `file`; else when the glob matches the workbook's
        path relative to the waiver file's folder (its name, for a workbook outside it)."""
        if self.file is None:
            return True
        path = workbook.resolve()
        try:
            name = path.relative_to(self.source.resolve().parent).as_posix()
        except ValueError:
            name = path.name
        return fnmatch.fnmatchcase(name, self.file)


def load_waivers(path: Path, rule_ids: set[str] | None = None) -> tuple[Waiver, ...]:
    """The waivers in `path`; `rule_ids` (the catalogue) checks each entry's `rule`."""
    import yaml  # for its error type: only where a waiver file is read

    text = ""
    try:
        text = read_text(path)
        data = resources.load_yaml(text)
    except FileNotFoundError:
        raise WaiverError(path, Problem("wv.not_found")) from None
    except BrokenFile as exc:
        raise WaiverError(path, exc.broken.problem, where=exc.broken.where(path)) from None
    except OSError as exc:
        raise WaiverError(path, os_problem(exc)) from None
    except (yaml.YAMLError, ValueError) as exc:
        # ValueError: a date YAML cannot build (2024-13-45)
        broken = yaml_broken(exc, text)
        raise WaiverError(path, broken.problem, where=broken.where(path)) from None
    if not isinstance(data, dict):
        raise WaiverError(path, Problem("wv.mapping"))
    entries = data.get("waivers")
    for number, entry in enumerate(entries if isinstance(entries, list) else [], start=1):
        if isinstance(entry, dict) and isinstance(entry.get("fingerprint"), (int, float)):
            # `fingerprint: 1234567890123456` unquoted: YAML reads a number, its zeros lost.
            raise WaiverError(path, Problem("wv.quote"), number, "fingerprint")
    try:
        spec = WaiverFile.model_validate(data)
    except ValidationError as exc:
        raise _explain(path, exc) from None
    seen: dict[tuple, int] = {}
    for number, entry in enumerate(spec.waivers, start=1):
        if rule_ids is not None and entry.rule is not None and entry.rule not in rule_ids:
            raise WaiverError(path, Problem("wv.no_rule", rule=entry.rule), number, "rule")
        ident = (entry.fingerprint, entry.file)
        if ident in seen:
            raise WaiverError(path, Problem("wv.twice", fingerprint=entry.fingerprint,
                                            other=seen[ident]), number)
        seen[ident] = number
    return tuple(Waiver(source=path, **entry.model_dump()) for entry in spec.waivers)


def _explain(path: Path, exc: ValidationError) -> WaiverError:
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    # Entries are numbered from 1, as a person counts them in the file.
    if len(loc) > 1 and loc[0] == "waivers" and isinstance(loc[1], int):
        key, problem = field_problem({**error, "loc": loc[2:]})
        return WaiverError(path, problem, loc[1] + 1, key)
    key, problem = field_problem(error)
    return WaiverError(path, problem, None, key)


def stub(findings: list, workbook: Path, base: Path | None, today: dt.date,
         lang: str = "id") -> str:
    """YAML waiver entries for `findings`, with `reason` and `accepted_by` left to fill in.

    `file` is the workbook relative to `base` (the waiver file's folder) when inside it, else
    its name. An unfilled entry is refused when loaded, so nothing is waived by accident.
    """
    path = workbook.resolve()
    try:
        name = path.relative_to(base.resolve()).as_posix() if base else path.name
    except ValueError:
        name = path.name
    lines = []
    for finding in findings:
        where = ", ".join(str(loc) for loc in finding.locations) or "-"
        # A comment for people: shown safe, and a line break in a sheet name cannot end it.
        comment = shown(f"{finding.rule} {where}: {' '.join(finding.message(lang).split())}")
        lines += [f"  # {comment}",
                  # Quoted: an all-digit fingerprint (or 1e5) would read back as a number.
                  f"  - fingerprint: {_quoted(finding.fingerprint)}",
                  f"    rule: {finding.rule}",
                  f"    file: {_quoted(name)}",
                  '    reason: ""',
                  '    accepted_by: ""',
                  f"    date: {today.isoformat()}"]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    # YAML's double quotes read `\\u202e` back as the character: a file name's controls are
    # shown escaped, and the entry still names the file exactly.
    return '"' + shown(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'
