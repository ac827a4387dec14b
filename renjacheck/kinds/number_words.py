"""Number words: every "N (kata)" of the narrative says the same number in digits and in words
("3 (tiga)", not "3 (empat)").

Words are read by renjacheck.numbers.parse_words; words that do not read as one number
("3 (tiga kabupaten)") are left alone rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator

from renjacheck.checks.narrative import digits_with_words
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.numbers import to_words
from renjacheck.tables.narasi import NARASI

ID = "number_words"
NEEDS = Needs.tables(all_of=("narasi",))
PLACEHOLDERS = frozenset({"written", "digits", "words", "words_value", "spelled"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every paragraph where digits and words name different numbers."""
    seen: dict[tuple, int] = {}
    for row, count, written in digits_with_words(ctx.plan.get(NARASI).statements):
        # The same slip twice in one paragraph is two findings, told apart by their order.
        nth = seen[row.teks.loc, written] = seen.get((row.teks.loc, written), 0) + 1
        words = count.words_value
        if words is None or words == count.value:
            continue
        yield Hit(locations=(row.teks.loc,), table="narasi", expected=count.value,
                  actual=words, key=(written, nth),
                  args={"written": written, "digits": count.value, "words": count.words,
                        "words_value": words, "spelled": to_words(count.value)})
