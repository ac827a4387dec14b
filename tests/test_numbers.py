"""Tests for renjacheck.numbers: parsing Indonesian numbers, number words, rounding, formatting."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from renjacheck.numbers import NumberError, ParsedNumber, parse_number, parse_words, to_words
from renjacheck.rounding import decimals_of, format_number, quantize


def P(value: str, decimals: int, percent: bool = False, unit: str | None = None,
      **kw) -> ParsedNumber:
    """Shorthand for an expected ParsedNumber; value is the exact Decimal text."""
    if "upper" in kw:
        kw["upper"] = Decimal(kw["upper"])
    return ParsedNumber(Decimal(value), decimals, percent, unit, **kw)


EXAMPLES = [
    ("15.500.127.000", P("15500127000", 0)),
    ("87,18", P("87.18", 2)),
    ("128,57%", P("128.57", 2, True)),
    ("Rp.15.500.127.000,-", P("15500127000", 0, currency=True)),
    ("Rp. 15.500.127.000,-", P("15500127000", 0, currency=True)),
    ("Rp 1.544.000.000", P("1544000000", 0, currency=True)),
    ("RP1.544.000.000,--", P("1544000000", 0, currency=True)),
    ("Rp 1.544.000.000,00", P("1544000000.00", 2, currency=True)),
    ("-Rp1.000", P("-1000", 0, currency=True)),
    ("Rp -", P("0", 0, currency=True, dash=True)),
    ("3 Kabupaten / Kota", P("3", 0, unit="Kabupaten / Kota")),
    ("2 Kabupaten/ Kota", P("2", 0, unit="Kabupaten/ Kota")),
    ("3,1 Indeks", P("3.1", 1, unit="Indeks")),
    ("3,53 Indeks", P("3.53", 2, unit="Indeks")),
    ("76 Indeks", P("76", 0, unit="Indeks")),
    ("17 Berkas  Perkara", P("17", 0, unit="Berkas Perkara")),
    ("60%", P("60", 0, True)),
    ("1,95 %", P("1.95", 2, True)),
    ("60\u00a0%", P("60", 0, True)),
    ("122,5%", P("122.5", 1, True)),
    ("100,21%", P("100.21", 2, True)),
    ("1,73%", P("1.73", 2, True)),
    ("23.03%", P("23.03", 2, True)),
    ("40 Orang", P("40", 0, unit="Orang")),
    ("100 m2", P("100", 0, unit="m2")),
    ("4 (empat)", P("4", 0, words="empat", words_value=4)),
    ("3 (empat)", P("3", 0, words="empat", words_value=4)),
    ("5 (lima) indikator", P("5", 0, unit="indikator", words="lima", words_value=5)),
    ("4 (Empat) sasaran", P("4", 0, unit="sasaran", words="empat", words_value=4)),
    ("4 sasaran (empat)", P("4", 0, unit="sasaran", words="empat", words_value=4)),
    ("12 (dua  belas)", P("12", 0, words="dua belas", words_value=12)),
    ("4 (emapt)", P("4", 0, words="emapt", words_value=None)),
    ("1 Dokumen (RKA)", P("1", 0, unit="Dokumen (RKA)")),
    ("empat", P("4", 0, words="empat", words_value=4)),
    ("Dua Belas", P("12", 0, words="dua belas", words_value=12)),
    ("80 - 90%", P("80", 0, True, upper="90", upper_decimals=0)),
    ("80% - 90%", P("80", 0, True, upper="90", upper_decimals=0)),
    ("80%-90", P("80", 0, True, upper="90", upper_decimals=0)),
    ("80 s.d. 90%", P("80", 0, True, upper="90", upper_decimals=0)),
    ("2,5 s/d 3,75 Indeks", P("2.5", 1, unit="Indeks", upper="3.75", upper_decimals=2)),
    ("10 sampai 20 Orang", P("10", 0, unit="Orang", upper="20", upper_decimals=0)),
    ("-", P("0", 0, dash=True)),
    ("\u2013", P("0", 0, dash=True)),
    ("\u2014", P("0", 0, dash=True)),
    (" -- ", P("0", 0, dash=True)),
    ("12.345", P("12345", 0)),
    ("9.269.840.000", P("9269840000", 0)),
    ("0.125", P("0.125", 3)),
    ("1.5000", P("1.5000", 4)),
    ("-1.000", P("-1000", 0)),
    ("\u22121.000", P("-1000", 0)),
    ("+5", P("5", 0)),
    ("1,500", P("1.500", 3)),
    ("3,10", P("3.10", 2)),
    ("1.234,56", P("1234.56", 2)),
    ("1,234.56", P("1234.56", 2)),
    ("1,234,567", P("1234567", 0)),
    ("1.000,-", P("1000", 0)),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_parse_number_examples(text: str, expected: ParsedNumber) -> None:
    parsed = parse_number(text)
    assert parsed == expected
    # Decimal equality ignores trailing zeros; the written precision must survive too.
    assert str(parsed.value) == str(expected.value)
    assert parsed.decimals == decimals_of(parsed.value)


REFUSALS = [
    ("abc", "not_a_number"),
    ("5 Keluarga 2 Desa", "not_a_number"),
    ("1.23.456", "bad_grouping"),
    ("12,34,5", "bad_grouping"),
    ("0.125.000", "bad_grouping"),
    ("1.234.5,6", "bad_grouping"),
    ("1,234.5.6", "bad_grouping"),
    ("1234.567", "ambiguous"),
    ("", "empty"),
    (" \u00a0 ", "empty"),
    ("Rp", "not_a_number"),
    ("2024-01-05", "not_a_number"),
    ("5 Januari 2024", "not_a_number"),
    ("Tahun 2024", "not_a_number"),
    ("empat sasaran", "not_a_number"),
    ("1.000.000 2", "not_a_number"),
    ("--5", "not_a_number"),
    ("4 ()", "not_a_number"),
    ("-Rp-5", "not_a_number"),
    ("1" * 101, "too_many_digits"),
    ("1." + ".".join(["000"] * 34), "too_many_digits"),  # 103 digits, grouped
    ("0," + "0" * 20 + "1" * 101, "too_many_digits"),
    ("Rp " + "9" * 60 + " - " + "9" * 101, "too_many_digits"),  # the upper end of a range
]


@pytest.mark.parametrize(("text", "reason"), REFUSALS)
def test_parse_number_refusals(text: str, reason: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_number(text)
    assert caught.value.reason == reason
    assert isinstance(caught.value, ValueError)
    assert repr(text) in str(caught.value)


def test_number_error_rejects_unknown_reason() -> None:
    with pytest.raises(ValueError, match="unknown NumberError reason"):
        NumberError("weird")


# ---- number words -----------------------------------------------------------------------

WORDS = [
    (0, "nol"), (11, "sebelas"), (12, "dua belas"), (21, "dua puluh satu"), (100, "seratus"),
    (111, "seratus sebelas"), (1000, "seribu"), (1500, "seribu lima ratus"),
    (101000, "seratus satu ribu"), (1001000, "satu juta satu ribu"),
    (1500000, "satu juta lima ratus ribu"), (2000000000, "dua miliar"), (10**12, "satu triliun"),
]


@pytest.mark.parametrize(("n", "words"), WORDS)
def test_words_examples(n: int, words: str) -> None:
    assert to_words(n) == words == num2words(n, lang="id")
    assert parse_words(words) == n


@pytest.mark.parametrize(("text", "n"), [
    ("Dua  Belas", 12), ("dua-belas", 12), ("se-ratus", 100), ("SERIBU", 1000), ("se ribu", 1000),
    ("dua milyar", 2_000_000_000), ("sejuta", 1_000_000), (" tiga\u00a0puluh ", 30),
])
def test_parse_words_tolerates(text: str, n: int) -> None:
    assert parse_words(text) == n


@pytest.mark.parametrize(("text", "reason"), [
    ("", "empty"), ("-", "empty"), ("abc", "not_a_number"), ("juta", "not_a_number"),
    ("dua ribu tiga ribu", "not_a_number"), ("lima ratus lima ratus", "not_a_number"),
    ("nol nol", "not_a_number"), ("satu belas", "not_a_number"), ("satu puluh", "not_a_number"),
    ("dua puluh tiga puluh", "not_a_number"), ("ribu dua", "not_a_number"),
])
def test_parse_words_refusals(text: str, reason: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_words(text)
    assert caught.value.reason == reason


@given(st.integers(min_value=0, max_value=10**12))
def test_words_match_num2words(n: int) -> None:
    words = num2words(n, lang="id")
    assert to_words(n) == words
    assert parse_words(words) == n


@given(st.integers(min_value=10**12, max_value=10**30))
def test_words_match_num2words_beyond_a_trillion(n: int) -> None:
    assert to_words(n) == num2words(n, lang="id")
    assert parse_words(to_words(n)) == n


def test_to_words_refuses_negative() -> None:
    with pytest.raises(ValueError):
        to_words(-1)


# ---- rounding and formatting --------------------------------------------------------------


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    ("100.425", 2, "100.43"), ("2.5", 0, "3"), ("-2.5", 0, "-3"), ("0.5", 0, "1"),
    ("1.005", 2, "1.01"), ("3.1", 2, "3.10"), ("1234567", -3, "1235000"), ("1500", -3, "2000"),
    ("1449", -2, "1400"), ("15", -1, "20"), ("99999999999999.995", 2, "100000000000000.00"),
])
def test_quantize_half_up(value: str, decimals: int, expected: str) -> None:
    assert str(quantize(Decimal(value), decimals)) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1.50", 2), ("15", 0), ("1E+3", 0), ("0.125", 3), ("-0.0", 1),
])
def test_decimals_of(value: str, expected: int) -> None:
    assert decimals_of(Decimal(value)) == expected


@pytest.mark.parametrize(("value", "decimals", "lang", "options", "expected"), [
    ("9269840000", 0, "id", {}, "9.269.840.000"),
    ("9269840000", 0, "en", {}, "9,269,840,000"),
    ("128.57", 2, "id", {}, "128,57"),
    ("128.57", 2, "en", {}, "128.57"),
    ("128.57", 2, "id", {"percent": True}, "128,57%"),
    ("15500127000", 0, "id", {"currency": True}, "Rp15.500.127.000"),
    ("15500127000", 0, "en", {"currency": True}, "Rp15,500,127,000"),
    ("-1000", 0, "id", {"currency": True}, "-Rp1.000"),
    ("2.5", 0, "id", {}, "3"),  # babel alone would round half-even to "2"
    ("0.125", 2, "id", {}, "0,13"),
    ("3.1", 2, "id", {}, "3,10"),
    ("1234567", -3, "id", {}, "1.235.000"),
    ("-1234.5", 1, "id", {}, "-1.234,5"),
    ("-0.001", 2, "id", {}, "0,00"),
    # Beyond the default context's 28 digits babel's quantize raised InvalidOperation.
    ("10000000000000000000000000000000", 0, "id", {},
     "10.000.000.000.000.000.000.000.000.000.000"),
    ("-12345678901234567890123456789.125", 2, "en", {"currency": True},
     "-Rp12,345,678,901,234,567,890,123,456,789.13"),
    ("1E+40", 0, "id", {}, "10" + ".000" * 13),
])
def test_format_number(value: str, decimals: int, lang: str, options: dict, expected: str) -> None:
    assert format_number(Decimal(value), decimals, lang, **options) == expected


def test_babel_is_imported_lazily() -> None:
    code = "import sys, renjacheck.numbers; sys.exit('babel' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@st.composite
def written(draw) -> tuple[Decimal, int]:
    """A Decimal from 0 to 10**13 with 0..4 decimals written, and its decimals."""
    k = draw(st.integers(min_value=0, max_value=4))
    n = draw(st.integers(min_value=0, max_value=10**13 * 10**k))
    return Decimal(f"{n}E-{k}"), k


@given(written())
def test_indonesian_round_trip(case: tuple[Decimal, int]) -> None:
    d, k = case
    for text, percent, currency in [
        (format_number(d, k, "id"), False, False),
        (format_number(d, k, "id", percent=True), True, False),
        (format_number(d, k, "id", currency=True) + (",-" if k == 0 else ""), False, True),
    ]:
        parsed = parse_number(text)
        assert (parsed.value, parsed.decimals) == (d, k), text
        assert (parsed.percent, parsed.currency, parsed.unit) == (percent, currency, None), text


@given(written())
def test_english_round_trip(case: tuple[Decimal, int]) -> None:
    d, k = case
    text = format_number(d, k, "en")
    parsed = parse_number(text)
    whole = int(d)
    if k == 0 and 1000 <= whole < 10**6:
        # "1,234": a single comma is a decimal comma (Indonesian wins) -> 1.234
        assert (parsed.value, parsed.decimals) == (d / 1000, 3), text
    elif k == 3 and 1 <= whole < 1000:
        # "123.456": a dot before exactly three digits groups thousands -> 123456
        assert (parsed.value, parsed.decimals) == (d * 1000, 0), text
    else:
        assert (parsed.value, parsed.decimals) == (d, k), text


def test_rounds_to_is_the_intervals_decision():
    # An exact ratio against a written figure: integers decide as Interval.meets does, at the
    # ends of the half-open intervals too.
    import random
    from fractions import Fraction

    from renjacheck.checks.arith import Interval, rounds_to

    rng = random.Random(13)
    cases = [(12857, 100, Decimal("128.57"), 2), (128565, 1000, Decimal("128.57"), 2),
             (128575, 1000, Decimal("128.57"), 2), (-5, 10, Decimal("-1"), 0),
             (-15, 10, Decimal("-1"), 0), (0, 7, Decimal("0"), 0), (1, 2, Decimal("0"), 0)]
    for _ in range(5000):
        decimals = rng.randint(0, 3)
        written = Decimal(rng.randint(-3000, 3000)).scaleb(-decimals)
        cases.append((rng.randint(-4000, 4000), rng.randint(1, 40), written, decimals))
    for numerator, denominator, written, decimals in cases:
        point = Interval.exact(Fraction(numerator, denominator))
        assert rounds_to(numerator, denominator, written, decimals) == \
            point.meets(Interval.rounded(written, decimals)), (numerator, denominator, written)
    assert rounds_to(1, 1, Decimal("1.25"), 1) is None  # more places than stated: no verdict


def test_a_hundred_significant_digits_are_read_exactly():
    # The bound counts significant digits: leading zeros and grouping marks aside.
    assert parse_number("9" * 100).value == Decimal("9" * 100)
    assert parse_number("0" * 50 + "1" * 100).value == Decimal("1" * 100)
    assert parse_number("0," + "0" * 30 + "5" * 100).decimals == 130


def test_a_number_of_a_million_digits_is_refused_in_linear_time():
    import time

    for digits in (250_000, 1_000_000):
        start = time.perf_counter()
        with pytest.raises(NumberError, match="more than 100 significant digits"):
            parse_number("1" + ".000" * (digits // 3))
        assert time.perf_counter() - start < 0.5
