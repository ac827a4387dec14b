"""Header labels as they are compared: case-, whitespace- and punctuation-insensitively
(`Anggaran (Rp)` is `anggaranrp`), a trailing year ignored (`Target 2023` is `target`), and a
note in parentheses optional (`Realisasi (Rp)` also reads as `realisasi`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# The Pendanaan grand-total row and the super-header over its amount columns.
TOTAL_LABELS = frozenset({"totalpagu", "jumlah", "total", "jumlahpagu", "jumlahtotal",
                          "grandtotal"})
# A super-header over the satker columns names what the amounts are, never a column itself.
PAGU_LABELS = frozenset({"pagu", "pagurp", "paguanggaran", "alokasi", "paguindikatif",
                         "paguindikatifrp", "alokasianggaran", "alokasianggaranrp",
                         "kebutuhandana", "kebutuhandanarp"})

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_YEAR_TAIL = re.compile(r"(?:tahun|th|ta)?(?:19|20)\d\d$")
_PARENS = re.compile(r"\([^()]*\)")
# A header of a percent column may be nothing but the sign: `%` or `(%)`.
PERCENT = "persen"


def norm_label(text: str) -> str:
    """Lower-case `text` and drop whitespace and punctuation: the form header labels match in.
    A label that is only a percent sign (`%`, `(%)`) is `persen`, not nothing."""
    label = _PUNCT.sub("", text.casefold())
    return label if label or "%" not in text else PERCENT


def label_forms(text: str) -> tuple[str, ...]:
    """The forms a header cell is looked up in, the first that names a column winning: with a
    percent sign among words, `%` read as `persen` first (`% Realisasi` is `persenrealisasi`, a
    percentage, not the Realisasi); the whole label; and without its notes in parentheses
    (`Realisasi (Rp)`, `Indikator Kinerja Utama (IKU)`) when that differs."""
    label = norm_label(text)
    forms = [label]
    if "%" in text and label != PERCENT:
        forms.insert(0, norm_label(text.replace("%", f" {PERCENT} ")))
    if "(" in text:
        forms.append(norm_label(_PARENS.sub(" ", text)))
    return tuple(dict.fromkeys(f for f in forms if f))


def known_label(label: str, known: frozenset[str]) -> bool:
    """True when `label` (normalised) is one of `known`, a trailing year aside."""
    return label in known or _YEAR_TAIL.sub("", label) in known


def known_text(text: str, known: frozenset[str]) -> bool:
    """True when a cell's text, in any of its forms, is one of the `known` labels."""
    return any(known_label(form, known) for form in label_forms(text))


def match_column(columns: Iterable[tuple[str, frozenset[str]]], label: str) -> str | None:
    """The column (of a kind's `(name, labels)` in declaration order) that header `label`
    (already normalised) names, if any."""
    for candidate in (label, _YEAR_TAIL.sub("", label)):
        if not candidate:
            continue
        for name, labels in columns:
            if candidate in labels:
                return name
    return None


def parenthesised(text: str) -> list[tuple[str, str]]:
    """Each note in parentheses of `text` with the words before it: `Indikator Kinerja Utama
    (IKU)` gives [("Indikator Kinerja Utama", "IKU")]."""
    return [(text[:m.start()], m.group()[1:-1]) for m in _PARENS.finditer(text)]
