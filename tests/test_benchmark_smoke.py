"""Performance, CI-sized: the seed sample checks within four times a bare openpyxl load of it,
what a run does not need stays off the start-up path, and a budget's amounts are held in
column arrays. benchmarks/run.py has the full cases.

Both commands run as fresh processes, several times each, and the best run of each is
compared: on a shared, noisy machine the best run is the least disturbed one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from renjacheck.workbook.column import MISSING
from renjacheck.workbook.grid import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402
SEED = ROOT / "samples" / "banten-2024.xlsx"
RUNS = 5
# Issue 6: `renjacheck check` on the seed within this many times the bare load.
TARGET = 4.0
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _best(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def test_the_seed_checks_within_four_times_a_bare_openpyxl_load():
    bare = _best([sys.executable, "-c", "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])",
                  str(SEED)])
    check = _best([sys.executable, "-m", "renjacheck", "check", str(SEED)])
    assert check <= TARGET * bare, f"check {check:.2f} s, bare load {bare:.2f} s"


def _imported(*args: str) -> set[str]:
    """The top-level modules a `renjacheck` command imports (its exit code aside)."""
    probe = ("import sys\n"
             "from renjacheck.cli import main\n"
             f"sys.argv = ['renjacheck', *{list(args)!r}]\n"
             "try:\n"
             "    main()\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=ENV, capture_output=True,
                          text=True, check=False)
    return set(done.stderr.strip().splitlines()[-1].split())


def test_help_and_rules_do_not_import_pandas():
    for args in (["--help"], ["rules"]):
        modules = _imported(*args)
        assert "renjacheck" in modules
        assert not {"pandas", "pandera", "numpy", "openpyxl"} & modules, args


def test_a_check_does_not_import_pandas_or_openpyxl():
    # The reader parses the sheet XML itself; the schemas need no DataFrame.
    modules = _imported("check", str(SEED))
    assert "rapidfuzz" in modules  # the check did run
    assert not {"pandas", "pandera", "numpy", "openpyxl"} & modules
    # One workbook needs no pool of processes (a pre-commit hook's run).
    assert not {"concurrent", "multiprocessing"} & modules


def test_a_budget_holds_its_amounts_in_column_arrays(tmp_path):
    # A national budget's memory (issue 6): no amount may fall back to a dict entry of its own.
    sheet = next(g for g in load(generate.budget(tmp_path / "budget.xlsx", rows=300, satker=6))
                 if g.name == "Pendanaan Nasional")
    held = sum(len(c.values) - c.values.count(MISSING) for c in sheet.values.columns.values())
    # Rows 6 on: the grand total and the items, each with six satker amounts and a Jumlah; the
    # few totals past 32 bits are values of their column's list, never of the dict.
    large = [v for c in sheet.values.texts.values() for v in c.values if type(v) is int]
    assert large and min(large) >= 1 << 31 and len(large) < 10
    assert sheet.max_row > 300 and held + len(large) == (sheet.max_row - 5) * 7
    assert not [v for v in sheet.values.other.values() if type(v) is int]
    programs = [r for r in range(7, sheet.max_row + 1)
                if sheet.text(r, 1).count(".") == 2 and sheet.text(r, 1)[3:4] == "."]
    assert programs and sheet.value(6, 3) == sum(sheet.value(r, 3) for r in programs)
    # Its texts are inline strings, one object each in the file: the same name is kept once.
    belanja = [r for r in range(7, sheet.max_row + 1) if sheet.text(r, 2) == "Belanja Bahan"]
    assert len(belanja) > 5 and len({id(sheet.value(r, 2)) for r in belanja}) == 1
    # Its rows of items fill the same columns: one index array for all of them. A merge's
    # columns are its row's: the title's across the table, Kode's, Uraian's and Jumlah's over
    # both header rows.
    assert len({id(sheet.filled[r]) for r in range(7, sheet.max_row + 1)}) == 1
    assert [list(sheet.filled[r]) for r in (1, 4, 7)] == [list(range(1, 10))] * 3


def test_the_rka_budget_is_as_deep_and_repetitive_as_an_rka(tmp_path):
    # The benchmark's RKA budget (benchmarks/generate.py rka): program down to akun, the same
    # komponen under every RO and the same subkomponen letters under every komponen, parents the
    # sums of their children: a check finds nothing in it but the tables it lacks.
    import openpyxl

    from renjacheck.engine import check_files

    path = generate.rka(tmp_path / "rka.xlsx", rows=400, satker=3)
    sheet = openpyxl.load_workbook(path)["Pendanaan Nasional"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6, max_col=6)]
    codes = [row[0] for row in rows]
    assert codes[0] is None and rows[0][1] == "Total Pagu"
    ros = [i for i, code in enumerate(codes) if code and code.count(".") == 2
           and len(code) == 12]
    assert len(ros) >= 8 and all(codes[i + 1] == "051" for i in ros)
    assert codes.count("051") == codes.count("052") == len(ros)
    komponen = [i for i, code in enumerate(codes) if code in ("051", "052", "053")]
    assert all(codes[i + 1] == "A" for i in komponen)
    programs = [row for row in rows if row[0] and row[0].endswith(".WA")]
    assert rows[0][2:] == [sum(p[n] for p in programs) for n in range(2, 6)]
    (file,) = check_files([path]).files
    assert {f.rule for f in file.findings} == {"READ001"}
