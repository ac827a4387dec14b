"""Text from a workbook (sheet names, cell texts, headings) or from the command line (file names)
made safe to show on a terminal, in a log, in an annotation or a comment.

Such text may hold characters that are not seen but change what is seen: bidirectional controls
(U+202E turns `Pendanaan` around, U+2066-U+2069 isolate), zero-width characters (`Pendanaan` and
`Pendanaan` + U+200B look the same), other C0 and C1 controls (a line break that starts a fake
line, ANSI escape sequences that recolour or rewrite a terminal). Shown escaped, as `\\u202e`, a
displayed sheet or cell location cannot pass for another. Letters are never touched: Indonesian,
é, –, “ ”, Arabic and Hebrew names show as they are.

Escaped: the Unicode categories Cc (controls), Cf (format: bidi controls, zero-width, soft
hyphen, U+FEFF), Cs (lone surrogates, which could not even be written out), Zl and Zp (line and
paragraph separators), and the default-ignorable characters of other categories that render as
nothing (combining grapheme joiner, Hangul fillers, Mongolian and other variation selectors; a
variation selector is kept after a non-ASCII character, where it picks an emoji's or an
ideograph's glyph). Always as `\\uXXXX` (four lowercase hex digits), or `\\UXXXXXXXX` beyond
U+FFFF, the form JSON and Python use, whatever the output: the same character always reads the
same. Look-alike letters (Cyrillic а for Latin a) and spaces other than U+0020 are not escaped:
they are seen, and telling them apart is not this function's job.

Machine formats (JSON, SARIF) carry the exact strings; a consumer needs the real sheet name.
"""

from __future__ import annotations

import re
import unicodedata

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Default-ignorable code points (Unicode's DerivedCoreProperties) outside those categories: they
# render as nothing. Variation selectors apart (below).
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2065\u3164"
                        "\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff]")
_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# What makes a printable text need the slow path: an ignorable character or a selector.
_PRINTABLE_SUSPECT = re.compile(f"{_IGNORABLE.pattern}|{_SELECTOR.pattern}")


def shown(text: str, keep: str = "") -> str:
    """`text` with every invisible or controlling character escaped (`\\u202e`); the characters
    in `keep` (say "\\n" for a comment that may break lines) are left as they are."""
    if text.isprintable() and (text.isascii() or not _PRINTABLE_SUSPECT.search(text)):
        return text  # nearly every text: nothing to do, fast
    out: list[str] = []
    after_letter = False  # whether the last character kept is visible and not ASCII
    for ch in text:
        if ch in keep:
            out.append(ch)
            after_letter = False
        elif _hidden(ch, after_letter):
            out.append(escape(ch))
            after_letter = False
        else:
            out.append(ch)
            after_letter = not ch.isascii() and not _SELECTOR.match(ch)
    return "".join(out)


def escape(ch: str) -> str:
    """One character as `\\u202e` (or `\\U000e0001` beyond U+FFFF)."""
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _hidden(ch: str, after_letter: bool) -> bool:
    if unicodedata.category(ch) in _HIDDEN_CATEGORIES or _IGNORABLE.match(ch):
        return True
    # A variation selector picks the glyph of the character before it; after ASCII, at the
    # start or after another selector it picks nothing and shows nothing.
    return bool(_SELECTOR.match(ch)) and not after_letter
