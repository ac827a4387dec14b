"""A header row that names most, but not all, of a kind's required columns: no table is read
there, and the report must say so (never a silent pass), with what was found, what is missing,
and for each header cell the reader did not know the closest label of a missing column.

Judged only for rows the detector already found two known labels on (detect.py), so the fuzzy
comparison never runs over the rows of figures a budget is made of.
"""

from __future__ import annotations

from dataclasses import dataclass

from renjacheck.tables.declare import TableKind
from renjacheck.tables.labels import label_forms
from renjacheck.tables.vocabulary import Vocabulary

# How alike (rapidfuzz's ratio of the normalised labels, 0..100) a header cell must be to a
# missing column's label to be offered as what it may mean: `Tingkat Ketercapaian` is 85 like
# `Tingkat Capaian`, `Keterangan` at most 50 like any.
HINT = 70.0


@dataclass(frozen=True)
class Partial:
    """A row (two for a two-level header) that looks like the header of `kind` but lacks some
    of its required columns: the cells found (column, text), the columns missing, and for an
    unknown cell the label it may have meant (row, column, text, label)."""

    kind: TableKind
    sheet: str
    row: int
    height: int
    first_col: int
    last_col: int
    found: tuple[tuple[int, str], ...]
    missing: tuple[str, ...]
    hints: tuple[tuple[int, int, str, str], ...]
    rank: tuple[float, int]

    @property
    def last_row(self) -> int:
        """The last row of the header."""
        return self.row + self.height - 1


def judge(sheet: str, kind: TableKind, vocabulary: Vocabulary, found: dict[str, int],
          unknown: list[int], texts: dict[int, str], rows: dict[int, int], row: int,
          height: int) -> Partial | None:
    """A Partial when the header cells name half or more of `kind`'s required columns (all its
    columns when none is required) and at least two columns, but not every required one.
    `texts` are the header's labels by column, `rows` the row each stands on."""
    wanted = [c.name for c in kind.columns if c.required] or list(kind.names)
    have = [name for name in wanted if name in found]
    if len(found) < 2 or 2 * len(have) < len(wanted) or len(have) == len(wanted):
        return None
    missing = tuple(name for name in wanted if name not in found)
    hints = tuple((rows[col], col, text, label)
                  for col, text, label in _hints(kind, vocabulary, missing, unknown, texts))
    cols = [*texts]
    return Partial(kind=kind, sheet=sheet, row=row, height=height,
                   first_col=min(cols),
                   last_col=max(cols),
                   found=tuple(sorted((col, texts[col]) for col in found.values())),
                   missing=missing, hints=hints, rank=(len(have) / len(wanted), len(found)))


def _hints(kind: TableKind, vocabulary: Vocabulary, missing: tuple[str, ...],
           unknown: list[int], texts: dict[int, str]):
    """(column, text, label) for each unknown cell like a label of a missing column."""
    from rapidfuzz import fuzz, process  # lazy: only a partial header needs it

    choices = sorted({label for name in missing for label in vocabulary.labels(kind.name, name)})
    known = set(choices)
    for col in unknown:
        forms = label_forms(texts.get(col, ""))
        if not forms or any(f in vocabulary.free or f in known for f in forms):
            # An empty cell, a free column (Keterangan) meant to be there, or a heading of the
            # missing column the layout did not let name it (`Pagu` before `Realisasi`).
            continue
        found = process.extractOne(forms[0], choices, scorer=fuzz.ratio, score_cutoff=HINT)
        if found is not None:
            yield col, texts[col], vocabulary.shown.get(found[0], found[0])
