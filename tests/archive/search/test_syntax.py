"""The search box's syntax: phrases by default, quotes, OR, minus; nothing a user types fails."""

from __future__ import annotations

import pytest

from archive.search.sql import build_fts5_query
from archive.search.syntax import ParsedQuery, parse_query, words_apart


def test_plain_words_are_one_phrase_without_accents_or_capitals():
    assert parse_query("Lương Tam Quang") == ParsedQuery(groups=(("luong tam quang",),))
    assert parse_query("luong  tam quang") == parse_query("LƯƠNG TAM QUANG")


def test_quoted_groups_are_phrases_that_must_all_occur():
    parsed = parse_query('"bo cong an" "ha noi"')
    assert parsed.groups == (("bo cong an",), ("ha noi",))


def test_or_joins_the_phrases_on_either_side():
    parsed = parse_query('tran van an OR "le thi binh" hoi nghi')
    assert parsed.groups == (("tran van an", "le thi binh"), ("hoi nghi",))


def test_a_minus_leaves_out_a_word_or_a_quoted_phrase():
    parsed = parse_query('cong an -giao -"ha noi"')
    assert parsed.groups == (("cong an",),)
    assert parsed.excluded == ("giao", "ha noi")


def test_typographic_quotes_count_as_quotes():
    assert parse_query("“bo ngoai giao” “ha noi”").groups == (("bo ngoai giao",), ("ha noi",))


def test_a_symbol_stays_one_phrase_with_its_punctuation():
    # PostgreSQL tokenises "59-nq/tw" itself; the phrase keeps it whole for that.
    assert parse_query("Nghị quyết 59-NQ/TW").groups == (("nghi quyet 59-nq/tw",),)


@pytest.mark.parametrize(
    ("typed", "groups"),
    [
        ('"do minh', (("do minh",),)),  # an unclosed quote runs to the end
        ("OR", (("or",),)),  # a lone operator is a word
        ("OR do minh OR", (("do minh",),)),
        ("-thu -nghiem", (("thu nghiem",),)),  # only exclusions: the minus was a hyphen
        ("do - minh", (("do - minh",),)),
        ("a OR OR b", (("a", "b"),)),
    ],
)
def test_malformed_syntax_degrades_to_plain_words(typed, groups):
    assert parse_query(typed).groups == groups


@pytest.mark.parametrize("typed", ["", "   ", '""', "--", "- - -", "…", '"-"'])
def test_a_query_without_a_letter_or_digit_asks_for_nothing(typed):
    assert not parse_query(typed)


@pytest.mark.parametrize(
    "typed", ["NEAR(do minh)", "do*", "^do", "do:minh", '"a" AND "b"', "((( do", "col:x + y"]
)
def test_fts5_operators_typed_by_a_user_reach_sqlite_as_words(typed):
    expression = build_fts5_query(parse_query(typed))
    # Every user word is inside a quoted phrase; only the builder's own operators are bare.
    bare = expression
    for quoted in expression.split('"')[1::2]:
        bare = bare.replace(f'"{quoted}"', "")
    assert set(bare.replace("(", "").replace(")", "").split()) <= {"AND", "OR", "NOT"}


def test_words_apart_quotes_each_syllable_of_a_single_phrase():
    assert words_apart("Lương Tam Quang") == '"luong" "tam" "quang"'
    assert parse_query(words_apart("luong tam quang")).groups == (("luong",), ("tam",), ("quang",))
    # Nothing to take apart: one syllable, several phrases, an exclusion.
    assert words_apart("quang") == words_apart('"a b" "c d"') == words_apart("a b -c") == ""
