"""Header labels as they are compared: case-, whitespace- and punctuation-insensitively
(`Anggaran (Rp)` is `anggaranrp`), a trailing year ignored (`Target 2023` is `target`). A
heading that is only a percent sign (`%`, `(%)`) is `persen`: punctuation, it would be nothing."""

from __future__ import annotations

import re
from collections.abc import Iterable

from renjacheck.tables.declare import TableKind

# The Pendanaan grand-total row and the super-header over its amount columns.
TOTAL_LABELS = frozenset({"totalpagu", "jumlah", "total", "jumlahpagu", "jumlahtotal",
                          "grandtotal"})
PAGU_LABELS = frozenset({"pagu", "pagurp", "paguanggaran", "alokasi"})

PERCENT = "persen"
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_YEAR_TAIL = re.compile(r"(?:tahun|th|ta)?(?:19|20)\d\d$")


def norm_label(text: str) -> str:
    """Lower-case `text` and drop whitespace and punctuation: the form header labels match in.
    A lone percent sign is `persen` (a Realisasi Anggaran's `%` column)."""
    label = _PUNCT.sub("", text.casefold())
    return PERCENT if not label and "%" in text else label


def label_forms(text: str) -> list[str]:
    """The forms a header cell is matched in, the first that names a column winning: for a
    heading with a percent sign among words, `%` read as `persen` first (`% Realisasi` is
    `persenrealisasi`, a percentage), then as punctuation, as every other label is
    (`realisasi`), so that no label matches less than `norm_label` alone lets it."""
    plain = norm_label(text)
    if "%" not in text or plain == PERCENT:
        return [plain]
    marked = norm_label(text.replace("%", f" {PERCENT} "))
    return [marked, plain]


def all_labels(kinds: Iterable[TableKind]) -> frozenset[str]:
    """Every label any column of `kinds` goes by: a row with none of them starts no header."""
    return frozenset(a for kind in kinds for c in kind.columns for a in c.aliases)


def known_label(label: str, known: frozenset[str]) -> bool:
    """True when `label` (normalised) is one of `known`, a trailing year aside."""
    return label in known or _YEAR_TAIL.sub("", label) in known


def match_column(kind: TableKind, label: str) -> str | None:
    """The column of `kind` that header `label` (already normalised) names, if any."""
    for candidate in (label, _YEAR_TAIL.sub("", label)):
        if not candidate:
            continue
        for column in kind.columns:
            if candidate in column.aliases:
                return column.name
    return None
