"""Checks a file is a plausible .xlsx before any XML is parsed.

openpyxl would happily inflate whatever a zip declares; these checks read only the zip's central
directory, so a hostile or broken file is refused in milliseconds with one clear reason.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, PositiveInt

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_ENTRY_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
# A part that inflates more than this many times (and to more than a MiB) is a zip bomb: real
# worksheet XML compresses some 5 to 30 times.
MAX_RATIO = 200
# openpyxl makes one object per cell a merge covers; no real table merges more than this.
MAX_MERGED_CELLS = 100_000
# A national budget of 50,000 rows by 45 columns holds some 2.3 million cells.
MAX_CELLS = 5_000_000
# A Renja workbook has a dozen sheets, a national budget a few hundred at most; each <sheet>
# entry becomes a grid that every table kind scans.
MAX_SHEETS = 500
# Excel's own bound on the characters of one cell: a text past it is no text Excel wrote, and
# every later step (header labels, name matching) costs its length again, cell after cell.
MAX_TEXT_CHARS = 32_767

_OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP_MAGIC = b"PK\x03\x04"
# A workbook part where Excel puts it, or the package parts that say where it is (found then by
# workbook/package.py, which refuses a package that names none).
_WORKBOOK_PARTS = ("xl/workbook.xml", "xl/workbook.bin", "_rels/.rels", "[content_types].xml")
# How zipfile says a central directory is broken or beyond it: besides BadZipFile, an entry
# needing a newer zip version (NotImplementedError), or one cut short (EOFError).
_DIRECTORY_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError)
# What zipfile cannot read is refused from the directory (`_readable`); a corrupt member is
# only found reading it: grid.load maps these to the same refusal.
MEMBER_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error)
_COMPRESSIONS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2,
                           zipfile.ZIP_LZMA})
# Flag bits of members zipfile cannot read: encrypted (0), patched data (5), strong encryption (6).
_UNREADABLE_FLAGS = 0x1 | 0x20 | 0x40


class CannotCheck(Exception):
    """The file cannot be checked at all; `key` names the message in the catalogue."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


class Limits(BaseModel):
    """Bounds a workbook must stay within; configurable as `[tool.renjacheck.limits]`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file_bytes: PositiveInt = MAX_FILE_BYTES
    entries: PositiveInt = MAX_ENTRIES
    entry_bytes: PositiveInt = MAX_ENTRY_BYTES
    total_bytes: PositiveInt = MAX_TOTAL_BYTES
    ratio: PositiveInt = MAX_RATIO
    merged_cells: PositiveInt = MAX_MERGED_CELLS
    cells: PositiveInt = MAX_CELLS
    sheets: PositiveInt = MAX_SHEETS
    text_chars: PositiveInt = MAX_TEXT_CHARS


DEFAULT_LIMITS = Limits()


def vet(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise CannotCheck unless `path` is a zip holding an .xlsx workbook part within the limits."""
    size, head = _regular(path, limits, 8)
    _vet_content(path, size, head, path.read_bytes, limits)


