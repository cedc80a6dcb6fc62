"""Signatures that find copies of one report: the same text printed by several outlets.

A text becomes a set of word 5-grams (shingles), accent-folded and lower-cased,
so that another dateline, byline, caption or a few edited words change only
the shingles they touch. Its signature is a one-permutation MinHash: each
shingle's 64-bit hash falls into one of BINS bins, and a bin keeps the smallest
hash it gets. The share of bins two signatures agree on estimates the Jaccard
similarity of their shingle sets, in one pass over the text. With the sizes
of the two sets, it also estimates how much of the shorter text the longer
one holds: a reprint cut off after two thirds is still a copy.

For look-up, the signature is cut into BANDS bands of ROWS bins; two texts
that share any band become candidates (an indexed equality, never a pairwise
scan), and only candidates whose estimate reaches the threshold are copies.
Two independent reports of one meeting share names and set phrases, but
rarely five words in a row, line after line: their estimate stays far below.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from archive.extraction.normalize import fold_accents, normalize_text

SHINGLE = 5
BINS = 60
ROWS = 3
BANDS = BINS // ROWS
# The share of the shorter text found in the longer from which two texts are
# copies of one report.
COPY_THRESHOLD = 0.6
# Too few shingles to tell a copy from a coincidence.
MIN_SHINGLES = 20
_MASK = (1 << 64) - 1
_EMPTY = _MASK
# An odd 64-bit constant (from the golden ratio) to mix word hashes in order.
_MIX = 0x9E3779B97F4A7C15
# What the first word of a 5-gram weighs in its hash: removed as the window moves.
_MIX_OUT = pow(_MIX, SHINGLE - 1, 1 << 64)
_WORD = re.compile(r"\w+")


def _hash(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


@lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    """A word's 64-bit hash, accent-folded (news reuses its vocabulary: cached)."""
    return _hash(fold_accents(word).encode())


def shingles(text: str) -> set[int]:
    """The hashes of the text's word 5-grams, accent- and case-insensitive.

    A 5-gram's hash is a polynomial of its words' hashes, rolled along the
    text in a few integer operations per word, instead of hashing each
    5-gram's text: the signature stays a small part of an import.
    """
    words = [_word_hash(w) for w in _WORD.findall(normalize_text(text).lower())]
    if len(words) < SHINGLE:
        return set()
    value = 0
    for word in words[:SHINGLE]:
        value = (value * _MIX + word) & _MASK
    result = {value}
    for old, new in zip(words, words[SHINGLE:], strict=False):
        value = ((value - old * _MIX_OUT) * _MIX + new) & _MASK
        result.add(value)
    return result


@dataclass(frozen=True)
class Signature:
    bins: tuple[int, ...]  # BINS minimum hashes
    size: int  # how many shingles the text has


def signature(text: str) -> Signature | None:
    """The text's one-permutation MinHash; None for a text too short to tell."""
    hashes = shingles(text)
    if len(hashes) < MIN_SHINGLES:
        return None
    bins = [_EMPTY] * BINS
    for value in hashes:
        slot, rest = value % BINS, value // BINS
        if rest < bins[slot]:
            bins[slot] = rest
    return Signature(tuple(bins), len(hashes))


def jaccard(one: Signature, other: Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets."""
    used = [(a, b) for a, b in zip(one.bins, other.bins, strict=True) if a != _EMPTY or b != _EMPTY]
    if not used:
        return 0.0
    return sum(a == b for a, b in used) / len(used)


def overlap(one: Signature, other: Signature) -> float:
    """The estimated share of the shorter text's shingles that the longer text has too.

    |A ∩ B| = J (|A| + |B|) / (1 + J), from the Jaccard estimate J.
    """
    j = jaccard(one, other)
    shared = j * (one.size + other.size) / (1 + j)
    return min(1.0, shared / min(one.size, other.size))


def is_copy(one: Signature, other: Signature) -> bool:
    return overlap(one, other) >= COPY_THRESHOLD


def bands(sig: Signature) -> list[int]:
    """The band keys of a signature: signed 63-bit integers, one per band, for an index."""
    keys = []
    for band in range(BANDS):
        rows = sig.bins[band * ROWS : (band + 1) * ROWS]
        data = band.to_bytes(2, "big") + b"".join(v.to_bytes(8, "big") for v in rows)
        keys.append(_hash(data) >> 1)
    return keys


def pack(sig: Signature) -> bytes:
    """The signature as bytes to store: its size, then its bins, 8 bytes each."""
    return b"".join(value.to_bytes(8, "big") for value in (sig.size, *sig.bins))


def unpack(data: bytes) -> Signature:
    values = [int.from_bytes(data[i : i + 8], "big") for i in range(0, len(data), 8)]
    return Signature(tuple(values[1:]), values[0])
