"""Word-level predicates the name grammars share: places, posts, ranks, stops.

What belongs here: small questions about the tokens at one position (does a
place start here? a post? a rank? a person's name? does this lower-case word
end a name?) that both the organisation and the people grammars ask.
"""

from __future__ import annotations

from collections.abc import Sequence

from archive.extraction import lexicon as lx
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

# The dashes that join a name to what follows it ("Phòng An ninh - Cục X", "X - Giám đốc").
DASHES = frozenset({"-", "–"})
POST_PHRASES = keyed_phrases(lx.POST_BASE_KEYS)
RANK_PHRASES = keyed_phrases(lx.RANK_KEYS)
_CONTINUATIONS = keyed_phrases(lx.NAME_CONTINUATIONS)
# Words a post starts with: a prefix ("Phó", "nguyên") or a post's first word.
_POST_OPENERS = lx.POST_PREFIXES | frozenset(POST_PHRASES.by_first)
_COUNTRY_PREFIX = keyed_phrases(lx.COUNTRY_PREFIXES)
# First keys of the phrase lists asked at nearly every capitalised token: a key
# that starts none answers 0 without a call to `match_phrase`.
_COUNTRY_PREFIX_FIRST = _COUNTRY_PREFIX.by_first
_PLACE_FIRST = lx.PLACE_KEYS_BY_LENGTH.by_first
_RANK_FIRST = RANK_PHRASES.by_first


def place_length(tokens: Sequence[Token], i: int) -> int:
    """Tokens of a country or place name at i (with "Cộng hòa ..." prefixes), or 0."""
    if i >= len(tokens) or not tokens[i].is_cap:
        return 0
    key = tokens[i].key
    if key in _COUNTRY_PREFIX_FIRST:
        prefix = match_phrase(tokens, i, _COUNTRY_PREFIX)
        if prefix:
            rest = match_phrase(tokens, i + prefix, lx.PLACE_KEYS_BY_LENGTH)
            if rest:
                return prefix + rest
    if key not in _PLACE_FIRST:
        return 0
    return match_phrase(tokens, i, lx.PLACE_KEYS_BY_LENGTH)


def country_length(tokens: Sequence[Token], i: int) -> int:
    """Tokens of a country's name at i ("Trung Quốc", "Liên bang Nga"), or 0."""
    n = place_length(tokens, i)
    return n if n and " ".join(t.key for t in tokens[i : i + n]) in lx.COUNTRY_KEYS else 0


# No grammar needs to count further (a name has at most four syllables, a unit
# name's place a few more); stopping here keeps a text of thousands of
# capitalised words linear, since a run is measured from each of its tokens.
LONGEST_CAP_RUN = 16


def cap_run(tokens: Sequence[Token], i: int) -> int:
    """Number of consecutive capitalised word tokens from i, up to LONGEST_CAP_RUN."""
    n = 0
    while (
        n < LONGEST_CAP_RUN
        and i + n < len(tokens)
        and tokens[i + n].is_word
        and tokens[i + n].is_cap
    ):
        n += 1
    return n


def starts_post(tokens: Sequence[Token], i: int) -> int:
    """Tokens of a post base (with "Phó"/"nguyên"/"Quyền" before it) at i, or 0."""
    if 0 <= i < len(tokens) and tokens[i].key not in _POST_OPENERS:
        return 0  # the common case, answered without a phrase look-up
    j = i
    while j < len(tokens) and tokens[j].key in lx.POST_PREFIXES:
        j += 1
    n = match_phrase(tokens, j, POST_PHRASES)
    return j - i + n if n else 0


def starts_rank(tokens: Sequence[Token], i: int) -> int:
    if 0 <= i < len(tokens) and tokens[i].key not in _RANK_FIRST:
        return 0
    return match_phrase(tokens, i, RANK_PHRASES)


def looks_like_person(tokens: Sequence[Token], i: int, *, in_post: bool) -> bool:
    """True when a person's name starts at i.

    Inside a post ("Bộ trưởng Bộ ... <name>") any capitalised run that is not a
    place and starts with a family name or a foreign word is a name; elsewhere
    a family name followed by one to three capitalised syllables is.
    """
    run = cap_run(tokens, i)
    if run == 0 or place_length(tokens, i):
        return False
    if tokens[i].is_foreign_word:
        return in_post
    if tokens[i].key not in lx.SURNAMES:
        return False
    return 2 <= run <= 4 or (in_post and run >= 2)


def stops_at(tokens: Sequence[Token], k: int) -> bool:
    """True when the lower-case word at k starts a predicate or is a function word.

    Function words and known verbs always end a name. A syllable that often
    starts a verb ("thông", "chủ", "phát" ...) ends it only when a content
    word follows (a verb needs its second syllable); before punctuation or a
    function word it closes a compound instead ("Cục Cảnh sát giao thông (C08)"),
    and right after a capitalised syllable it is that word's second half
    ("Bộ Giao thông ...").
    """
    key = tokens[k].key
    # A capitalised syllable that is itself a head noun ("Văn phòng Bộ trước
    # 17 giờ") has no second half to complete.
    # Nor has an acronym ("Cục CSGT ra quân"): compounds are made of syllables.
    after_cap = (
        k > 0
        and tokens[k - 1].is_word
        and tokens[k - 1].is_cap
        and not tokens[k - 1].is_acronym
        and tokens[k - 1].key not in lx.HEAD_KIND_BY_KEY
    )
    if key in lx.FUNCTION_WORDS and not (after_cap and key in lx.COMPOUND_FUNCTION_WORDS):
        return True
    if verb_phrase_at(tokens, k):
        return True
    if after_cap:
        return False
    if key in lx.VERB_PHRASES:
        return True
    if key not in lx.VERB_STARTS:
        return False
    if k + 1 >= len(tokens):
        return False
    after = tokens[k + 1]
    return after.is_lower_word and not closes_name(tokens, k + 1)


def closes_name(tokens: Sequence[Token], k: int) -> bool:
    """A function word or a known verb at k: what may follow the end of a name."""
    key = tokens[k].key
    return key in lx.FUNCTION_WORDS or key in lx.VERB_PHRASES or verb_phrase_at(tokens, k)


def verb_phrase_at(tokens: Sequence[Token], k: int) -> bool:
    """A known two-syllable verb ("phối hợp", "triệt phá") starts at k."""
    return k + 1 < len(tokens) and f"{tokens[k].key} {tokens[k + 1].key}" in lx.VERB_PHRASES


def continuation(tokens: Sequence[Token], k: int) -> int:
    """Tokens of a lower-case phrase that continues a name despite a stop syllable."""
    n = match_phrase(tokens, k, _CONTINUATIONS)
    if n:
        return n
    if (
        k >= 2
        and k + 1 < len(tokens)
        and (tokens[k].key, tokens[k + 1].key) == ("điều", "tra")
        and f"{tokens[k - 2].key} {tokens[k - 1].key}" in lx.INVESTIGATION_AFTER
    ):
        return 2
    return 0
