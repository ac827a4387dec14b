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
from functools import cache

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Default-ignorable code points (Unicode's DerivedCoreProperties) outside those categories: they
# render as nothing. Variation selectors apart (below).
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2065\u3164"
                        "\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff]")
_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
# Every character that may be escaped (a superset: `_one` decides, by the Unicode database), so
# that a text is searched in C and only these are looked at one by one. tests/test_safe_text.py
# checks every code point: whatever _hidden() escapes, or a selector, is in this class.
CANDIDATES = ("\x00-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
              "\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
              "\u2060-\u206f\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
              "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
              "\U0001d173-\U0001d17a\U000e0000-\U000e0fff")


@cache
def _candidate() -> re.Pattern:
    # Compiled when first needed (about a millisecond): `renjacheck --help` does not wait.
    return re.compile(f"[{CANDIDATES}]")


def shown(text: str, keep: str = "") -> str:
    """`text` with every invisible or controlling character escaped (`\\u202e`); the characters
    in `keep` (say "\\n" for a comment that may break lines) are left as they are."""
    if text.isascii() and text.isprintable():
        return text  # nearly every text: nothing to do, fast
    return _candidate().sub(lambda match: _one(match, text, keep), text)


def escape(ch: str) -> str:
    """One character as `\\u202e` (or `\\U000e0001` beyond U+FFFF)."""
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _one(match: re.Match, text: str, keep: str) -> str:
    ch = match.group()
    if ch in keep:
        return ch
    if _hidden(ch):
        return escape(ch)
    if _SELECTOR.match(ch):
        # A variation selector picks the glyph of the character before it: kept after a
        # visible non-ASCII character (an emoji, an ideograph); at the start, after ASCII, after
        # what is escaped or after another selector it picks nothing and shows nothing.
        at = match.start()
        before = text[at - 1] if at else "a"
        if before.isascii() or _hidden(before) or _SELECTOR.match(before):
            return escape(ch)
    return ch


def _hidden(ch: str) -> bool:
    """Whether `ch` is escaped wherever it stands."""
    return unicodedata.category(ch) in _HIDDEN_CATEGORIES or bool(_IGNORABLE.match(ch))
