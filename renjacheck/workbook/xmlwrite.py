"""A part's XML written again from expat's events, as UTF-8, with some elements changed: how
the annotated copy changes a sheet (a merge cut down, a value openpyxl cannot read, a cached
formula result put back) whatever the part's encoding, prefixes, quoting or spacing.

One pass, linear in the part: no pattern is matched over the XML text (a regex like
`<c ...>(.*?)</c>` backtracks without bound on a sheet whose cells close as `</c >`). The
parser is the reader's (workbook/xmlparse.py: DTDs and entities refused, any encoding), with
the prefixes kept, so each element and attribute is written with the name it was read with
and each namespace declared where it was. Comments and processing instructions are left out.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable

from renjacheck.workbook.xmlparse import MAINS, feed, parser

# edit(local, qualified, attrs): called as each element opens, with its SpreadsheetML local name
# (None for another vocabulary), its name as written (`x:c`) and its attributes by qualified
# name, which it may change in place; it returns None to keep the element's content, or the
# XML (already escaped) to replace it.
Edit = Callable[[str | None, str, dict[str, str]], str | None]

_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;",
                       "\n": "&#10;", "\r": "&#13;"})
DROP = "\0drop"  # what `edit` returns to leave an element out, with all it holds
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def text(value: str) -> str:
    """`value` escaped as element content."""
    return value.translate(_TEXT)


def rewrite(archive: zipfile.ZipFile, part: str, edit: Edit | None = None,
            spaces: tuple[str, ...] = MAINS, rename: Callable[[str], str] | None = None
            ) -> bytes:
    """The part `part` of `archive` as UTF-8 XML, each element passed through `edit` (which
    is given local names in the vocabularies `spaces`), each namespace declared as `rename`
    names it (a Strict namespace as Transitional names it, say)."""
    out: list[str] = [DECLARATION]
    declared: list[tuple[str, str]] = []  # namespaces declared on the element opening next
    known: dict[str, tuple[str, str | None]] = {}  # expat's name -> (qualified, local)
    # Depth inside an element whose content is replaced or left out; its end tag written?
    skipped: list = [0, True]

    def name_of(name: str) -> tuple[str, str | None]:
        found = known.get(name)
        if found is None:
            space, local, *prefix = name.split(" ") if " " in name else ("", name)
            qualified = f"{prefix[0]}:{local}" if prefix else local
            found = known[name] = (qualified, local if space in spaces else None)
        return found

    def namespace(prefix: str | None, uri: str | None) -> None:
        if not skipped[0]:  # else declared inside what is left out
            uri = uri or ""
            declared.append((f"xmlns:{prefix}" if prefix else "xmlns",
                             rename(uri) if rename else uri))

    def start(name: str, attrs: dict[str, str]) -> None:
        if skipped[0]:
            skipped[0] += 1
            return
        qualified, local = name_of(name)
        if attrs:
            attrs = {name_of(key)[0] if " " in key else key: value
                     for key, value in attrs.items()}
        content = None if edit is None else edit(local, qualified, attrs)
        if content is DROP:
            declared.clear()
            skipped[:] = [1, False]
            return
        written = "".join(f' {key}="{value.translate(_ATTR)}"'
                          for key, value in (*declared, *attrs.items()))
        declared.clear()
        out.append(f"<{qualified}{written}>")
        if content is not None:
            out.append(content)
            skipped[:] = [1, True]

    def end(name: str) -> None:
        if skipped[0] > 1:
            skipped[0] -= 1
            return
        if skipped[0] and not skipped[1]:
            skipped[0] = 0
            return
        skipped[0] = 0
        out.append(f"</{known[name][0]}>")

    def chars(data: str) -> None:
        if not skipped[0]:
            out.append(data.translate(_TEXT))

    made = parser(start, end, chars)
    made.namespace_prefixes = True
    made.StartNamespaceDeclHandler = namespace
    feed(archive, part, made)
    return "".join(out).encode("utf-8")
