"""Find or create the directives one article cites.

What belongs here: matching a cited directive to the archive's record. The
symbol identifies a directive (Party numbering restarts per term, state
numbering per year, so a number alone does not), hence:

- a citation with a symbol is found by its symbol;
- a symbol-less citation ("Nghị quyết số 59 ngày 24/01/2025 của Bộ Chính trị")
  is found by its citation key, or else mapped onto a known directive with a
  symbol whose kind and number agree and whose issuer and date do not
  contradict it;
- when a symbol turns up for a directive so far known only from a symbol-less
  citation that agrees on kind, number and on issuer or date, that record
  receives the symbol instead of a second record being made;
- and when a directive with a symbol is new to the archive, the symbol-less
  records that the rule above would have mapped onto it, had it come first,
  are merged into it (their mentions and links move), so the order in which
  articles arrive does not decide whether a short citation finds its symbol.
  Only when two directives with a symbol are equally good for one short
  citation does the order still matter: that citation then stays unlinked or
  linked to the first, and an editor's merge decides.

Like people and organisations, existing records only get blanks filled, never
an editor's field (see entities.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from django.db import IntegrityError, transaction
from django.db.models import Q

from archive.extraction.dates import full_date
from archive.extraction.normalize import matching_key
from archive.extraction.types import DirectiveEntity, PartialDate
from archive.models import Directive, DirectiveIssuer, DirectiveMention
from archive.services import counts
from archive.services.entities import ORGANISATIONS, fill_blanks, look_up, summary_order

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable, Iterable

    from archive.models import Organisation

_KEY_LENGTH = Directive._meta.get_field("key").max_length
_SYMBOL_LENGTH = Directive._meta.get_field("symbol").max_length


def find_organisation(key: str) -> Organisation | None:
    """The organisation whose name or alias has this matching key, if any."""
    return look_up(ORGANISATIONS, [key]).get(key)


def _issuer(
    entity: DirectiveEntity,
    organisations: dict[str, Organisation],
    find: Callable[[str], Organisation | None],
):
    if entity.issuer_key and entity.issuer_key in organisations:
        return organisations[entity.issuer_key]
    if entity.issuer_name:
        # Only an issuer the archive already knows: a bare name in a citation
        # is too little to create an organisation from.
        return find(matching_key(entity.issuer_name))
    return None


def _values(entity: DirectiveEntity, issuer) -> dict[str, Any]:
    return {
        "kind": entity.kind[:80],
        "kind_code": entity.kind_code[:10],
        "number": entity.number[:20],
        "symbol": entity.symbol,
        "issued_on": full_date(entity.issued),
        "issued_year": entity.issued.year if entity.issued else None,
        "issuer": issuer,
        "summary": entity.summary,
    }


def _number(text: str) -> str:
    return text.strip().lstrip("0")


def _agreement(record: Directive, entity: DirectiveEntity, issuer) -> int | None:
    """How many facts agree (issuer, date), or None when one contradicts."""
    if entity.kind_code and record.kind_code:
        if entity.kind_code.casefold() != record.kind_code.casefold():
            return None
    elif matching_key(entity.kind) != matching_key(record.kind):
        return None
    if _number(entity.number) != _number(record.number):
        return None
    agree = 0
    if issuer is not None and record.issuer_id is not None:
        if issuer.pk != record.issuer_id:
            return None
        agree += 1
    year = entity.issued.year if entity.issued else None
    if year and record.issued_year:
        if year != record.issued_year:
            return None
        issued_on = full_date(entity.issued)
        if issued_on and record.issued_on and issued_on != record.issued_on:
            return None
        agree += 1
    return agree


def _same_document(entity: DirectiveEntity, issuer) -> Directive | None:
    number = _number(entity.number)
    if not number:
        return None
    # A symbol looks for a symbol-less record and the other way round.
    candidates = Directive.objects.filter(
        symbol__isnull=bool(entity.symbol), number__endswith=number
    )
    scored = [(_agreement(record, entity, issuer), record) for record in candidates]
    scored = [(agree, record) for agree, record in scored if agree is not None]
    best = max((agree for agree, _ in scored), default=0)
    winners = [record for agree, record in scored if agree == best]
    if len(winners) != 1:
        return None
    if entity.symbol and best == 0:
        # Giving a record a symbol rewrites it: demand a positive agreement.
        return None
    return winners[0]


def _as_citation(record: Directive) -> DirectiveEntity:
    """A symbol-less record seen as the citation it came from, to match it as one."""
    issued_on = record.issued_on
    return DirectiveEntity(
        key=record.key,
        kind=record.kind,
        kind_code=record.kind_code,
        number=record.number,
        issued=PartialDate(issued_on.year, issued_on.month, issued_on.day)
        if issued_on
        else PartialDate(record.issued_year)
        if record.issued_year
        else None,
    )


def _absorb_short_citations(record: Directive) -> dict[int, Directive]:
    """Merge into `record` (with a symbol) the symbol-less records that belong to it.

    A symbol-less record belongs to it when `_same_document` would have mapped
    its citation onto `record` had `record` been known first. Editors' records
    are left for an editor to merge. Returns {absorbed pk: record}.
    """
    number = _number(record.number)
    if not number:
        return {}
    absorbed: dict[int, Directive] = {}
    candidates = Directive.objects.filter(symbol__isnull=True, number__endswith=number)
    for short in candidates.select_related("issuer"):
        if short.edited_fields:
            continue
        citation = _as_citation(short)
        if _agreement(record, citation, short.issuer) is None:
            continue
        if _same_document(citation, short.issuer) != record:
            continue
        _merge_into(record, short)
        absorbed[short.pk] = record
    return absorbed


def _merge_into(record: Directive, short: Directive) -> None:
    """Move a symbol-less record's mentions and links to `record`, then delete it."""
    touched = counts.articles_naming(directives=[short])
    counts.subtract_articles(article_ids=touched)
    taken = DirectiveMention.objects.filter(
        directive=record,
        article_id__in=DirectiveMention.objects.filter(directive=short).values("article_id"),
    ).values_list("article_id", "start")
    clashes = DirectiveMention.objects.filter(directive=short)
    for article_id, start in taken:
        clashes.filter(article_id=article_id, start=start).delete()
    DirectiveMention.objects.filter(directive=short).update(directive=record)
    through = Directive.implements.through
    links = [
        through(
            from_directive_id=record.pk
            if row.from_directive_id == short.pk
            else row.from_directive_id,
            to_directive_id=record.pk if row.to_directive_id == short.pk else row.to_directive_id,
        )
        for row in through.objects.filter(Q(from_directive=short) | Q(to_directive=short))
    ]
    through.objects.bulk_create(
        [link for link in links if link.from_directive_id != link.to_directive_id],
        ignore_conflicts=True,
    )
    fill_blanks(
        record,
        {
            "issued_on": short.issued_on,
            "issued_year": short.issued_year,
            "issuer": short.issuer,
            "summary": short.summary,
        },
        chosen={"summary": summary_order},
    )
    short.delete()
    counts.add_articles(article_ids=touched)


