"""The Vietnamese sort key: letters in Vietnamese order first, tone marks only as a tie-break."""

from __future__ import annotations

import pytest

from archive.collation import sort_key


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("An", "Ăn"),
        ("Ăn", "Ân"),
        ("Ân", "Ba"),
        ("Dung", "Đa"),
        ("Ơn", "Pha"),
        ("Uy", "Ưa"),
        ("Ba", "Bà"),  # same letters: the tone decides
        ("Bà", "Bác"),  # different letters: they decide before any tone
        ("Bạch", "Băng"),
        ("An", "Anh"),
        ("Lê An", "Lê Anh"),
        ("Lê Anh", "Lêa"),  # a word ends before a longer word goes on
    ],
)
def test_vietnamese_alphabetical_order(before, after):
    assert sort_key(before) < sort_key(after)


def test_case_spacing_and_the_eth_look_alike_do_not_change_the_order():
    assert sort_key("ĐINH  văn-Ba") == sort_key("Ðinh Văn Ba")


def test_the_key_is_lowercase_ascii_so_any_collation_sorts_it_alike():
    key = sort_key("Nguyễn Thị Ánh, 1975")
    assert key.isascii() and key.isalpha() and key.islower()
