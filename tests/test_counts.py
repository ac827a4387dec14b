"""Count statements in the wordings of many units (checks/counts.py, rules/data/kata-hitung.yaml):
which numbers are read as counts of which concept, of which bidang and year; which are not."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from renjacheck.checks import counts


def _claims(text: str, tahun: int | None = 2025, bidang: str | None = None):
    row = SimpleNamespace(teks=SimpleNamespace(value=text),
                          bidang=SimpleNamespace(value=bidang) if bidang else None,
                          tahun=SimpleNamespace(value=str(tahun)) if tahun else None)
    return [(c.what, c.count.value, c.count.words, c.bidang, c.year)
            for c in counts.count_claims([row])]


@pytest.mark.parametrize("text, expected", [
    ("BNN menetapkan 5 (lima) sasaran strategis dengan 9 (sembilan) Indikator Kinerja Utama "
     "(IKU).", [("sasaran", 5, "lima"), ("indikator", 9, "sembilan")]),
    ("Renja terdiri atas 3 (tiga) program dan 7 kegiatan, meliputi: 1. Program A",
     [("program", 3, "tiga"), ("kegiatan", 7, None)]),
    ("Output yang direncanakan yaitu 4 Rincian Output (RO).", [("ro", 4, None)]),
    ("Sasaran strategis BNN tahun 2025 sebanyak 5 dengan jumlah IKU sebanyak 9 (sembilan).",
     [("sasaran", 5, None), ("indikator", 9, "sembilan")]),
    ("menetapkan sebanyak 13 sasaran kegiatan dengan indikator kinerja kegiatan sebanyak 19 "
     "indikator.", [("sasaran", 13, None), ("indikator", 19, None)]),
    ("Kinerja dijabarkan ke dalam 6 IKK.", [("indikator", 6, None)]),
    # A pair needs no opening word: the second count follows the first at once.
    ("Dalam dokumen PK 2024 tercantum 4 (empat) sasaran kegiatan dengan 5 (lima) indikator "
     "kinerja.",
     [("sasaran", 4, "empat"), ("indikator", 5, "lima")]),
])
def test_a_count_in_each_usual_wording_is_read(text, expected):
    assert [c[:3] for c in _claims(text)] == expected


@pytest.mark.parametrize("text", [
    "Pada tahun 2025 dilaksanakan 12 kegiatan sosialisasi di sekolah.",  # events, not kegiatan
    "Terdapat 2 (dua) indikator yang tidak tercapai.",  # a result
    "Dari 20 indikator, yang tercapai sebanyak 18 indikator.",
    "Unit ini memiliki 4 sub kegiatan dan 2 program prioritas.",  # other concepts
    "melaksanakan 3 program.",  # no word that opens a count
    "Anggaran sebesar Rp 15.000.000 untuk 2 kegiatan.",
    # Not a pair: "dan" does not follow the first count at once.
    "Bidang ini melaksanakan 12 kegiatan di sekolah bersama mitra dan 3 program.",
])
def test_what_is_not_a_count_of_the_plan_is_not_read(text):
    assert _claims(text) == []


def test_the_bidang_is_the_one_the_text_names_last_and_the_year_the_sentence_names():
    text = ("Bidang Pemberantasan memiliki 2 (dua) sasaran kegiatan. Bidang Rehabilitasi "
            "memiliki 4 (empat) sasaran kegiatan pada tahun 2024.")
    assert _claims(text, tahun=2025) == [
        ("sasaran", 2, "dua", "Pemberantasan", 2025),
        ("sasaran", 4, "empat", "Rehabilitasi", 2024)]
    # A Renstra's range of years names no one year; the Tahun cell says.
    assert _claims("Renstra tahun 2020-2024 memiliki 3 program.", tahun=2023) == [
        ("program", 3, None, None, 2023)]
    # A deputy naming itself is the unit, not one of its bidang.
    assert _claims("Deputi Bidang Rehabilitasi memiliki 2 sasaran kegiatan.") == [
        ("sasaran", 2, None, None, 2025)]


def test_a_malformed_vocabulary_file_names_the_file_and_the_key(tmp_path, monkeypatch):
    bad = tmp_path / counts.FILE
    bad.write_text("konsep:\n  sasaran: [sasaran]\npembukaa: [memiliki]\n", encoding="utf-8")
    monkeypatch.setattr(counts, "data_file", lambda name: bad)
    counts._words.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"kata-hitung\.yaml: unknown key 'pembukaa'"):
            counts._words()
        bad.write_text("konsep:\n  kegiatan_utama: [kegiatan utama]\n", encoding="utf-8")
        counts._words.cache_clear()
        with pytest.raises(ValueError, match=r"konsep\.kegiatan_utama"):
            counts._words()
    finally:
        counts._words.cache_clear()
