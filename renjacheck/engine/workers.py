"""Worker processes for `check --jobs`: each holds one file at a time, so a worker that dies
(killed, as the OOM killer would) or runs past the time limit costs only its own file, reported
as not checked, and the other files' reports still come out.

concurrent.futures' pool cannot say which file a dead worker held, and breaks every pending file
with it (BrokenProcessPool); here the main process hands out the files one by one and watches
each worker's pipe and its process.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from renjacheck.engine import Setup, check_file
from renjacheck.report import FileReport

# A worker ended for running too long is given this long to go before it is killed.
_GRACE = 1.0


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    pipe: Connection
    task: int | None = None  # the position of the file it holds
    deadline: float | None = None


def run_pool(tasks: list[tuple[Path, int]], setups: list[Setup], jobs: int,
             timeout: float | None, done: Callable[[int, FileReport], None]) -> None:
    """Check each (path, setup index) of `tasks` in `jobs` processes; `done(position, report)`
    as each finishes (a file whose worker died or ran past `timeout` seconds: not checked)."""
    context = multiprocessing.get_context()
    waiting = deque(range(len(tasks)))
    workers: list[_Worker] = []

    def start() -> _Worker:
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, setups), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def hand(worker: _Worker) -> None:
        if not waiting:
            return
        worker.task = waiting.popleft()
        worker.deadline = time.monotonic() + timeout if timeout else None
        worker.pipe.send(tasks[worker.task])

    def lost(worker: _Worker, key: str, **args) -> None:
        path = tasks[worker.task][0]
        done(worker.task, FileReport(path=str(path), error=key, error_args=args))
        _end(worker)
        workers.remove(worker)
        if waiting:
            fresh = start()
            workers.append(fresh)
            hand(fresh)

    try:
        for _ in range(min(jobs, len(tasks))):
            workers.append(start())
            hand(workers[-1])
        while any(w.task is not None for w in workers):
            busy = [w for w in workers if w.task is not None]
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait([w.pipe for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for worker in busy:
                if worker.pipe in ready:
                    try:
                        report = worker.pipe.recv()
                    except (EOFError, OSError):  # died while sending
                        lost(worker, "worker_died", code=_code(worker))
                        continue
                    task, worker.task = worker.task, None
                    done(task, report)
                    hand(worker)
                elif worker.process.sentinel in ready:
                    lost(worker, "worker_died", code=_code(worker))
                elif worker.deadline is not None and time.monotonic() >= worker.deadline:
                    lost(worker, "file_timeout", seconds=timeout)
    finally:
        for worker in workers:
            _end(worker, polite=True)


def _code(worker: _Worker) -> str:
    """How the worker ended: `SIGKILL` for a signal, else its exit code."""
    worker.process.join(_GRACE)
    code = worker.process.exitcode
    if code is not None and code < 0:
        import signal

        try:
            return signal.Signals(-code).name
        except ValueError:
            return str(code)
    return str(code)


def _end(worker: _Worker, polite: bool = False) -> None:
    """Stop a worker: asked to when it has nothing left, else terminated, then killed."""
    stop(worker.process, worker.pipe, ask=polite and worker.task is None)


def stop(process: multiprocessing.process.BaseProcess, pipe: Connection, ask: bool) -> None:
    """Stop a worker process: asked to (`ask`: None down its pipe), else terminated, then
    killed; its pipe closed. Shared with the server's workers (renjacheck/web/work.py)."""
    if ask and process.is_alive():
        try:
            pipe.send(None)
        except OSError:
            pass
        process.join(_GRACE)
    if process.is_alive():
        process.terminate()
        process.join(_GRACE)
    if process.is_alive():
        process.kill()
        process.join()
    pipe.close()


def _serve(pipe: Connection, setups: list[Setup]) -> None:
    """A worker: check each file it is handed until told to stop (None)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    while True:
        try:
            task = pipe.recv()
        except EOFError:  # the main process is gone
            return
        if task is None:
            return
        path, which = task
        report = check_file(path, setups[which])
        report.rules = ()  # the main process has them: not sent back with every file
        try:
            pipe.send(report)
        except Exception as exc:  # a report that cannot be pickled: said, not a traceback
            pipe.send(FileReport(path=str(path), error="internal_error",
                                 error_args={"reason": type(exc).__name__}))
