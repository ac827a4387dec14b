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

FINGERPRINT = r"^[0-9a-f]{16}$"


class WaiverError(Exception):
    """A waiver file that cannot be used; the message names the file, the entry and the key."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = path, detail
        super().__init__(f"{path}: {detail}")


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

    try:
        data = resources.load_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WaiverError(path, "waiver file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError, OSError, ValueError) as exc:
        # ValueError: a date YAML cannot build (2024-13-45); say which in one line.
        reason = str(exc).splitlines()[0] if isinstance(exc, ValueError) else type(exc).__name__
        raise WaiverError(path, f"not valid YAML ({reason})") from None
    if not isinstance(data, dict):
        raise WaiverError(path, "a waiver file holds one mapping with the key 'waivers'")
    try:
        spec = WaiverFile.model_validate(data)
    except ValidationError as exc:
        raise WaiverError(path, _explain(exc)) from None
    seen: dict[tuple, int] = {}
    for number, entry in enumerate(spec.waivers, start=1):
        if rule_ids is not None and entry.rule is not None and entry.rule not in rule_ids:
            raise WaiverError(path, f"waiver {number}: key 'rule': no rule {entry.rule}")
        ident = (entry.fingerprint, entry.file)
        if ident in seen:
            raise WaiverError(path, f"waiver {number}: fingerprint {entry.fingerprint} is "
                                    f"already waived by waiver {seen[ident]}")
        seen[ident] = number
    return tuple(Waiver(source=path, **entry.model_dump()) for entry in spec.waivers)


def _explain(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = list(error["loc"])
    # Entries are numbered from 1, as a person counts them in the file.
    where = f"waiver {loc[1] + 1}: " if len(loc) > 1 and isinstance(loc[1], int) else ""
    key = ".".join(str(p) for p in loc[2:] if p != "[key]") if where else ".".join(map(str, loc))
    if error["type"] == "extra_forbidden":
        return f"{where}unknown key '{key}'"
    if error["type"] == "missing":
        return f"{where}missing key '{key}'"
    if error["type"] == "string_pattern_mismatch" and key == "fingerprint":
        return f"{where}key 'fingerprint': expected 16 hex digits as reports give them"
    return f"{where}key '{key}': {error['msg']}"


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
        lines += [f"  # {finding.rule} {where}: {' '.join(finding.message(lang).split())}",
                  f"  - fingerprint: {finding.fingerprint}",
                  f"    rule: {finding.rule}",
                  f"    file: {_quoted(name)}",
                  '    reason: ""',
                  '    accepted_by: ""',
                  f"    date: {today.isoformat()}"]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
