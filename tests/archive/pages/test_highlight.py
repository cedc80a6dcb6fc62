"""Marking mentions in an article's text: offsets, overlaps, block boundaries (no database)."""

from __future__ import annotations

from archive.views.highlight import Span, mark_text, outermost, reading_blocks


def span(start: int, end: int, kind: str = "person") -> Span:
    return Span(start, end, kind, f"/{kind}/{start}/", f"tên {start}")


def test_of_overlapping_spans_the_first_and_longest_wins():
    spans = [span(5, 9), span(0, 6), span(0, 4), span(10, 12)]
    assert [(s.start, s.end) for s in outermost(spans)] == [(0, 6), (10, 12)]


def test_empty_or_reversed_spans_are_ignored():
    assert outermost([span(3, 3), span(5, 2)]) == []


def test_marked_text_keeps_every_character_in_order():
    text = "Ông Lê Văn Tám và Bộ Tư pháp."
    html = mark_text(text, 0, len(text), [span(4, 14), span(18, 28, "organisation")])
    assert html == (
        'Ông <a class="mention mention-person" href="/person/4/" title="tên 4">'
        "<mark>Lê Văn Tám</mark></a> và "
        '<a class="mention mention-organisation" href="/organisation/18/" title="tên 18">'
        "<mark>Bộ Tư pháp</mark></a>."
    )


def test_a_span_crossing_a_block_boundary_is_split_cleanly():
    text = "Một hai\n\nba bốn"
    blocks = [
        {"kind": "lead", "start": 0, "end": 7},
        {"kind": "paragraph", "start": 9, "end": 15},
    ]
    result = reading_blocks(text, blocks, [span(4, 11)])
    assert [b.html.count("<mark>") for b in result] == [1, 1]
    assert "<mark>hai</mark>" in result[0].html and "<mark>ba</mark>" in result[1].html


def test_furniture_and_repeated_captions_are_not_shown():
    text = "Ảnh chụp\n\nẢnh chụp\n\nnghe bài viết"
    blocks = [
        {"kind": "caption", "start": 0, "end": 8},
        {"kind": "caption_repeat", "start": 10, "end": 18},
        {"kind": "furniture", "start": 20, "end": 33},
    ]
    assert [b.kind for b in reading_blocks(text, blocks, [])] == ["caption"]
