"""An article's text as the reader sees it: blocks in order, mentions marked and linked.

Pure functions over `Article.text`, `Article.blocks` and mention offsets
(all in the same character space). Everything is escaped here, so the HTML
may be marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

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


@dataclass(frozen=True)
class ReadingBlock:
    kind: str
    html: SafeString


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


def mark_text(text: str, start: int, end: int, spans: list[Span]) -> SafeString:
    """text[start:end] as HTML, each span inside it a link around a <mark>."""
    pieces: list[str] = []
    cursor = start
    for span in spans:
        s, e = max(span.start, start), min(span.end, end)
        if e <= s or s < cursor:
            continue
        pieces.append(escape(text[cursor:s]))
        if span.kind == "hit":
            pieces.append(format_html('<mark class="hit">{}</mark>', text[s:e]))
        else:
            pieces.append(
                format_html(
                    '<a class="mention mention-{}{}" href="{}" title="{}"><mark>{}</mark></a>',
                    span.kind,
                    " search-hit" if span.hit else "",
                    span.url,
                    span.label,
                    text[s:e],
                )
            )
        cursor = e
    pieces.append(escape(text[cursor:end]))
    return mark_safe("".join(pieces))


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
    """
    if not blocks:
        blocks = _paragraphs(text)
    spans = outermost(spans)
    result = []
    for block in blocks:
        kind, start, end = block["kind"], block["start"], block["end"]
        if kind in HIDDEN_KINDS:
            continue
        inside = [s for s in spans if s.start < end and s.end > start]
        result.append(ReadingBlock(kind=kind, html=mark_text(text, start, end, inside)))
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
