"""A consistent programme: kegiatan with their Pendanaan pagu per satker, their Matriks rows
(sasaran, indicators, targets, the anggaran that is their pagu) and their RO appendix rows (the
indicators they serve, the ROs with a positive volume), as the three tables must agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hypothesis import strategies as st

from renjacheck.api.builder import PlanBuilder
from renjacheck.rounding import format_number
from renjacheck.testing.budgets import AMOUNTS, GRAND_LABELS, SATKER_NAMES

# The rules the three tables' agreement answers to: what a programme fault is judged by.
PROGRAMME_RULES = frozenset({"MAT001", "MAT002", "MAT003", "NAM002", "RO001", "RO002", "RO003",
                             "RO004", "RO005", "RO006", "RO007", "PAGU001", "PAGU002",
                             "PAGU003", "TBL001", "TBL002", "TBL003", "TBL004"})
# Kegiatan names far enough apart that none is taken for another.
KEGIATAN = ["Penyelenggaraan Advokasi", "Pelaksanaan Intelijen Berbasis Teknologi",
            "Pembinaan Administrasi dan Pengelolaan Keuangan", "Layanan Rehabilitasi Medis",
            "Pemberdayaan Masyarakat Anti Narkoba", "Penyidikan Tindak Pidana Narkotika",
            "Pengelolaan Barang Bukti dan Tahanan", "Diseminasi Informasi Bahaya Narkoba"]
INDICATORS = [("Jumlah desa bersinar yang terbentuk", "Desa"),
              ("Indeks ketahanan diri remaja", "Indeks"),
              ("Nilai IKPA", "Indeks"),
              ("Jumlah pecandu yang menjalani rehabilitasi", "Orang"),
              ("Jumlah penggiat anti narkoba yang aktif", "Orang"),
              ("Jumlah jaringan sindikat yang diungkap", "Jaringan"),
              ("Persentase barang bukti yang dimusnahkan", "%"),
              ("Jumlah kabupaten/kota yang menerima diseminasi", "Kabupaten/Kota"),
              ("Jumlah lembaga yang mendapat pendampingan", "Lembaga"),
              ("Persentase laporan keuangan yang tepat waktu", "%")]
OUTPUTS = [("Advokasi Program Ketahanan Keluarga", "Kegiatan"),
           ("Laporan Informasi Intelijen", "Laporan"),
           ("Dokumen Perencanaan dan Anggaran", "Dokumen"),
           ("Rehabilitasi Rawat Jalan", "Orang"),
           ("Sosialisasi di Lingkungan Pendidikan", "Kegiatan"),
           ("Pemetaan Kawasan Rawan", "Kawasan"), ("Pemusnahan Barang Bukti", "Kegiatan"),
           ("Bimbingan Teknis Penggiat", "Orang")]


@dataclass(frozen=True)
class Kegiatan:
    """A kegiatan: its code, name, pagu per satker, indicators (name, target, satuan) with the
    sasaran they serve, and its ROs (name, volume, unit)."""

    code: str
    name: str
    amounts: tuple[int, ...]
    sasaran: str
    indicators: tuple[tuple[str, int, str], ...]
    outputs: tuple[tuple[str, int, str], ...]

    @property
    def pagu(self) -> int:
        """The kegiatan's pagu: the sum over its satker."""
        return sum(self.amounts)


