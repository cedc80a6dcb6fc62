"""Decoding and checking an article file, side by side with a baseline revision's decoding.py.

    .venv/bin/python bench/bench_decoding.py --baseline REV [--sizes-kb 4 64 1024] [--rounds 7]

What a first import does with a file before extracting it: `decode_article`
(decode, then `check_content`, which refuses binary text) and `content_sha256`
(the identity). The working tree's archive/extraction/decoding.py and REV's
(taken from git into a temporary file) run in one process, in alternation, on
the same invented text (CRLF line endings, so that the identity's line-ending
pass does work); the figure is the best of `--rounds` per size. Both must
accept and refuse the same inputs with the same messages: a few odd files are
checked first.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from common import ROOT

SENTENCE = "Công an tỉnh Bình Khê triển khai nhiệm vụ bảo đảm an ninh, trật tự năm 2025.\r\n"
ODD_FILES = (
    b"",
    b"   \n",
    b"a\x01b",
    b"x" * 50 + b"\x01" * 9,
    "\u0085".encode() * 20 + b"abc" * 100,
    b"\xef\xbb\xbfhello",
    "\u00a0\u2003".encode(),
    b"\xff\xfeh\x00i\x00",
    b"caf\xe9",
)


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _outcome(module: ModuleType, data: bytes) -> tuple[str, str]:
    try:
        return "ok", module.content_sha256(module.decode_article(data))
    except ValueError as error:
        return type(error).__name__, str(error)


def _best(module: ModuleType, data: bytes, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        module.content_sha256(module.decode_article(data))
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", required=True, metavar="REV")
    parser.add_argument("--sizes-kb", type=int, nargs="+", default=[4, 64, 1024])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    source = subprocess.run(
        ["git", "show", f"{args.baseline}:archive/extraction/decoding.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory(prefix="bench_decoding_") as scratch:
        old_path = Path(scratch) / "baseline_decoding.py"
        old_path.write_bytes(source)
        old = _load(old_path, "baseline_decoding")
        new = _load(ROOT / "archive" / "extraction" / "decoding.py", "current_decoding")
    for data in ODD_FILES:
        assert _outcome(old, data) == _outcome(new, data), data
    print(f"same decisions on {len(ODD_FILES)} odd files")
    print("size      baseline   current   speed-up")
    data_line = SENTENCE.encode("utf-8")
    for size in args.sizes_kb:
        data = (data_line * (size * 1024 // len(data_line) + 1))[: size * 1024].rsplit(b" ", 1)[0]
        base, current = _best(old, data, args.rounds), _best(new, data, args.rounds)
        print(f"{size:5} kB {base * 1e3:8.3f} ms {current * 1e3:8.3f} ms {base / current:6.1f}x")


if __name__ == "__main__":
    main()
