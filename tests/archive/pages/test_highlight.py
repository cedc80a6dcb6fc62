"""Marking mentions in an article's text: offsets, overlaps, block boundaries (no database)."""

from __future__ import annotations

from itertools import pairwise

from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.views.highlight import Span, mark_text, outermost, reading_blocks


def span(start: int, end: int, kind: str = "person") -> Span:
    return Span(start, end, kind, f"/{kind}/{start}/", f"tên {start}")


def draw(pieces) -> str:
    return render_to_string("archive/includes/marked_text.html", {"pieces": pieces})


def test_of_overlapping_spans_the_first_and_longest_wins():
    spans = [span(5, 9), span(0, 6), span(0, 4), span(10, 12)]
    assert [(s.start, s.end) for s in outermost(spans)] == [(0, 6), (10, 12)]


def test_empty_or_reversed_spans_are_ignored():
    assert outermost([span(3, 3), span(5, 2)]) == []


def test_marked_text_keeps_every_character_in_order():
    text = "Ông Lê Văn Tám và Bộ Tư pháp."
    html = draw(mark_text(text, 0, len(text), [span(4, 14), span(18, 28, "organisation")]))
    assert html == (
        'Ông <a class="mention mention-person" href="/person/4/" title="tên 4">'
        "<mark>Lê Văn Tám</mark></a> và "
        '<a class="mention mention-organisation" href="/organisation/18/" title="tên 18">'
        "<mark>Bộ Tư pháp</mark></a>."
    )


def test_the_text_and_the_link_title_are_escaped():
    text = '<script>x</script> "Ông <b>"'
    mention = Span(19, 28, "person", "/people/1/", '"><script>')
    html = draw(mark_text(text, 0, len(text), [mention]))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'title="&quot;&gt;&lt;script&gt;"' in html


def test_a_span_crossing_a_block_boundary_is_split_cleanly():
    text = "Một hai\n\nba bốn"
    blocks = [
        {"kind": "lead", "start": 0, "end": 7},
        {"kind": "paragraph", "start": 9, "end": 15},
    ]
    result = reading_blocks(text, blocks, [span(4, 11)])
    html = [draw(b.pieces) for b in result]
    assert [h.count("<mark>") for h in html] == [1, 1]
    assert "<mark>hai</mark>" in html[0] and "<mark>ba</mark>" in html[1]


def test_furniture_and_repeated_captions_are_not_shown():
    text = "Ảnh chụp\n\nẢnh chụp\n\nnghe bài viết"
    blocks = [
        {"kind": "caption", "start": 0, "end": 8},
        {"kind": "caption_repeat", "start": 10, "end": 18},
        {"kind": "furniture", "start": 20, "end": 33},
    ]
    assert [b.kind for b in reading_blocks(text, blocks, [])] == ["caption"]


TEXT = "abcdefghij" * 6


# Generation is cheap; on a machine whose cores are all busy (pytest-xdist
# workers beside a browser) Hypothesis's too_slow check would fail on the clock.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    cuts=st.lists(st.integers(0, len(TEXT)), max_size=12),
    raw=st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, 15)), max_size=30),
)
def test_each_block_marks_exactly_the_mentions_that_overlap_it(cuts, raw):
    """Whatever the blocks and mentions, each block shows its own text, with every kept
    mention overlapping it marked over exactly the overlapping characters."""
    bounds = sorted({0, len(TEXT), *cuts})
    blocks = [{"kind": "paragraph", "start": s, "end": e} for s, e in pairwise(bounds)]
    spans = [span(s, s + n) for s, n in raw]
    kept = outermost(spans)
    for block, shown in zip(blocks, reading_blocks(TEXT, blocks, spans), strict=True):
        start, end = block["start"], block["end"]
        assert "".join(p.text for p in shown.pieces) == TEXT[start:end]
        marked, offset = [], start
        for piece in shown.pieces:
            if piece.kind:
                marked.append((offset, offset + len(piece.text), piece.url))
            offset += len(piece.text)
        assert marked == [
            (max(s.start, start), min(s.end, end), s.url)
            for s in kept
            if s.start < end and s.end > start
        ]
