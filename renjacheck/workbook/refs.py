"""Cell references as a worksheet writes them (`AB12`, `a1`, `A1:C3`), and merged ranges cut
down to the cells a sheet uses (a merge too large to hold, READ004)."""

from __future__ import annotations

MAX_ROW, MAX_COL = 1_048_576, 16_384
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def column_number(letters: str | bytes) -> int:
    """`A` -> 1, `xfd` -> 16384 (any case); ValueError when it is no column."""
    if isinstance(letters, bytes):
        letters = letters.decode("ascii")
    if not letters or len(letters) > 3 or not (letters.isascii() and letters.isalpha()):
        raise ValueError(letters)
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """28 -> `AB`."""
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(65 + rest) + text
    return text


def split_ref(ref: str) -> tuple[int, int]:
    """`AB12` (or `ab12`) -> (12, 28); ValueError when it is no cell reference."""
    digits = ref.lstrip(_LETTERS)
    if not (digits.isascii() and digits.isdigit()):  # "¹" is isdigit too
        raise ValueError(ref)
    return int(digits), column_number(ref[:len(ref) - len(digits)])


def merge_bounds(ref: str) -> tuple[int, int, int, int]:
    """`A1:C3` -> (1, 1, 3, 3); a lone cell merges with itself."""
    first, _, last = ref.strip().partition(":")
    r1, c1 = split_ref(first)
    r2, c2 = split_ref(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def range_text(bounds: tuple[int, int, int, int]) -> str:
    """(1, 1, 3, 3) -> `A1:C3`."""
    r1, c1, r2, c2 = bounds
    return f"{column_letters(c1)}{r1}:{column_letters(c2)}{r2}"


def area(bounds: tuple[int, int, int, int]) -> int:
    """How many cells a range covers."""
    r1, c1, r2, c2 = bounds
    return (r2 - r1 + 1) * (c2 - c1 + 1)


def clamp(bounds: tuple[int, int, int, int], extent: tuple[int, int],
          limit: int) -> tuple[int, int, int, int]:
    """A merge larger than `limit` cells cut down to `extent` (the last row and column that
    hold a cell), and halved until it fits if it is still too large."""
    r1, c1, r2, c2 = bounds
    max_row, max_col = extent
    c2, r2 = max(c1, min(c2, max_col)), max(r1, min(r2, max_row))
    while (c2 - c1 + 1) * (r2 - r1 + 1) > limit:
        r2, c2 = max(r1, r2 // 2), max(c1, c2 // 2)
    return r1, c1, r2, c2
