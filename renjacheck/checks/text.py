"""Comparing names across tables: indicators, sasaran and kegiatan as planners reword them.

Two names are *identical* when they agree after normalisation (case, punctuation, quotes, an
enumeration prefix such as `1. `, and abbreviations written out from rules/data/singkatan.yaml);
they are a *near match* when their similarity (rapidfuzz's normalised Levenshtein ratio) reaches
NEAR; otherwise they do not match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

NEAR = 85.0
# Among the few indicators of one kegiatan a looser match is still unambiguous.
NEAR_IN_KEGIATAN = 75.0

_ENUMERATION = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+")
_PUNCT = re.compile(r"[^\w/\-\s]+")
_SPACES = re.compile(r"\s+")
# "Kabupaten / Kota", "Kabupaten /Kota" and "Kabupaten/Kota" are written alike.
_SLASH = re.compile(r"\s*/\s*")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Abbreviation (case-folded) -> what it stands for (normalised), from rules/data."""
    from renjacheck.engine.rules import default_rules_dir, load_yaml

    path = Path(default_rules_dir()) / "data" / "singkatan.yaml"
    data = load_yaml(path.read_text(encoding="utf-8")) or {}
    return {str(k).casefold(): _basic(str(v)) for k, v in data.items()}


def _basic(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ENUMERATION.sub("", text)
    return _SLASH.sub("/", _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip())


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """The form names are compared in: lower case, no punctuation, abbreviations written out."""
    short = abbreviations()
    # "(IKPA)" after the words it abbreviates says nothing new: drop it before expanding.
    text = re.sub(r"\(\s*([\w/]+)\s*\)",
                  lambda m: " " if m.group(1).casefold() in short else m.group(0), text)
    words = _basic(text).split(" ")
    return " ".join(short.get(word, word) for word in words if word)


def similarity(a: str, b: str, loose: bool = False) -> float:
    """0..100: how alike two names are once normalised.

    Strict (default) is the Levenshtein ratio, for names that differ by typos. Loose is the
    token-set ratio, which also credits a name whose words all appear in the other ("Nilai
    Kinerja Anggaran BNNP"); it is only safe among few candidates, such as one kegiatan's
    indicators.
    """
    from rapidfuzz import fuzz

    scorer = fuzz.token_set_ratio if loose else fuzz.ratio
    return scorer(normalize(a), normalize(b))


@dataclass(frozen=True)
class Match:
    """The candidate a name matched, how well, and whether the two are identical."""

    index: int
    score: float
    identical: bool


def best_match(name: str, candidates: list[str], near: float = NEAR,
               loose: bool = False) -> Match | None:
    """The candidate most like `name`, if identical or at least a near match."""
    key = normalize(name)
    best, best_key = None, None
    for index, candidate in enumerate(candidates):
        if normalize(candidate) == key:
            return Match(index, 100.0, True)
        score = similarity(name, candidate, loose)
        # Between equal loose scores, the strict ratio decides.
        rank = (score, similarity(name, candidate) if loose else score)
        if score >= near and (best_key is None or rank > best_key):
            best, best_key = Match(index, score, False), rank
    return best


def assign(names: list[str], candidates: list[str], near: float = NEAR) -> dict[int, Match]:
    """Pair names with candidates one to one: identical pairs first, then the closest."""
    pairs: dict[int, Match] = {}
    taken: set[int] = set()
    keys = [normalize(c) for c in candidates]
    for i, name in enumerate(names):
        key = normalize(name)
        j = next((j for j, k in enumerate(keys) if k == key and j not in taken), None)
        if j is not None:
            pairs[i] = Match(j, 100.0, True)
            taken.add(j)
    scored = sorted(((similarity(name, candidates[j]), i, j) for i, name in enumerate(names)
                     if i not in pairs for j in range(len(candidates)) if j not in taken),
                    reverse=True)
    for score, i, j in scored:
        if score >= near and i not in pairs and j not in taken:
            pairs[i] = Match(j, score, False)
            taken.add(j)
    return pairs


def item_number(cell) -> str:
    """A No cell as a message quotes it: `3.` and `3)` give `3`; an empty cell gives `-`."""
    if cell is None:
        return "-"
    return cell.value.strip().rstrip(".)") or "-"


# Words planners write for one another in output names: "Narkoba" is the everyday word for
# narkotika, not a different drug.
INTERCHANGEABLE = (frozenset({"narkoba", "narkotika"}),)
# A word at least this alike to another is the same word mistyped (`Rehabilitas`). Lower would
# take different words of one stem for typos: `tahanan` and `tahunan`, `teknis` and `teknik`.
TYPO_IN_WORD = 90.0


def same_name(a: str, b: str) -> bool:
    """True when two names say the same word for word, up to typos within a word.

    Stricter than a near match: "Lingkungan Kerja Pemerintah ..." and "Lingkungan Kerja Swasta
    ..." are alike as strings but name two outputs; every word must match its counterpart.
    """
    from rapidfuzz import fuzz

    words_a, words_b = normalize(a).split(" "), normalize(b).split(" ")
    if "".join(words_a).replace("-", "") == "".join(words_b).replace("-", ""):
        return True  # "non-narkotika" and "non narkotika", "penyalah guna" and "penyalahguna"
    if len(words_a) != len(words_b):
        return False
    return all(x == y or fuzz.ratio(x, y) >= TYPO_IN_WORD
               or any({x, y} <= words for words in INTERCHANGEABLE)
               for x, y in zip(words_a, words_b, strict=True))
