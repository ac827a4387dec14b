"""A plan as plain data: every table's rows as the kinds' row views read them, with their
structure (budget levels and parents, kegiatan groups, split RO rows), values as dicts. Tests
compare plans read from different layouts, or read in different ways, through it."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass

from renjacheck.model.plan import Plan
from renjacheck.tables.capaian import CAPAIAN
from renjacheck.tables.identitas import IDENTITAS
from renjacheck.tables.matriks import MATRIKS
from renjacheck.tables.narasi import NARASI
from renjacheck.tables.pendanaan import PENDANAAN
from renjacheck.tables.ro import RO_KIND

FIELDS = {
    "capaian": ("no", "bidang", "sasaran", "indikator", "target", "realisasi", "capaian",
                "polaritas", "satuan"),
    "ro": ("no", "kegiatan", "indikator", "indikator_list", "rincian_output", "volume", "bidang"),
    "narasi": ("tahun", "bidang", "teks"),
    "budget": ("kode", "uraian", "level", "parent", "amounts", "total", "is_total", "loc"),
    "matriks": ("bidang", "sasaran", "indikator", "target", "satuan"),
}


def plain(value):
    """A value as plain data: dataclasses (values, locations) as dicts."""
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def _fields(row, names) -> dict:
    return {name: plain(getattr(row, name)) for name in names}


def dump(plan: Plan) -> dict:
    """Everything the plan holds, as plain data."""
    out: dict = {"path": plan.path, "sheets": plan.sheets,
                 "tables": [asdict(t) for t in plan.infos]}
    identitas = plan.get(IDENTITAS)
    out["identitas"] = identitas and {"unit": plain(identitas.unit),
                                      "tahun": plain(identitas.tahun)}
    pendanaan = plan.get(PENDANAAN)
    out["pendanaan"] = pendanaan and {
        "satker": pendanaan.satker, "headers": plain(pendanaan.satker_headings),
        "grand_total": pendanaan.grand_total and _fields(pendanaan.grand_total, FIELDS["budget"]),
        "rows": [_fields(r, FIELDS["budget"]) for r in pendanaan.items]}
    capaian, ro, narasi = plan.get(CAPAIAN), plan.get(RO_KIND), plan.get(NARASI)
    out["capaian"] = capaian and [_fields(r, FIELDS["capaian"]) for r in capaian.rows]
    matriks = plan.get(MATRIKS)
    out["matriks"] = matriks and [
        {**_fields(g, ("no", "kode", "kegiatan", "bidang", "anggaran")),
         "rows": [_fields(r, FIELDS["matriks"]) for r in g.rows]} for g in matriks.groups]
    out["ro"] = ro and [_fields(r, FIELDS["ro"]) for r in ro.rows]
    out["narasi"] = narasi and [_fields(r, FIELDS["narasi"]) for r in narasi.statements]
    return out
