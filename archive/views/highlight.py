"""An article's text as the reader sees it: blocks in order, mentions marked and linked.

Pure functions over `Article.text`, `Article.blocks` and mention offsets
(all in the same character space). They compute the pieces of each block;
the template `archive/includes/marked_text.html` draws them, auto-escaped.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import NamedTuple

# Blocks a reader does not need: a caption printed twice in a row (alt text
# and caption of a scraped page) and page furniture.
HIDDEN_KINDS = frozenset({"caption_repeat", "furniture"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "person", "organisation", "directive", or "hit" (a searched phrase, no link)
    url: str
    label: str  # the entity's name, for the link's title
    hit: bool = False  # a mention that is also a searched phrase


class Piece(NamedTuple):
    """A run of a block's text: plain (no kind), or the part of a mention inside the block.

    A tuple, so that the template unpacks it in its loop: a page of tens of
    thousands of pieces then costs no attribute look-ups.
    """

    text: str
    kind: str = ""  # a mention's kind, or "hit" (a searched phrase, no link)
    url: str = ""
    label: str = ""
    hit: bool = False  # a mention that is also a searched phrase


@dataclass(frozen=True)
class ReadingBlock:
    kind: str
    pieces: tuple[Piece, ...]


def outermost(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: of two that overlap, the one starting first (then longer) wins.

    An organisation inside a post ("Giám đốc Sở X") can overlap a person's
    span; marks cannot nest inside links, so one of them must give way.
    """
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= span.start:
            continue
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def mark_text(text: str, start: int, end: int, spans: list[Span]) -> tuple[Piece, ...]:
    """text[start:end] as pieces; `spans` are outermost() spans, each cut to the block."""
    pieces: list[Piece] = []
    cursor = start
    for span in spans:
        s, e = max(span.start, start), min(span.end, end)
        if e <= s or s < cursor:
            continue
        if cursor < s:
            pieces.append(Piece(text[cursor:s]))
        pieces.append(Piece(text[s:e], span.kind, span.url, span.label, span.hit))
        cursor = e
    if cursor < end:
        pieces.append(Piece(text[cursor:end]))
    return tuple(pieces)


def with_hits(spans: list[Span], hits: list[tuple[int, int]]) -> list[Span]:
    """Mentions and search hits together: a mention overlapping a hit is marked as one.

    A hit inside or across a mention cannot nest in its link, so the mention
    carries the mark; a hit elsewhere becomes a span of its own.
    """
    result, spare = [], list(hits)
    for span in spans:
        overlapping = [h for h in hits if h[0] < span.end and h[1] > span.start]
        if overlapping:
            span = replace(span, hit=True)
            spare = [h for h in spare if h not in overlapping]
        result.append(span)
    return result + [Span(start, end, "hit", "", "") for start, end in spare]


def reading_blocks(text: str, blocks: list[dict], spans: list[Span]) -> list[ReadingBlock]:
    """The blocks a reader sees, in order, with their mentions marked.

    An article stored without blocks is shown as paragraphs split on blank lines.
    Outermost spans do not overlap, so both their starts and their ends are
    sorted: each block finds its first span by bisection and reads on only as
    far as its own end. The work is blocks x log(spans) plus the spans drawn,
    not blocks x spans.
    """
    if not blocks:
        blocks = _paragraphs(text)
    spans = outermost(spans)
    ends = [s.end for s in spans]
    result = []
    for block in blocks:
        kind, start, end = block["kind"], block["start"], block["end"]
        if kind in HIDDEN_KINDS:
            continue
        first = bisect_right(ends, start)  # the first span ending inside or after the block
        last = first
        while last < len(spans) and spans[last].start < end:
            last += 1
        pieces = mark_text(text, start, end, spans[first:last])
        result.append(ReadingBlock(kind=kind, pieces=pieces))
    return result


def _paragraphs(text: str) -> list[dict]:
    blocks, cursor = [], 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            start = text.index(stripped, cursor)
            blocks.append({"kind": "paragraph", "start": start, "end": start + len(stripped)})
            cursor = start + len(stripped)
    return blocks
