"""Large, realistic workbooks within the input contract, for timing renjacheck.

    python benchmarks/generate.py budget OUT.xlsx [--rows 50000] [--satker 40]
    python benchmarks/generate.py rka OUT.xlsx [--rows 20000] [--satker 20]
    python benchmarks/generate.py matriks OUT.xlsx [--indicators 2000]
    python benchmarks/generate.py year OUT_DIR [--workbooks 250]

- `budget`: a national Pendanaan, program down to akun, `satker` amount columns under a merged
  PAGU heading, the title merged across the table, the grand total first, and a narrative
  stating the total.
- `rka`: the same, laid out as an RKA-K/L is: komponen 051 and 052 (now and then 053) under
  every RO, subkomponen A and B (now and then C) under every komponen, each several akun.
- `matriks`: a plan whose Matriks holds `indicators` indicators under merged kegiatan cells,
  each served by an RO of the appendix (a few worded differently, as planners do), last year's
  Capaian for most of them (some reworded, some dropped), and a narrative of counts and figures.
- `year`: a national year of provincial and city plans, each the seed plan
  (samples/src/banten-2024.yaml, mistakes included) or its repaired version, with its own Unit
  Kerja.

Everything is generated from a fixed seed, with Indonesian text and realistic codes; sums are
consistent by construction (parents are the sums of their children). Large files are written
with openpyxl's write-only mode, and merges are added to the sheet XML afterwards (write-only
sheets cannot merge).
"""

from __future__ import annotations

import argparse
import random
from decimal import ROUND_HALF_UP, Decimal
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter as _letters

ROOT = Path(__file__).resolve().parent.parent
KEGIATAN = ["Penyelenggaraan Advokasi", "Pelaksanaan Intelijen Berbasis Teknologi",
            "Pascarehabilitasi Penyalah guna dan/atau Pecandu Narkoba",
            "Pemberdayaan Peran serta Masyarakat", "Pengawasan Tahanan dan Barang Bukti",
            "Penguatan Lembaga Rehabilitasi Instansi Pemerintah",
            "Penguatan Lembaga Rehabilitasi Komponen Masyarakat",
            "Penyidikan Jaringan Peredaran Gelap Narkotika", "Pengelolaan Informasi dan Edukasi",
            "Pembinaan Administrasi dan Pengelolaan Keuangan",
            "Penyelenggaraan Ketatausahaan, Rumah Tangga dan Pengelolaan Sarana dan Prasarana"]
KRO = {"PBC": "Promosi", "QDC": "Fasilitasi dan Pembinaan Masyarakat",
       "EBA": "Layanan Dukungan Manajemen Internal", "EBB": "Layanan Sarana dan Prasarana Internal",
       "SCM": "Pelayanan Rehabilitasi"}
RO_NAMES = ["Desa Bersinar", "Lingkungan Pendidikan Bebas Narkoba",
            "Lingkungan Kerja Pemerintah Bebas Narkoba", "Layanan Umum",
            "Layanan Perkantoran", "Penyalah Guna yang Mendapatkan Layanan Rehabilitasi"]
KOMPONEN = {51: "Operasional dan Pemeliharaan Kantor", 52: "Pelaksanaan Kegiatan Lapangan",
            53: "Koordinasi dan Konsultasi", 54: "Sosialisasi dan Diseminasi"}
SUBKOMPONEN = ["Persiapan", "Pelaksanaan", "Pelaporan"]
AKUN = [("521211", "Belanja Bahan"), ("521213", "Belanja Honor Output Kegiatan"),
        ("522151", "Belanja Jasa Profesi"), ("524111", "Belanja Perjalanan Dinas Biasa"),
        ("524113", "Belanja Perjalanan Dinas Dalam Kota"), ("521111", "Belanja Operasional"),
        ("523111", "Belanja Pemeliharaan Gedung dan Bangunan"),
        ("521219", "Belanja Barang Non Operasional Lainnya")]
