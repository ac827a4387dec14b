"""Columns several kinds share, as they declare them."""

from __future__ import annotations

import re
from functools import lru_cache

from renjacheck.tables.declare import Column, FieldType

NO = Column("no", FieldType.ENUM, ("no", "nomor", "nourut"), heading="No", width=6)
BIDANG = Column("bidang", FieldType.TEXT, ("bidang", "bidangbagian", "bagian", "unitpelaksana"),
                heading="Bidang", width=24, style="bidang")
SATUAN = Column("satuan", FieldType.TEXT, ("satuan", "sat"), heading="Satuan", width=16,
                style="satuan")
INDIKATOR = ("indikatorkinerja", "indikatorkinerjakegiatan", "indikator", "ikk",
             "indikatorkinerjakegiatanikk")
SASARAN = ("sasarankegiatan", "sasaran", "sasaranprogram")

_BIDANG_PREFIX = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s*)?(?:bidang|bagian)\s+")


# Every row of a year's table asks, and a plan has few bidang.
@lru_cache(maxsize=4096)
def bidang_key(name: str) -> str:
    """`Bidang Rehabilitasi`, `rehabilitasi`, `b. Bidang Rehabilitasi` all give `rehabilitasi`."""
    text = " ".join(name.casefold().split())
    return _BIDANG_PREFIX.sub("", text).strip(" .:")
