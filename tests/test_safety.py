"""Safety before parsing: what is refused, and why, before any XML of the file is read."""

from __future__ import annotations

import struct
import zipfile

import pytest

from renjacheck.workbook.grid import load
from renjacheck.workbook.safety import DEFAULT_LIMITS, CannotCheck, Limits, vet
from tests import plans


def _refused(path, limits=DEFAULT_LIMITS):
    with pytest.raises(CannotCheck) as caught:
        vet(path, limits)
    return caught.value.key, caught.value.args_


def test_a_real_workbook_passes(tmp_path):
    vet(plans.template(tmp_path / "ok.xlsx"))


def test_declared_sizes_and_counts_are_bounded(tmp_path):
    path = plans.template(tmp_path / "ok.xlsx")
    with zipfile.ZipFile(path) as archive:
        sizes = {i.filename: i.file_size for i in archive.infolist()}
    biggest = max(sizes, key=sizes.get)
    assert _refused(path, Limits(entry_bytes=sizes[biggest] - 1)) == (
        "entry_too_big", {"name": biggest, "size": sizes[biggest]})
    assert _refused(path, Limits(total_bytes=sum(sizes.values()) - 1)) == (
        "too_big_unpacked", {"size": sum(sizes.values()), "limit": sum(sizes.values()) - 1})
    assert _refused(path, Limits(entries=len(sizes) - 1))[0] == "too_many_entries"
    assert _refused(path, Limits(file_bytes=10))[0] == "file_too_big"


def test_a_bomb_is_refused_from_its_declared_size_alone(tmp_path):
    # A tiny part whose central directory declares 3 GB: refused without inflating anything.
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 1000)
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02")  # the last central directory entry: sheet1.xml
    struct.pack_into("<I", data, entry + 24, 3_000_000_000)
    path.write_bytes(bytes(data))
    assert _refused(path) == ("entry_too_big", {"name": "xl/worksheets/sheet1.xml",
                                                "size": 3_000_000_000})


def test_binary_workbook_and_missing_workbook_part(tmp_path):
    xlsb = tmp_path / "a.xlsx"
    with zipfile.ZipFile(xlsb, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\0")
    assert _refused(xlsb)[0] == "xlsb"


def test_openpyxl_parses_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


def test_a_zip_whose_parts_are_not_a_workbook_is_refused_when_loading(tmp_path):
    path = tmp_path / "palsu.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "bukan xml")
    with pytest.raises(CannotCheck) as caught:
        load(path)
    assert caught.value.key in ("broken_workbook", "broken_zip")


def _member_flagged(path, offset: int, pack: str, value: int) -> None:
    """Set a field of every central directory entry (offset from its signature)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into(pack, data, at + offset, value)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("offset", "pack", "value", "what"), [
    (6, "<H", 125, "zip version 12.5 of the entry: NotImplementedError on opening"),
    (10, "<H", 99, "compression method 99 (AES): NotImplementedError on reading"),
    (8, "<H", 0x1, "an encrypted member: RuntimeError on reading"),
])
def test_what_zipfile_cannot_read_is_a_broken_zip(tmp_path, offset, pack, value, what):
    path = plans.template(tmp_path / "ok.xlsx")
    _member_flagged(path, offset, pack, value)
    assert _refused(path) == ("broken_zip", {}), what
