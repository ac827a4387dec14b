"""N concurrent uploads to a running `renjacheck serve`: throughput and p50/p95 latency.

    renjacheck serve --port 8000 &
    python benchmarks/serve.py samples/banten-2024.xlsx --users 20 --url http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx


def main() -> None:
    """Send the uploads, print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    data = args.file.read_bytes()

    def one(_n: int) -> float:
        start = time.perf_counter()
        response = httpx.post(f"{args.url}/api/check", timeout=300,
                              files={"file": (args.file.name, data)})
        response.raise_for_status()
        return time.perf_counter() - start

    start = time.perf_counter()
    with ThreadPoolExecutor(args.users) as pool:
        times = sorted(pool.map(one, range(args.users)))
    wall = time.perf_counter() - start
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(f"{args.file.name}: {args.users} concurrent uploads in {wall:.2f} s, "
          f"{args.users / wall:.1f} checks/s, p50 {statistics.median(times):.2f} s, "
          f"p95 {p95:.2f} s")


if __name__ == "__main__":
    main()
