"""The checks of a server, each in a worker process with a time and a memory limit.

An uploaded workbook is written into a private temporary folder (mode 0700, deleted when the
check ends) under a fixed name, never a name or path from the user; the report names the file
as uploaded (its base name only). A worker that runs past the time limit is killed with its
pool, and a new pool takes the next checks: one hostile workbook cannot stop the server.
"""

from __future__ import annotations

import asyncio

import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from renjacheck.engine import Setup
from renjacheck.report import FileReport
from renjacheck.safetext import shown

MEMORY_LIMIT = 2 * 1024 ** 3  # bytes of address space a worker may use (RLIMIT_AS)


@dataclass
class Checked:
    """One uploaded file's report and, when it could be read, its annotated copy."""

    report: FileReport
    annotated: bytes | None = None


def safe_name(name: str | None) -> str:
    """The base name of an uploaded file's name, for display only (never a path), shown safe:
    controls, bidi and zero-width characters escaped (renjacheck.safetext), as everywhere."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return shown(base)[:200] or "upload.xlsx"


_SETUP: list[Setup] = []


def _start(setup: Setup, memory: int) -> None:
    """A worker's start: the setup it checks with, and its memory limit."""
    import signal

    _SETUP[:] = [setup]
    # A forked worker inherits uvicorn's handlers, which would make it ignore SIGTERM: a
    # worker ends when told to; Ctrl-C is the server's to handle.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):  # not on every platform; the time limit stays
        pass


def _check(name: str, data: bytes, lang: str) -> Checked:
    """Check one upload in this worker: the report and the annotated copy's bytes."""
    from renjacheck.engine import check_file
    from renjacheck.workbook.safety import CannotCheck

    setup = _SETUP[0]
    with tempfile.TemporaryDirectory(prefix="renjacheck-") as folder:
        path = Path(folder) / "upload.xlsx"
        path.write_bytes(data)
        report = check_file(path, setup)
        annotated = None
        if report.error is None:
            from renjacheck.writers.annotate import annotate

            out = Path(folder) / "annotated.xlsx"
            try:
                annotate(path, report, out, lang, setup.limits, data=data)
                annotated = out.read_bytes()
            except (CannotCheck, OSError):
                annotated = None  # the report still stands; the page offers no copy
    report.path = name
    report.rules = ()  # the server has them: not sent back with every file
    return Checked(report, annotated)


class Workers:
    """A pool of worker processes, one per processor, each check with a time limit."""

    def __init__(self, setup: Setup, processes: int, seconds: float,
                 memory: int = MEMORY_LIMIT) -> None:
        self.setup, self.processes, self.seconds, self.memory = setup, processes, seconds, memory
        self.pool = self._pool()
        self.waiting = 0  # checks submitted and not finished (the page says so)

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.processes, initializer=_start,
                                   initargs=(self.setup, self.memory))

    async def check(self, name: str, data: bytes, lang: str) -> Checked:
        """Check one upload; a check past the time limit or a worker that died: the file's
        refusal, and a fresh pool."""
        pool = self.pool
        self.waiting += 1
        try:
            future = asyncio.wrap_future(pool.submit(_check, name, data, lang))
            checked = await asyncio.wait_for(future, self.seconds)
        except asyncio.TimeoutError:
            self._renew(pool)
            return Checked(FileReport(path=name, error="web.too_slow",
                                      error_args={"seconds": int(self.seconds)}))
        except Exception:  # BrokenProcessPool: a worker was killed (memory) or crashed
            self._renew(pool)
            return Checked(FileReport(path=name, error="web.worker_died"))
        finally:
            self.waiting -= 1
        checked.report.rules = tuple(self.setup.rules)
        return checked

    def _renew(self, pool: ProcessPoolExecutor) -> None:
        if pool is not self.pool:
            return  # another check renewed it already
        self.pool = self._pool()
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()  # the check past its time: its worker cannot be asked to stop
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers (waited for: none is left behind when the server stops)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


