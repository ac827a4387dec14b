"""A cell's value from its type and the text its file writes for it, as openpyxl casts it."""

from __future__ import annotations

from renjacheck.workbook.refs import column_letters
from renjacheck.workbook.safety import CannotCheck

GENERAL = ("General", False, False)
# A whole number of more digits (sign aside) is read as text, which the table schema reports as
# no number (numbers.MAX_DIGITS): Excel holds 15 significant digits, and arithmetic on an int of
# hundreds of thousands of digits grows faster than its length.
MAX_INT_TEXT = 101


def cast_number(text: str) -> int | float:
    """A numeric cell's <v> as openpyxl casts it; ValueError when it is no number."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    if len(text) > MAX_INT_TEXT and len(text.strip().lstrip("+-").lstrip("0")) > MAX_INT_TEXT - 1:
        raise ValueError("too many digits")
    return int(text)


def value_of(kind: str, written: str | None, seen_is: bool, style: int, reader):
    """A cell's value from its type and the text written for it, as openpyxl casts it; None for
    a cell that shows nothing (blank text included). `reader` holds the shared strings, the
    formats, the date system and the texts met so far (`known_texts`)."""
    if written is None and not (kind == "inlineStr" and seen_is):
        return None
    if kind == "n":
        try:
            value = cast_number(written)
        except ValueError:
            value = written  # junk a script wrote where a number belongs: the schema reports it
        else:
            formats = reader.formats
            fmt = formats[style] if style < len(formats) else GENERAL
            return date(value, reader.mac, fmt[2]) if fmt[1] else value
    elif kind == "s":
        value = shared_string(reader, written)
        return value if value.strip() else None
    elif kind == "inlineStr":
        value = written if seen_is else None
    elif kind == "b":
        return bool(int(written))
    elif kind == "d":
        return iso_date(written)
    else:
        value = written
    if value is None or not value.strip():
        return None
    # Inline strings (openpyxl's write-only mode writes every text so) are one object a cell;
    # the same Kode or Uraian written again is kept once.
    return reader.known_texts.setdefault(value, value)


def shared_string(reader, written: str) -> str:
    """The shared string a `t="s"` cell's index names. CannotCheck for an index that names
    none (negative, past the table, no number): a Python index of -1 would silently read the
    last string, another cell's text."""
    strings = reader.strings
    text = written.strip()
    if len(text) < 12 and text.isascii() and text.isdigit() and int(text) < len(strings):
        return strings[int(text)]
    raise CannotCheck("bad_string_index", cell=f"{column_letters(reader.col)}{reader.row}",
                      index=text[:20], count=len(strings), last=len(strings) - 1)


def iso_date(written: str):
    """A `t="d"` cell's ISO 8601 date, time or date-time, as openpyxl reads it; the text itself
    when it is none (the schema reports it at its cell)."""
    # Lazy: only a sheet with dates loads openpyxl (and numpy behind it), which a check avoids.
    from openpyxl.utils.datetime import from_ISO8601

    try:
        return from_ISO8601(written.strip())
    except ValueError:
        return written.strip() or None


def date(value: int | float, mac: bool, duration: bool):
    """A serial number shown as a date, as openpyxl converts it; `#VALUE!` when out of range."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    try:
        return from_excel(value, CALENDAR_MAC_1904 if mac else CALENDAR_WINDOWS_1900,
                          timedelta=duration)
    except (OverflowError, ValueError):
        return "#VALUE!"
