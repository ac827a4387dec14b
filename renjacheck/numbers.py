"""Indonesian numbers as planners write them: parsing and number words (rounding and
formatting: renjacheck.rounding).

In Indonesian `.` groups thousands and `,` marks decimals (`15.500.127.000`, `87,18`);
Renja cells add percent signs, `Rp`, units, number words in parentheses and ranges.
All arithmetic is exact (`Decimal`, ROUND_HALF_UP); floats never appear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

_MESSAGES = {
    "empty": "the text is empty",
    "not_a_number": "the text is not a number as planners write them",
    "bad_grouping": "the thousands grouping is malformed",
    "ambiguous": "the text can be read as more than one number",
    "too_many_digits": "the number has more than 100 significant digits",
}
# Significant digits a number may have (leading zeros aside): an amount in Rupiah needs 16 at
# most. A longer one is no number (TBL001 at its cell): Decimal-to-int conversions and interval
# estimates grow faster than the digits, and a 800,000-digit amount would take minutes.
MAX_DIGITS = 100


class NumberError(ValueError):
    """A text that is not a number as planners write them."""

    def __init__(self, reason: str, text: str | None = None) -> None:
        if reason not in _MESSAGES:
            raise ValueError(f"unknown NumberError reason {reason!r}")
        self.reason = reason
        self.text = text
        message = _MESSAGES[reason] + (f": {text!r}" if text is not None else "")
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number read from a cell, with the precision and decorations it was written with."""

    value: Decimal
    decimals: int
    percent: bool
    unit: str | None
    upper: Decimal | None = None
    upper_decimals: int | None = None
    words: str | None = None
    words_value: int | None = None
    currency: bool = False
    dash: bool = False


# ---- number words -----------------------------------------------------------------------

_DIGITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_DIGIT_VALUE = {word: i for i, word in enumerate(_DIGITS) if i}
# Same scale words as num2words(lang="id"), so to_words matches it beyond a trillion too.
_SCALES = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuantiliun", "sekstiliun",
           "septiliun", "oktiliun", "noniliun", "desiliun"]
_SCALE_VALUE = {word: 10 ** (3 * i) for i, word in enumerate(_SCALES) if i}
_SCALE_VALUE["milyar"] = 10**9  # common older spelling of miliar
_GROUP_WORDS = {"ratus", "puluh", "belas"}
_WORD_DASHES = re.compile(r"[-\u2010-\u2015]+")


def _under_thousand_words(n: int) -> list[str]:
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    words = [] if hundreds == 0 else ["seratus"] if hundreds == 1 else [_DIGITS[hundreds], "ratus"]
    if tens == 1:
        teen = [_DIGITS[ones], "belas"]
        words += ["sepuluh"] if ones == 0 else ["sebelas"] if ones == 1 else teen
    else:
        words += [_DIGITS[tens], "puluh"] if tens else []
        words += [_DIGITS[ones]] if ones else []
    return words


def to_words(n: int) -> str:
    """Spell a non-negative integer in Indonesian, exactly as num2words(n, lang="id") does."""
    if n < 0 or n >= 10 ** (3 * len(_SCALES)):
        raise ValueError(f"to_words needs 0 <= n < 10**{3 * len(_SCALES)}, got {n}")
    if n == 0:
        return "nol"
    # Only 1000..1999 say "seribu"; num2words writes 1001000 as "satu juta satu ribu".
    if 1000 <= n < 2000:
        return " ".join(["seribu"] + _under_thousand_words(n - 1000))
    words: list[str] = []
    for scale in range(len(_SCALES) - 1, -1, -1):
        group = n // 10 ** (3 * scale) % 1000
        if group:
            words += _under_thousand_words(group) + ([_SCALES[scale]] if scale else [])
    return " ".join(words)


def _read_group(tokens: list[str], i: int) -> tuple[int, int]:
    """Read one 1..999 group starting at tokens[i]; return (value, next index)."""
    def at(j: int) -> str:
        return tokens[j] if j < len(tokens) else ""

    def digit_then(j: int, word: str) -> int:
        return _DIGIT_VALUE.get(at(j), 0) if at(j + 1) == word else 0

    value = 0
    if at(i) == "seratus":
        value, i = 100, i + 1
    elif d := digit_then(i, "ratus"):
        value, i = 100 * d, i + 2
    if at(i) in ("sepuluh", "sebelas"):
        value, i = value + (10 if at(i) == "sepuluh" else 11), i + 1
    elif (d := digit_then(i, "belas")) >= 2:  # "satu belas" is not Indonesian: sebelas
        value, i = value + 10 + d, i + 2
    elif (d := digit_then(i, "puluh")) >= 2:
        value, i = value + 10 * d, i + 2
        if at(i) in _DIGIT_VALUE and at(i + 1) not in _GROUP_WORDS:
            value, i = value + _DIGIT_VALUE[at(i)], i + 1
    elif at(i) in _DIGIT_VALUE and at(i + 1) not in _GROUP_WORDS:
        value, i = value + _DIGIT_VALUE[at(i)], i + 1
    return value, i


