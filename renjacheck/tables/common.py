"""Columns several kinds share, as they declare them."""

from __future__ import annotations

import re
from functools import lru_cache

from renjacheck.tables.declare import Column, FieldType

# Their header labels are data: rules/data/judul-kolom.yaml.
NO = Column("no", FieldType.ENUM, heading="No", width=6)
BIDANG = Column("bidang", FieldType.TEXT, heading="Bidang", width=24, style="bidang")
SATUAN = Column("satuan", FieldType.TEXT, heading="Satuan", width=16, style="satuan")

# A unit's divisions are bidang and bagian, a BNNK's seksi and subbagian (tables/headings.py).
_BIDANG_PREFIX = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s*)?(?:bidang|bagian|seksi|sub\s*-?\s*bagian|"
                            r"subbag|sub\s*-?\s*bidang)\s+")


# Every row of a year's table asks, and a plan has few bidang.
@lru_cache(maxsize=4096)
def bidang_key(name: str) -> str:
    """`Bidang Rehabilitasi`, `rehabilitasi`, `b. Bidang Rehabilitasi`, `Seksi Rehabilitasi` all
    give `rehabilitasi`."""
    text = " ".join(name.casefold().split())
    return _BIDANG_PREFIX.sub("", text).strip(" .:")
