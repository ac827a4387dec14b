"""The checks of a server, each in a worker process with a time and a memory limit.

There are as many worker processes as processors, each checking one upload at a time; the
uploads wait their turn in a queue (first come, first served), and a `Ticket` says where each
is: waiting (and its place in the queue), running or done, for the page to show. A worker that
runs past the time limit, or dies (out of memory, killed), is ended and replaced: only its own
upload is reported as not checked, and the checks of other users go on.

An uploaded workbook is written into a private temporary folder (mode 0700, deleted when the
check ends) under a fixed name, never a name or path from the user; the report names the file
as uploaded (its base name only).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import queue
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
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


class Ticket:
    """Where one upload is: "waiting" for a worker, "running" in one, or "done"."""

    def __init__(self) -> None:
        self.state = "waiting"


def safe_name(name: str | None) -> str:
    """The base name of an uploaded file's name, for display only (never a path), shown safe:
    controls, bidi and zero-width characters escaped (renjacheck.safetext), as everywhere."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return shown(base)[:200] or "upload.xlsx"


def _serve(pipe: Connection, setup: Setup, memory: int) -> None:
    """A worker: check each upload it is handed until told to stop (None)."""
    import resource
    import signal

    # Ctrl-C and SIGTERM are the server's to handle; it ends its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # not on every platform; the time limit stays
        pass
    while True:
        try:
            task = pipe.recv()
        except EOFError:  # the server is gone
            return
        if task is None:
            return
        try:
            checked = _check(setup, *task)
        except MemoryError:  # past the limit outside the check itself: the worker is done
            return
        if checked.report.error_args.get("reason") == "MemoryError":
            # The check ran past the memory limit (check_file turned it into its refusal).
            checked = Checked(FileReport(path=checked.report.path, error="web.out_of_memory",
                                         error_args={"mb": memory // 2 ** 20}))
        pipe.send(checked)


def _check(setup: Setup, name: str, data: bytes, lang: str, copy: bool) -> Checked:
    """Check one upload: the report and (`copy`) the annotated copy's bytes."""
    from renjacheck.engine import check_file
    from renjacheck.workbook.safety import CannotCheck

    with tempfile.TemporaryDirectory(prefix="renjacheck-") as folder:
        path = Path(folder) / "upload.xlsx"
        path.write_bytes(data)
        report = check_file(path, setup)
        annotated = None
        if copy and report.error is None:
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


class _Process:
    """One worker process and the pipe to it."""

    def __init__(self, context, setup: Setup, memory: int) -> None:
        self.pipe, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs, setup, memory),
                                       daemon=True)
        self.process.start()
        theirs.close()

    def end(self) -> None:
        """Stop it: asked, then terminated, then killed."""
        from renjacheck.engine.workers import stop

        stop(self.process, self.pipe, ask=True)


class Workers:
    """The worker processes, one per processor, and the queue of uploads waiting for them."""

    def __init__(self, setup: Setup, processes: int, seconds: float,
                 memory: int = MEMORY_LIMIT) -> None:
        self.setup, self.processes, self.seconds, self.memory = setup, processes, seconds, memory
        # A fresh interpreter for each worker (not a fork of the server and its threads).
        self._context = multiprocessing.get_context("spawn")
        self._threads = ThreadPoolExecutor(processes, thread_name_prefix="renjacheck-check")
        self._idle: queue.SimpleQueue[_Process] = queue.SimpleQueue()
        self._all: list[_Process] = []
        self._lock = threading.Lock()
        self._queue: list[Ticket] = []

    @property
    def waiting(self) -> int:
        """How many uploads wait for a worker."""
        return len(self._queue)

    def place(self, ticket: Ticket) -> int:
        """A waiting upload's place in the queue (1 is next), 0 when it waits no more."""
        with self._lock:
            return self._queue.index(ticket) + 1 if ticket in self._queue else 0

    async def check(self, name: str, data: bytes, lang: str, ticket: Ticket | None = None,
                    copy: bool = True) -> Checked:
        """Check one upload when a worker is free, with its annotated copy (`copy`); past the
        time limit, or when its worker died: the file's refusal, and a fresh worker."""
        ticket = ticket or Ticket()
        with self._lock:
            self._queue.append(ticket)
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(self._threads, self._run, ticket,
                                                 (name, data, lang, copy))
        finally:
            with self._lock:
                if ticket in self._queue:  # cancelled before its turn
                    self._queue.remove(ticket)
            ticket.state = "done"
        checked.report.rules = tuple(self.setup.rules)
        return checked

    def _run(self, ticket: Ticket, task: tuple[str, bytes, str, bool]) -> Checked:
        """In a thread of its own: hand the upload to a worker and wait for its report."""
        with self._lock:
            if ticket in self._queue:
                self._queue.remove(ticket)
        ticket.state = "running"
        worker = self._take()
        try:
            worker.pipe.send(task)
            if worker.pipe.poll(self.seconds):
                checked = worker.pipe.recv()
                self._idle.put(worker)
                return checked
            error, args = "web.too_slow", {"seconds": int(self.seconds)}
        except (EOFError, OSError):  # it died: out of memory, or killed
            error, args = "web.worker_died", {}
        self._forget(worker)
        return Checked(FileReport(path=task[0], error=error, error_args=args))

    def _take(self) -> _Process:
        try:
            return self._idle.get_nowait()
        except queue.Empty:  # as many threads as workers: one is started when none is idle
            worker = _Process(self._context, self.setup, self.memory)
            with self._lock:
                self._all.append(worker)
            return worker

    def _forget(self, worker: _Process) -> None:
        worker.end()
        with self._lock:
            self._all.remove(worker)

    def close(self) -> None:
        """Stop the workers (waited for: none is left behind when the server stops)."""
        self._threads.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.end()
