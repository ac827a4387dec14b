"""What the HTML report is made of besides its layout (html.py): its own words in both
languages, escaping for HTML and CSS, its inlined style and script, and how a finding is
grouped and shown."""

from __future__ import annotations

import base64
import hashlib
import html
import re
from importlib.resources import files

from renjacheck.findings import Finding
from renjacheck.safetext import shown


# Words only this report says; the shared ones (severities, "Mengapa penting") come from i18n.
WORDS: dict[str, dict[str, str]] = {
    "title": {"id": "Laporan pemeriksaan Renja", "en": "Renja check report"},
    "made_by": {"id": "Dibuat oleh renjacheck {version}", "en": "Made by renjacheck {version}"},
    "files": {"id": "Berkas", "en": "Files"},
    "filters": {"id": "Saring temuan", "en": "Filter findings"},
    "severity": {"id": "Tingkat", "en": "Severity"},
    "table": {"id": "Tabel", "en": "Table"},
    "rule": {"id": "Aturan", "en": "Rule"},
    "all": {"id": "(semua)", "en": "(all)"},
    "shown": {"id": "Ditampilkan {shown} dari {total} temuan.",
              "en": "Showing {shown} of {total} findings."},
    "place": {"id": "Tempat", "en": "Where"},
    "rows": {"id": "Baris", "en": "Rows"},
    "total": {"id": "Jumlah", "en": "Total"},
    "overview": {"id": "Tabel yang terbaca dan ringkasan temuan",
                 "en": "Tables read and findings per table"},
    "findings": {"id": "Temuan", "en": "Findings"},
    "cell": {"id": "Sel", "en": "Cell"},
    "finding": {"id": "Temuan", "en": "Finding"},
    "none_shown": {"id": "Tidak ada temuan yang cocok dengan saringan.",
                   "en": "No finding matches the filters."},
    "fingerprint": {"id": "Sidik jari", "en": "Fingerprint"},
    "rules": {"id": "Penjelasan aturan", "en": "The rules explained"},
    "page": {"id": "Halaman", "en": "Page"},
    "of": {"id": "dari", "en": "of"},
    "col.error": {"id": "Kesalahan", "en": "Errors"},
    "col.warning": {"id": "Peringatan", "en": "Warnings"},
    "col.info": {"id": "Info", "en": "Info"},
    "col.waived": {"id": "Dikecualikan", "en": "Waived"},
    # What made the report and what it checked (the page's header, each file's identity).
    "rules_version": {"id": "aturan versi {version}", "en": "rules version {version}"},
    "checked_on": {"id": "diperiksa {date}", "en": "checked on {date}"},
    "unit": {"id": "Unit Kerja", "en": "Unit Kerja"},
    "year": {"id": "Tahun", "en": "Year"},
    "sha256": {"id": "SHA-256", "en": "SHA-256"},
    "rules_used": {"id": "Aturan", "en": "Rules"},
    "rules_count": {"id": "{n} aturan, versi {version}", "en": "{n} rules, version {version}"},
}
GENERAL = "-"  # the filter value of findings about no table the file has (text: "Umum")
# HTML allows no C0 control but tab, newline and carriage return (white space in HTML); a cell
# may have them (Excel's _x000B_ escapes), and a bidi control in a sheet name would reorder the
# location shown. Every control, bidi or zero-width character is shown escaped (`\\u202e`,
# renjacheck.safetext), as in the text report.
_WHITE = "\t\n\r"


def esc(value: object) -> str:
    """Any text as HTML text or attribute value: shown safe, then escaped for HTML."""
    return html.escape(shown(str(value), keep=_WHITE), quote=True)


def esc_place(value: object) -> str:
    """A location or a file name as HTML text: as esc(), a line break or tab in it escaped too,
    so that it reads as one name."""
    return html.escape(shown(str(value)), quote=True)


def css_string(value: str) -> str:
    """A CSS string literal that shows `value`: every character but plain ones hex-escaped, so
    neither a quote nor `</style>` can end it early."""
    plain = re.compile(r"[A-Za-z0-9 ._/()-]")
    return '"' + "".join(ch if plain.fullmatch(ch) else f"\\{ord(ch):x} "
                         for ch in shown(value)) + '"'


def asset(name: str) -> str:
    return files("renjacheck.reporters").joinpath(name).read_text(encoding="utf-8")


def digest(source: str) -> str:
    """A CSP hash source for an inline element whose text is `source`."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def table_of(finding: Finding, kinds: list[str]) -> str:
    """The table a finding is listed under: its own when the file has it, else General."""
    return finding.table if finding.table in kinds else GENERAL
