"""Decoding article files: which bytes are an article, and what the refusal says."""

from __future__ import annotations

import unicodedata

import pytest

from archive.extraction.decoding import (
    MAX_ARTICLE_BYTES,
    ArticleDecodeError,
    ArticleTooLargeError,
    canonical_text,
    check_size,
    content_sha256,
    decode_article,
    decode_bytes,
)

TEXT = "Ngày 3/2, tại Đà Nẵng, Công an thành phố tổ chức hội nghị.\n"


def test_utf8_without_bom_is_decoded_verbatim() -> None:
    assert decode_article(TEXT.encode("utf-8")) == TEXT


def test_utf8_bom_is_dropped() -> None:
    assert decode_article(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_in_either_byte_order_is_decoded(codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    assert decode_article(bom + TEXT.encode(codec)) == TEXT


def test_decomposed_text_is_not_normalised_here() -> None:
    decomposed = "Co\u0302ng an\n"
    assert decode_article(decomposed.encode("utf-8")) == decomposed


def test_invalid_utf8_names_the_byte_and_offset() -> None:
    data = "Hà Nội ".encode() + b"\xff rest"
    with pytest.raises(ArticleDecodeError) as info:
        decode_article(data, name="a.txt")
    offset = len("Hà Nội ".encode())
    assert f"not valid UTF-8 (byte 0xff at offset {offset})" in str(info.value)
    assert str(info.value).startswith("a.txt: ")


def test_windows_1258_file_is_refused_as_not_utf8() -> None:
    with pytest.raises(ArticleDecodeError, match="not valid UTF-8"):
        decode_article("Công an".encode("cp1258"))


def test_utf16_without_bom_is_refused_as_binary() -> None:
    with pytest.raises(ArticleDecodeError, match="binary file \\(contains NUL bytes\\)"):
        decode_article(TEXT.encode("utf-16-le"))


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(ArticleDecodeError, match="contains NUL bytes"):
        decode_article(b"abc\x00def")


def test_nul_inside_utf16_text_means_binary() -> None:
    with pytest.raises(ArticleDecodeError, match="contains NUL bytes"):
        decode_article(b"\xff\xfe" + "ab\x00cd".encode("utf-16-le"))


def test_many_control_characters_mean_binary() -> None:
    data = bytes(range(1, 9)) * 20 + b"text"
    with pytest.raises(ArticleDecodeError, match="binary file"):
        decode_article(data)


def test_a_few_stray_control_characters_are_tolerated() -> None:
    text = TEXT * 5 + "\x0b\x1f"
    assert decode_article(text.encode()) == text


def test_c1_control_characters_count_as_binary_too() -> None:
    # U+0080-U+009F are controls as much as U+0001-U+001F: a file full of them is mis-decoded.
    text = "Công an tỉnh" + "\x85\x9f" * 20
    with pytest.raises(ArticleDecodeError, match=r"binary file \(40 control characters"):
        decode_article(text.encode())


def test_tabs_form_feeds_and_line_endings_are_text_not_controls() -> None:
    text = (TEXT.replace(" ", "\t") + "\f\v\r\n") * 10
    assert decode_article(text.encode()) == text


def test_empty_file_is_refused() -> None:
    with pytest.raises(ArticleDecodeError, match="empty file"):
        decode_article(b"")


def test_bom_only_file_is_empty() -> None:
    with pytest.raises(ArticleDecodeError, match="empty file"):
        decode_article(b"\xef\xbb\xbf")


def test_whitespace_only_file_is_refused() -> None:
    with pytest.raises(ArticleDecodeError, match="only whitespace"):
        decode_article(" \n\t\n\u00a0 ".encode())


def test_utf32_is_refused_with_its_name() -> None:
    with pytest.raises(ArticleDecodeError, match="UTF-32"):
        decode_article(TEXT.encode("utf-32"))


def test_check_size_accepts_the_limit_itself_and_refuses_one_byte_more() -> None:
    assert check_size(MAX_ARTICLE_BYTES, name="a.txt") is None
    with pytest.raises(ArticleTooLargeError, match=r"a\.txt: file is"):
        check_size(MAX_ARTICLE_BYTES + 1, name="a.txt")


def test_check_size_message_gives_size_and_limit() -> None:
    with pytest.raises(ArticleTooLargeError) as info:
        check_size(50 * 1024 * 1024, name="big.txt")
    assert str(info.value) == "big.txt: file is 50.0 MB; the limit is 5 MB"
    assert info.value.reason == "file is 50.0 MB; the limit is 5 MB"


def test_too_large_is_a_decode_error_and_a_value_error() -> None:
    assert issubclass(ArticleTooLargeError, ArticleDecodeError)
    assert issubclass(ArticleDecodeError, ValueError)


def test_decode_article_refuses_oversized_data() -> None:
    with pytest.raises(ArticleTooLargeError):
        decode_article(b"a" * (MAX_ARTICLE_BYTES + 1))


def test_copies_of_one_text_in_any_encoding_or_line_ending_have_one_identity() -> None:
    copies = [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        b"\xfe\xff" + TEXT.replace("\n", "\r").encode("utf-16-be"),  # old Mac line ends
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    ]

    assert len({content_sha256(decode_bytes(data)) for data in copies}) == 1


def test_texts_that_differ_in_a_visible_character_have_two_identities() -> None:
    assert content_sha256(TEXT) != content_sha256(TEXT.replace("Đ", "D", 1))
    assert canonical_text("Hòa\r\nHoà") == "Hòa\nHoà"  # tone styles are not folded
