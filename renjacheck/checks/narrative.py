"""Reading the narrative's claims: digits with words, unmet targets, the total, figures (its
counts: checks/counts.py).

Each reader takes the Narasi rows and returns what the statements claim, with the row they
came from; the rule kinds compare the claims with the tables. `year_table` says which table a
statement's year points to: the Matriks for the plan year, the Capaian for the year before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from collections.abc import Callable

from renjacheck.checks.text import NEAR_IN_KEGIATAN, best_match
from renjacheck.model.plan import Plan
from renjacheck.numbers import NumberError, parse_number, parse_words
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.common import bidang_key
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI, NarasiRow
from renjacheck.units import normalize_unit
from renjacheck.values import Quantity, Text

_WORDS = r"(?:\s*\((?P<{0}w>[a-z ]+)\))?"
# Whole numbers only: "2.000 (dua ribu)" is two thousand, "Rp.15.500.127.000,- (...)" and
# "40% (...)" are read whole, and "2,5 (...)" is no count at all.
_DIGITS_WORDS = re.compile(r"(?<![\d,])(?<!\d\.)(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:,-+)?"
                           r"(?![\d,]|\.\d)\s*%?\s*\((?P<w>[a-zA-Z -]+)\)")
# What the words may end with besides the number: "(... ribu rupiah)", "(empat puluh persen)".
_WORDS_TAIL = re.compile(r"\s+(?:rupiah|persen)$")
# Within one sentence: "... yang tidak tercapai" may not borrow a later sentence's words.
_UNMET = re.compile(r"terdapat\s+(?P<n>\d+)" + _WORDS.format("n") +
                    r"\s+(?:target|indikator)(?:\s+kinerja)?\b(?:(?!\.\s)[^;])*?"
                    r"\btidak\s+tercapai", re.IGNORECASE)
# The budget as narratives name it: "jumlah dana yang dibutuhkan", "pagu anggaran", "pagu
# indikatif", "(total) kebutuhan dana", "alokasi anggaran", "anggaran yang dialokasikan",
# "total anggaran".
_TOTAL = re.compile(r"(?:jumlah\s+dana\s+yang\s+dibutuhkan|pagu\s+(?:anggaran|indikatif)|"
                    r"(?:total\s+)?kebutuhan\s+dana|alokasi\s+anggaran|anggaran\s+yang\s+"
                    r"dialokasikan|total\s+anggaran)"
                    r"\b(?:(?!\brealisasi\b).)*?\bsebesar\s+"
                    r"(?P<amount>(?P<figure>Rp\.?\s*\d(?:[\d.]*\d)?(?:,\d+)?)(?:,-+)?"
                    r"(?:\s*(?P<scale>ribu|juta|miliar|milyar|triliun)\b)?)", re.IGNORECASE)
# "Rp 15,5 miliar": the figure in thousands, millions ... and its precision there.
_SCALE = {"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12}
# The year a statement names in its own words: "Tahun 2025", "tahun anggaran 2024", "TA 2024".
# A range ("tahun 2020-2024", a Renstra's period) names no one year.
_YEAR_SAID = re.compile(r"\b(?:tahun(?:\s+anggaran)?|TA)\s+(?P<year>(?:19|20)\d\d)\b"
                        r"(?!\s*[-\u2013/]\s*\d)", re.IGNORECASE)
_VALUE = re.compile(r"(?P<lead>(?:\b(?:dengan|capaian|nilai|sebesar|sebanyak)\b\s*)+)"
                    r"(?P<num>\d[\d.]*(?:,\d+)?)\s*(?P<pct>%)?"
                    r"(?:\s*(?P<unit>[a-z]+(?:\s*/\s*[a-z]+)?(?:\s+perkara)?))?", re.IGNORECASE)
# The first "indikator kinerja (yakni)" or "yakni" ends the sasaran; the indicator follows.
_LEAD_IN = re.compile(r"^.*?\b(?:indikator\s+kinerja(?:\s+yakni)?|yakni)\s+", re.IGNORECASE)
_NOT_FIGURES = {"sasaran", "indikator"}
# Words that may follow a figure without being its unit ("sebesar 100 dan ...").
_NOT_UNITS = {"", "dan", "serta", "atau", "yang", "dengan", "di", "pada", "untuk", "dari"}
_CONNECTOR = re.compile(r"^\s*(?:dan|serta)\s+(?:indikator\s+kinerja\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Count:
    """A written count: digits, and the words after them if any."""

    value: int
    words: str | None

    @property
    def words_value(self) -> int | None:
        """What the words say, or None when they are not number words."""
        if self.words is None:
            return None
        try:
            return parse_words(_WORDS_TAIL.sub("", self.words))
        except NumberError:
            return None


@dataclass(frozen=True)
class FigureClaim:
    """An indicator named with its value: "... dengan capaian sebesar 87,18 indeks"."""

    row: NarasiRow
    phrase: str
    value: Decimal
    decimals: int
    text: str
    percent: bool = False
    unit: str | None = None


def statement_year(plan: Plan | None, row: NarasiRow) -> int | None:
    """The year a statement speaks of."""
    return int(row.tahun.value) if row.tahun is not None else None


def year_said(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The first year `text[start:end]` names in its own words ("Tahun 2025", "TA 2024")."""
    said = _YEAR_SAID.search(text, start, len(text) if end is None else end)
    return int(said.group("year")) if said else None


