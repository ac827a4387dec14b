"""Tests for renjacheck.units: canonical unit forms and unit comparison."""

from __future__ import annotations

import re

import pytest

from renjacheck.units import UNIT_ALIASES, normalize_unit, same_unit, unit_key


@pytest.mark.parametrize(("text", "expected"), [
    ("Kabupaten/ Kota", "Kabupaten/Kota"),
    ("Kabupaten / Kota", "Kabupaten/Kota"),
    ("Kabupaten /Kota", "Kabupaten/Kota"),
    ("Kabupaten/Kota", "Kabupaten/Kota"),
    ("Kab/Kota", "Kabupaten/Kota"),
    ("Kab./Kota", "Kabupaten/Kota"),
    ("Kab. / Kota", "Kabupaten/Kota"),
    ("kab/kota", "Kabupaten/Kota"),
    ("KAB/KOTA", "Kabupaten/Kota"),
    ("Kota/Kabupaten", "Kabupaten/Kota"),
    ("Kota / Kab.", "Kabupaten/Kota"),
    ("persen", "%"),
    ("Persen", "%"),
    ("%", "%"),
    ("Orang", "Orang"),
    ("orang", "Orang"),
    ("Org", "Orang"),
    ("org.", "Orang"),
    ("Keg", "Kegiatan"),
    ("Keg.", "Kegiatan"),
    ("Dok", "Dokumen"),
    ("Lap", "Laporan"),
    ("Lap.", "Laporan"),
    ("Indeks", "Indeks"),
    ("Berkas  Perkara", "Berkas Perkara"),
    ("  Berkas\u00a0Perkara ", "Berkas Perkara"),
    ("Km / Tahun", "Km/Tahun"),
    ("", None),
    ("   ", None),
    (None, None),
])
def test_normalize_unit(text: str | None, expected: str | None) -> None:
    assert normalize_unit(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Orang", "orang"), ("orang", "orang"), ("Org", "orang"), ("%", "%"), ("persen", "%"),
    ("Kab/Kota", "kabupaten/kota"), ("Berkas Perkara", "berkas perkara"), ("", None), (None, None),
])
def test_unit_key(text: str | None, expected: str | None) -> None:
    assert unit_key(text) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Orang", "orang", True),
    ("Orang", "Org", True),
    ("%", "persen", True),
    ("Kab/Kota", "Kabupaten / Kota", True),
    ("Kota/Kabupaten", "kab./kota", True),
    ("Dok", "Dokumen", True),
    ("Berkas Perkara", "berkas  perkara", True),
    (None, None, True),
    (None, "", True),
    ("Orang", "Dokumen", False),
    ("%", "Indeks", False),
    ("Kabupaten", "Kabupaten/Kota", False),
    (None, "Orang", False),
])
def test_same_unit(a: str | None, b: str | None, expected: bool) -> None:
    assert same_unit(a, b) is expected
    assert same_unit(b, a) is expected


def test_alias_table_is_consistent() -> None:
    # Keys must already be in the compact lookup form, or the alias can never match.
    for key, canonical in UNIT_ALIASES.items():
        assert key == re.sub(r"[\s.]+", "", key.casefold()), key
        # A canonical form must map to itself, so normalising twice changes nothing.
        assert normalize_unit(canonical) == canonical, canonical
