"""Where a search hit lies in a stored text, and the excerpt a result shows around it."""

from __future__ import annotations

from archive.search.hits import Piece, find_hits, marked, snippet

TEXT = (
    "Sáng 5/3, Thượng tướng Đỗ Minh Khôi làm việc tại Hải Lâm. "
    "Bãi đỗ xe được minh bạch hoá; người dân Khôi Sơn hài lòng. "
    "Chiều cùng ngày, đồng chí ĐỖ MINH KHÔI dự hội nghị."
)


def spans(text, hits):
    return [text[start:end] for start, end in hits]


def test_hits_are_the_phrase_in_its_own_spelling_not_its_scattered_syllables():
    hits = find_hits(TEXT, ["do minh khoi"])
    assert spans(TEXT, hits) == ["Đỗ Minh Khôi", "ĐỖ MINH KHÔI"]


def test_of_two_phrases_starting_together_the_longer_is_marked():
    hits = find_hits(TEXT, ["do minh", "do minh khoi"])
    assert spans(TEXT, hits) == ["Đỗ Minh Khôi", "ĐỖ MINH KHÔI"]


def test_a_syllable_is_matched_whole():
    assert find_hits("Quang Trung và quan chức", ["quan"]) == [(15, 19)]


def test_a_snippet_starts_near_the_first_hit_and_marks_the_hits_in_it():
    long_text = "Mở đầu " * 60 + TEXT
    pieces = snippet(long_text, find_hits(long_text, ["do minh khoi"]), length=120)
    assert pieces[0] == Piece("… ")
    assert Piece("Đỗ Minh Khôi", marked=True) in pieces
    assert pieces[-1] == Piece(" …")
    shown = "".join(piece.text for piece in pieces)
    assert len(shown) <= 120 + 4
    assert "Mở đầu Sáng 5/3" in shown  # a little of what comes before the hit


def test_without_a_hit_a_snippet_is_the_start_of_the_text_unmarked():
    pieces = snippet(TEXT, [], length=40)
    assert not any(piece.marked for piece in pieces)
    assert "".join(piece.text for piece in pieces).startswith("Sáng 5/3, Thượng tướng")


def test_line_breaks_in_a_snippet_become_spaces():
    pieces = snippet("Dòng một\n\nĐỗ Minh Khôi", find_hits("Dòng một\n\nĐỗ Minh Khôi", ["khoi"]))
    assert "".join(piece.text for piece in pieces) == "Dòng một Đỗ Minh Khôi"


def test_a_title_is_kept_whole_with_its_hits_marked():
    assert marked("Đỗ Minh Khôi thăm Hải Lâm", [(0, 12)]) == [
        Piece("Đỗ Minh Khôi", marked=True),
        Piece(" thăm Hải Lâm"),
    ]