SATUAN = ["Orang", "Lembaga", "Kabupaten/Kota", "Indeks", "Laporan", "Dokumen", "Unit"]
INDIKATOR = ["Jumlah {s} yang mendapatkan layanan {k}", "Persentase {s} yang terfasilitasi {k}",
             "Indeks {s} dalam pelaksanaan {k}", "Jumlah {s} yang terlibat dalam {k}"]
SASARAN = ["Meningkatnya kualitas {k}", "Terwujudnya {k} yang efektif",
           "Meningkatnya peran serta masyarakat dalam {k}"]
BIDANG = ["Bidang Pencegahan dan Pemberdayaan Masyarakat", "Bidang Rehabilitasi",
          "Bidang Pemberantasan", "Bagian Umum"]
PROVINSI = ["Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan",
            "Bengkulu", "Lampung", "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta",
            "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur", "Banten", "Bali",
            "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
            "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara",
            "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara",
            "Gorontalo", "Sulawesi Barat", "Maluku", "Maluku Utara", "Papua Barat", "Papua"]
KOTA = ["Bandung", "Bekasi", "Bogor", "Cirebon", "Depok", "Sukabumi", "Tasikmalaya", "Semarang",
        "Surakarta", "Magelang", "Surabaya", "Malang", "Kediri", "Madiun", "Tangerang",
        "Serang", "Cilegon", "Medan", "Binjai", "Padang", "Pekanbaru", "Dumai", "Palembang",
        "Bandar Lampung", "Denpasar", "Mataram", "Kupang", "Pontianak", "Banjarmasin",
        "Balikpapan", "Samarinda", "Manado", "Makassar", "Kendari", "Ambon", "Jayapura"]


def budget_rows(rng: random.Random, rows: int, satker: int) -> list[tuple[str, str, list[int]]]:
    """(code, label, per-satker amounts) in outline order, about `rows` of them."""
    items: list[tuple[str, str, list[int] | None, int]] = []  # amounts None: a parent
    program = 0
    while len(items) < rows:
        # Program codes stay valid and distinct: 066.01.WA ... 066.90.WA, then 067.01.WA ...
        unit, number = 66 + program // 90, program % 90 + 1
        program += 1
        items.append((f"{unit:03d}.{number:02d}.{'WA' if program % 2 else 'DH'}",
                      f"Program Pencegahan dan Pemberantasan Narkoba {program}", None, 0))
        for k in range(rng.randint(3, 6)):
            kegiatan = 3236 + (program * 7 + k) % 800
            items.append((str(kegiatan), KEGIATAN[(program + k) % len(KEGIATAN)], None, 1))
            for kro in rng.sample(sorted(KRO), 2):
                items.append((f"{kegiatan}.{kro}", KRO[kro], None, 2))
                for ro in range(1, rng.randint(2, 4)):
                    items.append((f"{kegiatan}.{kro}.{ro:03d}",
                                  RO_NAMES[(kegiatan + ro) % len(RO_NAMES)], None, 3))
                    for komponen in rng.sample(sorted(KOMPONEN), 2):
                        items.append((f"{komponen:03d}", KOMPONEN[komponen], None, 4))
                        for letter, name in zip("AB", rng.sample(SUBKOMPONEN, 2), strict=True):
                            items.append((letter, name, None, 5))
                            for code, label in rng.sample(AKUN, rng.randint(2, 4)):
                                amounts = [rng.randrange(0, 500) * 10_000 for _ in range(satker)]
                                items.append((code, label, amounts, 6))
                if len(items) >= rows:
                    break
            if len(items) >= rows:
                break
    return _sum_parents(items)


