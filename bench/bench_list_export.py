"""Stream a whole filtered list export (CSV or JSON Lines) and measure it.

    DATABASE_URL=postgres://.../archive_scale_million python bench/bench_list_export.py
    ... --path '/articles/export/?format=csv&person=1'

Runs in-process through Django's test client against the archive the database
holds, reads the streamed body chunk by chunk without keeping it, and prints
one JSON line: time to the first byte, rows, rows/s, bytes, and the peak
resident memory before and after (it must stay flat whatever the row count).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import peak_rss_mb, setup_django, test_client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", default="/articles/export/?format=csv")
    parser.add_argument("--limit-rows", type=int, default=0, help="stop after this many rows")
    args = parser.parse_args()
    setup_django()
    client = test_client()
    client.get("/healthz")
    before = round(peak_rss_mb(), 1)
    started = time.perf_counter()
    response = client.get(args.path)
    assert response.status_code == 200, response.status_code
    first_byte = None
    rows = size = 0
    for chunk in response.streaming_content:
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(chunk)
        rows += chunk.count(b"\n")
        if args.limit_rows and rows >= args.limit_rows:
            break
    elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "path": args.path,
                "first_byte_s": round(first_byte or 0, 3),
                "rows": rows - 1 if b"format=csv" in args.path.encode() else rows,
                "seconds": round(elapsed, 1),
                "rows_per_s": round(rows / elapsed),
                "mb": round(size / 1e6, 1),
                "peak_rss_mb_before": before,
                "peak_rss_mb_after": round(peak_rss_mb(), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
