"""Comparing names across tables: indicators, sasaran and kegiatan as planners reword them.

Two names are *identical* when they agree after normalisation (case, punctuation, quotes, an
enumeration prefix such as `1. `, and abbreviations written out from rules/data/singkatan.yaml);
they are a *near match* when their similarity (rapidfuzz's normalised Levenshtein ratio) reaches
NEAR and they do not differ in a distinguishing word (rules/data/pembeda.yaml: `rawat jalan` and
`rawat inap`, `pria` and `wanita` name two things, however alike the rest); otherwise they do
not match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from renjacheck import resources

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
    path = resources.data_file("singkatan.yaml")
    data = resources.load_yaml(path.read_text(encoding="utf-8")) or {}
    return {str(k).casefold(): _basic(str(v)) for k, v in data.items()}


@lru_cache(maxsize=1)
def distinctions() -> tuple[tuple[tuple[tuple[str, ...], ...], ...], ...]:
    """The sets of distinguishing words, from rules/data: each set its members, each member
    its synonymous phrases, each phrase its words (normalised as names are)."""
    path = resources.data_file("pembeda.yaml")
    data = resources.load_yaml(path.read_text(encoding="utf-8"), strings=True) or []
    sets = []
    for entry in data:
        if not isinstance(entry, list):
            raise ValueError(f"{path}: each entry is a list of words that tell names apart")
        members = [member if isinstance(member, list) else [member] for member in entry]
        sets.append(tuple(tuple(tuple(_words(normalize(str(p)))) for p in member)
                          for member in members))
    return tuple(sets)


def _words(key: str) -> list[str]:
    # `kabupaten/kota` is two words here: either one tells the name apart.
    return [w for w in re.split(r"[ /]", key) if w]


@lru_cache(maxsize=1 << 14)
def _marks(key: str) -> tuple[frozenset[int], ...]:
    """For each distinguishing set, which of its members the normalised name `key` says."""
    words = _words(key)
    text = f" {' '.join(words)} "
    return tuple(frozenset(m for m, member in enumerate(members)
                           if any(f" {' '.join(phrase)} " in text for phrase in member))
                 for members in distinctions())


def different(a: str, b: str) -> bool:
    """True when two names each say a distinguishing word the other does not, of one set
    (`... rawat jalan` and `... rawat inap`): two things, not one misspelt. A name that only
    leaves the word out (`Jumlah sekolah` and `Jumlah sekolah negeri`) is not told apart."""
    return _distinct(normalize(a), normalize(b))


def _distinct(key_a: str, key_b: str) -> bool:
    return any(x - y and y - x for x, y in zip(_marks(key_a), _marks(key_b), strict=True))


def _basic(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ENUMERATION.sub("", text)
    return _SLASH.sub("/", _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip())


@lru_cache(maxsize=1 << 16)  # a national Matriks and its appendix name some 10,000 things
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
    from rapidfuzz import fuzz  # lazy: only a plan with names to match loads it

    scorer = fuzz.token_set_ratio if loose else fuzz.ratio
    return scorer(normalize(a), normalize(b))


@dataclass(frozen=True)
class Match:
    """The candidate a name matched, how well, and whether the two are identical."""

    index: int
    score: float
    identical: bool


class Names:
    """Candidate names prepared once for many lookups: their normalised forms, and the first
    candidate of each form, so that an identical name is found without comparing."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.keys = [normalize(n) for n in names]
        self.first: dict[str, int] = {}
        for index, key in enumerate(self.keys):
            self.first.setdefault(key, index)

    def __len__(self) -> int:
        return len(self.names)


def best_match(name: str, candidates: list[str] | Names, near: float = NEAR,
               loose: bool = False) -> Match | None:
    """The candidate most like `name`, if identical or at least a near match.

    The first identical candidate wins; else the best score, the strict ratio breaking ties
    between equal loose scores, the first candidate breaking the remaining ties.
    """
    from rapidfuzz import fuzz, process  # lazy: only a plan with names to match loads it

    names = candidates if isinstance(candidates, Names) else Names(candidates)
    key = normalize(name)
    index = names.first.get(key)
    if index is not None:
        return Match(index, 100.0, True)
    if not loose:
        found = process.extractOne(key, names.keys, scorer=fuzz.ratio, score_cutoff=near)
        if found is not None and _distinct(key, found[0]):
            # The closest differs in a distinguishing word: the closest that does not, if any.
            found = next((f for f in process.extract(key, names.keys, scorer=fuzz.ratio,
                                                     score_cutoff=near, limit=None)
                          if not _distinct(key, f[0])), None)
        return Match(found[2], found[1], False) if found is not None else None
    best, best_key = None, None
    for index, candidate in enumerate(names.keys):
        score = fuzz.token_set_ratio(key, candidate)
        rank = (score, fuzz.ratio(key, candidate))
        if score >= near and (best_key is None or rank > best_key) \
                and not _distinct(key, candidate):
            best, best_key = Match(index, score, False), rank
    return best


def assign(names: list[str], candidates: list[str], near: float = NEAR) -> dict[int, Match]:
    """Pair names with candidates one to one: identical pairs first, then the closest."""
    from rapidfuzz import fuzz, process  # lazy: only a plan with names to match loads it

    pairs: dict[int, Match] = {}
    keys = [normalize(c) for c in candidates]
    free: dict[str, list[int]] = {}  # each form's candidates not yet paired, in order
    for j, key in enumerate(keys):
        free.setdefault(key, []).append(j)
    for i, name in enumerate(names):
        waiting = free.get(normalize(name))
        if waiting:
            pairs[i] = Match(waiting.pop(0), 100.0, True)
    taken = {m.index for m in pairs.values()}
    left = [j for j in range(len(candidates)) if j not in taken]
    left_keys = [keys[j] for j in left]
    # Only pairs at least near can be chosen: scoring the others would change nothing.
    scored = sorted(((score, i, left[k]) for i, name in enumerate(names) if i not in pairs
                     for found, score, k in process.extract(normalize(name), left_keys,
                                                            scorer=fuzz.ratio, score_cutoff=near,
                                                            limit=None)
                     if not _distinct(normalize(name), found)),
                    reverse=True)
    for score, i, j in scored:
        if i not in pairs and j not in taken:
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
    from rapidfuzz import fuzz  # lazy: only a plan with names to match loads it

    words_a, words_b = normalize(a).split(" "), normalize(b).split(" ")
    if "".join(words_a).replace("-", "") == "".join(words_b).replace("-", ""):
        return True  # "non-narkotika" and "non narkotika", "penyalah guna" and "penyalahguna"
    if len(words_a) != len(words_b) or _distinct(normalize(a), normalize(b)):
        return False
    return all(x == y or fuzz.ratio(x, y) >= TYPO_IN_WORD
               or any({x, y} <= words for words in INTERCHANGEABLE)
               for x, y in zip(words_a, words_b, strict=True))