def rka_rows(rng: random.Random, rows: int, satker: int) -> list[tuple[str, str, list[int]]]:
    """(code, label, amounts) of an RKA-K/L as it is laid out, about `rows` of them: every RO
    has the same komponen (051, 052, now and then 053), every komponen subkomponen A, B (now and
    then C), each several akun: codes repeat under every parent, as in a real RKA."""
    items: list[tuple[str, str, list[int] | None, int]] = []
    program = 0
    while len(items) < rows:
        unit, number = 66 + program // 90, program % 90 + 1
        program += 1
        items.append((f"{unit:03d}.{number:02d}.WA",
                      f"Program Pencegahan dan Pemberantasan Narkoba {program}", None, 0))
        for k in range(4):
            kegiatan = 3236 + (program * 7 + k) % 800
            items.append((str(kegiatan), KEGIATAN[(program + k) % len(KEGIATAN)], None, 1))
            for kro in sorted(KRO)[:2]:
                items.append((f"{kegiatan}.{kro}", KRO[kro], None, 2))
                for ro in range(1, 3):
                    items.append((f"{kegiatan}.{kro}.{ro:03d}",
                                  RO_NAMES[(kegiatan + ro) % len(RO_NAMES)], None, 3))
                    for komponen in (51, 52, 53)[:3 if rng.random() < 0.3 else 2]:
                        items.append((f"{komponen:03d}", KOMPONEN[komponen], None, 4))
                        for letter in "ABC"[:3 if rng.random() < 0.3 else 2]:
                            items.append((letter, SUBKOMPONEN["ABC".index(letter)], None, 5))
                            for code, label in AKUN[:rng.randint(3, 5)]:
                                amounts = [rng.randrange(0, 500) * 10_000 for _ in range(satker)]
                                items.append((code, label, amounts, 6))
            if len(items) >= rows:
                break
    return _sum_parents(items)


def _sum_parents(items):
    """Every parent's amounts as the sum of its children's, bottom up."""
    out: list[tuple[str, str, list[int]]] = []
    totals: list[list[int] | None] = [None] * len(items)
    stack: list[int] = []
    width = len(next(i[2] for i in items if i[2] is not None))
    for index, (_, _, amounts, level) in enumerate(items):
        while stack and items[stack[-1]][3] >= level:
            stack.pop()
        totals[index] = list(amounts) if amounts is not None else [0] * width
        if amounts is not None:
            for parent in stack:
                totals[parent] = [a + b for a, b in zip(totals[parent], amounts, strict=True)]
        stack.append(index)
    for (code, label, _, _), amounts in zip(items, totals, strict=True):
        out.append((code, label, amounts))
    return out


def _add_merges(path: Path, merges: dict[str, list[str]]) -> None:
    """Merge ranges on sheets (by part name) by editing the saved XML."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    for part, refs in merges.items():
        cells = "".join(f'<mergeCell ref="{ref}"/>' for ref in refs)
        parts[part] = parts[part].replace(
            b"</sheetData>", f'</sheetData><mergeCells count="{len(refs)}">{cells}</mergeCells>'
            .encode(), 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _rupiah(amount: int) -> str:
    return "Rp" + f"{amount:,}".replace(",", ".") + ",-"


def rka(path: Path, rows: int = 20_000, satker: int = 20, seed: int = 2025) -> Path:
    """A budget laid out as an RKA-K/L: komponen and subkomponen codes repeated under every RO
    and komponen (`rka_rows`), in the national budget's layout."""
    return budget(path, rows, satker, seed, rows_of=rka_rows)


