"""Fuzzing (issue 4): random and mutated workbooks through the whole pipeline, never a crash.

Two fuzzers, each bounded in time and seeded so that a run can be repeated:
(a) random workbooks (tests/strategies.py fuzz_books: cells of random types under real headers
    of the six table kinds, merges, number formats, stray cells) through `check_file`: no
    exception escapes, a CannotCheck is fine, and every finding sits inside the workbook;
(b) the three samples mutated byte by byte (flip, insert, delete, truncate, splice) and inside
    the zip (one part's XML mutated, or a part dropped, and the zip written again) through
    `check_file`: a report or a clean refusal, never `internal_error` (an exception that escaped
    the reader).
Every report is also rendered in each format, and every finding's location must be a cell.

    FUZZ_SECONDS   seconds each fuzzer runs (default 8; the suite stays fast)
    FUZZ_SEED      the first seed (default 4); round n of (a) and mutation n of (b) use
                   FUZZ_SEED + n, so a failure names what reproduces it
    FUZZ_SAVE      a folder where every crashing input is written (default: the test's tmp_path)
    FUZZ_KEEP_GOING  set: run the whole time and fail at the end with every problem found

A long run by hand: FUZZ_SECONDS=600 FUZZ_SAVE=/tmp/crashes FUZZ_KEEP_GOING=1 pytest
tests/test_fuzz.py. A crash
found is minimised by hand and kept in tests/fuzz_corpus/, which test_corpus runs every time; a
crash not yet fixed is there as a strict xfail (KNOWN), and the fuzzers pass over its signature
(KNOWN_CRASHES) so that they keep looking for new ones.
"""

from __future__ import annotations

import io
import os
import random
import re
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings

from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.report import Report
from renjacheck.values import Location
from renjacheck.reporters import REPORTERS
from tests.strategies import fuzz_books, save

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "fuzz_corpus"
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "8"))
FIRST_SEED = int(os.environ.get("FUZZ_SEED", "4"))
SAVE = os.environ.get("FUZZ_SAVE")
# For long runs by hand: collect every failing input instead of stopping at the first.
KEEP_GOING = bool(os.environ.get("FUZZ_KEEP_GOING"))
# One input may take this long at most: a slow input is a denial of service, a bug too.
SLOW_SECONDS = 20
SETUP = Setup(rules=load_rules())

# Problems already reported, kept in the corpus, by a pattern of their description (see
# `judge`): the fuzzers pass over them until they are fixed, and keep looking for new ones.
KNOWN_CRASHES: dict[str, str] = {}
# Corpus files that still fail: strict xfails, so that the fix shows as a failure to remove.
KNOWN: dict[str, str] = {}


def keep(data: bytes, name: str, folder: Path) -> Path:
    """Write a crashing input where it can be picked up: FUZZ_SAVE, or the test's folder."""
    target = Path(SAVE) if SAVE else folder
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    path.write_bytes(data)
    return path


def judge(path: Path, extents: dict[str, tuple[int, int]] | None = None,
          known: bool = True) -> tuple[list[str], float]:
    """(what went wrong, seconds taken) checking `path` and rendering its report in every
    format: an exception that escaped the reader (`internal_error`), a finding whose location
    is no cell (or, given the sheets' `extents`, a cell outside them), a reporter that fails.
    With `known`, the problems of KNOWN_CRASHES are left out."""
    start = time.perf_counter()
    report = check_file(path, SETUP)
    seconds = time.perf_counter() - start
    problems = []
    if report.error == "internal_error":
        problems.append(f"internal_error: {report.error_args.get('reason')}")
    sound = []
    for finding in report.findings:
        odd = [loc for loc in finding.locations if not isinstance(loc, Location)]
        if extents is not None:
            odd += [loc for loc in finding.locations if isinstance(loc, Location)
                    and not _inside(loc, extents)]
        if odd:
            problems.append(f"{finding.rule}: location {odd[0]}")
        else:
            sound.append(finding)
    report.findings = sound  # a reporter cannot be blamed for a location that is no cell
    for fmt, lang in (("json", "id"), ("text", "en")):
        try:
            REPORTERS[fmt](lang).render(Report(files=[report]))
        except Exception as exc:  # noqa: BLE001 - any exception is the finding
            problems.append(f"render {fmt}: {type(exc).__name__}: {exc}")
    if known:
        problems = [p for p in problems if not any(re.search(k, p) for k in KNOWN_CRASHES)]
    return problems, seconds


