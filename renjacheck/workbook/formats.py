"""Excel number formats as a reader needs them: the built-in format codes, which formats show
a date or a duration, and the format of each cell of a sheet (`Formats`).

The tables and tests are openpyxl's (MIT licence), copied so that reading a workbook does not
import openpyxl, and with it numpy, on every run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from renjacheck.workbook.cells import Cells

BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)", 41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
# Ids below this are built in (most of them locale-specific and unlisted: shown as General).
CUSTOM_FROM = 164

_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_DECIMALS = re.compile(r"\.([0#?]+)")
_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def is_date_format(fmt: str | None) -> bool:
    """True when a number shown in `fmt` is a date or a time (its first section has d m y h s)."""
    if fmt is None:
        return False
    return _DATE_LETTER.search(_STRIP.sub("", fmt.split(";")[0])) is not None


def is_duration_format(fmt: str | None) -> bool:
    """True when `fmt` shows elapsed time (`[h]:mm:ss`)."""
    return fmt is not None and _DURATION.search(fmt.split(";")[0]) is not None


@lru_cache(maxsize=1024)
def format_precision(number_format: str) -> tuple[int | None, bool]:
    """(decimals shown, percent?) of an Excel number format; decimals None for `General`."""
    if not number_format or number_format in ("General", "@"):
        return None, False
    section = number_format.split(";")[0]
    cleaned = _QUOTED.sub("", section)
    percent = "%" in cleaned
    match = _DECIMALS.search(cleaned)
    if match:
        return len(match.group(1)), percent
    if any(ch in cleaned for ch in "0#?"):
        return 0, percent
    return None, percent


def style_formats(custom: dict[int, str], xf_ids: list[int]) -> list[tuple[str, bool, bool]]:
    """(format code, date?, duration?) of each cell style, from its numFmtId."""
    styles = []
    for fmt_id in xf_ids:
        code = custom[fmt_id] if fmt_id in custom else BUILTIN_FORMATS.get(fmt_id)
        styles.append((code or "General", is_date_format(code), is_duration_format(code)))
    return styles


class Formats:
    """The number format of each cell by (row, col), `General` left out: read from the style
    indices `Cells` keeps, through the workbook's table of formats; `set` for one cell."""

    __slots__ = ("cells", "names", "extra")

    def __init__(self, cells: Cells | None = None, names: list[str | None] | None = None) -> None:
        self.cells = cells
        self.names = names or []  # style index -> format, None for General
        self.extra: dict[tuple[int, int], str] = {}

    def __setitem__(self, key: tuple[int, int], fmt: str) -> None:
        self.extra[key] = fmt

    def get(self, key: tuple[int, int], default: str | None = None) -> str | None:
        """The format of the cell at (row, col), or `default` for General or an empty cell."""
        fmt = self.extra.get(key)
        if fmt is None and self.cells is not None:
            style = self.cells.style(key)
            fmt = self.names[style] if style and style < len(self.names) else None
        return default if fmt is None else fmt

    def __getitem__(self, key: tuple[int, int]) -> str:
        fmt = self.get(key)
        if fmt is None:
            raise KeyError(key)
        return fmt

    def items(self) -> Iterator[tuple[tuple[int, int], str]]:
        """((row, col), format) of every cell whose format is not General."""
        if self.cells is not None:
            for key, style in self.cells.styled():
                fmt = self.names[style] if style < len(self.names) else None
                if fmt is not None and key not in self.extra:
                    yield key, fmt
        yield from self.extra.items()

    def __eq__(self, other: object) -> bool:
        return dict(self.items()) == dict(other.items())  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]