def digits_with_words(rows: list[NarasiRow]) -> list[tuple[NarasiRow, Count, str]]:
    """Every "N (words)" whose words are number words: (row, count, as written)."""
    found = []
    for row in rows:
        for match in _DIGITS_WORDS.finditer(row.teks.value):
            count = Count(int(match.group("n").replace(".", "")),
                          " ".join(match.group("w").split()).casefold())
            if count.words_value is not None or _looks_like_number_words(count.words):
                found.append((row, count, match.group(0)))
    return found


def _looks_like_number_words(words: str) -> bool:
    vocabulary = {"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan",
                  "sembilan", "sepuluh", "sebelas", "belas", "puluh", "ratus", "seratus",
                  "ribu", "seribu", "juta", "miliar"}
    return any(word in vocabulary for word in words.split())


def unmet(rows: list[NarasiRow]) -> list[tuple[NarasiRow, Count]]:
    """Every "Terdapat N target kinerja ... yang tidak tercapai"."""
    return [(row, Count(int(m.group("n")), m.group("nw")))
            for row in rows for m in _UNMET.finditer(row.teks.value)]


def totals(rows: list[NarasiRow]) -> list[tuple[NarasiRow, Decimal, int, str, int | None]]:
    """Every "jumlah dana yang dibutuhkan / pagu anggaran / ... sebesar Rp...": (row, amount,
    its decimals - negative for "Rp 15,5 miliar", written to the hundred million -, as written,
    the year it speaks of: named in its words, else its Tahun cell)."""
    found = []
    for row in rows:
        text = row.teks.value
        for match in _TOTAL.finditer(text):
            year = year_said(text, 0, match.end()) or statement_year(None, row)
            try:
                number = parse_number(match.group("figure"))
            except NumberError:
                continue
            places = _SCALE.get((match.group("scale") or "").casefold(), 0)
            amount = number.value.scaleb(places)
            if places and amount == amount.to_integral_value():
                amount = amount.quantize(Decimal(1))  # 15600000000, not 1.56E+10
            found.append((row, amount, number.decimals - places, match.group("amount"), year))
    return found


def figures(rows: list[NarasiRow]) -> list[FigureClaim]:
    """Every indicator named with its value; a sentence naming two is split in two.

    A value counts when the sentence says "capaian", or when the row is a bidang's bullet
    ("... sebanyak 1 kawasan"); background figures ("13 berkas perkara") are left alone.
    """
    claims = []
    for row in rows:
        text, start = row.teks.value, 0
        for match in _VALUE.finditer(text):
            lead = match.group("lead").casefold()
            if not any(word in lead for word in ("capaian", "sebesar", "sebanyak")):
                continue
            if "capaian" not in lead and row.bidang is None:
                continue
            unit = (match.group("unit") or "").casefold()
            phrase = _CONNECTOR.sub("", _LEAD_IN.sub("", text[start:match.start()])).strip()
            start = match.end()
            written = match.group("num") + ("%" if match.group("pct") else "")
            try:
                number = parse_number(written)
            except NumberError:
                continue
            if phrase and unit not in _NOT_FIGURES:
                claims.append(FigureClaim(
                    row, phrase, number.value, number.decimals, match.group(0).strip(),
                    percent=number.percent,
                    unit=None if unit in _NOT_UNITS else normalize_unit(match.group("unit"))))
    return claims