def _create_or_find(entity: DirectiveEntity, values: dict[str, Any]) -> tuple[Directive, bool]:
    key = entity.symbol or entity.key
    try:
        with transaction.atomic():
            return Directive.objects.create(key=key, **values), True
    except IntegrityError:
        condition = Q(key=key) | Q(symbol=entity.symbol) if entity.symbol else Q(key=key)
        existing = Directive.objects.filter(condition).first()
        if existing is None:
            raise
        return existing, False


def wanted_implements(
    entities: Iterable[DirectiveEntity], resolved: dict[str, Directive]
) -> list[tuple[int, int]]:
    """(from pk, to pk) of the "implements" links the article states."""
    return [
        (resolved[entity.key].pk, resolved[target].pk)
        for entity in entities
        if entity.key in resolved
        for target in entity.implements
        if target in resolved and resolved[target].pk != resolved[entity.key].pk
    ]


def store_implements(links: Iterable[tuple[int, int]]) -> None:
    through = Directive.implements.through
    rows = [through(from_directive_id=one, to_directive_id=other) for one, other in links]
    # Links are only ever added: another article or an editor may have made them.
    through.objects.bulk_create(rows, ignore_conflicts=True)


class DirectiveBatch(Protocol):
    """What the batch writer keeps of directives across its articles (batch_directives.py)."""

    def existing(self, symbols: set[str], keys: set[str]) -> list[Directive]: ...
    def adopt(self, record: Directive) -> Directive: ...
    def forget(self, absorbed: dict[int, Directive]) -> None: ...
    def defer_links(
        self, implements: list[tuple[int, int]], issuers: dict[int, list[int]]
    ) -> None: ...


