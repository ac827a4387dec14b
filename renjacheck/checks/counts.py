"""Count statements: what the narrative says a year's plan holds, in the words of
rules/data/kata-hitung.yaml ("5 (lima) sasaran strategis dengan 9 (sembilan) IKU", "Bidang
Rehabilitasi memiliki 3 kegiatan", "terdiri atas 2 program", "sasaran kegiatan sebanyak 13").

A number counts the concept whose noun phrase follows it ("N <phrase>") when the words before
it open a count (`pembuka`: memiliki, terdiri atas, meliputi, yaitu, sebanyak ...; `dengan`,
`dan`, `serta` only after another count of the sentence, and then the two count: "4 sasaran
dengan 5 indikator"), or the concept whose phrase comes before a connector ("<phrase> ...
sebanyak N"). The phrase must end where the noun does (a
punctuation mark or a function word): "12 kegiatan sosialisasi" counts events, not the plan's
kegiatan. A clause that speaks of results ("yang tidak tercapai") states none. The year is the
one the sentence names, else its Tahun cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from renjacheck.checks.narrative import Count, statement_year, year_said
from renjacheck.resources import data_file, load_yaml
from renjacheck.tables.narasi import NarasiRow

FILE = "kata-hitung.yaml"
CONCEPTS = ("sasaran", "indikator", "kegiatan", "program", "ro")
_KEYS = {"konsep", "pembuka", "berantai", "penghubung", "bukan_hitungan"}
# What may follow a counted noun: the phrase has ended ("... 3 kegiatan, yaitu", "... dengan").
_ENDS = frozenset("dengan dan serta yang yaitu yakni meliputi terdiri sebagai untuk pada di "
                  "tersebut tahun ta dalam berikut sebagaimana antara atas dari adalah ialah "
                  "masing sesuai".split())
_NUMBER = re.compile(r"(?<![\d.,])(?P<n>\d+)(?![\d]|[.,]\d)(?:\s*\((?P<w>[a-zA-Z -]{2,60})\))?")
_YEARS = re.compile(r"(?:19|20)\d\d")  # "sasaran strategis tahun 2025 sebanyak 5"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_CLAUSE = re.compile(r"[,;:]|\.(?!\d)")
_ABBREVIATION = re.compile(r"\s*\([A-Za-z]{2,6}\)")
# "Bidang Rehabilitasi memiliki ..."; "Deputi Bidang Rehabilitasi" is a unit naming itself.
_BIDANG = re.compile(r"(?<!deputi )\b(?:bidang|bagian)\s+(?P<name>[a-z ]+?)\s+(?:selaku\b.*?\s+)?"
                     r"(?:mempunyai|memiliki)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CountClaim:
    """A count the narrative states: of what concept, of one bidang or of the unit (None), for
    which year, as written."""

    row: NarasiRow
    bidang: str | None
    what: str
    noun: str
    count: Count
    year: int | None
    text: str


@dataclass(frozen=True)
class _Words:
    nouns: re.Pattern[str]
    concept: dict[str, str | None]
    leads: re.Pattern[str]
    chain: re.Pattern[str]
    connectors: re.Pattern[str]
    results: frozenset[str]


def _phrases(words: list[str]) -> str:
    words = sorted({" ".join(w.casefold().split()) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


@lru_cache(maxsize=1)
def _words() -> _Words:
    """The vocabulary of rules/data/kata-hitung.yaml, compiled; a malformed file is an error
    that names the file and the key."""
    path = data_file(FILE)
    data = load_yaml(path.read_text(encoding="utf-8"), strings=True) or {}
    unknown = set(data) - _KEYS if isinstance(data, dict) else {"(not a mapping)"}
    if unknown:
        raise ValueError(f"{path}: unknown key {sorted(unknown)[0]!r}")
    concepts = data.get("konsep") or {}
    for key, phrases in concepts.items():
        if key not in (*CONCEPTS, "lain") or not isinstance(phrases, list):
            raise ValueError(f"{path}: konsep.{key}: a concept of {CONCEPTS} or 'lain', "
                             "with a list of phrases")
    lists = {k: data.get(k) or [] for k in _KEYS - {"konsep"}}
    for key, value in lists.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{path}: {key}: a list of words")
    concept = {" ".join(p.casefold().split()): (None if k == "lain" else k)
               for k, phrases in concepts.items() for p in phrases}
    ending = r"(?:\s*:)?\s*$"
    return _Words(
        nouns=re.compile(r"\b(?P<noun>" + _phrases(list(concept)) + r")\b", re.IGNORECASE),
        concept=concept,
        leads=re.compile(r"\b(?:" + _phrases(lists["pembuka"]) + ")" + ending, re.IGNORECASE),
        chain=re.compile(r"\b(?:" + _phrases(lists["berantai"]) + ")" + ending, re.IGNORECASE),
        connectors=re.compile(r"\b(?:" + _phrases(lists["penghubung"]) + r")\s*:?\s*$",
                              re.IGNORECASE),
        results=frozenset(w.casefold() for w in lists["bukan_hitungan"]))


def count_claims(rows: list[NarasiRow]) -> list[CountClaim]:
    """Every count the narrative's statements state."""
    claims = []
    for row in rows:
        text = row.teks.value
        start = 0
        for sentence in _SENTENCE.split(text):
            at = text.find(sentence, start)
            start = at + len(sentence)
            claims.extend(_sentence(row, text, at, sentence))
    return claims


