"""Normalised article text -> its structure: title, dateline, lead, body, captions, byline, source.

What belongs here: deciding the role of each line of an article (DOMAIN §1)
from the line classifiers of this package, and cutting the text into
sentences, before any entity is looked for. The extractors then scan only
`extractable_spans`, so page furniture, bylines, source lines and repeated
captions can never produce an entity or count twice.

Each non-empty line is a block: scraped articles put one paragraph per line,
and furniture (timestamps, audio labels) often sits on lines of its own with
no blank line around it. Heuristics are written for the genre, not for the
seed files; each rule says why it exists.
"""

from __future__ import annotations

import re

from archive.extraction.article.bylines import SOURCE_LINE, THEO_LINE, byline_author
from archive.extraction.article.captions import is_caption_like
from archive.extraction.article.dateline import date_only, is_title_like, match_dateline, with_year
from archive.extraction.article.furniture import (
    AGENCY_PREFIX,
    GLUED_STAMP,
    IMAGE_LINE,
    STAMP_LINE,
    is_furniture,
    mark_related_lists,
)
from archive.extraction.article.sentences import split_sentences
from archive.extraction.dates import find_dates
from archive.extraction.normalize import fold_spaces
from archive.extraction.published import FROM_STAMP
from archive.extraction.types import (
    ArticleStructure,
    Block,
    BlockKind,
    Dateline,
    PartialDate,
)

_SENTENCE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.LEAD, BlockKind.PARAGRAPH, BlockKind.CAPTION,
     BlockKind.CAPTION_REPEAT}
)  # fmt: skip
_EXTRACTABLE = frozenset({BlockKind.TITLE, BlockKind.LEAD, BlockKind.PARAGRAPH, BlockKind.CAPTION})

_LINE = re.compile(r"[^\n][^\n]*")  # not "[^\n]+": a leading class lets the engine skip ahead


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def parse_structure(text: str) -> ArticleStructure:
    """The structure of an article; `text` must already be `normalize_text`-ed."""
    spans = _line_spans(text)
    lines = [text[s:e] for s, e in spans]
    kinds: list[BlockKind | None] = [
        BlockKind.FURNITURE if is_furniture(line) else None for line in lines
    ]
    mark_related_lists(lines, kinds)
    blocks: list[Block] = []
    stamps: list[PartialDate] = [
        d for x, k in zip(lines, kinds, strict=True) if k is BlockKind.FURNITURE
        if STAMP_LINE.match(x) for _, _, d in find_dates(x) if d.year
    ]  # fmt: skip
    content = [i for i, k in enumerate(kinds) if k is None]

    title = ""
    cursor = 0
    if len(content) > 1:
        i = content[0]
        s, e = spans[i]
        glued = GLUED_STAMP.search(lines[i])
        if glued:
            stamp_start = s + glued.start("stamp")
            blocks.append(Block(BlockKind.FURNITURE, stamp_start, e))
            stamps[:0] = [d for _, _, d in find_dates(glued.group("stamp")) if d.year]
            e = s + glued.start()
        if is_title_like(text[s:e]):
            kinds[i], spans[i], title, cursor = BlockKind.TITLE, (s, e), text[s:e], 1
        elif glued:
            spans[i] = (s, e)

    dateline: Dateline | None = None
    if cursor < len(content):
        i = content[cursor]
        kinds[i] = BlockKind.LEAD
        s, e = spans[i]
        prefix = AGENCY_PREFIX.match(text, s, e)
        if prefix and prefix.end() < e:
            blocks.append(Block(BlockKind.FURNITURE, s, prefix.end()))
            s = prefix.end()
            spans[i] = (s, e)
        found = match_dateline(text[s:e])
        if found:
            date, place, date_end = found
            date = with_year(date, stamps)
            dateline = Dateline(date, place.strip(), s, s + date_end)
        cursor += 1

    rest = content[cursor:]
    source_name = source_url = author = ""
    for i in reversed(rest[-3:]):
        source = SOURCE_LINE.match(lines[i])
        theo = THEO_LINE.match(lines[i])
        if source and (source.group("name") or source.group("url")):
            kinds[i] = BlockKind.SOURCE
            source_name = source_name or source.group("name").strip()
            source_url = source_url or (source.group("url") or "")
        elif theo and i == rest[-1]:
            kinds[i], source_name = BlockKind.SOURCE, source_name or theo.group("name").strip()
    remaining = [i for i in rest if kinds[i] is None]
    if remaining:
        found_author = byline_author(lines[remaining[-1]])
        if found_author:
            kinds[remaining[-1]], author = BlockKind.BYLINE, found_author
            remaining.pop()

    captions: list[str] = []
    previous: int | None = None
    previous_line = ""  # fold_spaces(lines[previous])
    for i in remaining:
        line = fold_spaces(lines[i])
        if previous is not None and previous_line == line:
            if kinds[previous] is BlockKind.PARAGRAPH:
                kinds[previous] = BlockKind.CAPTION
                captions.append(lines[previous])
            kinds[i] = BlockKind.CAPTION_REPEAT
        elif is_caption_like(lines[i], after_image=i > 0 and bool(IMAGE_LINE.match(lines[i - 1]))):
            kinds[i] = BlockKind.CAPTION
            captions.append(lines[i])
            previous, previous_line = i, line
        else:
            kinds[i] = BlockKind.PARAGRAPH
            previous, previous_line = i, line

    for i, kind in enumerate(kinds):
        blocks.append(Block(kind or BlockKind.PARAGRAPH, *spans[i]))
    blocks.sort(key=lambda b: b.start)
    sentences = [
        sentence
        for b in blocks
        if b.kind in _SENTENCE_KINDS
        for sentence in split_sentences(text, b.start, b.end)
    ]
    published = dateline.date if dateline else date_only(stamps[0]) if stamps else None
    inferred = published is not None and published.year_inferred
    return ArticleStructure(
        text=text,
        title=title,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        dateline=dateline,
        published=published,
        published_evidence=FROM_STAMP if inferred else "",
        author=author,
        source_name=source_name,
        source_url=source_url,
        captions=tuple(captions),
    )


def extractable_spans(structure: ArticleStructure) -> list[tuple[int, int]]:
    """Spans entity extractors scan: title, lead, paragraphs and first captions only."""
    return [(b.start, b.end) for b in structure.blocks if b.kind in _EXTRACTABLE]
