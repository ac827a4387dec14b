"""N concurrent uploads to a running `renjacheck serve`: throughput and p50/p95 latency.

    renjacheck serve --port 8000 &
    python benchmarks/serve.py samples/banten-2024.xlsx --budget-rows 5000 --users 20

Each workbook named (and, with --budget-rows, a budget of that many rows made by
benchmarks/generate.py) is sent by N users at once to POST /api/check (or, with --page, from the
page, which also makes the annotated copy); for each, the wall time of the N uploads, checks per
second, and the median and 95th percentile of one upload's time.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx


def api(url: str, name: str, data: bytes) -> None:
    """One upload to the API, answered with the report."""
    response = httpx.post(f"{url}/api/check", timeout=600, files={"file": (name, data)})
    response.raise_for_status()
    if "error" in response.json()["files"][0]:  # a refusal is no measure of a check
        raise SystemExit(f"{name}: {response.json()['files'][0]['error']['message']}")


def page(url: str, name: str, data: bytes) -> None:
    """One upload from the page, as a browser makes it: the job's page reloaded each second
    until the result (with its annotated copy) is there; polled here every 0.1 s."""
    with httpx.Client(base_url=url, timeout=600) as client:
        job = client.post("/check", files={"file": (name, data)}).headers["location"]
        while 'http-equiv="refresh"' in (text := client.get(job).text):
            time.sleep(0.1)
        if "annotated.xlsx" not in text:
            raise SystemExit(f"{name}: no annotated copy in the result page")


def measure(url: str, name: str, data: bytes, users: int, way) -> str:
    """Send `data` from `users` users at once; one line of figures."""

    def one(_n: int) -> float:
        start = time.perf_counter()
        way(url, name, data)
        return time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(users) as pool:
        times = sorted(pool.map(one, range(users)))
    wall = time.perf_counter() - start
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    return (f"{name} ({len(data) // 1024} KB): {users} concurrent uploads in {wall:.2f} s, "
            f"{users / wall:.1f} checks/s, p50 {statistics.median(times):.2f} s, "
            f"p95 {p95:.2f} s")


def main() -> None:
    """Send the uploads, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("files", type=Path, nargs="*")
    parser.add_argument("--budget-rows", type=int, default=0,
                        help="also a generated budget of this many rows")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--page", action="store_true",
                        help="upload from the page (with the annotated copy), not the API")
    args = parser.parse_args()
    way = page if args.page else api
    with tempfile.TemporaryDirectory() as folder:
        files = list(args.files)
        if args.budget_rows:
            from generate import budget  # benchmarks/generate.py, beside this script

            files.append(budget(Path(folder) / f"anggaran-{args.budget_rows}.xlsx",
                                rows=args.budget_rows, satker=10))
        for path in files:
            data = path.read_bytes()
            way(args.url, path.name, data)  # once first: the workers started, not measured
            print(measure(args.url, path.name, data, args.users, way), flush=True)


if __name__ == "__main__":
    main()