def _sentence(row: NarasiRow, text: str, at: int, sentence: str) -> list[CountClaim]:
    words = _words()
    year = year_said(sentence) or statement_year(None, row)
    found: list[CountClaim] = []
    pending: CountClaim | None = None  # "N <phrase>" with no opening word: a pair's first half
    pending_end = 0
    for number in _NUMBER.finditer(sentence):
        before = sentence[:number.start()]
        follows, noun, ends = _noun_after(sentence, number.end(), words)
        chain = words.chain.search(before)
        opened = bool(words.leads.search(before))
        # A pair's second half follows its first at once: "4 sasaran dengan 5 indikator".
        chained = chain is not None and (bool(found) or (pending is not None
                                                         and chain.start() <= pending_end + 1))
        if not follows:
            noun, opened = _noun_before(before, words), True
        what = words.concept[noun] if noun is not None else None
        if what is None or _speaks_of_results(sentence, number.start(), number.end(), words):
            pending = None
            continue
        named = [m.group("name") for m in _BIDANG.finditer(text, 0, at + number.start())]
        bidang = row.bidang.value if row.bidang else (named[-1] if named else None)
        claim = CountClaim(row=row, bidang=bidang, what=what, noun=noun,
                           count=Count(int(number.group("n")), number.group("w")),
                           year=year, text=number.group(0))
        if opened or chained:
            found.extend([pending, claim] if pending and chained else [claim])
            pending = None
        else:  # "4 sasaran kegiatan dengan 5 indikator": counts when the second follows
            pending, pending_end = claim, ends
    return found


def _noun_after(sentence: str, end: int, words: _Words) -> tuple[bool, str | None, int]:
    """Whether a phrase of the vocabulary follows the number, the phrase (None for one that
    goes on: "12 kegiatan sosialisasi") and where it ends."""
    match = words.nouns.match(sentence, end + len(sentence[end:]) - len(sentence[end:].lstrip()))
    if match is None or match.start() == end:
        return False, None, end
    tail = _ABBREVIATION.match(sentence, match.end())
    ends = tail.end() if tail else match.end()
    rest = sentence[ends:].lstrip()
    if rest and rest[0] not in ",.;:)" and \
            rest.split(None, 1)[0].casefold().strip(",.;:") not in _ENDS:
        return True, None, ends
    return True, " ".join(match.group("noun").casefold().split()), ends


def _noun_before(before: str, words: _Words) -> str | None:
    """The phrase of "<phrase> [up to four words] sebanyak N": the last phrase of the clause
    before the connector, with no other count word between."""
    connector = words.connectors.search(before)
    if connector is None:
        return None
    clause = _CLAUSE.split(before[:connector.start()])[-1]
    nouns = list(words.nouns.finditer(clause))
    if not nouns:
        return None
    gap = clause[nouns[-1].end():].split()
    if len(gap) > 4 or any(words.chain.search(w) or (w.isdigit() and not _YEARS.fullmatch(w))
                           for w in gap):
        return None
    return " ".join(nouns[-1].group("noun").casefold().split())


def _speaks_of_results(sentence: str, start: int, end: int, words: _Words) -> bool:
    """True when the number's clause speaks of results ("... yang tidak tercapai")."""
    opened = max((m.end() for m in _CLAUSE.finditer(sentence, 0, start)), default=0)
    closed = _CLAUSE.search(sentence, end)
    clause = sentence[opened:closed.start() if closed else len(sentence)]
    return any(w.strip("()") in words.results for w in clause.casefold().split())
