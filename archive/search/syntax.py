"""The search box's small syntax, parsed into phrases before any SQL is written.

- plain words are one phrase: their syllables must occur in order and
  adjacent ("luong tam quang" finds "Lương Tam Quang", not "lượng ... Quảng");
- "quoted words" are a phrase too; several phrases must all occur, anywhere;
- OR (in capitals) between two phrases: either will do;
- -word or -"some words": texts containing it are left out.

Vietnamese names and terms are several syllables, so a phrase is the default;
a researcher who wants the syllables apart quotes them one by one.

Parsing never fails: a stray quote, a lone OR or a lone minus degrades to
plain words, so a malformed query is still searched rather than refused. Pure
Python (no Django): the SQL is built from the result in `archive.search.sql`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.normalize import fold_accents

# A syllable as both databases' tokenisers see it: letters and digits only.
WORD = re.compile(r"[^\W_]+")
# A quoted group (its closing quote may be missing), or a run of non-space, non-quote text.
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+?)(?="|\s|$)')
# Typographic quotes typed by Vietnamese keyboards count as plain quotes.
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_OR = frozenset({"OR", "|"})


@dataclass(frozen=True)
class ParsedQuery:
    """What a query asks for: every group must match (one of its phrases), no exclusion may.

    A phrase is accent-folded, lower-case text with at least one syllable.
    """

    groups: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every phrase a hit may contain, longest first (what a snippet marks)."""
        found = {phrase for group in self.groups for phrase in group}
        return tuple(sorted(found, key=lambda phrase: (-len(words_of(phrase)), phrase)))


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(WORD.findall(phrase))


def _phrase(text: str) -> str:
    """Folded text, or "" when it has no syllable (punctuation alone is no phrase)."""
    folded = fold_accents(text)
    return folded if WORD.search(folded) else ""


def parse_query(text: str) -> ParsedQuery:
    """Parse a query typed in a search box; see the module docstring for the syntax."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    run: list[str] = []
    either = False  # an OR is waiting for the phrase after it

    def add(phrase: str) -> None:
        nonlocal either
        if not phrase:
            return
        if either and groups:
            groups[-1].append(phrase)
        else:
            groups.append([phrase])
        either = False

    def end_run() -> None:
        add(_phrase(" ".join(run)))
        run.clear()

    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        negated, quoted, plain = match.group(1), match.group(2), match.group(3)
        if plain is None:
            end_run()
            if negated:
                if phrase := _phrase(quoted):
                    excluded.append(phrase)
                either = False
            else:
                add(_phrase(quoted))
        elif plain in _OR:
            end_run()
            either = bool(groups)
        elif plain.startswith("-") and len(plain) > 1:
            end_run()
            if phrase := _phrase(plain[1:]):
                excluded.append(phrase)
            either = False
        else:
            run.append(plain)
    end_run()
    if not groups:
        # Only exclusions or operators: nothing to look for, so they were words.
        plain = _phrase(text.replace("-", " ").replace('"', " "))
        return ParsedQuery(groups=((plain,),) if plain else ())
    return ParsedQuery(
        groups=tuple(tuple(dict.fromkeys(group)) for group in groups),
        excluded=tuple(dict.fromkeys(excluded)),
    )


def words_apart(text: str) -> str:
    """The same query with its phrase's syllables searched apart, or "" when it has no such phrase.

    What a list offers when a phrase finds nothing: the words anywhere, each
    quoted so that it stays a whole syllable.
    """
    parsed = parse_query(text)
    if len(parsed.groups) != 1 or len(parsed.groups[0]) != 1 or parsed.excluded:
        return ""
    words = words_of(parsed.groups[0][0])
    return " ".join(f'"{word}"' for word in words) if len(words) > 1 else ""