def budget(path: Path, rows: int = 50_000, satker: int = 40, seed: int = 2024,
           unit: str = "BNN RI", rows_of=budget_rows) -> Path:
    """A national budget table: `satker` columns, `rows` rows from program to akun."""
    rng = random.Random(seed)
    items = rows_of(rng, rows, satker)
    names = [f"BNNP {PROVINSI[i % len(PROVINSI)].upper()}" + (f" {i // len(PROVINSI) + 1}"
                                                             if i >= len(PROVINSI) else "")
             for i in range(satker)]
    book = Workbook(write_only=True)
    ids = book.create_sheet("Identitas")
    ids.append(["Unit Kerja", unit])
    ids.append(["Tahun", 2025])
    sheet = book.create_sheet("Pendanaan Nasional")
    last = _letters(satker + 3)
    sheet.append([f"KEBUTUHAN PENDANAAN {unit.upper()} TAHUN 2025"])
    sheet.append([])
    sheet.append(["Kode", "Program/Kegiatan/KRO/RO/Komponen/Subkomp/Akun", "PAGU",
                  *[None] * (satker - 1), "Jumlah"])
    sheet.append([None, None, *names, None])
    sheet.append([str(n) for n in range(1, satker + 4)])

    def amount(value: int) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "#,##0"
        return cell

    top = [amounts for code, _, amounts in items if code.count(".") == 2 and code[3] == "."]
    grand = [sum(column) for column in zip(*top, strict=True)]
    sheet.append([None, "Total Pagu", *map(amount, grand), amount(sum(grand))])
    for code, label, amounts in items:
        sheet.append([code, label, *map(amount, amounts), amount(sum(amounts))])
    narasi = book.create_sheet("Narasi")
    narasi.append(["Tahun", "Bidang", "Teks"])
    narasi.append([2025, None, f"Berdasarkan pagu indikatif, jumlah dana yang dibutuhkan "
                               f"{unit} untuk melaksanakan program dan kegiatan tahun 2025 "
                               f"adalah sebesar {_rupiah(sum(grand))}."])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    # The title across the table, PAGU over the satker names, Kode, Uraian and Jumlah over
    # both header rows. (Not the grand total's label across Kode and Uraian, as planners also
    # do: the table schema then finds its Uraian empty, a TBL004 of its own.)
    _add_merges(path, {"xl/worksheets/sheet2.xml": [
        f"A1:{last}1", "A3:A4", "B3:B4", f"C3:{_letters(satker + 2)}3", f"{last}3:{last}4"]})
    return path


def _typo(rng: random.Random, text: str) -> str:
    """`text` as a planner may retype it: a letter dropped, or a word in other case."""
    words = text.split()
    i = rng.randrange(len(words))
    if len(words[i]) > 5:
        words[i] = words[i][:2] + words[i][3:]
    else:
        words[i] = words[i].upper()
    return " ".join(words)


