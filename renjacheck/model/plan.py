"""The plan a workbook describes, as rules see it; every value keeps the cell it came from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SkipValidation, field_serializer

from renjacheck.model.values import Location, Quantity, Text

Level = Literal["program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun"]
LEVELS: tuple[Level, ...] = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun")
CODE_SHAPES: dict[Level, re.Pattern[str]] = {
    "program": re.compile(r"\d{3}\.\d{2}\.[A-Z]{2}"),
    "kegiatan": re.compile(r"\d{4}"),
    "kro": re.compile(r"\d{4}\.[A-Z]{3}"),
    "ro": re.compile(r"\d{4}\.[A-Z]{3}\.\d{3}"),
    "komponen": re.compile(r"\d{3}"),
    "subkomponen": re.compile(r"[A-Z]"),
    "akun": re.compile(r"\d{6}"),
}

_BIDANG_PREFIX = re.compile(r"^(?:[a-z0-9]{1,3}[.)]\s*)?(?:bidang|bagian)\s+")


def level_of(code: str) -> Level | None:
    """The budget level a code's shape says (`3247.PBC` is a KRO), or None for a malformed code."""
    return next((lvl for lvl, shape in CODE_SHAPES.items() if shape.fullmatch(code)), None)


def bidang_key(name: str) -> str:
    """`Bidang Rehabilitasi`, `rehabilitasi`, `b. Bidang Rehabilitasi` all give `rehabilitasi`."""
    text = " ".join(name.casefold().split())
    return _BIDANG_PREFIX.sub("", text).strip(" .:")


class Model(BaseModel):
    """Base of the plan models: immutable once read."""

    model_config = ConfigDict(frozen=True)


class TableInfo(Model):
    """Where a table was read, and how many data rows it holds."""

    kind: str
    sheet: str
    range: str
    rows: int


class Identitas(Model):
    """Whose plan, for which year."""

    unit: Text | None = None
    tahun: Quantity | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PendanaanRow:
    """One row of the funding table: a budget item (or the grand total) with its per-satker pagu.

    A frozen dataclass, like the values it holds, where the other rows are pydantic models: a
    national budget has 50,000 of them, which the reader builds from typed values, and a model
    costs 470 bytes a row more (its field dict and the set of fields given), a fifth of the
    memory of a whole check. A plan read from a workbook holds RecordRows (model/lazy.py); a
    PendanaanRow is what one dumps as (`resolved`).
    """

    kode: Text | None
    uraian: Text | None
    level: Level | None = None
    parent: str | None = None
    # By satker name; read from the workbook, a lazy mapping (model/lazy.py): a budget's amounts
    # stay in column arrays until a rule asks for one.
    amounts: Mapping[str, Quantity | None] = field(default_factory=dict)
    total: Quantity | None = None
    is_total: bool = False
    # A row with neither Kode nor Uraian: its first cell that shows something, where a finding
    # about the row sits (left None otherwise: the national budget has millions of cells).
    loc: Location | None = None

    def resolved(self) -> PendanaanRow:
        """This row with every value read: its amounts a dict."""
        return PendanaanRow(kode=self.kode, uraian=self.uraian, level=self.level,
                            parent=self.parent, amounts=dict(self.amounts), total=self.total,
                            is_total=self.is_total, loc=self.loc)


class Pendanaan(Model):
    """The funding table: satker columns, the grand total row, and the items in outline order."""

    satker: list[str]
    headers: list[list[Text]]
    # Read as RecordRows (model/lazy.py), which have every field of a PendanaanRow and are
    # their own records in the Frame: taken as they are, unvalidated.
    grand_total: SkipValidation[PendanaanRow | None] = None
    rows: SkipValidation[list[PendanaanRow]] = Field(default_factory=list)

    @field_serializer("grand_total", "rows", mode="wrap")
    def _dicts(self, value, handler):
        # A row read lazily (model/lazy.py) dumps as the row it stands for.
        if isinstance(value, list):
            return handler([row.resolved() for row in value])
        return handler(value and value.resolved())


class CapaianRow(Model):
    """An indicator of the year before the plan year: target, realisasi and capaian."""

    no: Text | None = None
    bidang: Text | None = None
    sasaran: Text | None = None
    indikator: Text | None = None
    target: Quantity | None = None
    realisasi: Quantity | None = None
    capaian: Quantity | None = None
    polaritas: Literal["positif", "negatif"] = "positif"
    satuan: Text | None = None


class MatriksRow(Model):
    """An indicator row of the plan year's Matriks."""

    bidang: Text | None = None
    sasaran: Text | None = None
    indikator: Text | None = None
    target: Quantity | None = None
    satuan: Text | None = None


class MatriksKegiatan(Model):
    """The Matriks rows of one kegiatan cell; a merged anggaran counts once."""

    no: Text | None = None
    kode: Text | None = None
    kegiatan: Text | None = None
    bidang: Text | None = None
    anggaran: list[Quantity] = Field(default_factory=list)
    rows: list[MatriksRow] = Field(default_factory=list)

    @property
    def total(self) -> Decimal | None:
        """The kegiatan's anggaran: the sum of its distinct anggaran cells."""
        return sum((q.value for q in self.anggaran), Decimal(0)) if self.anggaran else None


class RORow(Model):
    """A Rincian Output with its planned volume and the indicator(s) it serves."""

    no: Text | None = None
    kegiatan: Text | None = None
    indikator: Text | None = None
    indikator_list: list[str] = Field(default_factory=list)
    rincian_output: Text | None = None
    volume: Quantity | None = None
    bidang: Text | None = None


class NarasiRow(Model):
    """A paragraph or bullet of the narrative, with the year and bidang it speaks of."""

    tahun: Quantity | None = None
    bidang: Text | None = None
    teks: Text


class Plan(Model):
    """Everything read from one workbook. A table that is absent is None."""

    path: str
    sheets: list[str] = Field(default_factory=list)
    tables: list[TableInfo] = Field(default_factory=list)
    identitas: Identitas | None = None
    pendanaan: Pendanaan | None = None
    capaian: list[CapaianRow] | None = None
    matriks: list[MatriksKegiatan] | None = None
    ro: list[RORow] | None = None
    narasi: list[NarasiRow] | None = None

    def present(self, kind: str) -> bool:
        """True when the workbook holds a table of `kind`."""
        return getattr(self, kind) is not None

    @property
    def year(self) -> int | None:
        """The plan year, from the Identitas."""
        if self.identitas and self.identitas.tahun:
            return int(self.identitas.tahun.value)
        return None


def location_of(value: Text | Quantity | None) -> Location | None:
    """The cell a value came from."""
    return value.loc if value is not None else None
