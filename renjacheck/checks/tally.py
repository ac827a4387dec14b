"""What a year's tables hold of each concept a count statement counts (checks/counts.py).

For the plan year: sasaran and indicators of the Matriks, its kegiatan (a kegiatan cell or a
kegiatan heading row, once per name), the Pendanaan's programs, the RO table's rincian output
(else the Pendanaan's RO rows). For the year before: the Capaian's sasaran and indicators, its
program and kegiatan heading rows (else the Realisasi Anggaran's program and kegiatan rows).
None where no table of that year says: a count no table holds is not compared, never taken as
zero.
"""

from __future__ import annotations

from renjacheck.checks.narrative import YearTable, same_bidang
from renjacheck.checks.text import normalize
from renjacheck.model.plan import Plan
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.realisasi import REALISASI_ANGGARAN
from renjacheck.tables.ro import RO_KIND


def tally(plan: Plan, table: YearTable, what: str,
          bidang: str | None) -> tuple[int, str] | None:
    """How many of `what` the year's tables hold, of `bidang` (None: of the whole unit), and the
    kind of the table that says."""
    if what in ("sasaran", "indikator"):
        rows = table.of_bidang(bidang)
        if not rows:
            return None
        if what == "indikator":
            return sum(r.indikator is not None for r in rows), table.kind
        sasaran = {normalize(r.sasaran.value) for r in rows if r.sasaran is not None}
        return len(sasaran - {""}), table.kind
    if table.kind == "matriks":
        return _plan_year(plan, what, bidang)
    return _year_before(plan, what) if bidang is None else None


def _plan_year(plan: Plan, what: str, bidang: str | None) -> tuple[int, str] | None:
    if what == "kegiatan":
        matriks = plan.get(MATRIKS)
        if matriks is None:
            return None
        groups = [(g.bidang or next((r.bidang for r in g.rows if r.bidang), None), g.kegiatan)
                  for g in matriks.groups]
        if bidang is not None:
            if all(b is None for b, _ in groups):
                return None
            groups = [(b, k) for b, k in groups if b is not None and same_bidang(b.value, bidang)]
        names = {normalize(k.value) for _, k in groups if k is not None} - {""}
        found = len(names) if names or bidang is not None else _headings(matriks, "kegiatan")
        return (found, "matriks") if found else None
    if what == "ro":
        ro = plan.get(RO_KIND)
        if ro is not None and len(ro):
            rows = [r for r in ro.rows if r.rincian_output is not None]
            if bidang is not None:
                if all(r.bidang is None for r in rows):
                    return None
                rows = [r for r in rows if r.bidang and same_bidang(r.bidang.value, bidang)]
            found = len({normalize(r.rincian_output.value) for r in rows} - {""})
            return (found, "ro") if found else None
    if bidang is not None:
        return None  # a Pendanaan's programs and RO are the unit's
    pendanaan = plan.get(PENDANAAN)
    if pendanaan is None or what not in ("program", "ro"):
        return None
    found = len(pendanaan.at_level(what))
    return (found, "pendanaan") if found else None


def _year_before(plan: Plan, what: str) -> tuple[int, str] | None:
    if what not in ("program", "kegiatan"):
        return None
    found = _headings(plan.get(CAPAIAN), what)
    if found:
        return found, "capaian"
    realisasi = plan.get(REALISASI_ANGGARAN)
    if realisasi is None:
        return None
    found = len([r for r in realisasi.rows if r.level == what and not r.is_total])
    return (found, "realisasi_anggaran") if found else None


def _headings(table, level: str) -> int | None:
    """The distinct names of `table`'s heading rows of `level` (None for none)."""
    if table is None:
        return None
    names = {normalize(h.name.value) for h in table.headings if h.level == level} - {""}
    return len(names) or None
