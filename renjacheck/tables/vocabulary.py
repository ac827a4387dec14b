"""The header vocabulary: the labels each column of each table kind goes by.

Offices word the same column differently (`Sasaran Strategis`, `Indikator Kinerja Utama (IKU)`,
`% Capaian`), so the labels are data: rules/data/judul-kolom.yaml, where an office adds its own
wording without Python, and a file of its own named by the configuration (`vocabulary`). A kind
declared in code adds its columns' `aliases` and template headings. Labels are written as people
write them and normalised when loaded (tables/labels.py); one with an abbreviation in parentheses
after the words it abbreviates stands for the words alone and the abbreviation alone too.

Read once per set of files (tables/registry.py), when the first workbook is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from renjacheck import resources
from renjacheck.decoding import BrokenFile, Refusal, os_problem, read_text, where_key
from renjacheck.syntax import yaml_broken
from renjacheck.i18n import Problem
from renjacheck.tables.declare import TableKind
from renjacheck.tables.labels import label_forms, norm_label, parenthesised

FILE = "judul-kolom.yaml"
_WORDS = re.compile(r"[^\W\d_]+")


class VocabularyError(Refusal, ValueError):
    """A vocabulary file that cannot be used: names the file (a syntax error its line and
    column) and the key; `detail` (a Problem) says what is wrong."""

    def __init__(self, path: Path, key: str | None, detail: Problem,
                 where: str | None = None) -> None:
        self.path, self.key, self.detail = path, key, detail
        super().__init__(where or path, where_key(key or ""), detail)


@dataclass(frozen=True)
class Vocabulary:
    """Per kind, its columns in declaration order with the normalised labels each goes by; the
    labels of free columns (`Keterangan`), read as no column; and each label as written."""

    columns: dict[str, tuple[tuple[str, frozenset[str]], ...]]
    free: frozenset[str] = frozenset()
    shown: dict[str, str] = field(default_factory=dict)

    def labels(self, kind: str, column: str) -> frozenset[str]:
        """The labels column `column` of kind `kind` goes by."""
        return dict(self.columns[kind])[column]


def forms(text: str) -> list[str]:
    """The normalised labels one written label stands for: itself, without its notes in
    parentheses, and an abbreviation in parentheses of the words before it (`... (IKU)`); a
    label with a percent sign stands for its `persen` form alone."""
    if "%" in text:
        # A percent among words is read as `persen` first (labels.label_forms): `% Realisasi`
        # and `Realisasi (%)` name a percentage, never the Realisasi itself.
        return [label_forms(text)[0]]
    found = [norm_label(text), norm_label(re.sub(r"\([^()]*\)", " ", text))]
    for before, inside in parenthesised(text):
        initials = "".join(w[0] for w in _WORDS.findall(before)).casefold()
        if len(inside) >= 2 and initials == inside.casefold():
            found.append(norm_label(inside))
    return [f for f in dict.fromkeys(found) if f]


def build(kinds: Sequence[TableKind], paths: Sequence[Path]) -> Vocabulary:
    """The vocabulary of `kinds`: their declarations, then each file of `paths` in turn."""
    labels: dict[str, dict[str, set[str]]] = {}
    owner: dict[str, dict[str, str]] = {}  # kind -> label -> the column it is already
    shown: dict[str, str] = {}
    for kind in kinds:
        labels[kind.name] = {c.name: set(c.aliases) for c in kind.columns}
        owner[kind.name] = {}
        for column in kind.columns:
            if column.heading:
                labels[kind.name][column.name].update(forms(column.heading))
                for form in forms(column.heading):
                    shown.setdefault(form, column.heading)
            for label in labels[kind.name][column.name]:
                owner[kind.name].setdefault(label, column.name)
    free: set[str] = set()
    for path in paths:
        _read(path, {k.name: k for k in kinds}, labels, owner, shown, free)
    columns = {kind.name: tuple((c.name, frozenset(labels[kind.name][c.name]))
                                for c in kind.columns) for kind in kinds}
    return Vocabulary(columns=columns, free=frozenset(free), shown=shown)


def _read(path: Path, kinds: dict[str, TableKind], labels: dict[str, dict[str, set[str]]],
          owner: dict[str, dict[str, str]], shown: dict[str, str], free: set[str]) -> None:
    data = _load(path)
    for key in data:
        if key not in ("tabel", "kolom_bebas"):
            raise VocabularyError(path, str(key), Problem("voc.unknown_key"))
    tables = data.get("tabel") or {}
    if not isinstance(tables, dict):
        raise VocabularyError(path, "tabel", Problem("voc.tables"))
    for kind_name, columns in tables.items():
        kind = kinds.get(str(kind_name))
        if kind is None:
            raise VocabularyError(path, f"tabel.{kind_name}", Problem(
                "unknown_table", name=str(kind_name), known=", ".join(kinds)))
        if not isinstance(columns, dict):
            raise VocabularyError(path, f"tabel.{kind_name}", Problem("voc.columns"))
        for name, texts in columns.items():
            key = f"tabel.{kind_name}.{name}"
            if not kind.has(name):
                raise VocabularyError(path, key, Problem("voc.unknown_column",
                                                         known=", ".join(kind.names)))
            for text in _texts(path, key, texts):
                for form in forms(text):
                    other = owner[kind.name].setdefault(form, name)
                    if other != name:
                        raise VocabularyError(path, key, Problem(
                            "voc.taken", label=text, other=other, table=kind.name))
                    labels[kind.name][name].add(form)
                    shown.setdefault(form, text)
    for text in _texts(path, "kolom_bebas", data.get("kolom_bebas") or []):
        free.update(forms(text))
        for form in forms(text):
            shown.setdefault(form, text)


def _load(path: Path) -> dict:
    text = ""
    try:
        text = read_text(path)
        # Every label is text as written: plain YAML would read `No` as false.
        data = resources.load_yaml(text, strings=True)
    except BrokenFile as exc:
        raise VocabularyError(path, None, exc.broken.problem, exc.broken.where(path)) from None
    except OSError as exc:
        raise VocabularyError(path, None, os_problem(exc)) from None
    except Exception as exc:  # yaml.YAMLError: PyYAML is imported lazily (resources.py)
        broken = yaml_broken(exc, text)
        raise VocabularyError(path, None, broken.problem, broken.where(path)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise VocabularyError(path, None, Problem("voc.mapping"))
    return data


def _texts(path: Path, key: str, texts: object) -> list[str]:
    """The labels written under `key`: a list of texts, or one text."""
    items = [texts] if isinstance(texts, str) else texts
    if not isinstance(items, list) or not all(isinstance(t, str) for t in items):
        raise VocabularyError(path, key, Problem("voc.labels"))
    for text in items:
        if not norm_label(text):
            raise VocabularyError(path, key, Problem("voc.no_letters", label=text))
    return items


def shipped() -> Path:
    """The vocabulary file shipped beside the rules."""
    return resources.data_file(FILE)
