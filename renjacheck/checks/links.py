"""How the tables refer to each other: which Pendanaan kegiatan a Matriks or RO kegiatan cell
names, which Matriks indicator an RO serves, which Matriks indicator continues a Capaian one.

Computed once per workbook (kinds share it through the engine's memo).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renjacheck.checks.text import (NEAR, NEAR_IN_KEGIATAN, Match, assign, best_match,
                                    normalize)
from renjacheck.model.plan import MatriksKegiatan, MatriksRow, PendanaanRow, Plan

_CODE = re.compile(r"\b\d{4}\b")
_AND = re.compile(r"\s+dan\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Named:
    """The Pendanaan kegiatan a cell names; `near` holds the parts matched only approximately."""

    rows: tuple[PendanaanRow, ...] = ()
    near: tuple[tuple[str, PendanaanRow], ...] = ()

    @property
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

    matriks: list[Named] = field(default_factory=list)
    ro_kegiatan: list[Named] = field(default_factory=list)
    ro_indicators: list[list[Served]] = field(default_factory=list)
    capaian_to_matriks: dict[int, Match] = field(default_factory=dict)


def kegiatan_rows(plan: Plan) -> list[PendanaanRow]:
    """The kegiatan-level items of the Pendanaan."""
    if plan.pendanaan is None:
        return []
    return [r for r in plan.pendanaan.rows if r.level == "kegiatan" and r.uraian is not None]


def name_kegiatan(text: str, kegiatan: list[PendanaanRow]) -> Named:
    """The kegiatan a cell names: by code, by name, or as "X dan Y" naming two of them."""
    codes = _by_code(text, kegiatan)
    if codes:
        return Named(rows=codes)
    names = [r.uraian.value for r in kegiatan]
    whole = best_match(text, names)
    if whole is not None and whole.identical:
        return Named(rows=(kegiatan[whole.index],))
    best = _split(text, names)
    if best is not None and (whole is None or min(m.score for _, m in best) > whole.score):
        return Named(rows=tuple(kegiatan[m.index] for _, m in best),
                     near=tuple((part, kegiatan[m.index]) for part, m in best
                                if not m.identical))
    if whole is not None:
        return Named(rows=(kegiatan[whole.index],), near=((text, kegiatan[whole.index]),))
    return Named()


def _readings(text: str):
    """Every way to cut `text` at " dan " into two or three parts."""
    cuts = list(_AND.finditer(text))
    for i, a in enumerate(cuts):
        yield [text[:a.start()].strip(), text[a.end():].strip()]
        for b in cuts[i + 1:]:
            yield [text[:a.start()].strip(), text[a.end():b.start()], text[b.end():].strip()]


def _split(text: str, names: list[str]) -> list[tuple[str, Match]] | None:
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
    links = Links()
    kegiatan = kegiatan_rows(plan)
    groups = plan.matriks or []
    links.matriks = [_name_group(g, kegiatan) for g in groups]
    for ro in plan.ro or []:
        named = name_kegiatan(ro.kegiatan.value, kegiatan) if ro.kegiatan else Named()
        links.ro_kegiatan.append(named)
        links.ro_indicators.append([_serve(text, named, ro.kegiatan, groups, links.matriks)
                                    for text in ro.indikator_list])
    if plan.capaian and groups:
        rows = [r for g in groups for r in g.rows]
        links.capaian_to_matriks = assign(
            [c.indikator.value if c.indikator else "" for c in plan.capaian],
            [r.indikator.value if r.indikator else "" for r in rows])
    return links


def _name_group(group: MatriksKegiatan, kegiatan: list[PendanaanRow]) -> Named:
    """What a Matriks kegiatan names; codes in its optional Kode column decide over the name."""
    text = group.kegiatan.value if group.kegiatan else ""
    named = name_kegiatan(text, kegiatan) if text else Named()
    rows = _by_code(group.kode.value, kegiatan) if group.kode is not None else ()
    if rows and named.codes != {r.kode.value for r in rows}:
        return Named(rows=rows)
    return named


def _by_code(text: str, kegiatan: list[PendanaanRow]) -> tuple[PendanaanRow, ...]:
    """The kegiatan whose codes `text` cites, each once, in the order cited."""
    by_code = {r.kode.value: r for r in kegiatan}
    # Rows are unhashable models: keep the first of each code.
    return tuple(by_code[c] for c in dict.fromkeys(_CODE.findall(text)) if c in by_code)


def _serve(text: str, named: Named, cell, groups: list[MatriksKegiatan],
           matriks: list[Named]) -> Served:
    """The Matriks indicator an RO indicator names.

    In order: identical in the RO's own kegiatan, identical anywhere (an indicator may be
    repeated under several kegiatan: the RO's own is the one it serves), a loose near match
    among its own kegiatan's few indicators, a strict near match anywhere.
    """
    rows = [(g, r) for g in range(len(groups)) for r in groups[g].rows if r.indikator is not None]
    names = [r.indikator.value for _, r in rows]
    own = [i for i, (g, _) in enumerate(rows) if _same_kegiatan(groups[g], matriks[g], cell, named)]
    local = best_match(text, [names[i] for i in own], NEAR_IN_KEGIATAN, loose=True)
    anywhere = best_match(text, names, NEAR)
    if local is not None and (local.identical or anywhere is None or not anywhere.identical):
        found = Match(own[local.index], local.score, local.identical)
    else:
        found = anywhere
    if found is None:
        return Served(text)
    g, row = rows[found.index]
    return Served(text, groups[g], row, found, g)


def _same_kegiatan(group: MatriksKegiatan, codes: Named, cell, named: Named) -> bool:
    """True when a Matriks kegiatan cell and an RO kegiatan cell name the same kegiatan."""
    if named.codes and codes.codes:
        return bool(named.codes & codes.codes)
    return cell is not None and group.kegiatan is not None \
        and normalize(cell.value) == normalize(group.kegiatan.value)


def links_of(ctx) -> Links:
    """The plan's links, resolved once per workbook."""
    if "links" not in ctx.memo:
        ctx.memo["links"] = resolve(ctx.plan)
    return ctx.memo["links"]
