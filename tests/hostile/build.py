"""Builds the hostile corpus: files renjacheck must refuse in one line, and strange workbooks it
must survive with a report. Each builder writes one file into a folder and returns its path;
CASES says what each must give. `python tests/hostile/build.py DIR` writes them all to DIR.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests import plans  # noqa: E402
from tests.xlsx import add_raw_merges, block, write  # noqa: E402

OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def _zip(path: Path, parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _ole2(path: Path, stream: str) -> Path:
    # A compound-file header and a directory sector naming one stream, as Excel writes them.
    name = stream.encode("utf-16-le") + b"\0\0"
    entry = name.ljust(64, b"\0") + struct.pack("<H", len(name)) + b"\x02" + b"\0" * 61
    path.write_bytes(OLE2 + b"\0" * 504 + entry.ljust(512, b"\0"))
    return path


def _body(xml: bytes) -> bytes:
    """The XML without its declaration, if it has one."""
    return xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml


def _sheet_edit(path: Path, sheet: int, old: bytes, new: bytes) -> Path:
    parts = _parts(path)
    part = f"xl/worksheets/sheet{sheet}.xml"
    assert old in parts[part], (part, old)
    parts[part] = parts[part].replace(old, new, 1)
    return _zip(path, parts)


def not_a_zip(path):
    path.write_bytes(bytes(range(256)) * 40)
    return path


def empty(path):
    path.write_bytes(b"")
    return path


def truncated(path):
    full = plans.template(path).read_bytes()
    path.write_bytes(full[: len(full) // 2])
    return path


def no_workbook_part(path):
    return _zip(path, {"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<x/>"})


def legacy_xls(path):
    return _ole2(path, "Workbook")


def encrypted(path):
    return _ole2(path, "EncryptionInfo")


def csv_renamed(path):
    path.write_text("No;Kegiatan;Anggaran\n1;Penyelenggaraan Advokasi;434.000.000\n",
                    encoding="utf-8")
    return path


def too_many_entries(path):
    return _zip(path, {"xl/workbook.xml": b"<workbook/>",
                       **{f"xl/media/x{i}.bin": b"" for i in range(2_100)}}, zipfile.ZIP_STORED)


def declared_huge(path):
    # A small part whose central directory claims 3 GB.
    _zip(path, {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"<a/>" * 100})
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 3_000_000_000)
    path.write_bytes(bytes(data))
    return path


def inflate_ratio(path):
    # 20 MB of zeros compress to some 20 KB: a ratio of about a thousand.
    return _zip(path, {"xl/workbook.xml": b"<workbook/>",
                       "xl/worksheets/sheet1.xml": b"\0" * (20 * 1024 * 1024)})


def billion_laughs(path):
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                 * 10) for i in range(1, 10))
           + b"]>")
    plans.template(path)
    parts = _parts(path)
    parts["xl/worksheets/sheet1.xml"] = lol + _body(parts["xl/worksheets/sheet1.xml"])
    return _zip(path, parts)


def external_entity(path):
    plans.template(path)
    parts = _parts(path)
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    parts["xl/workbook.xml"] = xxe + _body(parts["xl/workbook.xml"])
    return _zip(path, parts)


def shared_strings_dtd(path):
    write(path, {"P": block("A1", [["Kode", "Uraian", "Total"], ["3247", "Advokasi", "5"]])})
    parts = _parts(path)
    parts["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY e "x">]>'
                                     b'<sst xmlns="http://schemas.openxmlformats.org/'
                                     b'spreadsheetml/2006/main"/>')
    return _zip(path, parts)


def huge_merge(path):
    plans.template(path)
    return add_raw_merges(path, 2, ["A20:XFD1048576"])


def far_corner(path):
    plans.template(path)
    return _sheet_edit(path, 2, b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" '
                       b't="inlineStr"><is><t>x</t></is></c></row></sheetData>')


def uncalculated(path):
    # Formulas renjacheck does not calculate either (a function plans do not use).
    rows = [["Kode", "Uraian", "A", "B", "Total"],
            ["3247", "Advokasi", "5", "6", "=MEDIAN(C2:D2)*2"],
            ["3251", "Intelijen", "1", "2", "=MEDIAN(C3:D3)*2"]]
    return write(path, {"Pendanaan": block("A1", rows)})


def strange_values(path):
    rows = [["Kode", "Uraian", "A", "B", "Total"],
            ["3247", "Advokasi", 1.0, 2.0, 3.0],
            ["3251", "Intelijen", 4.0, "x" * 32_000, 5.0],
            ["3256", "Pascarehabilitasi", -5, True, 6.0]]
    write(path, {"Pendanaan": block("A1", rows)})
    # Numbers a spreadsheet cannot hold, as a script might write them.
    _sheet_edit(path, 1, b'<c r="C2" t="n"><v>1</v>', b'<c r="C2" t="n"><v>1e309</v>')
    return _sheet_edit(path, 1, b'<c r="D2" t="n"><v>2</v>', b'<c r="D2" t="n"><v>NaN</v>')


def dates_in_amounts(path):
    import datetime as dt

    rows = [["Kode", "Uraian", "A", "Total"], ["3247", "Advokasi", dt.date(2024, 1, 5), "5"]]
    return write(path, {"Pendanaan": block("A1", rows)})


def no_table(path):
    return write(path, {"Sampul": {"A1": "RENCANA KERJA 2024", "A3": "BNN Provinsi Banten"}})


# name -> (builder, exit code, a text the one stderr line (exit 2) or the report must contain)
CASES = {
    "not_a_zip": (not_a_zip, 2, "bukan berkas .xlsx"),
    "empty": (empty, 2, "berkas kosong"),
    "truncated": (truncated, 2, "rusak atau terpotong"),
    "no_workbook_part": (no_workbook_part, 2, "tidak berisi buku kerja Excel"),
    "legacy_xls": (legacy_xls, 2, "format Excel lama (.xls)"),
    "encrypted": (encrypted, 2, "dilindungi kata sandi"),
    "csv_renamed": (csv_renamed, 2, "bukan berkas .xlsx"),
    "too_many_entries": (too_many_entries, 2, "terlalu banyak bagian"),
    "declared_huge": (declared_huge, 2, "terlalu besar bila dibuka"),
    "inflate_ratio": (inflate_ratio, 2, "bom zip"),
    "billion_laughs": (billion_laughs, 2, "DTD atau entitas XML"),
    "external_entity": (external_entity, 2, "DTD atau entitas XML"),
    "shared_strings_dtd": (shared_strings_dtd, 2, "DTD atau entitas XML"),
    "huge_merge": (huge_merge, 0, "READ004"),
    "far_corner": (far_corner, 0, "Tabel yang terbaca"),
    "uncalculated": (uncalculated, 1, "READ003"),
    "strange_values": (strange_values, 1, "TBL001"),
    "dates_in_amounts": (dates_in_amounts, 1, "TBL001"),
    "no_table": (no_table, 2, "bukan buku kerja Renja: tidak ada tabel yang terbaca"),
}


def build_all(folder: Path) -> dict[str, Path]:
    """Every case, built into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: builder(folder / f"{name}.xlsx") for name, (builder, *_) in CASES.items()}


if __name__ == "__main__":
    for name, path in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")).items():
        print(name, path)
