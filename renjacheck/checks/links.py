"""How the tables refer to each other: which Pendanaan kegiatan a Matriks or RO kegiatan cell
names, which Matriks indicator an RO serves, which Matriks indicator continues a Capaian one.

Computed once per workbook (kinds share it: kinds/context.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from renjacheck.checks.text import (NEAR, NEAR_IN_KEGIATAN, Match, Names, assign, best_match,
                                    normalize)
from renjacheck.model.plan import Plan
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS, MatriksKegiatan, MatriksRow
from renjacheck.tables.pendanaan import PENDANAAN, PendanaanRow
from renjacheck.tables.ro import RO_KIND

_CODE = re.compile(r"\b\d{4}\b")
_AND = re.compile(r"\s+dan\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    """The Pendanaan kegiatan a cell names; `near` holds the parts matched only approximately."""

    rows: tuple[PendanaanRow, ...] = ()
    near: tuple[tuple[str, PendanaanRow], ...] = ()

    @cached_property
    def codes(self) -> frozenset[str]:
        """The kegiatan codes named."""
        return frozenset(r.kode.value for r in self.rows)


@dataclass(frozen=True)
class Served:
    """The Matriks indicator an RO indicator (one of a listing cell) resolves to."""

    text: str
    group: MatriksKegiatan | None = None
    row: MatriksRow | None = None
    match: Match | None = None
    # The group's position in the Matriks, to find what its kegiatan cell names (Links.matriks).
    group_index: int | None = None


@dataclass
class Links:
    """Every cross-table reference of one plan."""

    # The Pendanaan's kegiatan the other tables' kegiatan cells may name.
    kegiatan: list[PendanaanRow] = field(default_factory=list)
    matriks: list[Named] = field(default_factory=list)
    ro_kegiatan: list[Named] = field(default_factory=list)
    ro_indicators: list[list[Served]] = field(default_factory=list)
    capaian_to_matriks: dict[int, Match] = field(default_factory=dict)


def kegiatan_rows(plan: Plan) -> list[PendanaanRow]:
    """The kegiatan-level items of the Pendanaan."""
    pendanaan = plan.get(PENDANAAN)
    if pendanaan is None:
        return []
    return [r for r in pendanaan.at_level("kegiatan") if r.uraian is not None]


class Kegiatan:
    """The Pendanaan kegiatan prepared for naming: by code and by name, and what each cell text
    named already (many RO rows repeat their kegiatan cell)."""

    def __init__(self, rows: list[PendanaanRow]) -> None:
        self.rows = rows
        self.names = Names([r.uraian.value for r in rows])
        self.by_code: dict[str, PendanaanRow] = {}
        for row in rows:
            self.by_code.setdefault(row.kode.value, row)  # the first of each code
        self.named: dict[str, Named] = {}


def name_kegiatan(text: str, kegiatan: list[PendanaanRow] | Kegiatan) -> Named:
    """The kegiatan a cell names: by code, by name, or as "X dan Y" naming two of them."""
    known = kegiatan if isinstance(kegiatan, Kegiatan) else Kegiatan(kegiatan)
    if text not in known.named:
        known.named[text] = _name(text, known)
    return known.named[text]


def _name(text: str, kegiatan: Kegiatan) -> Named:
    codes = _by_code(text, kegiatan)
    if codes:
        return Named(rows=codes)
    rows, names = kegiatan.rows, kegiatan.names
    whole = best_match(text, names)
    if whole is not None and whole.identical:
        return Named(rows=(rows[whole.index],))
    best = _split(text, names)
    if best is not None and (whole is None or min(m.score for _, m in best) > whole.score):
        return Named(rows=tuple(rows[m.index] for _, m in best),
                     near=tuple((part, rows[m.index]) for part, m in best if not m.identical))
    if whole is not None:
        return Named(rows=(rows[whole.index],), near=((text, rows[whole.index]),))
    return Named()


def _readings(text: str):
    """Every way to cut `text` at " dan " into two or three parts."""
    cuts = list(_AND.finditer(text))
    for i, a in enumerate(cuts):
        yield [text[:a.start()].strip(), text[a.end():].strip()]
        for b in cuts[i + 1:]:
            yield [text[:a.start()].strip(), text[a.end():b.start()], text[b.end():].strip()]


def _split(text: str, names: Names) -> list[tuple[str, Match]] | None:
    """The best reading of `text` as distinct kegiatan names joined by "dan", or None."""
    best = None
    for parts in _readings(text):
        found = [(part, best_match(part, names)) for part in parts]
        matches = [m for _, m in found]
        if any(m is None for m in matches) or len({m.index for m in matches}) < len(matches):
            continue
        if best is None or min(m.score for m in matches) > min(m.score for _, m in best):
            best = found
    return best


def resolve(plan: Plan) -> Links:
    """Every cross-table reference of `plan`."""
    links = Links(kegiatan=kegiatan_rows(plan))
    kegiatan = Kegiatan(links.kegiatan)
    matriks, ro_table, capaian = plan.get(MATRIKS), plan.get(RO_KIND), plan.get(CAPAIAN)
    groups = matriks.groups if matriks is not None else []
    links.matriks = [_name_group(g, kegiatan) for g in groups]
    indicators = _Indicators(groups, links.matriks)
    for ro in ro_table.rows if ro_table is not None else ():
        cell = ro.kegiatan
        named = name_kegiatan(cell.value, kegiatan) if cell else Named()
        links.ro_kegiatan.append(named)
        links.ro_indicators.append([indicators.serve(text, named, cell)
                                    for text in ro.indikator_list])
    if capaian is not None and len(capaian) and groups:
        before_rows, rows = list(capaian.rows), list(matriks.rows)
        # A missing (or blank, `-`) indicator names nothing: two rows without one are not the
        # same indicator, so such rows are paired with nothing.
        before = [i for i, c in enumerate(before_rows) if _names(c)]
        after = [j for j, r in enumerate(rows) if _names(r)]
        pairs = assign([before_rows[i].indikator.value for i in before],
                       [rows[j].indikator.value for j in after])
        links.capaian_to_matriks = {
            before[i]: Match(after[m.index], m.score, m.identical) for i, m in pairs.items()}
    return links


def _names(row) -> bool:
    """True when the row's indicator cell names an indicator."""
    return row.indikator is not None and bool(normalize(row.indikator.value))


