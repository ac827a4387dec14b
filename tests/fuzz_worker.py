"""The worker of tests/test_fuzz_reader.py: checks each workbook named on stdin with the real
command line (`renjacheck check FILE --format json`), under a memory limit set on the process
and a time limit on each case, and prints one JSON line per case: its exit code, stderr, the
seconds taken and the peak memory so far. Run as a separate process so that a hang or a
runaway allocation is contained and measured, not suffered by the test session.

    python -m tests.fuzz_worker SECONDS MEGABYTES < list-of-paths
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import signal
import sys
import time


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001 - the signal handler's signature
    raise _Timeout


def _one(path: str, seconds: float) -> dict:
    from renjacheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    code: object = None
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            sys.argv = ["renjacheck", "check", path, "--format", "json"]
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    except _Timeout:
        code = "timeout"
    except MemoryError:
        code = "memory"
    except BaseException as exc:  # noqa: BLE001 - anything escaping the CLI is the finding
        code = f"escaped: {type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return {"path": path, "code": code, "stderr": err.getvalue()[-2000:],
            "seconds": round(time.perf_counter() - start, 3),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> None:
    """Check every path read from stdin; one JSON line each on stdout."""
    seconds, megabytes = float(sys.argv[1]), int(sys.argv[2])
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    signal.signal(signal.SIGALRM, _alarm)
    import renjacheck.cli  # noqa: F401 - imported once, before the limit is tight on a case

    stdout = sys.stdout
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(_one(line.strip(), seconds)), file=stdout, flush=True)


if __name__ == "__main__":
    main()
