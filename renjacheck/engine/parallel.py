"""Checking many workbooks at once: folders expanded into their workbooks, and files checked
in a pool of processes, one workbook per task, into the same Report `check_files` gives.

A national year is some 250 provincial and city workbooks; each is read and checked
independently, so the work divides over the cores (processes, not threads: reading is pure
Python and holds the interpreter lock). Each worker gets the distinct setups once, when it
starts, and sends back only the file's report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from renjacheck.engine import Setup, check_file, load_rules
from renjacheck.report import FileReport, Report

# Called in the main process after each file: (files done, files in all, the file's report).
Progress = Callable[[int, int, FileReport], None]

# Excel's lock file of an open workbook (`~$renja.xlsx`) is no workbook.
_LOCK_PREFIX = "~$"


def workbooks(paths: Iterable[Path]) -> list[Path]:
    """`paths` with every folder replaced by the .xlsx files under it (recursively, each folder's
    own files first, names sorted without regard to case); each workbook once, at its first
    mention. Files named directly are kept as given, whatever their name, so that a wrong file
    is still reported."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        for file in _expand(path):
            key = file.resolve()
            if key not in seen:  # `data data/jabar` checks jabar's workbooks once
                seen.add(key)
                found.append(file)
    return found


def gather(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """`workbooks(paths)`, and the folders among `paths` that hold no workbook."""
    paths = list(paths)
    return workbooks(paths), [p for p in paths if p.is_dir() and not _expand(p)]


def _expand(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    found: list[Path] = []
    for root, folders, files in os.walk(path):
        # Hidden folders and files are tools' (.git, macOS's `._renja.xlsx` copies on shared
        # drives), never a plan; sorting each level makes the order the same on every machine.
        folders[:] = sorted((f for f in folders if not f.startswith(".")), key=_name_order)
        found.extend(Path(root) / name for name in sorted(files, key=_name_order)
                     if name.lower().endswith(".xlsx")
                     and not name.startswith((".", _LOCK_PREFIX)))
    return found


def _name_order(name: str) -> tuple[str, str]:
    # As a file manager lists them (Jakarta between banten and jambi); case decides ties only.
    return name.casefold(), name


def cores() -> int:
    """The processors this process may run on (what `jobs=0` or None uses)."""
    if hasattr(os, "sched_getaffinity"):  # a container or `taskset` may allow fewer than exist
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def check_many(paths: list[Path], rules=None, resolve: Callable[[Path], Setup] | None = None,
               jobs: int | None = 1, progress: Progress | None = None,
               timeout: float | None = None) -> Report:
    """`check_files`, in `jobs` processes (0 or None: one per core); the Report lists the files
    in the order given, whatever order they finish in. `progress` is called as each finishes.
    In processes, a file whose worker dies or runs past `timeout` seconds is not checked."""
    if resolve is None:
        setup = Setup(rules=load_rules() if rules is None else rules)
        resolve = lambda _path: setup  # noqa: E731
    setups: list[Setup] = []
    index: dict[int, int] = {}  # id of a setup -> its position in `setups`
    tasks = []
    for path in paths:
        setup = resolve(path)
        if id(setup) not in index:
            index[id(setup)] = len(setups)
            setups.append(setup)
        tasks.append((path, index[id(setup)]))
    jobs = min(jobs or cores(), len(paths))
    reports: list[FileReport | None] = [None] * len(paths)
    if jobs <= 1:
        for n, (path, which) in enumerate(tasks):
            reports[n] = check_file(path, setups[which])
            if progress is not None:
                progress(n + 1, len(paths), reports[n])
        return Report(files=reports)
    # Only a pool needs it: multiprocessing costs a one-file check (a pre-commit hook's) time.
    from renjacheck.engine.workers import run_pool

    finished = 0

    def done(n: int, report: FileReport) -> None:
        nonlocal finished
        finished += 1
        # Each report names its rules: the main process's own, not a copy per file.
        report.rules = tuple(setups[tasks[n][1]].rules)
        reports[n] = report
        if progress is not None:
            progress(finished, len(paths), report)

    run_pool(tasks, setups, jobs, timeout, done)
    return Report(files=reports)
