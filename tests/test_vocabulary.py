"""Plans written by other hands: headers worded as other offices word them are read at the right
columns (the vocabulary is data, rules/data/judul-kolom.yaml, and an office's own file), free
columns are ignored, and a header the reader only half knows is a warning, never a silent pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renjacheck.engine import check_plan, load_rules
from renjacheck.model.build import read
from renjacheck.tables import detect, registry
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.declare import Column, FieldType, TableKind
from renjacheck.tables.labels import label_forms, norm_label
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.ro import RO_KIND
from renjacheck.tables.table import Table
from renjacheck.tables.vocabulary import VocabularyError, build, shipped
from tests.runner import run
from tests.xlsx import block, write

RULES = load_rules()


def _found(path: Path, *rules: str, vocabulary: tuple[Path, ...] = ()) -> list[tuple[str, str]]:
    plan = read(path, vocabulary=vocabulary)
    return [(f.rule, str(f.locations[0])) for f in check_plan(plan, RULES) if f.rule in rules]


# Capaian headers as offices write them; the capaian written (90%) is wrong: 60 / 80 is 75%.
CAPAIAN_HEADERS = [
    ["No", "Sasaran Strategis", "Indikator Kinerja Utama (IKU)", "Target", "Realisasi",
     "% Capaian"],
    ["No.", "Sasaran Program", "Indikator Kinerja Program (IKP)", "Target Kinerja",
     "Realisasi 2023", "Capaian (%)"],
    ["Nomor", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan (IKK)", "Target (%)",
     "Realisasi (Rp)", "Tingkat Capaian"],
    ["No", "SASARAN STRATEGIS", "IKU", "Target Kinerja 2023", "Realisasi",
     "Persentase Capaian"],
    ["No", "Sasaran", "Indikator Kinerja Utama", "Target", "Realisasi Kinerja",
     "Tingkat Capaian (%)"],
    ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
]


@pytest.mark.parametrize("header", CAPAIAN_HEADERS, ids=lambda h: " | ".join(h[1:]))
def test_capaian_headers_of_other_offices(header, tmp_path):
    # A free column (Keterangan, Penanggung Jawab) in the middle is no column of the table.
    cells = block("B3", [[*header[:3], "Penanggung Jawab", *header[3:], "Keterangan"],
                         [1, "Meningkatnya layanan", "Persentase desa bersinar", "Bidang P2M",
                          "80", "60", "90%", "-"]])
    path = write(tmp_path / "c.xlsx", {"LKj": cells})
    row = read(path).get(CAPAIAN).rows[0]
    assert [str(v.loc) for v in (row.sasaran, row.indikator, row.target, row.realisasi,
                                 row.capaian)] == ["LKj!C4", "LKj!D4", "LKj!F4", "LKj!G4",
                                                   "LKj!H4"]
    assert _found(path, "CAP001", "READ005") == [("CAP001", "LKj!H4")]


MATRIKS_HEADERS = [  # kegiatan, sasaran, indikator, target, anggaran
    ["Program/Kegiatan", "Sasaran Program", "Indikator Kinerja Program (IKP)", "Target Kinerja",
     "Pagu Indikatif (Rp)"],
    ["Program/Kegiatan/Sub Kegiatan", "Sasaran Strategis", "IKU", "Target (%)", "Pagu"],
    ["Kegiatan", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan (IKK)", "Target/Vol",
     "Alokasi Anggaran (Rp)"],
    ["Program/Kegiatan/Komponen/Aktivitas", "Sasaran", "Indikator Kinerja", "Target",
     "Kebutuhan Dana"],
    ["Kegiatan", "Sasaran", "Indikator Kinerja Utama", "Target", "Pagu Indikatif"],
    ["Kegiatan", "Sasaran", "Indikator", "Target", "Pagu (Rp)"],
]
PENDANAAN_ROWS = [["066.01.WA", "Program P4GN", "100", "60", "160"],
                  ["3247", "Penyelenggaraan Advokasi", "100", "60", "160"]]


@pytest.mark.parametrize("header", MATRIKS_HEADERS, ids=lambda h: " | ".join(h))
def test_matriks_headers_of_other_offices(header, tmp_path):
    kegiatan, sasaran, indikator, target, anggaran = header
    matriks = block("A1", [["No", kegiatan, sasaran, indikator, target, "Satuan", anggaran,
                            "Penanggung Jawab"],
                           [1, "Penyelenggaraan Advokasi", "S", "Jumlah desa bersinar", "3",
                            "Desa", "150", "Bidang P2M"]])
    pendanaan = block("A1", [["Kode", "Uraian", "BANTEN", "TANGSEL", "Jumlah"],
                             *PENDANAAN_ROWS])
    path = write(tmp_path / "m.xlsx", {"Pendanaan": pendanaan, "Matriks": matriks})
    plan = read(path)
    group = plan.get(MATRIKS).groups[0]
    assert [str(c.loc) for c in (group.kegiatan, *group.anggaran)] == ["Matriks!B2", "Matriks!G2"]
    row = group.rows[0]
    assert [str(v.loc) for v in (row.sasaran, row.indikator, row.target)] == [
        "Matriks!C2", "Matriks!D2", "Matriks!E2"]
    assert _found(path, "MAT001", "READ005") == [("MAT001", "Matriks!G2")]


TWO = ["BANTEN", "TANGSEL"]


@pytest.mark.parametrize("label, satker", [
    ("Jumlah", TWO), ("Total Pagu", TWO), ("Pagu Indikatif (Rp)", TWO),
    ("Alokasi Anggaran (Rp)", TWO), ("Kebutuhan Dana", TWO), ("Pagu", []), ("Jumlah", [])])
def test_pendanaan_totals_of_other_offices(label, satker, tmp_path):
    # The program's total (170) is not its kegiatan's (160); free columns (Keterangan, Pejabat)
    # between the labels and the amounts are no satker's.
    amounts = {"BANTEN": ["100", "100"], "TANGSEL": ["60", "60"]}
    header = ["Kode", "Program/Kegiatan", "Keterangan", "Pejabat", *satker, label]
    rows = [["066.01.WA", "Program P4GN", None, "Kabid", *(amounts[s][0] for s in satker),
             "170"],
            ["3247", "Penyelenggaraan Advokasi", "baru", "Kasi",
             *(amounts[s][1] for s in satker), "160"]]
    path = write(tmp_path / "p.xlsx", {"Dana": block("A1", [header, *rows])})
    pendanaan = read(path).get(PENDANAAN)
    assert pendanaan.satker == satker
    total = chr(ord("E") + len(satker))
    assert [str(r.total.loc) for r in pendanaan.items] == [f"Dana!{total}2", f"Dana!{total}3"]
    assert _found(path, "PAGU002", "READ005") == [("PAGU002", f"Dana!{total}2")]


def test_ro_headers_of_other_offices(tmp_path):
    matriks = block("A1", [["No", "Kegiatan", "Sasaran", "Indikator Kinerja", "Target",
                            "Satuan", "Anggaran"],
                           [1, "Advokasi", "S", "Jumlah desa bersinar", "3", "Desa", "5"]])
    ro = block("A1", [["No", "Program/Kegiatan", "Indikator Kinerja Kegiatan (IKK)",
                       "Rincian Output (RO)", "Target Volume", "Satuan", "Keterangan"],
                      [1, "Advokasi", "Jumlah kampung tangguh", "Desa Bersinar", "3", "Desa",
                       "-"]])
    path = write(tmp_path / "r.xlsx", {"Matriks": matriks, "RO": ro})
    row = read(path).get(RO_KIND).rows[0]
    assert [str(v.loc) for v in (row.kegiatan, row.indikator, row.rincian_output)] == [
        "RO!B2", "RO!C2", "RO!D2"]
    assert _found(path, "RO001", "READ005") == [("RO001", "RO!C2")]


def test_an_abbreviation_stands_alone_with_and_without_its_words():
    vocabulary = registry.vocabulary()
    labels = vocabulary.labels("capaian", "indikator")
    for text in ("IKU", "Indikator Kinerja Utama", "Indikator Kinerja Utama (IKU)", "(IKK)",
                 "Indikator Kinerja Program (IKP)"):
        assert any(form in labels for form in label_forms(text)), text
    # Only the initials of the words before it: `(Rp)` after `Realisasi` is a note, no label.
    assert "rp" not in {label for _, labels in vocabulary.columns["capaian"] for label in labels}


def test_a_lone_percent_sign_is_a_label_and_other_labels_match_as_before():
    assert [norm_label(t) for t in ("%", "(%)", " % ", "% Capaian", "Capaian (%)", "Anggaran (Rp)",
                                    "-")] == ["persen", "persen", "persen", "capaian", "capaian",
                                              "anggaranrp", ""]
    assert label_forms("Realisasi (Rp)") == ("realisasirp", "realisasi")
    assert label_forms("(%)") == ("persen",)


# A kind declared in code alone, as other units add one: its aliases are its declaration's,
# one of them the lone `%`.
SERAPAN = TableKind(
    name="serapan", label="Serapan", table=Table, titles={"id": "Serapan", "en": "Spending"},
    columns=(Column("uraian", FieldType.TEXT, ("bulan",), required=True),
             Column("pagu", FieldType.AMOUNT, ("rencanapenarikan",), required=True),
             Column("realisasi", FieldType.AMOUNT, ("penarikan",), required=True),
             Column("persen", FieldType.QUANTITY, ("deviasi",), required=True)),
    anchors=("pagu",), group_rows=False)


@pytest.fixture
def serapan():
    registry.register(SERAPAN)
    yield SERAPAN
    registry.unregister(SERAPAN.name)


def test_a_kind_declared_in_code_reads_by_its_own_aliases_and_an_office_file(serapan, tmp_path):
    rows = [["Bulan", "Rencana Penarikan (Rp)", "Penarikan (Rp)", "Deviasi"],
            ["Januari", "100", "90", "10"]]
    path = write(tmp_path / "s.xlsx", {"S": block("A1", rows)})
    table = read(path).tables["serapan"]
    assert table.info.range == "A1:D2"
    assert [str(table.value(0, n).loc) for n in ("uraian", "pagu", "realisasi", "persen")] == [
        "S!A2", "S!B2", "S!C2", "S!D2"]
    # An office's file adds its wording to the declaration's: `Selisih` is its last column.
    own = tmp_path / "kosakata.yaml"
    own.write_text("tabel:\n  serapan:\n    persen: [Selisih]\n", encoding="utf-8")
    rows[0][3] = "Selisih"
    path = write(tmp_path / "s2.xlsx", {"S": block("A1", rows)})
    assert "serapan" not in read(path).tables
    assert str(read(path, vocabulary=(own,)).tables["serapan"].value(0, "persen").loc) == "S!D2"


@pytest.mark.parametrize("text, key, detail", [
    ("tabel:\n  capaian_lama:\n    target: [Sasaran]\n", "tabel.capaian_lama", "unknown table"),
    ("tabel:\n  capaian:\n    nilai: [Nilai]\n", "tabel.capaian.nilai", "unknown column"),
    ("tabel:\n  capaian:\n    target: [Realisasi]\n", "tabel.capaian.target",
     "already names column 'realisasi'"),
    ("tabel:\n  capaian:\n    target: [\"--\"]\n", "tabel.capaian.target", "no letters"),
    ("tabel:\n  capaian:\n    target: {a: b}\n", "tabel.capaian.target", "a list of labels"),
    ("judul:\n  capaian: {}\n", "judul", "unknown key"),
    ("tabel: [capaian]\n", "tabel", "a mapping"),
    ("- a\n", None, "one mapping"),
    ("tabel: {capaian: [\n", None, "kosakata.yaml:1:18: this '[' is never closed with ']'"),
])
def test_a_bad_vocabulary_file_names_the_file_and_the_key(text, key, detail, tmp_path):
    bad = tmp_path / "kosakata.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        build(list(registry.KINDS.values()), [shipped(), bad])
    assert (error.value.path, error.value.key) == (bad, key)
    assert detail in str(error.value) and str(bad) in str(error.value)


def _issues(out: str) -> list[tuple[str, str]]:
    return [(i["rule"], i["locations"][0]["cell"] if i["locations"] else None)
            for f in json.loads(out)["files"] for i in f["issues"]
            if i["rule"] in ("CAP001", "READ005")]


def test_an_office_vocabulary_named_in_the_configuration(monkeypatch, capsys, tmp_path):
    header = ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian Akhir"]
    book = write(tmp_path / "renja.xlsx", {
        "Capaian": block("A1", [header, [1, "S", "I", "80", "60", "90%"]]),
        "Narasi": block("A1", [["Tahun", "Bidang", "Teks"], [2024, None, "x"]])})
    # Without it the header is half known: a warning at the row, no capaian checked.
    code, out, _ = run(monkeypatch, capsys, "check", "--no-config", "-f", "json", book)
    assert _issues(out) == [("READ005", "A1:F1")]
    (tmp_path / "renjacheck.toml").write_text('vocabulary = "kosakata.yaml"\n')
    (tmp_path / "kosakata.yaml").write_text("tabel:\n  capaian:\n    capaian: [Capaian Akhir]\n",
                                            encoding="utf-8")
    code, out, _ = run(monkeypatch, capsys, "check", "-f", "json", book)
    assert (code, _issues(out)) == (1, [("CAP001", "F2")])


def test_a_bad_office_vocabulary_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path):
    book = write(tmp_path / "renja.xlsx", {"A": block("A1", [["Tahun", "Bidang", "Teks"],
                                                            [2024, None, "x"]])})
    (tmp_path / "renjacheck.toml").write_text('vocabulary = "kosakata.yaml"\n')
    code, out, err = run(monkeypatch, capsys, "check", book)
    assert (code, out) == (2, "")
    assert err.startswith("renjacheck: konfigurasi: ") and \
        "kunci 'vocabulary': berkas tidak ditemukan" in err
    (tmp_path / "kosakata.yaml").write_text("tabel:\n  matrik:\n    target: [Sasaran]\n")
    code, out, err = run(monkeypatch, capsys, "check", "--lang", "en", book)
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith("renjacheck: vocabulary: ") and "kosakata.yaml: key 'tabel.matrik': " \
        "unknown table" in err


def test_a_partial_two_level_header_is_noted_at_the_cell_it_may_mean(tmp_path):
    header = [["No", "Sasaran", "Indikator Kinerja", "Kinerja", None, None],
              [None, None, None, "Target", "Realisasi", "Ketercapaian (%)"]]
    path = write(tmp_path / "t.xlsx", {"C": block("A1", [*header, [1, "S", "I", "2", "1", "50%"]])},
                 {"C": ["A1:A2", "B1:B2", "C1:C2", "D1:F1"]})
    plan = read(path)
    (note,) = [n for n in plan.notes if n.code == "partial_header"]
    assert [str(loc) for loc in note.locations] == ["C!A1:F2", "C!F2"]
    assert (note.args["found"], note.args["missing"], note.args["hints"]) == (
        "No, Sasaran, Indikator Kinerja, Target, Realisasi", "Capaian",
        'F2 "Ketercapaian (%)" -> "Capaian (%)"')


def test_fuzzy_hints_only_for_rows_with_two_known_labels(monkeypatch, tmp_path):
    calls = []
    real = detect.judge
    monkeypatch.setattr(detect, "judge", lambda *a: calls.append(a[-2]) or real(*a))
    # A budget's rows: each shows one label (`Jumlah`, a total row) among its figures, and a
    # complete header, which is read, not judged.
    rows = [["Kode", "Uraian", "BANTEN", "Total"]]
    rows += [["3247", "Jumlah", "5", "5"] for _ in range(300)]
    rows += [["Sasaran", "Indikator Kinerja", "Target", "Nilai"]]
    path = write(tmp_path / "b.xlsx", {"B": block("A1", rows)})
    plan = read(path)
    assert plan.get(PENDANAAN) is not None
    assert set(calls) == {302}  # the last row alone, once per kind
    assert [n.code for n in plan.notes] == ["partial_header"]


def test_a_matriks_with_kode_and_pagu_is_no_pendanaan(tmp_path):
    # Kode, Program/Kegiatan and Pagu Indikatif name a Pendanaan's columns too, but what stands
    # between them are other tables' headings, no satker.
    header = ["Kode", "Program/Kegiatan", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan",
              "Target", "Satuan", "Pagu Indikatif (Rp)"]
    rows = [header, ["3247", "Penyelenggaraan Advokasi", "S", "I", "3", "Desa", "150"]]
    pendanaan = [["Kode", "Uraian", "Pagu Indikatif (Rp)"], ["3247", "Advokasi", "150"]]
    path = write(tmp_path / "m.xlsx", {"Matriks": block("A1", rows),
                                       "Pagu": block("A1", pendanaan)})
    plan = read(path)
    assert [(i.kind, i.sheet, i.range) for i in plan.infos] == [
        ("matriks", "Matriks", "A1:G2"), ("pendanaan", "Pagu", "A1:C2")]
    assert plan.notes == []


def test_last_years_realisasi_beside_its_pagu_is_no_single_satker_pendanaan(tmp_path):
    realisasi = [["Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)", "%", "Sisa (Rp)"],
                 ["3260", "Penguatan Lembaga", "100", "90", "90%", "10"]]
    pendanaan = [["Kode", "Uraian", "Alokasi Anggaran", "Keterangan"],
                 ["3260", "Penguatan Lembaga", "120", "naik"]]
    path = write(tmp_path / "r.xlsx", {"Realisasi 2024": block("A3", realisasi),
                                       "Anggaran 2025": block("A1", pendanaan)})
    plan = read(path)
    # Last year's realisation is a Realisasi Anggaran, and no near miss of a Pendanaan.
    assert [(i.kind, i.sheet, i.range) for i in plan.infos] == [
        ("realisasi_anggaran", "Realisasi 2024", "A3:F4"), ("pendanaan", "Anggaran 2025", "A1:C2")]
    assert plan.notes == []


def test_the_lower_row_of_a_two_level_header_is_no_partial_header(tmp_path):
    # Realisasi over the quarters: the row below shows the merged No ... Capaian again.
    header = [["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", None,
               None, "Capaian (%)"],
              [None, None, None, None, "TW I", "TW II", "Jumlah", None]]
    rows = [*header, [1, "S", "I", "10", "4", "6", "10", "100"]]
    path = write(tmp_path / "q.xlsx", {"C": block("A1", rows)},
                 {"C": ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1", "H1:H2"]})
    plan = read(path)
    assert plan.get(CAPAIAN) is not None
    assert [n.code for n in plan.notes if n.code == "partial_header"] == []


def test_a_percent_unit_starts_no_header_reading(monkeypatch, tmp_path):
    # With a kind whose column is headed `%` (the Realisasi Anggaran), the rows whose unit is
    # `%` are still passed over before their labels are read; the header itself is found by
    # its other headings.
    calls = []
    real = detect.Detector._best
    monkeypatch.setattr(detect.Detector, "_best",
                        lambda self, labels, texts, row, height: calls.append(row)
                        or real(self, labels, texts, row, height))
    rows = [["Program/ Kinerja", "Pagu", "Realisasi", "%"], ["Program P4GN", "100", "90", "90"]]
    rows += [["Jumlah desa bersinar", "80", "60", "%"] for _ in range(50)]
    path = write(tmp_path / "p.xlsx", {"S": block("A1", rows)})
    assert read(path).tables["realisasi_anggaran"].info.range == "A1:D52"
    assert calls == [1]


def test_a_broken_shipped_vocabulary_stops_the_command_line(monkeypatch, capsys, tmp_path):
    # An office that edits rules/data/judul-kolom.yaml itself gets the same one line.
    from renjacheck.tables import vocabulary

    broken = tmp_path / "judul-kolom.yaml"
    broken.write_text("tabel:\n  capaian:\n    nilai_akhir: [Nilai Akhir]\n", encoding="utf-8")
    book = write(tmp_path / "renja.xlsx", {"A": block("A1", [["Tahun", "Bidang", "Teks"],
                                                            [2024, None, "x"]])})
    monkeypatch.setattr(vocabulary, "shipped", lambda: broken)
    registry._forget()
    try:
        code, out, err = run(monkeypatch, capsys, "check", "--no-config", "-l", "en", book)
    finally:
        monkeypatch.undo()
        registry._forget()
    assert (code, out) == (2, "")
    assert err == (f"renjacheck: vocabulary: {broken}: key 'tabel.capaian.nilai_akhir': unknown "
                   "column (columns: no, sasaran, indikator, target, realisasi, capaian, bidang, "
                   "polaritas, satuan)\n")
