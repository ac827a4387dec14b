"""The levels a budget code's shape says, national and regional: the Realisasi Anggaran's rows
and the heading rows of any table (tables/headings.py) read their level from it.

National codes: program `066.01.WA`, kegiatan `3247`, KRO `3247.PBC`, RO `3247.PBC.001`. The
regional nomenclature of Permendagri 90/2019: urusan `1`, bidang urusan `1.02`, program
`1.02.02`, kegiatan `1.02.02.2.01`, sub kegiatan `1.02.02.2.01.0001`.
"""

from __future__ import annotations

import re
from typing import Literal

Level = Literal["urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan", "kro", "ro"]
LEVELS: tuple[Level, ...] = ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan",
                             "kro", "ro")
REGION = r"[1-9X]\.(?:\d{2}|XX)"  # urusan and bidang urusan: 1.02, or X.XX across urusan
CODE_SHAPES: tuple[tuple[str, Level, str], ...] = (
    ("program_kl", "program", r"\d{3}\.\d{2}\.[A-Z]{2}"),
    ("kegiatan_kl", "kegiatan", r"\d{4}"),
    ("kro", "kro", r"\d{4}\.[A-Z]{3}"),
    ("ro", "ro", r"\d{4}\.[A-Z]{3}\.\d{3}"),
    ("urusan", "urusan", r"[1-9X]"),
    ("bidang_urusan", "bidang_urusan", REGION),
    ("program", "program", REGION + r"\.\d{2}"),
    ("kegiatan", "kegiatan", REGION + r"\.\d{2}\.\d\.\d{2}"),
    ("sub_kegiatan", "sub_kegiatan", REGION + r"\.\d{2}\.\d\.\d{2}\.\d{2,4}"),
)
_SHAPE = re.compile("|".join(f"(?P<{name}>{shape})" for name, _, shape in CODE_SHAPES))
_LEVEL_OF = {name: level for name, level, _ in CODE_SHAPES}


def level_of(code: str) -> Level | None:
    """The level a code's shape says (`1.02.02.2.01` is a kegiatan), None for another text."""
    match = _SHAPE.fullmatch("".join(code.split()).upper())
    return _LEVEL_OF[match.lastgroup] if match else None  # type: ignore[index]