def _inside(loc: Location, extents: dict[str, tuple[int, int]]) -> bool:
    if loc.sheet not in extents:
        return False
    rows, cols = extents[loc.sheet]
    return 1 <= loc.row <= (loc.end_row or loc.row) <= rows and \
        1 <= loc.col <= (loc.end_col or loc.col) <= cols


# ---- (a) random workbooks -------------------------------------------------------------------

def test_random_workbooks_never_crash(tmp_path):
    folder = tmp_path / "books"
    folder.mkdir()
    rounds, examples, failures = 0, [0], []

    # No shrinking: on these workbooks it can take minutes. The input is kept and minimised
    # by hand into tests/fuzz_corpus/.
    @settings(max_examples=8, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(fuzz_books())
    def one(sheets):
        examples[0] += 1
        path = save(folder / "book.xlsx", sheets)
        problems, _ = judge(path, {sheet.name: sheet.extent for sheet in sheets})
        if problems:
            kept = keep(path.read_bytes(), f"book-{FIRST_SEED + rounds}-{examples[0]}.xlsx",
                        tmp_path)
            failures.append(f"{problems} (input kept as {kept})")
            if not KEEP_GOING:
                pytest.fail(failures[-1])

    deadline = time.monotonic() + SECONDS
    while rounds == 0 or time.monotonic() < deadline:
        seed(FIRST_SEED + rounds)(one)()
        rounds += 1
    print(f"{examples[0]} random workbooks in {rounds} rounds")
    assert failures == []
    assert examples[0] >= 8


# ---- (b) mutated samples --------------------------------------------------------------------

WEIRD = ["", "0", "-1", "A0", "XFD1048576", "A1048577", "XFE1", "ZZZZ99999999", "A1:XFD1048576",
         "B2:A1", "A1:A1", "1e309", "NaN", "inf", "-0", "99999999999999999999", "s", "n", "e",
         "str", "b", "inlineStr", "d", "true", "x" * 2000, "&amp;", "&#0;", "&", "<", "\u00ff",
         "\U0001f4c5", "General", "0.00%", "[Red]", "../../x.xml", "/xl/worksheets/sheet9.xml",
         "rId999", "A1 B2", "1.5", "12345678901234567890", "2024-01-05T00:00:00", "#DIV/0!"]
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_TEXT = re.compile(rb">([^<]+)<")
_CLOSING = re.compile(rb"</[\w:]+>")
_ELEMENT = re.compile(rb"<(c|row|mergeCell|si|sheet|xf|numFmt|Relationship|Override)\b[^>]*?"
                      rb"(?:/>|>.*?</\1>)", re.DOTALL)


def _span(rng: random.Random, size: int, most: int) -> tuple[int, int]:
    start = rng.randrange(max(size, 1))
    return start, min(size, start + rng.randint(1, most))


def mutate_bytes(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """The file itself damaged: bytes flipped, inserted, deleted, truncated or copied."""
    b = bytearray(data)
    op = rng.choice(["flip", "insert", "delete", "truncate", "splice"])
    if op == "flip":
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] ^= rng.randint(1, 255)
    elif op == "insert":
        at = rng.randrange(len(b) + 1)
        b[at:at] = rng.randbytes(rng.randint(1, 64))
    elif op == "delete":
        start, end = _span(rng, len(b), 256)
        del b[start:end]
    elif op == "truncate":
        del b[rng.randrange(len(b)):]
    else:
        start, end = _span(rng, len(b), 512)
        at = rng.randrange(len(b))
        b[at:at] = b[start:end]
    return op, bytes(b)


def mutate_xml(xml: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One part's XML damaged or made strange, as a script or a broken tool might write it."""
    op = rng.choice(["flip", "delete", "duplicate", "truncate", "attribute", "attribute",
                     "text", "text", "closing", "element", "element", "doctype"])
    b = bytearray(xml)
    if op == "flip":
        for _ in range(rng.randint(1, 4)):
            b[rng.randrange(len(b))] ^= rng.randint(1, 255)
        return op, bytes(b)
    if op in ("delete", "duplicate"):
        start, end = _span(rng, len(b), 200)
        b[start:end] = b"" if op == "delete" else b[start:end] * 2
        return op, bytes(b)
    if op == "truncate":
        return op, xml[:rng.randrange(len(xml))]
    if op == "doctype":  # must be refused as xml_dtd, never expanded
        return op, b'<!DOCTYPE x [<!ENTITY e "e">]>' + xml.split(b"?>", 1)[-1]
    pattern = {"attribute": _ATTRIBUTE, "text": _TEXT, "closing": _CLOSING,
               "element": _ELEMENT}[op]
    matches = list(pattern.finditer(xml))
    if not matches:
        return op + " (no match)", xml
    m = rng.choice(matches)
    weird = rng.choice(WEIRD).encode()
    if op == "attribute":
        new = xml[:m.start(2)] + weird + xml[m.end(2):]
        return f"{op} {m.group(1).decode()}={weird[:20]!r}", new
    if op == "text":
        return f"{op} {weird[:20]!r}", xml[:m.start(1)] + weird + xml[m.end(1):]
    if op == "closing":
        return op, xml[:m.start()] + xml[m.end():]
    # An element twice, or gone: two cells at one address, a sheet listed twice, ...
    twice = rng.random() < 0.7
    return f"{op} {m.group(1).decode()} {'twice' if twice else 'dropped'}", \
        xml[:m.start()] + (m.group(0) * 2 if twice else b"") + xml[m.end():]


def _parts_weighted(names: list[str], rng: random.Random) -> str:
    # Sheets, strings and styles hold most of what the reader interprets: pick them more.
    weights = [5 if "worksheets/sheet" in n else 3 if n.endswith(("sharedStrings.xml",
               "styles.xml", "workbook.xml", ".rels")) else 1 for n in names]
    return rng.choices(names, weights)[0]


def mutate_zip(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """A part of the workbook mutated (or dropped), and the zip written again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    except Exception:  # noqa: BLE001 - an earlier mutation broke the zip: damage it further
        return mutate_bytes(data, random.Random(rng.random()))
    name = _parts_weighted(list(parts), rng)
    if rng.random() < 0.05:
        del parts[name]
        what = "dropped"
    else:
        what, parts[name] = mutate_xml(parts[name], rng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return f"{name}: {what}", buffer.getvalue()


def mutation(n: int, samples: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    """Mutation number `n`: the same for the same FUZZ_SEED, whatever ran before it."""
    rng = random.Random(f"{FIRST_SEED}/{n}")
    name, data = rng.choice(samples)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):  # now and then several mutations at once
        what, data = mutate_zip(data, rng) if rng.random() < 0.75 else mutate_bytes(data, rng)
        name += f" | {what}"
    return name, data


# The seed as other producers write it (tests/variants.py), mutated too: the reader's paths for
# Strict namespaces, prefixes, UTF-16, free part names, shared and rich strings, references
# without `r` or in lower case, the 1904 system.
VARIANT_SEEDS = [["shared_strings", "strict", "prefixed", "free_names", "utf16"],
                 ["rich_strings", "no_refs", "lower_refs", "date1904", "dot_targets"]]


def _samples(folder: Path) -> list[tuple[str, bytes]]:
    from tests.variants import apply, read_parts, write_parts

    samples = [(p.name, p.read_bytes()) for p in SAMPLES]
    parts = read_parts(ROOT / "samples" / "banten-2024.xlsx")
    for n, names in enumerate(VARIANT_SEEDS):
        path = write_parts(folder / f"variant-{n}.xlsx", apply(parts, names))
        samples.append((f"banten-2024 as {'+'.join(names)}", path.read_bytes()))
    return samples


def test_mutated_samples_never_crash(tmp_path):
    samples = _samples(tmp_path)
    path = tmp_path / "mutant.xlsx"
    n, slowest, failures = 0, (0.0, ""), []
    deadline = time.monotonic() + SECONDS
    while n == 0 or time.monotonic() < deadline:
        what, data = mutation(n, samples)
        path.write_bytes(data)
        problems, seconds = judge(path)
        if problems:
            kept = keep(data, f"mutant-{FIRST_SEED}-{n}.xlsx", tmp_path)
            failures.append(f"mutation {n} (FUZZ_SEED={FIRST_SEED}): {what}: {problems} "
                            f"(input kept as {kept})")
            if not KEEP_GOING:
                pytest.fail(failures[-1])
        slowest = max(slowest, (seconds, f"mutation {n}: {what}"))
        n += 1
    print(f"{n} mutations, the slowest {slowest[0]:.1f} s ({slowest[1]})")
    assert failures == []
    assert slowest[0] < SLOW_SECONDS, slowest
    assert n >= 10


# ---- the corpus -----------------------------------------------------------------------------

def _corpus():
    for path in sorted(CORPUS.glob("*")):
        if path.suffix != ".xlsx":
            continue  # the README
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[path.name])] \
            if path.name in KNOWN else []
        yield pytest.param(path, id=path.name, marks=marks)


@pytest.mark.parametrize("path", list(_corpus()))
def test_corpus(path):
    assert judge(path, known=False)[0] == []


# What each corpus file reads to once fixed: (rule, first location) of its findings, READ* notes
# left out, or the refusal.
CORPUS_FINDINGS = {
    # PAGU004 had no location: now at the row's first cell, its Total.
    "pagu004-row-without-code-or-uraian.xlsx": [("PAGU004", "P!C2"), ("TBL004", "P!B2")],
    # Rendering a Total of 32 digits raised decimal.InvalidOperation.
    "amount-beyond-28-digits.xlsx": [("PAGU001", "P!D2")],
    # Two rows without indicator were paired as the same indicator; TGT001 crashed on them.
    "tgt001-indicator-missing-on-both-sides.xlsx": [
        ("TBL004", "Capaian!C2"), ("TBL004", "Capaian!D2"), ("TBL004", "Capaian!F2"),
        ("TBL004", "Matriks!D2")],
    # The continuation names BNNP BANTEN only: read by name, BNNK SERANG reported missing.
    "pendanaan-repeat-after-note-fewer-satker.xlsx": [("PAGU006", "Pendanaan!C4")],
    # "¹" is no column number: the row is a data row with a malformed code.
    "column-number-superscript.xlsx": [("PAGU004", "Pendanaan!A2")],
    "zip-version-unsupported.xlsx": "broken_zip",
}


@pytest.mark.parametrize("name", sorted(CORPUS_FINDINGS))
def test_corpus_findings(name):
    report = check_file(CORPUS / name, SETUP)
    want = CORPUS_FINDINGS[name]
    if isinstance(want, str):
        assert (report.error, report.findings) == (want, [])
        return
    assert report.error is None
    assert sorted((f.rule, str(f.locations[0])) for f in report.findings
                  if not f.rule.startswith("READ")) == want


def test_corpus_continuation_reads_its_satker_by_name():
    from renjacheck.model.build import read
    from renjacheck.tables.pendanaan import PENDANAAN

    pendanaan = read(CORPUS / "pendanaan-repeat-after-note-fewer-satker.xlsx").get(PENDANAAN)
    first, second = pendanaan.items
    assert {k: (v.value, str(v.loc)) for k, v in first.amounts.items()} == {
        "BNNP BANTEN": (1, "Pendanaan!C2"), "BNNK SERANG": (2, "Pendanaan!D2")}
    assert {k: v and (v.value, str(v.loc)) for k, v in second.amounts.items()} == {
        "BNNP BANTEN": (1, "Pendanaan!C5"), "BNNK SERANG": None}
    assert (second.kode.value, str(second.total.loc)) == ("3251", "Pendanaan!E5")