def _name_group(group: MatriksKegiatan, kegiatan: Kegiatan) -> Named:
    """What a Matriks kegiatan names; codes in its optional Kode column decide over the name."""
    text = group.kegiatan.value if group.kegiatan else ""
    named = name_kegiatan(text, kegiatan) if text else Named()
    rows = _by_code(group.kode.value, kegiatan) if group.kode is not None else ()
    if rows and named.codes != {r.kode.value for r in rows}:
        return Named(rows=rows)
    return named


def _by_code(text: str, kegiatan: Kegiatan) -> tuple[PendanaanRow, ...]:
    """The kegiatan whose codes `text` cites, each once, in the order cited."""
    by_code = kegiatan.by_code
    return tuple(by_code[c] for c in dict.fromkeys(_CODE.findall(text)) if c in by_code)


class _Indicators:
    """The Matriks indicators an RO indicator may name, indexed by the kegiatan they sit under:
    by code and by normalised kegiatan name, so an RO finds its own kegiatan's indicators
    without comparing against every group."""

    def __init__(self, groups: list[MatriksKegiatan], matriks: list[Named]) -> None:
        self.groups, self.matriks = groups, matriks
        self.rows = [(g, r) for g in range(len(groups)) for r in groups[g].rows
                     if r.indikator is not None]
        self.names = Names([r.indikator.value for _, r in self.rows])
        by_group: dict[int, list[int]] = {}
        for i, (g, _) in enumerate(self.rows):
            by_group.setdefault(g, []).append(i)
        self.by_group = by_group
        self.by_code: dict[str, list[int]] = {}
        self.by_name: dict[str, list[int]] = {}
        for g, group in enumerate(groups):
            for code in matriks[g].codes:
                self.by_code.setdefault(code, []).append(g)
            if group.kegiatan is not None:
                self.by_name.setdefault(normalize(group.kegiatan.value), []).append(g)
        self.own_cache: dict[tuple, list[int]] = {}

    def own(self, named: Named, cell) -> list[int]:
        """Positions (in self.rows) of the indicators under the RO's own kegiatan, in order.

        The same groups `_same_kegiatan` accepts: sharing a code where both name codes, else
        the same kegiatan name."""
        ident = (named.codes, normalize(cell.value) if cell is not None else None)
        if ident in self.own_cache:
            return self.own_cache[ident]
        codes, name = ident
        chosen: set[int] = set()
        if name is not None:
            chosen.update(g for g in self.by_name.get(name, ())
                          if not (codes and self.matriks[g].codes))
        for code in codes:
            chosen.update(self.by_code.get(code, ()))
        found = [i for g in sorted(chosen) for i in self.by_group.get(g, ())]
        self.own_cache[ident] = found
        return found

    def serve(self, text: str, named: Named, cell) -> Served:
        """The Matriks indicator an RO indicator names.

        In order: identical in the RO's own kegiatan, identical anywhere (an indicator may be
        repeated under several kegiatan: the RO's own is the one it serves), a loose near match
        among its own kegiatan's few indicators, a strict near match anywhere.
        """
        own = self.own(named, cell)
        local = best_match(text, [self.names.names[i] for i in own], NEAR_IN_KEGIATAN,
                           loose=True)
        anywhere = best_match(text, self.names, NEAR)
        if local is not None and (local.identical or anywhere is None
                                  or not anywhere.identical):
            found = Match(own[local.index], local.score, local.identical)
        else:
            found = anywhere
        if found is None:
            return Served(text)
        g, row = self.rows[found.index]
        return Served(text, self.groups[g], row, found, g)