def read_vetted(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the file at `path`, read once through one descriptor, and vetted: what a
    command that reads a workbook twice (annotate: the check, then openpyxl) works on, so that
    a file swapped in between is never read."""
    _size, data = _regular(path, limits, None)
    vet_bytes(data, limits)
    return data


def read_once(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of the regular file at `path` (at most `file_bytes`), read once through one
    descriptor, not yet vetted: a check then works on them alone, never on the path again."""
    return _regular(path, limits, None)[1]


def vet_bytes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """`vet` for a workbook's bytes already in memory."""
    if len(data) > limits.file_bytes:
        raise CannotCheck("file_too_big", size=len(data), limit=limits.file_bytes)
    _vet_content(data, len(data), data[:8], lambda: data, limits)


def _regular(path: Path, limits: Limits, want: int | None) -> tuple[int, bytes]:
    """(size, the first `want` bytes, or all of them when `want` is None) of the regular file
    at `path`, through one descriptor: CannotCheck for anything else or a file too big."""
    if not path.exists():
        raise CannotCheck("file_missing")
    if path.is_dir():
        raise CannotCheck("file_is_dir")
    try:
        # Without blocking, and judged by what was opened: a FIFO would wait for a writer
        # forever, a device would never end.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise CannotCheck("file_not_regular")
            size = info.st_size
            if want is None and 0 < size <= limits.file_bytes:
                # One byte more than allowed at most: a file that grew since is refused too.
                data = handle.read(limits.file_bytes + 1)
                size = len(data)
            else:
                data = handle.read(want or 8)
    except OSError as exc:
        raise CannotCheck("file_unreadable", reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise CannotCheck("file_empty")
    if size > limits.file_bytes:
        raise CannotCheck("file_too_big", size=size, limit=limits.file_bytes)
    return size, data


def _vet_content(source: Path | bytes, size: int, head: bytes, whole, limits: Limits) -> None:
    """The checks of a regular file's content (`source`, a path or its bytes, `size` bytes
    starting with `head`; `whole()` gives them all): a zip holding a workbook part in limits."""
    if size == 0:
        raise CannotCheck("file_empty")
    if head.startswith(_OLE2_MAGIC):
        # Both legacy .xls files and password-protected .xlsx files are OLE2 containers; an
        # encrypted workbook has an EncryptionInfo stream, named in UTF-16 in its directory.
        encrypted = "EncryptionInfo".encode("utf-16-le") in whole()
        raise CannotCheck("encrypted" if encrypted else "xls")
    if not head.startswith(_ZIP_MAGIC):
        raise CannotCheck("not_xlsx")
    try:
        with open_zip(source) as archive:
            infos = archive.infolist()
    except _DIRECTORY_ERRORS:
        raise CannotCheck("broken_zip") from None
    if len(infos) > limits.entries:
        raise CannotCheck("too_many_entries", count=len(infos), limit=limits.entries)
    names = {info.filename for info in infos}
    if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
        raise CannotCheck("xlsb")
    if not {name.lower() for name in names} & set(_WORKBOOK_PARTS):
        raise CannotCheck("no_workbook_part")
    total = 0
    for info in infos:
        if not _readable(info):
            raise CannotCheck("broken_zip")
        if info.file_size > limits.entry_bytes:
            raise CannotCheck("entry_too_big", name=info.filename, size=info.file_size)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.ratio:
            raise CannotCheck("inflates_too_much", name=info.filename, ratio=int(ratio),
                              limit=limits.ratio)
        total += info.file_size
    if total > limits.total_bytes:
        raise CannotCheck("too_big_unpacked", size=total, limit=limits.total_bytes)


_END = b"PK\x05\x06"  # the end-of-central-directory record's signature; 22 bytes + comment
_END_SIZE = 22


def open_zip(source: Path | bytes) -> zipfile.ZipFile:
    """The zip at `source` (a path, or a file's bytes), found by its real end-of-central-
    directory record: the first in the file's tail whose comment reaches the end of the file
    and whose central directory ends where it begins. zipfile takes the last record it finds,
    which may be one a comment holds (a valid workbook would then read as empty or broken):
    the archive is then read without its comment."""
    if isinstance(source, bytes):
        start = max(0, len(source) - _END_SIZE - 0xFFFF)
        real = _real_end(source[start:], start)
        if real is None or source.find(_END, start + real + 4) < 0:
            return zipfile.ZipFile(io.BytesIO(source))
        return zipfile.ZipFile(io.BytesIO(source[:start + real + _END_SIZE - 2] + b"\0\0"))
    with source.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        start = max(0, size - _END_SIZE - 0xFFFF)
        handle.seek(start)
        tail = handle.read()
        real = _real_end(tail, start)
        if real is None or tail.find(_END, real + 4) < 0:
            return zipfile.ZipFile(source)  # the record zipfile finds is the real one
        handle.seek(0)
        data = handle.read(start + real + _END_SIZE - 2)
    return zipfile.ZipFile(io.BytesIO(data + b"\0\0"))  # no comment: no other record after


def _real_end(tail: bytes, offset: int) -> int | None:
    """Where in `tail` (a file's bytes from `offset` on) its real end record is; None for none."""
    at = tail.find(_END)
    while 0 <= at <= len(tail) - _END_SIZE:
        *_, directory_size, directory_at, comment = struct.unpack_from("<4s4H2LH", tail, at)
        if at + _END_SIZE + comment == len(tail) and (
                directory_at == 0xFFFFFFFF or directory_at + directory_size <= offset + at):
            return at
        at = tail.find(_END, at + 1)
    return None


def _readable(info: zipfile.ZipInfo) -> bool:
    """True when zipfile can read the member: refused here, not halfway through the reading."""
    return info.compress_type in _COMPRESSIONS and not info.flag_bits & _UNREADABLE_FLAGS