def resolve_directives(
    entities: Iterable[DirectiveEntity],
    organisations: dict[str, Organisation],
    created: Counter[str],
    *,
    find: Callable[[str], Organisation | None] = find_organisation,
    batch: DirectiveBatch | None = None,
) -> dict[str, Directive]:
    """Directive key in the article -> record. `find` looks an issuer up by name key
    (the batch writer answers from the organisations it has read); `batch` answers the
    look-up of stored records and takes the links to write at the end of the batch."""
    entities = [
        entity
        for entity in entities
        if entity.key and len(entity.key) <= _KEY_LENGTH and len(entity.symbol) <= _SYMBOL_LENGTH
    ]
    symbols = {entity.symbol for entity in entities if entity.symbol}
    keys = {entity.key for entity in entities} | symbols
    if batch is not None:
        existing = batch.existing(symbols, keys)
    else:
        # With the issuer: filling blanks compares it, which would read it per record.
        existing = list(
            Directive.objects.filter(Q(symbol__in=symbols) | Q(key__in=keys)).select_related(
                "issuer"
            )
        )
    by_symbol = {record.symbol: record for record in existing if record.symbol}
    by_key = {record.key: record for record in existing}
    resolved: dict[str, Directive] = {}
    new_symbols: list[Directive] = []
    # Sorted by key, so concurrent imports insert in the same order (no deadlock).
    for entity in sorted(entities, key=lambda entity: entity.key):
        issuer = _issuer(entity, organisations, find)
        values = _values(entity, issuer)
        if entity.symbol:
            record = by_symbol.get(entity.symbol) or by_key.get(entity.symbol)
        else:
            record = by_key.get(entity.key)
        if record is None:
            record = _same_document(entity, issuer)
            if record is not None and batch is not None:
                record = batch.adopt(record)
        if record is None:
            record, was_created = _create_or_find(entity, values)
            created["directives"] += was_created
            if batch is not None:
                record = batch.adopt(record)
            if was_created and record.symbol:
                new_symbols.append(record)
        else:
            had_symbol = bool(record.symbol)
            fill_blanks(record, values, chosen={"summary": summary_order})
            if record.symbol and not had_symbol:
                # A record known from a short citation now has its symbol: the
                # symbol is its key, as if the full citation had come first.
                record.key = record.symbol
                record.save(update_fields=["key"])
                new_symbols.append(record)
        by_key[record.key] = record
        by_key.setdefault(entity.key, record)
        if record.symbol:
            by_symbol[record.symbol] = record
        resolved[entity.key] = record
    absorbed: dict[int, Directive] = {}
    for record in new_symbols:
        absorbed |= _absorb_short_citations(record)
    if absorbed:
        # This article's own short citations may have been among them.
        resolved = {key: absorbed.get(record.pk, record) for key, record in resolved.items()}
    implements = wanted_implements(entities, resolved)
    issuers = wanted_issuers(entities, resolved, organisations)
    if batch is not None:
        batch.forget(absorbed)
        batch.defer_links(implements, issuers)
    else:
        store_implements(implements)
        store_issuers([issuers])
    return resolved


def wanted_issuers(
    entities: list[DirectiveEntity],
    resolved: dict[str, Directive],
    organisations: dict[str, Organisation],
) -> dict[int, list[int]]:
    """directive pk -> its issuers' pks in order, the primary first, as the article states
    them (none for a directive whose issuer an editor changed)."""
    wanted: dict[int, list[int]] = {}
    for entity in entities:
        record = resolved.get(entity.key)
        if record is None or "issuer" in record.edited_fields:
            continue
        ids = wanted.setdefault(record.pk, [])
        if record.issuer_id is not None:
            ids.append(record.issuer_id)
        ids.extend(organisations[key].pk for key in entity.co_issuer_keys if key in organisations)
    return {pk: list(dict.fromkeys(ids)) for pk, ids in wanted.items() if ids}


def store_issuers(articles: list[dict[int, list[int]]]) -> None:
    """Give each directive its issuers in order: the primary first, then the co-issuers.

    `articles` holds wanted_issuers() of one or more articles, in their order.
    Rows are only ever added, after those already stored (another article or an
    editor may have made them), so a later article's issuers come after an
    earlier one's.
    """
    ids = {pk for wanted in articles for pk in wanted}
    if not ids:
        return
    stored: dict[int, dict[int, int]] = {}
    for directive_id, organisation_id, order in DirectiveIssuer.objects.filter(
        directive_id__in=ids
    ).values_list("directive_id", "organisation_id", "order"):
        stored.setdefault(directive_id, {})[organisation_id] = order
    rows = []
    for wanted in articles:
        for directive_id, issuers in wanted.items():
            have = stored.setdefault(directive_id, {})
            next_order = max(have.values(), default=-1) + 1
            for organisation_id in issuers:
                if organisation_id not in have:
                    rows.append(
                        DirectiveIssuer(
                            directive_id=directive_id,
                            organisation_id=organisation_id,
                            order=next_order,
                        )
                    )
                    have[organisation_id] = next_order
                    next_order += 1
    DirectiveIssuer.objects.bulk_create(rows, ignore_conflicts=True)
