"""Writing the workbooks renjacheck makes (an annotated copy, a blank template).

Like a report, a workbook is written atomically (renjacheck.output), a temporary file renamed into
place, and never over a workbook being checked. openpyxl writes a formula without the value it
last calculated to, which renjacheck itself would report as never calculated (READ003): the
values are put back into the saved sheets here, from the input (an annotated copy, as
workbook/prescan.py found them) or as the maker knows them (a blank template, whose formulas
show nothing yet). The saved sheets are changed by writing their parsed XML again
(workbook/xmlwrite.py), never by a pattern over their text.
"""

from __future__ import annotations

import io
import zipfile

from renjacheck.workbook.prescan import Result, rewritten, sheet_parts
from renjacheck.workbook.xmlwrite import rewrite, text


def save(book, results: dict[str, dict[str, Result]] | None = None,
         merges: dict[str, list[tuple[str, str]]] | None = None) -> bytes:
    """The bytes of `book` as openpyxl saves it, with `results` (sheet -> cell -> (type, text of
    <v>)) cached in its formula cells and `merges` (sheet -> (as the input writes it, as it
    was loaded)) put back as the input has them: a merge too large for openpyxl is loaded cut
    down (renjacheck.workbook.prescan)."""
    buffer = io.BytesIO()
    book.save(buffer)
    if not results and not merges:
        return buffer.getvalue()
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as archive:
        parts = sheet_parts(archive)
        replaced = {}
        for name in {*(results or {}), *(merges or {})} & set(parts):
            edit = _edit((results or {}).get(name, {}), (merges or {}).get(name, []))
            replaced[parts[name]] = rewrite(archive, parts[name], edit)
        return rewritten(archive, replaced).getvalue()


def _edit(cells: dict[str, Result], merges: list[tuple[str, str]]):
    """What `rewrite` changes in a sheet openpyxl saved: each formula cell of `cells` gets its
    type and its cached value (openpyxl writes a formula with an empty <v>), each merge
    loaded cut down its range as written."""
    restore: dict[str, list[str]] = {}
    for old, new in merges:
        restore.setdefault(new, []).append(old)
    cell: list[Result | None] = [None]  # the cached result of the cell open now, if any

    def edit(local: str | None, _qualified: str, attrs: dict[str, str]) -> str | None:
        if local == "c":
            cell[0] = cached = cells.get(attrs.get("r", ""))
            if cached is not None:
                attrs.pop("t", None)
                if cached[0]:
                    attrs["t"] = cached[0]
        elif local == "v" and cell[0] is not None:
            return text(cell[0][1])
        elif local == "mergeCell" and restore.get(attrs.get("ref", "")):
            attrs["ref"] = restore[attrs["ref"]].pop(0)
        return None

    return edit