@dataclass(frozen=True)
class Programme:
    """Kegiatan of one plan, with the satker their pagu is split over."""

    satker: tuple[str, ...]
    kegiatan: tuple[Kegiatan, ...]

    def builder(self, anggaran: dict[int, int] | None = None,
                volume: dict[tuple[int, int], int] | None = None,
                unit: str | None = None, year: int | None = None) -> PlanBuilder:
        """The Pendanaan, Matriks and RO tables of the programme; `anggaran` {kegiatan index:
        amount} and `volume` {(kegiatan index, RO index): figure} write those values instead."""
        anggaran, volume = anggaran or {}, volume or {}
        grand = [sum(k.amounts[s] for k in self.kegiatan) for s in range(len(self.satker))]
        pendanaan: list[dict[str, object]] = [
            {"uraian": GRAND_LABELS[0], "satker": grand, "total": sum(grand)}]
        pendanaan += [{"kode": k.code, "uraian": k.name, "satker": list(k.amounts),
                       "total": k.pagu} for k in self.kegiatan]
        matriks: list[dict[str, object]] = []
        ro: list[dict[str, object]] = []
        for n, k in enumerate(self.kegiatan):
            for j, (indikator, target, satuan) in enumerate(k.indicators):
                row: dict[str, object] = {"sasaran": k.sasaran, "indikator": indikator,
                                          "target": target, "satuan": satuan}
                if j == 0:  # the kegiatan's further rows leave No, Kegiatan, Anggaran blank
                    row.update(no=n + 1, kegiatan=k.name,
                               anggaran=_rupiah(anggaran.get(n, k.pagu)))
                matriks.append(row)
            listed = "\n".join(f"{j}. {name}" for j, (name, _, _) in
                               enumerate(k.indicators, start=1)) \
                if len(k.indicators) > 1 else k.indicators[0][0]
            for j, (output, figure, unit_name) in enumerate(k.outputs):
                row = {"rincian_output": output,
                       "volume": f"{volume.get((n, j), figure)} {unit_name}"}
                if j == 0:
                    row.update(no=f"{n + 1}.", kegiatan=k.name, indikator=listed)
                ro.append(row)
        return (PlanBuilder(unit, year).pendanaan(pendanaan, list(self.satker))
                .matriks(matriks).ro(ro))

    def matriks_row(self, index: int) -> int:
        """The Matriks row index of kegiatan `index`'s first row."""
        return sum(len(k.indicators) for k in self.kegiatan[:index])

    def ro_row(self, index: int, output: int) -> int:
        """The RO table's row index of RO `output` of kegiatan `index`."""
        return sum(len(k.outputs) for k in self.kegiatan[:index]) + output


def _rupiah(amount: int) -> str:
    """An amount as the Indonesian text planners type: 150.000.000."""
    return format_number(Decimal(amount), 0)


@st.composite
def consistent_programme(draw: st.DrawFn, max_kegiatan: int = 4,
                         satker: int | None = None) -> Programme:
    """One to `max_kegiatan` kegiatan of distinct names, each with one to three indicators and
    one to three ROs; every Matriks anggaran is its kegiatan's Pendanaan pagu, every indicator
    is served by its kegiatan's ROs, every volume is a positive figure with its unit."""
    count = draw(st.integers(1, 6)) if satker is None else satker
    names = list(draw(st.permutations(SATKER_NAMES)))[:count]
    names += [f"BNNK {n}" for n in range(len(names) + 1, count + 1)]
    many = draw(st.integers(1, min(max_kegiatan, len(KEGIATAN))))
    titles = draw(st.permutations(KEGIATAN))[:many]
    codes = draw(st.lists(st.integers(1000, 9999).map(str), min_size=many, max_size=many,
                          unique=True))
    indicators = list(draw(st.permutations(INDICATORS)))
    kegiatan = []
    for title, code in zip(titles, codes, strict=True):
        size = draw(st.integers(1, max(1, min(3, len(indicators) - (many - len(kegiatan) - 1)))))
        own, indicators = indicators[:size], indicators[size:]
        outputs = draw(st.lists(st.sampled_from(OUTPUTS), min_size=1, max_size=3,
                                unique_by=lambda o: o[0]))
        kegiatan.append(Kegiatan(
            code=code, name=title,
            amounts=tuple(draw(st.lists(AMOUNTS, min_size=count, max_size=count))),
            sasaran=f"Meningkatnya kinerja {title.lower()}",
            indicators=tuple((name, draw(st.integers(1, 500)), satuan) for name, satuan in own),
            outputs=tuple((name, draw(st.integers(1, 100)), unit) for name, unit in outputs)))
    return Programme(satker=tuple(names), kegiatan=tuple(kegiatan))