def same_bidang(a: str | None, b: str | None) -> bool:
    """True when two bidang names name the same bidang."""
    return a is not None and b is not None and bidang_key(a) == bidang_key(b)


class Indicator:
    """An indicator row of the table a statement's year points to, with its figure: the
    realisasi of a Capaian row, the target of a Matriks row (with its Satuan), read when asked
    for (a narrative names few of its table's indicators with a figure)."""

    __slots__ = ("bidang", "sasaran", "indikator", "_row", "_matriks")

    def __init__(self, bidang: str | None, row, matriks: bool) -> None:
        self.bidang, self.sasaran, self.indikator = bidang, row.sasaran, row.indikator
        self._row, self._matriks = row, matriks

    @property
    def value(self) -> Quantity | None:
        """The figure the narrative's is compared with."""
        row = self._row
        return _with_satuan(row.target, row.satuan) if self._matriks else row.realisasi


@dataclass(frozen=True)
class YearTable:
    """The table statements about `year` are checked against."""

    kind: Literal["capaian", "matriks"]
    year: int
    rows: list[Indicator]

    def of_bidang(self, bidang: str | None) -> list[Indicator] | None:
        """The rows of `bidang` (every row for None); None when the table names no bidang."""
        if bidang is None:
            return self.rows
        if all(r.bidang is None for r in self.rows):
            return None
        return [r for r in self.rows if same_bidang(r.bidang, bidang)]


def year_table(plan: Plan, year: int | None) -> YearTable | None:
    """The Matriks for the plan year, the Capaian for the year before; else None."""
    matriks, capaian = plan.get(MATRIKS), plan.get(CAPAIAN)
    if year is None or plan.year is None:
        return None
    if year == plan.year and matriks is not None:
        rows = [Indicator(_name(r.bidang or g.bidang), r, matriks=True)
                for g in matriks.groups for r in g.rows]
        return YearTable("matriks", year, rows)
    if year == plan.year - 1 and capaian is not None:
        rows = [Indicator(_name(r.bidang), r, matriks=False) for r in capaian.rows]
        return YearTable("capaian", year, rows)
    return None


@dataclass(frozen=True)
class FigureAt:
    """A figure the narrative states, the table of its year, and the indicator it names there
    (None: the phrase names none)."""

    claim: FigureClaim
    table: YearTable
    indicator: Indicator | None


def resolve_figures(plan: Plan,
                    tables: Callable[[int | None], YearTable | None]) -> list[FigureAt]:
    """Every figure claim of the narrative with its year's table (`tables(year)`) and the
    indicator it names. The phrase is matched among the indicators of the statement's bidang:
    a loose token-set match (it may open with the sasaran), ties broken by the strict ratio."""
    narasi = plan.get(NARASI)
    found = []
    for claim in figures(list(narasi.statements) if narasi is not None else []):
        table = tables(statement_year(plan, claim.row))
        if table is None:
            continue  # a year with no table to check against
        bidang = claim.row.bidang.value if claim.row.bidang else None
        # A bidang the table does not name may be spelled otherwise: look in every row.
        rows = [r for r in table.of_bidang(bidang) or table.rows if r.indikator is not None]
        match = best_match(claim.phrase, [r.indikator.value for r in rows], NEAR_IN_KEGIATAN,
                           loose=True)
        found.append(FigureAt(claim, table, rows[match.index] if match is not None else None))
    return found


def _name(text: Text | None) -> str | None:
    return text.value if text is not None and text.value.strip() else None


def _with_satuan(target: Quantity | None, satuan: Text | None) -> Quantity | None:
    """A Matriks target as the table states it: its figure with the Satuan column's unit."""
    if target is None or target.unit or target.percent or satuan is None:
        return target
    if satuan.value.strip() == "%":
        return replace(target, percent=True)
    return replace(target, unit=normalize_unit(satuan.value))
