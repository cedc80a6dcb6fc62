"""The working state of one scan for people: the people found so far and their mentions.

What belongs here: the mutable records `extract.py` fills while it walks an
article, and `add_mention`, which keeps mentions from overlapping.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from archive.extraction.tokens import sentence_text
from archive.extraction.types import ArticleStructure, Mention, MentionKind, Position


@dataclass
class PersonDraft:
    name: str
    first: int
    rank: str = ""
    rank_former: bool = False
    titles: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    foreign: bool = False
    last_seen: int = 0


@dataclass
class ScanState:
    structure: ArticleStructure
    org_keys: dict[str, str]  # matching key of a name or abbreviation -> entity key
    people: dict[str, PersonDraft] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # Spans already mentioned, sorted by start. They never overlap (a span that
    # overlaps one is not taken) and are never empty, so their ends are sorted too.
    taken: list[tuple[int, int]] = field(default_factory=list)


def add_mention(state: ScanState, key: str, start: int, end: int) -> None:
    # The spans starting before `end` are a prefix of `taken`; the last of them
    # reaches furthest, so it alone can overlap [start, end).
    k = bisect.bisect_left(state.taken, (end,))
    if k and state.taken[k - 1][1] > start:
        return
    state.taken.insert(k, (start, end))
    state.mentions.append(
        Mention(
            kind=MentionKind.PERSON,
            entity_key=key,
            surface=state.structure.text[start:end],
            start=start,
            end=end,
            sentence=sentence_text(state.structure, start, end),
        )
    )
