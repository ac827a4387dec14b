"""Fuzzing the reader (issue 15): mutated workbooks through the real command line, in a worker
process under a memory limit, every case under a time limit (tests/fuzz_worker.py).

The corpus: the samples and workbooks written here by openpyxl with the parts readers trip on
(shared and inline strings, number formats, merges, formulas with and without values). The
mutations (seeded, FUZZ_READER_SEED): bit flips in the file, truncation, and inside the zip,
which keeps it a zip so that the parts' XML is what is fuzzed: bytes of one part flipped or cut,
a part duplicated (a second entry of the same name), the entries reordered, two parts' contents
swapped, a part dropped. Each case must end as a report (exit 0 or 1) or a refusal of one line
(exit 2): never a traceback, never past its time limit, never past the memory limit.

    FUZZ_READER_CASES    how many mutated workbooks (default 400: about 20 s)
    FUZZ_READER_SEED     the seed (default 15); case n is reproducible from it
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.xlsx import block, write

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("FUZZ_READER_CASES", "400"))
SEED = int(os.environ.get("FUZZ_READER_SEED", "15"))
SECONDS = 10.0  # one case; a slower one is a denial of service
MEGABYTES = 1536  # the worker's address space: an allocation beyond it fails, it is not swapped
PEAK_MB = 600  # the resident memory no case may push the worker past


def _corpus(folder: Path) -> list[bytes]:
    samples = [ROOT / "samples" / "banten-2024.xlsx",
               *sorted((ROOT / "samples" / "other").glob("*-perbaikan.xlsx"))[:3]]
    made = write(folder / "made.xlsx", {
        "Capaian": block("B3", [
            ["No", "Sasaran Kegiatan", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            [1, "Meningkatnya layanan", "Jumlah klien", "40 Orang", "38 Orang", "95%"],
            [2, "Meningkatnya layanan", "Indeks kepuasan", "3,5 Indeks", "3,62 Indeks",
             "=E5/D5"]]),
        "Pendanaan": block("A1", [
            ["Kode", "Uraian", "Pagu"],
            ["3247", "Penyelenggaraan Advokasi", 125000000],
            ["3247.PBC", "Promosi", "=C2"]])}, {"Capaian": ["C4:C5"]},
        {"Capaian": {"G5": "0.00%"}})
    return [p.read_bytes() for p in (*samples, made)]


def _entries(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info, z.read(info)) for info in z.infolist()]


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries:
            z.writestr(name, body)
    return buffer.getvalue()


def _flip(rng: random.Random, body: bytes, times: int) -> bytes:
    data = bytearray(body)
    for _ in range(times):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One mutation of a workbook: (what was done, the bytes)."""
    kind = rng.choice(["flip", "truncate", "part-flip", "part-cut", "duplicate", "reorder",
                       "swap", "drop"])
    if kind == "flip":
        return kind, _flip(rng, data, rng.randint(1, 8))
    if kind == "truncate":
        return kind, data[:rng.randrange(len(data))]
    entries = [(info.filename, body) for info, body in _entries(data)]
    at = rng.randrange(len(entries))
    name, body = entries[at]
    import warnings  # a duplicate name is the point of that mutation

    warnings.simplefilter("ignore", UserWarning)
    if kind == "part-flip":
        entries[at] = (name, _flip(rng, body, rng.randint(1, 16)))
    elif kind == "part-cut":
        entries[at] = (name, body[:rng.randrange(len(body) + 1)])
    elif kind == "duplicate":
        entries.insert(rng.randrange(len(entries) + 1), (name, _flip(rng, body, 4)))
    elif kind == "reorder":
        rng.shuffle(entries)
    elif kind == "swap":
        other = rng.randrange(len(entries))
        entries[at], entries[other] = (name, entries[other][1]), (entries[other][0], body)
    else:
        del entries[at]
    return f"{kind} {name}", _zip(entries)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Every case checked by the worker: [(what was done, its outcome)]."""
    folder = tmp_path_factory.mktemp("fuzz-reader")
    corpus = _corpus(folder)
    rng = random.Random(SEED)
    cases = []
    for n in range(CASES):
        what, data = mutate(rng, corpus[n % len(corpus)])
        path = folder / f"case-{n:04d}.xlsx"
        path.write_bytes(data)
        cases.append((f"case {n} ({what})", path))
    run = subprocess.run(
        [sys.executable, "-m", "tests.fuzz_worker", str(SECONDS), str(MEGABYTES)],
        input="\n".join(str(p) for _, p in cases), capture_output=True, text=True,
        cwd=ROOT, timeout=CASES * SECONDS + 60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr[-3000:]
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(o["path"]) for o in lines] == [p for _, p in cases]
    return [(what, outcome) for (what, _), outcome in zip(cases, lines, strict=True)]


def test_every_mutated_workbook_is_a_report_or_a_one_line_refusal(outcomes):
    wrong = []
    for what, o in outcomes:
        err = o["stderr"].strip()
        if o["code"] not in (0, 1, 2) or "Traceback" in err:
            wrong.append(f"{what}: exit {o['code']}: {err[-300:]}")
        elif o["code"] == 2 and len(err.splitlines()) != 1:
            wrong.append(f"{what}: a refusal of {len(err.splitlines())} lines: {err[-300:]}")
    assert wrong == []


def test_no_case_hangs_or_runs_out_of_memory(outcomes):
    assert [(w, o["code"]) for w, o in outcomes if o["code"] in ("timeout", "memory")] == []
    assert max(o["seconds"] for _, o in outcomes) < SECONDS
    assert max(o["peak_mb"] for _, o in outcomes) < PEAK_MB


def test_the_mutations_reach_the_reader(outcomes):
    """Not every case is refused at the zip: some parts' XML is read, broken or not, and some
    mutated workbooks still read to a report."""
    codes = [o["code"] for _, o in outcomes]
    assert codes.count(2) >= CASES // 10
    assert codes.count(0) + codes.count(1) >= CASES // 10
    kinds = {w.split("(")[1].split()[0].rstrip(")") for w, _ in outcomes}
    assert kinds == {"flip", "truncate", "part-flip", "part-cut", "duplicate", "reorder", "swap",
                     "drop"}
