"""Word tokens with offsets, and phrase matching over them.

What belongs here: the one tokenisation the people and organisation
extractors share (words and punctuation with their character offsets in the
normalised text), and helpers that match keyed phrases from `lexicon` at a
token position. Nothing here knows what a person or an organisation is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from archive.extraction.article import context_window, extractable_spans, sentence_at
from archive.extraction.lexicon.keys import Phrases, by_length
from archive.extraction.normalize import matching_key
from archive.extraction.types import ArticleStructure

# A word is a run of letters/digits, with inner hyphens or apostrophes kept
# ("Jae-myung", "59-NQ", "O'Neil"); any other visible character is a token alone.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]", re.UNICODE)
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?",
    re.IGNORECASE,
)
_WORD_JOINS = re.compile(r"[-'’]")


class Token(NamedTuple):
    """A word or punctuation mark at [start, end) of the normalised text.

    The grammars ask the same questions of nearly every token many times
    (its matching key, is it capitalised, an acronym, a foreign word?), so
    the answers are worked out once per distinct word (`_word_facts`) and
    stored with the token as plain fields, not recomputed by properties.
    """

    text: str
    start: int
    end: int
    key: str  # matching_key(text)
    is_word: bool
    is_cap: bool  # capitalised word: the mark of a name in Vietnamese text
    is_lower_word: bool
    is_acronym: bool  # an upper-case abbreviation such as CAND, C02, UBND, INTERPOL
    is_foreign_word: bool  # a capitalised word that is not a Vietnamese syllable ("Putin")


WordFacts = tuple[str, bool, bool, bool, bool, bool]


class Span(list[Token]):
    """The tokens of one stretch of text, and what the grammars worked out about them.

    The people and organisation scans both read an article's spans, and ask
    some of the same questions at the same positions (the body after a post is
    read by the people grammar and by the organisation scan). A grammar may keep
    the answer of a pure function of (tokens, position, ...) in `memo`, under a
    key that starts with its own name; it lives as long as the tokens.
    """

    __slots__ = ("memo",)

    def __init__(self) -> None:
        super().__init__()
        self.memo: dict[tuple[str, int, bool], Any] = {}


def _word_facts(text: str) -> WordFacts:
    """The fields of a Token that depend on its text alone, from `key` to `is_foreign_word`."""
    letters = [c for c in text if c.isalpha()]
    is_cap = text[0].isupper()
    is_acronym = (
        len(text) >= 2
        and bool(letters)
        and all(c.isupper() for c in letters)
        and text[0].isalpha()
        and "-" not in text
    )
    is_foreign = (
        is_cap
        and not is_acronym
        and any(_VI_SYLLABLE.fullmatch(part) is None for part in _WORD_JOINS.split(text))
    )
    return (
        matching_key(text),
        text[0].isalnum(),
        is_cap,
        text[0].islower(),
        is_acronym,
        is_foreign,
    )


def tokenize(text: str, start: int, end: int) -> Span:
    """Tokens of text[start:end], offsets in the whole text."""
    # The pattern has no anchors or look-arounds: matching within [start, end)
    # of the whole text finds what matching the slice would, at whole-text offsets.
    # Only spaces and underscores lie between two tokens, so each word's first
    # occurrence from the end of the previous one is where it stands: finding
    # it is cheaper than asking a match object for its offsets.
    make, known, find = tuple.__new__, _FACTS.get, text.find
    tokens = Span()
    append = tokens.append
    at = start
    for word in _TOKEN.findall(text, start, end):
        at = find(word, at)
        facts = known(word)
        if facts is None:
            facts = _remember_facts(word)
        after = at + len(word)
        append(make(Token, (word, at, after) + facts))  # noqa: RUF005 (faster)
        at = after
    return tokens


# The facts of every distinct word seen, looked up once per token: a plain
# dict is cheaper to ask than an lru_cache, and is emptied when it grows past
# a bound, so that memory stays flat over millions of articles.
_FACTS: dict[str, WordFacts] = {}
_MAX_FACTS = 1 << 16


def _remember_facts(word: str) -> WordFacts:
    if len(_FACTS) >= _MAX_FACTS:
        _FACTS.clear()
    facts = _FACTS[word] = _word_facts(word)
    return facts


def span_tokens(structure: ArticleStructure) -> list[Span]:
    """Tokens of each of the article's extractable spans, in order.

    The organisation and people extractors walk the same spans: the pipeline
    tokenises them once and hands both the result.
    """
    return [tokenize(structure.text, s, e) for s, e in extractable_spans(structure)]


def match_phrase(tokens: Sequence[Token], i: int, phrases: Iterable[tuple[str, ...]]) -> int:
    """Length in tokens of the first phrase (given as key tuples) found at i, or 0.

    Pass phrases longest first so that the longest match wins. `Phrases` (what
    `keyed_phrases` and the lexicon's *_BY_LENGTH lists are) is looked up by the
    key of token i; any other iterable is scanned in order.
    """
    if isinstance(phrases, Phrases) and 0 <= i < len(tokens):
        candidates = phrases.by_first.get(tokens[i].key)
        if candidates is None:
            return 0
        size = len(tokens)
        for phrase in candidates:
            n = len(phrase)
            if i + n > size:
                continue
            k = 1
            while k < n and tokens[i + k].key == phrase[k]:
                k += 1
            if k == n:
                return n
        return 0
    for phrase in phrases:
        n = len(phrase)
        if i + n <= len(tokens) and all(tokens[i + k].key == phrase[k] for k in range(n)):
            return n
    return 0


def keyed_phrases(keys: Iterable[str]) -> Phrases:
    """Key strings as token-key tuples, longest first."""
    return by_length(keys)


def sentence_text(structure: ArticleStructure, start: int, end: int) -> str:
    """The sentence an occurrence stands in, or the enclosing line when no sentence covers
    it; capped around the occurrence (see `context_window`)."""
    text = structure.text
    sentence = sentence_at(structure, start)
    if sentence is not None:
        return context_window(text, lo=sentence.start, hi=sentence.end, start=start, end=end)
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return context_window(text, lo=lo, hi=hi, start=start, end=end)