def parse_words(text: str) -> int:
    """Read Indonesian number words ("dua belas", "seribu lima ratus") as an int."""
    raw = _WORD_DASHES.sub(" ", text.replace("\u00a0", " ")).lower().split()
    if not raw:
        raise NumberError("empty", text)
    tokens: list[str] = []
    for token in raw:  # rejoin a split "se-" prefix: "se-ratus" -> "seratus"
        if tokens and tokens[-1] == "se":
            tokens[-1] += token
        else:
            tokens.append(token)
    if tokens == ["nol"]:
        return 0
    total, i, last_scale = 0, 0, None
    while i < len(tokens):
        if tokens[i].startswith("se") and tokens[i][2:] in _SCALE_VALUE:  # seribu, sejuta
            group, scale, i = 1, _SCALE_VALUE[tokens[i][2:]], i + 1
        else:
            group, j = _read_group(tokens, i)
            if j == i:
                raise NumberError("not_a_number", text)
            scale = _SCALE_VALUE.get(tokens[j], 1) if j < len(tokens) else 1  # 1: the last group
            i = j + (scale > 1)
        # Scales must fall: no "dua ribu tiga ribu".
        if last_scale is not None and scale >= last_scale:
            raise NumberError("not_a_number", text)
        total, last_scale = total + group * scale, scale
    return total


# ---- digits -----------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_LONE_DASH = re.compile(r"[-\u2013\u2014]{1,3}")
_CURRENCY = re.compile(r"([+-]?)rp\.?\s*", re.IGNORECASE)
# sign, digits with separators, an optional ",-" / ".-" filler, an optional percent sign
_AMOUNT = re.compile(r"([+-]?)(\d+(?:[.,]\d+)*)(?:[.,]-{1,2})?( ?%)?")
_RANGE = re.compile(r" ?(?:[-\u2013\u2014]|s\.d\.?|s/d|sampai(?: dengan)?|hingga) ?", re.IGNORECASE)
_WORDS = re.compile(r" ?\(([^()]*)\)")
_TRAILING_WORDS = re.compile(r" ?\(([^()]*)\)$")
_LOOSE_DIGIT = re.compile(r"(?<![^\W\d_])\d")  # a digit not glued to a letter ("m2" is fine)


def _check_groups(groups: list[str], text: str) -> None:
    first, rest = groups[0], groups[1:]
    if not 1 <= len(first) <= 3 or first.startswith("0") or any(len(g) != 3 for g in rest):
        raise NumberError("bad_grouping", text)


def _interpret(token: str, text: str) -> tuple[Decimal, int]:
    """Turn a digit token with `.` and `,` into (value, decimals written)."""
    if len(token) > MAX_DIGITS and \
            len(digits := token.lstrip("0.,")) - digits.count(".") - digits.count(",") \
            > MAX_DIGITS:
        raise NumberError("too_many_digits", text)

    def decimal(whole: str, frac: str) -> tuple[Decimal, int]:
        return Decimal(f"{whole}.{frac}" if frac else whole), len(frac)

    if "." in token and "," in token:
        mark = "." if token.rfind(".") > token.rfind(",") else ","
        whole, frac = token.rsplit(mark, 1)
        if mark in whole:
            raise NumberError("bad_grouping", text)
        groups = whole.split("," if mark == "." else ".")
        _check_groups(groups, text)
        return decimal("".join(groups), frac)
    sep = "." if "." in token else "," if "," in token else None
    if sep is None:
        return decimal(token, "")
    parts = token.split(sep)
    if len(parts) > 2:  # several marks of one kind can only be thousands grouping
        _check_groups(parts, text)
        return decimal("".join(parts), "")
    whole, frac = parts
    # One comma is a decimal comma (Indonesian wins "1,500"); one dot is a decimal point
    # unless exactly three digits follow, which Indonesian writes for thousands ("12.345").
    if sep == "," or len(frac) != 3 or int(whole) == 0:
        return decimal(whole, frac)
    if 1 <= len(whole) <= 3 and not whole.startswith("0"):
        return decimal(whole + frac, "")
    raise NumberError("ambiguous", text)  # "1234.567": neither valid grouping nor a clear decimal


