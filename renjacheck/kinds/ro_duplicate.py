"""RO duplicates: the same RO listed twice under the same kegiatan with different volumes, so
the appendix plans two outputs where there may be one.

RO names are the same when they agree word for word up to typos and interchangeable words
(renjacheck.checks.text.same_name): "... Narkoba dan Prekursor Narkoba" is "... Narkotika dan
Prekursor Narkotika", but "Lingkungan Kerja Pemerintah" is not "Lingkungan Kerja Swasta" however
alike the strings. Kegiatan are the same when their cells name a Pendanaan kegiatan in common
(renjacheck.checks.links), or, without codes, when their names are the same.

Reported at the later volume, with the earlier one as second location.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from renjacheck.checks.text import item_number, same_name
from renjacheck.kinds.base import Hit, Needs, Params as BaseParams
from renjacheck.tables.ro import RO_KIND
from renjacheck.units import unit_key

ID = "ro_duplicate"
NEEDS = Needs.tables(all_of=("ro",))
PLACEHOLDERS = frozenset({"ro", "volume", "no", "earlier", "earlier_volume", "earlier_no"})


class Params(BaseParams):
    """No parameters."""


def check(ctx, rule) -> Iterator[Hit]:
    """Yield a hit at every RO that repeats an earlier one of its kegiatan with another volume."""
    named = ctx.shared.links.ro_kegiatan
    rows = [(i, _Read(ro)) for i, ro in enumerate(ctx.plan.get(RO_KIND).rows)]
    rows = [(i, ro) for i, ro in rows if ro.rincian_output is not None and ro.volume is not None]
    # Rows whose kegiatan cells name Pendanaan codes can only be the same kegiatan as rows that
    # share a code, or that name none: index them so a large appendix is not compared pairwise.
    by_code: dict[str, list[int]] = {}
    uncoded: list[int] = []
    for n, (i, _) in enumerate(rows):
        for code in named[i].codes:
            by_code.setdefault(code, []).append(n)
        if not named[i].codes:
            uncoded.append(n)
    for n, (j, later) in enumerate(rows):
        if named[j].codes:
            near = {m for code in named[j].codes for m in by_code[code] if m < n}
            candidates = sorted(near.union(uncoded[:bisect_left(uncoded, n)]))
        else:
            candidates = range(n)
        for i, earlier in (rows[m] for m in candidates):
            # A cell shared by several rows has one volume: the same volume is no conflict.
            if _same_volume(earlier.volume, later.volume) \
                    or not _same_kegiatan(earlier, later, named[i], named[j]) \
                    or not same_name(earlier.rincian_output.value, later.rincian_output.value):
                continue
            yield Hit(locations=(later.volume.loc, earlier.volume.loc), table="ro",
                      key=(later.rincian_output.value, earlier.rincian_output.value),
                      expected=earlier.volume.text, actual=later.volume.text,
                      args={"ro": later.rincian_output.value, "volume": later.volume,
                            "no": item_number(later.no),
                            "earlier": earlier.rincian_output.value,
                            "earlier_volume": earlier.volume,
                            "earlier_no": item_number(earlier.no)})
            break  # one finding per later RO, against the first it repeats


class _Read:
    """An RO row's values read once: each RO is compared with every earlier one of its
    kegiatan."""

    __slots__ = ("no", "kegiatan", "rincian_output", "volume")

    def __init__(self, row) -> None:
        self.no, self.kegiatan = row.no, row.kegiatan
        self.rincian_output, self.volume = row.rincian_output, row.volume


def _same_volume(a, b) -> bool:
    return a.value == b.value and unit_key(a.unit) == unit_key(b.unit)


def _same_kegiatan(a, b, named_a, named_b) -> bool:
    if named_a.codes and named_b.codes:
        return bool(named_a.codes & named_b.codes)
    if a.kegiatan is None or b.kegiatan is None:
        return False
    return same_name(a.kegiatan.value, b.kegiatan.value)
