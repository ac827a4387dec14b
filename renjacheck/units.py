"""Units as planners write them: "Kab/Kota", "Kabupaten / Kota", "persen", "Org".

Target and realisation cells of one indicator must use the same unit; planners spell the
same unit many ways, so comparisons go through a canonical display form and a casefolded key.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Casefolded compact form (no whitespace, no dots) -> canonical display form.
# To add a spelling, add its compact form here; canonical forms list themselves so that
# "kegiatan" displays as "Kegiatan".
UNIT_ALIASES: dict[str, str] = {
    # Kabupaten/Kota: regencies and cities, the usual unit of regional targets
    "kabupaten/kota": "Kabupaten/Kota",
    "kab/kota": "Kabupaten/Kota",
    "kab/kot": "Kabupaten/Kota",
    "kota/kabupaten": "Kabupaten/Kota",
    "kota/kab": "Kabupaten/Kota",
    # percent
    "%": "%",
    "persen": "%",
    "prosen": "%",
    # abbreviations common in Renja tables
    "orang": "Orang",
    "org": "Orang",
    "kegiatan": "Kegiatan",
    "keg": "Kegiatan",
    "dokumen": "Dokumen",
    "dok": "Dokumen",
    "laporan": "Laporan",
    "lap": "Laporan",
    "bulan": "Bulan",
    "bln": "Bulan",
    "tahun": "Tahun",
    "thn": "Tahun",
    "paket": "Paket",
    "pkt": "Paket",
}

_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_SLASH = re.compile(r" ?/ ?")
_COMPACT_DROP = re.compile(r"[\s.]+")  # "Kab. / Kota" and "kab/kota" share one key


def _compact(text: str) -> str:
    return _COMPACT_DROP.sub("", text.casefold())


# Every figure with a unit asks, and plans write few units.
@lru_cache(maxsize=4096)
def normalize_unit(text: str | None) -> str | None:
    """Canonical display form of a unit ("Kab./ Kota" -> "Kabupaten/Kota"); None when blank."""
    if text is None:
        return None
    display = _SLASH.sub("/", _SPACES.sub(" ", text).strip())
    if not display:
        return None
    return UNIT_ALIASES.get(_compact(display), display)


def unit_key(text: str | None) -> str | None:
    """Comparison key of a unit: its canonical form casefolded ("Orang" and "org" -> "orang")."""
    display = normalize_unit(text)
    return None if display is None else display.casefold()


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two unit texts name the same unit (two missing units count as the same)."""
    return unit_key(a) == unit_key(b)
