"""Tokens: every word and mark of a span, at the offsets where it stands in the text."""

from __future__ import annotations

from archive.extraction.normalize import matching_key
from archive.extraction.tokens import tokenize

# Repeated words, underscores and odd spacing (a word's first occurrence after
# the previous token is where it stands), hyphens, apostrophes, punctuation.
TEXT = (
    "Đồng chí  Lê Lê Văn_An (SN 1990), ông O'Neil và Jae-myung; an an.\n"
    "__Bộ Công an__ ban hành 59-NQ/TW — Hà Nội, Hà Nội!"
)


def test_each_token_is_the_text_at_its_offsets() -> None:
    for token in tokenize(TEXT, 0, len(TEXT)):
        assert TEXT[token.start : token.end] == token.text
        assert token.key == matching_key(token.text)


def test_tokens_cover_every_character_but_spaces_and_underscores() -> None:
    tokens = tokenize(TEXT, 0, len(TEXT))
    covered = {k for t in tokens for k in range(t.start, t.end)}
    left = {TEXT[k] for k in range(len(TEXT)) if k not in covered}
    assert left <= {" ", "\n", "_"}
    assert [t.start for t in tokens] == sorted({t.start for t in tokens})


def test_a_span_is_tokenised_at_whole_text_offsets() -> None:
    start = TEXT.index("Bộ Công an")
    tokens = tokenize(TEXT, start, start + len("Bộ Công an"))
    assert [(t.text, t.start) for t in tokens] == [
        ("Bộ", start),
        ("Công", start + 3),
        ("an", start + 8),
    ]


def test_words_carry_their_shape() -> None:
    by_text = {t.text: t for t in tokenize(TEXT, 0, len(TEXT))}
    assert by_text["Lê"].is_cap and not by_text["Lê"].is_foreign_word
    assert by_text["O'Neil"].is_foreign_word
    assert by_text["an"].is_lower_word and by_text["an"].is_word
    assert by_text["SN"].is_acronym and not by_text["59-NQ"].is_acronym
    assert not by_text["("].is_word
