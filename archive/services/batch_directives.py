"""The directives of a batch of new articles: read once, linked and mentioned at the end.

What belongs here: what the batch writer (batch_writing.py) keeps of
directives across its articles, so that directives.resolve_directives,
called article by article in the batch's order, gives each article what it
would give it alone, in fewer statements:

- the stored records any article of the batch may find by symbol or key are
  read in one query at the start; the records the batch creates, finds or
  changes are the same instances from then on (`existing`, `adopt`);
- a short citation's record merged into its full one (directives'
  _absorb_short_citations) is forgotten, and the batch's rows that name it
  (mentions, "implements" links) name the full one instead, as the merge
  does for stored rows; its issuer rows go with it, as its deletion takes
  stored ones;
- the mentions, the "implements" links and the issuers are written at the
  end, one statement per table (plus one read of the stored issuers).

Creating a new directive, merging and the symbol-less matching still take
their own statements: they concern new directives, not every article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q

from archive.models import Directive, DirectiveMention
from archive.services.batch_rows import insert_rows
from archive.services.directives import store_implements, store_issuers

if TYPE_CHECKING:
    from collections.abc import Iterable

# (article id, directive id, start, end, surface, sentence)
MentionRow = tuple[int, int, int, int, str, str]


class DirectivesOfBatch:
    """directives.DirectiveBatch for one batch of articles."""

    def __init__(self, symbols: Iterable[str], keys: Iterable[str]) -> None:
        symbols, keys = set(symbols), set(keys)
        self.records: dict[int, Directive] = {}
        if symbols or keys:
            rows = Directive.objects.filter(Q(symbol__in=symbols) | Q(key__in=keys | symbols))
            self.records = {record.pk: record for record in rows.select_related("issuer")}
        # absorbed pk -> the pk of the record it was merged into
        self.merged: dict[int, int] = {}
        self.implements: list[tuple[int, int]] = []
        self.issuers: list[dict[int, list[int]]] = []
        self.mentions: list[MentionRow] = []

    def existing(self, symbols: set[str], keys: set[str]) -> list[Directive]:
        """What Directive.objects.filter(Q(symbol__in=symbols) | Q(key__in=keys)) finds now."""
        return [
            record
            for record in self.records.values()
            if (record.symbol and record.symbol in symbols) or record.key in keys
        ]

    def adopt(self, record: Directive) -> Directive:
        """The batch's instance of a record read or created by a query of its own."""
        return self.records.setdefault(record.pk, record)

    def forget(self, absorbed: dict[int, Directive]) -> None:
        for pk, record in absorbed.items():
            self.records.pop(pk, None)
            self.merged[pk] = record.pk

    def defer_links(self, implements: list[tuple[int, int]], issuers: dict[int, list[int]]) -> None:
        self.implements += implements
        self.issuers.append(issuers)

    def add_mentions(self, rows: Iterable[MentionRow]) -> None:
        self.mentions += rows

    def _final(self, pk: int) -> int:
        while pk in self.merged:
            pk = self.merged[pk]
        return pk

    def write(self) -> None:
        """Write the batch's mentions and links, naming merged records by their survivors."""
        kept: dict[tuple[int, int, int], MentionRow] = {}
        moved: list[MentionRow] = []
        for row in self.mentions:
            if row[1] in self.merged:
                moved.append((row[0], self._final(row[1]), *row[2:]))
            else:
                kept.setdefault((row[0], row[1], row[2]), row)
        for row in moved:
            # A merged record's mention where its survivor has one already goes, as in the merge.
            kept.setdefault((row[0], row[1], row[2]), row)
        insert_rows(
            DirectiveMention,
            ("article_id", "directive_id", "start", "end", "surface", "sentence"),
            kept.values(),
        )
        links = {(self._final(one), self._final(other)) for one, other in self.implements}
        store_implements(sorted((one, other) for one, other in links if one != other))
        store_issuers(
            [
                {pk: ids for pk, ids in wanted.items() if pk not in self.merged}
                for wanted in self.issuers
            ]
        )