def matriks(path: Path, indicators: int = 2_000, seed: int = 2024) -> Path:
    """A plan whose Matriks holds `indicators` indicators, each with its RO, and a Pendanaan,
    last year's Capaian and a narrative."""
    rng = random.Random(seed)
    book = Workbook()
    book.active.title = "Identitas"
    book.active.append(["Unit Kerja", "BNN RI"])
    book.active.append(["Tahun", 2025])
    capaian, pendanaan, sheet, ro, narasi = (book.create_sheet(n) for n in (
        "Capaian 2024", "Pendanaan", "Matriks 2025", "Lampiran RO", "Narasi"))
    capaian.append(["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi",
                    "Capaian"])
    pendanaan.append(["Kode", "Uraian", "Total"])
    sheet.append(["No", "Program/ Kegiatan/ Komponen/ Aktivitas", "Sasaran", "Indikator Kinerja",
                  "Target/ Vol", "Satuan", "Anggaran (Rp)", "Bidang"])
    ro.append(["No.", "Kegiatan", "Indikator Kinerja Kegiatan", "Rincian Output",
               "Rencana Volume"])
    done, group, number = 0, 0, 0
    rows, per_bidang = [], {b: [set(), 0] for b in BIDANG}
    while done < indicators:
        group += 1
        size = min(rng.randint(1, 4), indicators - done)
        base = KEGIATAN[group % len(KEGIATAN)]
        code, name = str(4000 + group), f"{base} Wilayah {group}"
        anggaran = rng.randrange(10, 900) * 1_000_000
        rows.append([code, name, anggaran])
        bidang = BIDANG[group % len(BIDANG)]
        start = sheet.max_row + 1
        for i in range(size):
            satuan = SATUAN[(group + i) % len(SATUAN)]
            context = f"{base.lower()} wilayah {group}.{i}"
            indikator = INDIKATOR[(group + i) % len(INDIKATOR)].format(s=satuan.lower(),
                                                                       k=context)
            sasaran = SASARAN[group % len(SASARAN)].format(k=f"{base.lower()} wilayah {group}")
            target = rng.randint(2, 90)
            # Last year's realisasi: mostly a little below this year's target, now and then above.
            realisasi = target + (rng.randint(1, 3) if rng.random() < 0.1 else -rng.randint(0, 2))
            sheet.append([group if i == 0 else None, name if i == 0 else None, sasaran,
                          indikator, target, satuan, anggaran if i == 0 else None,
                          bidang if i == 0 else None])
            per_bidang[bidang][0].add(sasaran)
            per_bidang[bidang][1] += 1
            # One RO in twenty names its indicator with a typo, as planners retype it.
            served = _typo(rng, indikator) if rng.random() < 0.05 else indikator
            ro.append([f"{done + i + 1}.", name, served, f"{RO_NAMES[i % len(RO_NAMES)]} {group}",
                       f"{rng.randint(1, 50)} {satuan}"])
            if rng.random() < 0.9:  # last year's Capaian: most indicators, a few reworded
                number += 1
                before = _typo(rng, indikator) if rng.random() < 0.05 else indikator
                ratio = (Decimal(realisasi) / target * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
                capaian.append([number, sasaran, before, str(target), str(realisasi),
                                f"{ratio}%".replace(".", ",")])
        if size > 1:
            for column in "ABGH":
                sheet.merge_cells(f"{column}{start}:{column}{start + size - 1}")
        done += size
    for row in rows:
        pendanaan.append(row)
    pendanaan.insert_rows(2)
    pendanaan["B2"], pendanaan["C2"] = "Total Pagu", sum(r[2] for r in rows)
    narasi.append(["Tahun", "Bidang", "Teks"])
    for bidang, (sasaran, count) in per_bidang.items():
        narasi.append([2025, bidang, f"{bidang} memiliki {len(sasaran)} sasaran kegiatan "
                                     f"dengan {count} indikator kinerja."])
    narasi.append([2025, None, "Jumlah dana yang dibutuhkan BNN RI tahun 2025 adalah sebesar "
                               f"{_rupiah(sum(r[2] for r in rows))}."])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _region(number: int) -> str:
    if number < len(PROVINSI):
        return f"BNN Provinsi {PROVINSI[number]}"
    kind = "Kota" if number % 3 else "Kabupaten"
    return f"BNN {kind} {KOTA[number % len(KOTA)]}" + (
        f" {number // len(KOTA)}" if number >= len(KOTA) + len(PROVINSI) else "")


def year(folder: Path, workbooks: int = 250) -> list[Path]:
    """A national year: `workbooks` provincial and city plans like the seed plan."""
    sys.path.insert(0, str(ROOT / "samples"))
    import build as samples  # samples/build.py: the seed plan's layout

    plans = [samples.load("banten-2024.yaml")]
    repairs = samples.load("banten-2024-perbaikan.yaml")
    plans.append(samples.apply_patches(plans[0], repairs["patches"]))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(workbooks):
        plan = dict(plans[number % 2])
        plan["identitas"] = {**plan["identitas"], "Unit Kerja": _region(number)}
        book = samples.banten_workbook(plan)
        path = folder / f"renja-{number + 1:03d}.xlsx"
        samples.save(book, path)
        paths.append(path)
    return paths


def main() -> None:
    """Command line: which case, where, how large."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=["budget", "rka", "matriks", "year"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--satker", type=int, default=40)
    parser.add_argument("--indicators", type=int, default=2_000)
    parser.add_argument("--workbooks", type=int, default=250)
    args = parser.parse_args()
    if args.case == "budget":
        print(budget(args.out, args.rows, args.satker))
    elif args.case == "rka":
        print(rka(args.out, args.rows, args.satker))
    elif args.case == "matriks":
        print(matriks(args.out, args.indicators))
    else:
        print(len(year(args.out, args.workbooks)), "workbooks in", args.out)


if __name__ == "__main__":
    main()
