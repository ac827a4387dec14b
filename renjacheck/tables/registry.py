"""The table kinds renjacheck knows: the six of a Renja workbook and the optional Realisasi
Anggaran, one module each, and any registered later.

To add a kind, declare it in a module of its own (a `TableKind`: its name, label, titles,
columns with their types and template headings, and the `Table` class that holds its rows; a
subclass only where its rows have structure) and add it to `KINDS` here, or `register` it at
run time; its columns' header labels go in rules/data/judul-kolom.yaml (or in the declaration's
`aliases`). The reader finds it by its header labels, the table schemas and the
`expression` rules read its columns, rule files may name it (their JSON schema lists it), and
the template writes its sheet when it has one. Nothing else needs to know about it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.declare import TableKind
from renjacheck.tables.detect import Detector
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.tables.ro import RO_KIND
from renjacheck.tables import vocabulary as vocabularies

# In the order reports list them and header detection tries them (the first wins a tie).
KINDS: dict[str, TableKind] = {kind.name: kind for kind in (
    IDENTITAS, PENDANAAN, CAPAIAN, MATRIKS, RO_KIND, NARASI, REALISASI_ANGGARAN)}
# Per set of an office's own vocabulary files: the vocabulary, and the detector reading by it.
_VOCABULARY: dict[tuple[Path, ...], vocabularies.Vocabulary] = {}
_DETECTOR: dict[tuple[Path, ...], Detector] = {}


class UnknownTable(KeyError):
    """A table kind that is not declared."""


def register(kind: TableKind) -> None:
    """Add a kind (refused when its name is taken); every later reading looks for it."""
    if kind.name in KINDS:
        raise ValueError(f"table kind {kind.name!r} is declared already")
    KINDS[kind.name] = kind
    _forget()


def unregister(name: str) -> None:
    """Forget a kind `register` added."""
    del KINDS[name]
    _forget()


def _forget() -> None:
    _VOCABULARY.clear()
    _DETECTOR.clear()


def kind(name: str) -> TableKind:
    """The kind called `name`; the error lists the kinds there are."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownTable(f"unknown table {name!r} (tables: {', '.join(KINDS)})") from None


def names() -> tuple[str, ...]:
    """Every kind's name, in order."""
    return tuple(KINDS)


def labels() -> dict[str, str]:
    """Every kind's name -> the name reports give it."""
    return {name: kind.label for name, kind in KINDS.items()}


def header_kinds() -> Iterator[TableKind]:
    """The kinds found by a header row."""
    return (kind for kind in KINDS.values() if kind.layout == "header")


def vocabulary(extra: tuple[Path, ...] = ()) -> vocabularies.Vocabulary:
    """The header labels of every kind: declared, shipped (rules/data/judul-kolom.yaml), and
    from an office's `extra` files; read once. VocabularyError for a file that cannot be used."""
    if extra not in _VOCABULARY:
        _VOCABULARY[extra] = vocabularies.build(list(KINDS.values()),
                                                (vocabularies.shipped(), *extra))
    return _VOCABULARY[extra]


def detector(extra: tuple[Path, ...] = ()) -> Detector:
    """A header detector for the kinds as they are now and the vocabulary with `extra` files
    (made once until a kind is added)."""
    if extra not in _DETECTOR:
        _DETECTOR[extra] = Detector(list(header_kinds()), vocabulary(extra))
    return _DETECTOR[extra]
