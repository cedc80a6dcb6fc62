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
  receives the symbol instead of a second record being made.

Like people and organisations, existing records only get blanks filled, never
an editor's field (see entities.py).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from archive.extraction.normalize import matching_key
from archive.models import Directive, DirectiveIssuer
from archive.services.entities import ORGANISATIONS, fill_blanks, look_up

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Iterable

    from archive.extraction.types import DirectiveEntity, PartialDate
    from archive.models import Organisation

_KEY_LENGTH = Directive._meta.get_field("key").max_length
_SYMBOL_LENGTH = Directive._meta.get_field("symbol").max_length


def full_date(issued: PartialDate | None) -> datetime.date | None:
    if issued is None or not (issued.year and issued.month and issued.day):
        return None
    try:
        return datetime.date(issued.year, issued.month, issued.day)
    except ValueError:
        return None


def _issuer(entity: DirectiveEntity, organisations: dict[str, Organisation]):
    if entity.issuer_key and entity.issuer_key in organisations:
        return organisations[entity.issuer_key]
    if entity.issuer_name:
        # Only an issuer the archive already knows: a bare name in a citation
        # is too little to create an organisation from.
        key = matching_key(entity.issuer_name)
        return look_up(ORGANISATIONS, [key]).get(key)
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


def _link_implements(entities: Iterable[DirectiveEntity], resolved: dict[str, Directive]) -> None:
    through = Directive.implements.through
    rows = [
        through(from_directive_id=resolved[entity.key].pk, to_directive_id=resolved[target].pk)
        for entity in entities
        if entity.key in resolved
        for target in entity.implements
        if target in resolved and resolved[target].pk != resolved[entity.key].pk
    ]
    # Links are only ever added: another article or an editor may have made them.
    through.objects.bulk_create(rows, ignore_conflicts=True)


def resolve_directives(
    entities: Iterable[DirectiveEntity],
    organisations: dict[str, Organisation],
    created: Counter[str],
) -> dict[str, Directive]:
    entities = [
        entity
        for entity in entities
        if entity.key and len(entity.key) <= _KEY_LENGTH and len(entity.symbol) <= _SYMBOL_LENGTH
    ]
    symbols = {entity.symbol for entity in entities if entity.symbol}
    keys = {entity.key for entity in entities} | symbols
    existing = list(Directive.objects.filter(Q(symbol__in=symbols) | Q(key__in=keys)))
    by_symbol = {record.symbol: record for record in existing if record.symbol}
    by_key = {record.key: record for record in existing}
    resolved: dict[str, Directive] = {}
    # Sorted by key, so concurrent imports insert in the same order (no deadlock).
    for entity in sorted(entities, key=lambda entity: entity.key):
        issuer = _issuer(entity, organisations)
        values = _values(entity, issuer)
        if entity.symbol:
            record = by_symbol.get(entity.symbol) or by_key.get(entity.symbol)
        else:
            record = by_key.get(entity.key)
        if record is None:
            record = _same_document(entity, issuer)
        if record is None:
            record, was_created = _create_or_find(entity, values)
            created["directives"] += was_created
        else:
            fill_blanks(record, values)
        by_key[record.key] = record
        by_key.setdefault(entity.key, record)
        if record.symbol:
            by_symbol[record.symbol] = record
        resolved[entity.key] = record
    _link_implements(entities, resolved)
    _link_issuers(entities, resolved, organisations)
    return resolved


def _link_issuers(
    entities: list[DirectiveEntity],
    resolved: dict[str, Directive],
    organisations: dict[str, Organisation],
) -> None:
    """Give each directive its issuers in order: the primary first, then the co-issuers.

    Rows are only ever added, after those already stored (another article or an
    editor may have made them); a directive whose issuer an editor changed is
    left as the editor made it.
    """
    wanted: dict[int, list[int]] = {}
    for entity in entities:
        record = resolved.get(entity.key)
        if record is None or "issuer" in record.edited_fields:
            continue
        ids = wanted.setdefault(record.pk, [])
        if record.issuer_id is not None:
            ids.append(record.issuer_id)
        ids.extend(organisations[key].pk for key in entity.co_issuer_keys if key in organisations)
    wanted = {pk: list(dict.fromkeys(ids)) for pk, ids in wanted.items() if ids}
    if not wanted:
        return
    stored: dict[int, dict[int, int]] = {}
    for directive_id, organisation_id, order in DirectiveIssuer.objects.filter(
        directive_id__in=wanted
    ).values_list("directive_id", "organisation_id", "order"):
        stored.setdefault(directive_id, {})[organisation_id] = order
    rows = []
    for directive_id, ids in wanted.items():
        have = stored.get(directive_id, {})
        next_order = max(have.values(), default=-1) + 1
        for organisation_id in ids:
            if organisation_id not in have:
                rows.append(
                    DirectiveIssuer(
                        directive_id=directive_id, organisation_id=organisation_id, order=next_order
                    )
                )
                next_order += 1
    DirectiveIssuer.objects.bulk_create(rows, ignore_conflicts=True)