def _signed(sign: str, value: Decimal) -> Decimal:
    return -value if sign == "-" and value else value


def _words_of(inner: str) -> tuple[str, int | None]:
    words = " ".join(inner.split()).lower()
    try:
        return words, parse_words(words)
    except NumberError:
        return words, None


# A plan repeats its figures as text (targets, units, percents): each is read once.
@lru_cache(maxsize=4096)
def parse_number(text: str) -> ParsedNumber:
    """Read a cell text such as "Rp.15.500.127.000,-", "128,57%" or "4 (empat) sasaran"."""
    s = _SPACES.sub(" ", text).strip()
    if not s:
        raise NumberError("empty", text)
    s = s.replace("\u2212", "-")  # a true minus sign reads as a hyphen
    currency, outer_sign = False, ""
    if m := _CURRENCY.match(s):
        currency, outer_sign, s = True, m.group(1), s[m.end():]
    if _LONE_DASH.fullmatch(s) and not outer_sign:
        return ParsedNumber(Decimal(0), 0, False, None, currency=currency, dash=True)
    if not currency and not any(c.isdigit() for c in s):
        try:  # a cell holding only number words: "empat", "dua belas"
            value = parse_words(s)
        except NumberError:
            raise NumberError("not_a_number", text) from None
        return ParsedNumber(Decimal(value), 0, False, None, words=" ".join(s.lower().split()),
                            words_value=value)
    low = _AMOUNT.match(s)
    if not low or (outer_sign and low.group(1)):
        raise NumberError("not_a_number", text)
    value, decimals = _interpret(low.group(2), text)
    value = _signed(outer_sign or low.group(1), value)
    percent, pos = bool(low.group(3)), low.end()
    upper = upper_decimals = None
    if (sep := _RANGE.match(s, pos)) and (high := _AMOUNT.match(s, sep.end())):
        upper, upper_decimals = _interpret(high.group(2), text)
        upper = _signed(high.group(1), upper)
        percent, pos = percent or bool(high.group(3)), high.end()
    words = words_value = None
    if m := _WORDS.match(s, pos):
        words, words_value = _words_of(m.group(1))
        pos = m.end()
    unit = s[pos:].strip() or None
    if unit and words is None and (m := _TRAILING_WORDS.search(unit)):
        # "4 sasaran (empat)": trailing parentheses are words only when they read as a number,
        # so "1 Dokumen (RKA)" keeps its parentheses in the unit.
        trailing, trailing_value = _words_of(m.group(1))
        if trailing_value is not None and m.start() > 0:
            words, words_value, unit = trailing, trailing_value, unit[:m.start()].strip()
    if words == "" or unit is not None and (
        not (unit[0].isalpha() or unit[0] in "/°") or _LOOSE_DIGIT.search(unit)
    ):
        raise NumberError("not_a_number", text)  # "5 Keluarga 2 Desa", dates, stray signs, "4 ()"
    return ParsedNumber(value, decimals, percent, unit, upper, upper_decimals, words, words_value,
                        currency)


# Where a cell joins several figures: `&`, `+`, `;`, `dan`, `serta`, a comma before a space.
_JOINERS = re.compile(r"\s*(?:&|\+|;|,(?=\s)|\bdan\b|\bserta\b)\s*", re.IGNORECASE)
# Where a figure follows a unit with no joiner: `5 Keluarga 2 Desa`.
_NEXT_FIGURE = re.compile(r"(?<=[^\W\d_])\s+(?=\d)")


def compound(text: str) -> list[ParsedNumber] | None:
    """The figures of a cell that joins several, each with its unit (`1 Prov & 7 Kab/Kota`,
    `2 Lembaga dan 3 Orang`, `5 Desa, 2 Kelurahan`); None for any other text. Such a value is
    no one figure: nothing can be computed with it."""
    parts = [p for p in _JOINERS.split(text.strip()) if p]
    if len(parts) < 2:
        parts = [p for p in _NEXT_FIGURE.split(text.strip()) if p]
    if len(parts) < 2:
        return None
    found = []
    for part in parts:
        try:
            figure = parse_number(part)
        except NumberError:
            return None
        if figure.unit is None and not figure.percent:
            return None  # each part a figure with its unit
        found.append(figure)
    return found
