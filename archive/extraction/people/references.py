"""Later references to people already introduced: the full name alone, or the given name.

What belongs here: "Lê Văn Hà" again with nothing introducing it, and "ông
Hà" / "bị cáo Hà" (Vietnamese calls people by the last word of the name), each
resolved to the person the article introduced earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key
from archive.extraction.people.grammar import honorific_at
from archive.extraction.people.state import ScanState, add_mention
from archive.extraction.tokens import Token, keyed_phrases, match_phrase

_PERSON_NOUNS = keyed_phrases(lx.PERSON_NOUNS)
# First words of the cues before a given name; no other token can start one.
_CUE_FIRST_KEYS = frozenset(p[0] for p in (*keyed_phrases(lx.HONORIFICS), *_PERSON_NOUNS))


def known_names(state: ScanState) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Known full names and aliases as (key words, person key), grouped by first word.

    Within a group the order is the order of the names (people, then their
    aliases), so that of two names at one position the same one is tried first.
    """
    names = {
        tuple(matching_key(p.name).split()): key
        for key, p in state.people.items()
        if key not in lx.PLACE_KEYS  # "Hồ Chí Minh" alone is the city
    }
    for key, person in state.people.items():
        for alias in person.aliases:
            names[tuple(matching_key(alias).split())] = key
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, key in names.items():
        if words:  # a name is made of tokens: its key has a first word
            by_first.setdefault(words[0], []).append((words, key))
    return by_first


def bare_name_mentions(
    state: ScanState,
    tokens: Sequence[Token],
    names: dict[str, list[tuple[tuple[str, ...], str]]],
) -> None:
    """Later uses of a known person's full name with nothing introducing it."""
    keys = [t.key for t in tokens]
    # Only the positions whose word starts a known name, found without a Python
    # step per token: most tokens start none.
    for i in compress(count(), map(names.__contains__, keys)):
        for words, key in names[keys[i]]:
            n = len(words)
            if tuple(keys[i : i + n]) != words:
                continue
            if i + n < len(tokens) and tokens[i + n].is_cap and tokens[i + n].is_word:
                continue  # part of a longer name
            if i > 0 and tokens[i - 1].is_cap and tokens[i - 1].is_word:
                continue
            add_mention(state, key, tokens[i].start, tokens[i + n - 1].end)


def given_names(state: ScanState) -> dict[str, list[str]]:
    """Person keys by the last word of their name: "Sa" -> the key of "Lâm Văn Sa"."""
    by_given: dict[str, list[str]] = {}
    for key, person in state.people.items():
        words = matching_key(person.name).split()
        if len(words) >= 2 and not person.foreign:
            by_given.setdefault(words[-1], []).append(key)
    return by_given


def given_name_mentions(
    state: ScanState, tokens: Sequence[Token], given: dict[str, list[str]]
) -> None:
    """ "ông Ni", "bà Tư", "bị cáo Hưng" after the full name: a mention of that person.

    Vietnamese calls people by the last word of the name. Only a given name
    that one person of the article bears, after an honorific or a noun for a
    person, and after that person's introduction, is read so.
    """
    if not given:
        return
    for i in range(len(tokens) - 1):
        if tokens[i].key not in _CUE_FIRST_KEYS:
            continue
        n = honorific_at(tokens, i) or match_phrase(tokens, i, _PERSON_NOUNS)
        if not n or i + n >= len(tokens):
            continue
        k = i + n
        word = tokens[k]
        if not (word.is_word and word.is_cap) or word.is_acronym:
            continue
        if k + 1 < len(tokens) and tokens[k + 1].is_word and tokens[k + 1].is_cap:
            continue  # a longer name
        owners = given.get(word.key, [])
        if len(owners) == 1 and state.people[owners[0]].first < word.start:
            add_mention(state, owners[0], word.start, word.end)
