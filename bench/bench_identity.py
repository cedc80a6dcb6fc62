"""What the duplicate check costs per file now that it hashes the canonical text.

An unchanged file on re-import is read, identified and found: no extraction.
The identity used to be SHA-256 of the raw bytes; it is now SHA-256 of the
decoded text in NFC with LF line endings (`identify_text`), and the content
checks (`check_content`, a pass over every character) run only for a text
that is not yet known. This compares, side by side in one process and in
rounds so that the shared machine's load falls on all three alike:

- bytes:     hashlib.sha256(raw) (the old identity);
- identify:  decode + NFC + line endings + SHA-256 (the new identity);
- decode+check: what identifying would cost if it also ran the content checks.

    .venv/bin/python bench/bench_identity.py [--sizes-kb 8 64 1024 4096] [--rounds 5]
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive.extraction.decoding import check_content, content_sha256, decode_bytes

# Invented sentence, repeated to size: NFC like most files, with CRLF line
# endings so that the line-ending pass does real work.
SENTENCE = "Công an tỉnh Bình Khê triển khai nhiệm vụ bảo đảm an ninh, trật tự năm 2025.\r\n"


def _text(size_kb: int) -> bytes:
    data = SENTENCE.encode("utf-8")
    return (data * (size_kb * 1024 // len(data) + 1))[: size_kb * 1024].rsplit(b" ", 1)[0]


def _best(function, data: bytes, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function(data)
        times.append(time.perf_counter() - started)
    return min(times)


def _identify(data: bytes) -> str:
    return content_sha256(decode_bytes(data))


def _decode_and_check(data: bytes) -> str:
    text = decode_bytes(data)
    check_content(text)
    return content_sha256(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes-kb", type=int, nargs="+", default=[8, 64, 1024, 4096])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.rounds}")
    print("| size | bytes | identify | decode+check | identify/bytes | identify/decode+check |")
    print("|---|---|---|---|---|---|")
    for size in args.sizes_kb:
        data = _text(size)
        raw = _best(lambda d: hashlib.sha256(d).hexdigest(), data, args.rounds)
        new = _best(_identify, data, args.rounds)
        full = _best(_decode_and_check, data, args.rounds)
        print(
            f"| {size} KB | {raw * 1e3:.2f} ms | {new * 1e3:.2f} ms | {full * 1e3:.2f} ms "
            f"| {new / raw:.1f} | {new / full:.2f} |"
        )


if __name__ == "__main__":
    main()
