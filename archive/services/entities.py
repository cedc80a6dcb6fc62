"""Find or create the people and organisations one article names.

What belongs here: entity resolution for the import service. What extraction
found is matched against the records already in the archive by key only —
`matching_key(name)` against a record's `key`, then against its aliases' keys
— never by the name as written. Missing records are created race-safely (a
savepoint around the insert; on a unique-key clash the other import's row is
used). Existing records only get their blanks filled: a field listed in
`edited_fields` is an editor's and is never written, and a value once set is
not replaced by what a later article says, so records never flip-flop between
articles. Directives live in `directives.py`.

Order independence: where articles disagree on a text field that is chosen,
not merely filled (a record's spelling of its name, a directive's summary),
the value is the first of all the values seen in a fixed order
(`spelling_order`, `summary_order`), so importing the same articles in any
order gives the same record; the choice only ever moves towards that first
value, so it cannot flip-flop either.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from archive.extraction.normalize import matching_key, unify_tone_style
from archive.extraction.ranks import canonical_rank
from archive.models import (
    Organisation,
    OrganisationAlias,
    OrganisationRedirect,
    Person,
    PersonAlias,
    PersonRedirect,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db import models

    from archive.extraction.types import OrganisationEntity, PersonEntity

# How far up an organisation's parents we look before giving up on a cycle
# check; real hierarchies are a handful of levels deep.
_MAX_PARENT_DEPTH = 32


@dataclass(frozen=True)
class NamedKind:
    """A kind of record found by name: Person or Organisation, with its alias table."""

    model: type[models.Model]
    alias_model: type[models.Model]
    alias_fk: str  # also the foreign key of the redirect table
    counter: str  # the key in ImportOutcome.entities_created
    redirect_model: type[models.Model]

    @property
    def name_length(self) -> int:
        return self.model._meta.get_field("name").max_length


PEOPLE = NamedKind(Person, PersonAlias, "person", "people", PersonRedirect)
ORGANISATIONS = NamedKind(
    Organisation, OrganisationAlias, "organisation", "organisations", OrganisationRedirect
)


@dataclass
class Resolved:
    """Entity key in the parsed article -> the archive's record, per kind."""

    people: dict[str, Person] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    directives: dict[str, Any] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)


def usable_alias(name: str) -> bool:
    # A one-word alias ("Quang", "Bộ") names too many records to identify one:
    # stored globally, it would pull the next "Quang" onto the wrong person.
    return len(name.split()) >= 2


def usable_abbreviation(name: str) -> bool:
    return len(name.strip()) >= 2 and not name.strip().isdigit()


def look_up(kind: NamedKind, keys: Iterable[str]) -> dict[str, Any]:
    """Records by key: a record's own key first, an alias key otherwise."""
    keys = {key for key in keys if key}
    if not keys:
        return {}
    found: dict[str, Any] = {r.key: r for r in kind.model.objects.filter(key__in=keys)}
    aliases = kind.alias_model.objects.filter(key__in=keys - found.keys()).select_related(
        kind.alias_fk
    )
    for alias in aliases:
        found.setdefault(alias.key, getattr(alias, kind.alias_fk))
    return found


def create_or_find(kind: NamedKind, *, name: str, key: str, values: dict[str, Any]):
    """Create a record; if another import created it first, return that one.

    Returns (record, created). The savepoint keeps the surrounding article
    transaction usable after the unique-key clash (PostgreSQL aborts a
    transaction on any error otherwise).
    """
    try:
        with transaction.atomic():
            return kind.model.objects.create(name=name, **values), True
    except IntegrityError:
        existing = look_up(kind, [key]).get(key)
        if existing is None:
            raise
        return existing, False


def spelling_order(name: str) -> tuple[bool, str]:
    """Sort key of the spellings of one name (same matching key): the first one is used.

    The old tone style ("Hòa") first, as the matching key writes it; then
    the code-point order, which only has to be fixed, not meaningful.
    """
    return unify_tone_style(name) != name, name


def summary_order(summary: str) -> tuple[int, str]:
    """Sort key of a directive's summaries as articles give them: the fullest first."""
    return -len(summary.split()), summary


def fill_blanks(
    record, values: dict[str, Any], *, chosen: dict[str, Any] | None = None, save: bool = True
) -> list[str]:
    """Set the fields that are blank and not an editor's; save only if any changed.

    `chosen` maps a text field to the sort key that picks its value among
    what the articles say: a set value is replaced by one that sorts first.
    Returns the names of the fields set; with save=False the caller saves them.
    """
    chosen = chosen or {}
    changed = []
    for name, value in values.items():
        if not value or name in record.edited_fields:
            continue
        current = getattr(record, name)
        if current in ("", None, False) or (
            name in chosen and value != current and chosen[name](value) < chosen[name](current)
        ):
            setattr(record, name, value)
            changed.append(name)
    if changed and save:
        # search_document follows name/abbreviation/...; updated_at records the change.
        record.save(update_fields=[*changed, "search_document", "updated_at"])
    return changed


def add_aliases(kind: NamedKind, wanted: Iterable[tuple[Any, str, bool]]) -> None:
    """Store (record, name, is_abbreviation) as aliases where the key is still free.

    A key that is already some record's name or alias is left where it is:
    the first record to claim a spelling keeps it, and an editor's merge is the
    way to move it. Conflicts with a concurrent import are ignored likewise.
    """
    max_length = kind.alias_model._meta.get_field("name").max_length
    rows: dict[str, Any] = {}
    for record, name, is_abbreviation in wanted:
        key = matching_key(name)
        if not key or key == record.key or key in rows or len(name) > max_length:
            continue
        extra = {"is_abbreviation": is_abbreviation} if kind is ORGANISATIONS else {}
        rows[key] = kind.alias_model(**{kind.alias_fk: record}, name=name, **extra)
        rows[key].derive_from_name()
    if not rows:
        return
    taken = set(kind.alias_model.objects.filter(key__in=rows).values_list("key", flat=True))
    taken |= set(kind.model.objects.filter(key__in=rows).values_list("key", flat=True))
    kind.alias_model.objects.bulk_create(
        [row for key, row in rows.items() if key not in taken], ignore_conflicts=True
    )


def _candidate_keys(name: str, aliases: Iterable[str]) -> list[str]:
    """The name's key first, then its usable aliases'; none when the name has no key."""
    name_key = matching_key(name)
    if not name_key:
        return []
    keys = [name_key, *(matching_key(alias) for alias in aliases if usable_alias(alias))]
    return list(dict.fromkeys(k for k in keys if k))


def _resolve_named(
    kind: NamedKind,
    entities: Iterable[PersonEntity | OrganisationEntity],
    values_of,
    alias_names_of,
    created: Counter[str],
) -> dict[str, Any]:
    wanted: dict[str, tuple[PersonEntity | OrganisationEntity, list[str]]] = {}
    for entity in entities:
        keys = _candidate_keys(entity.name, entity.aliases)
        if keys and len(entity.name) <= kind.name_length:
            wanted[entity.key] = (entity, keys)
    found = look_up(kind, (key for _, keys in wanted.values() for key in keys))
    resolved: dict[str, Any] = {}
    aliases: list[tuple[Any, str, bool]] = []
    # Sorted by the name's key, so two imports insert shared records in the same order
    # and cannot deadlock each other on PostgreSQL.
    for entity_key, (entity, keys) in sorted(wanted.items(), key=lambda item: item[1][1][0]):
        record = next((found[key] for key in keys if key in found), None)
        if record is None:
            record, was_created = create_or_find(
                kind, name=entity.name, key=keys[0], values=values_of(entity)
            )
            created[kind.counter] += was_created
            found[keys[0]] = record
        else:
            values = values_of(entity)
            if record.key == keys[0]:
                # Another spelling of the record's own name: the fixed order decides.
                values = {"name": entity.name, **values}
            fill_blanks(record, values, chosen={"name": spelling_order})
        resolved[entity_key] = record
        aliases += [(record, name, is_abbr) for name, is_abbr in alias_names_of(entity)]
    add_aliases(kind, aliases)
    return resolved


def _person_values(entity: PersonEntity) -> dict[str, Any]:
    return {
        "rank": (canonical_rank(entity.rank) or "") if entity.rank else "",
        "academic_titles": " ".join(entity.academic_titles)[:60],
        "foreign": entity.foreign,
    }


def _person_alias_names(entity: PersonEntity) -> list[tuple[str, bool]]:
    names = [entity.name, *entity.aliases]
    return [(name, False) for name in names if usable_alias(name)]


def resolve_people(entities: Iterable[PersonEntity], created: Counter[str]) -> dict[str, Person]:
    return _resolve_named(PEOPLE, entities, _person_values, _person_alias_names, created)


def _abbreviations(entity: OrganisationEntity) -> list[str]:
    return [a.strip() for a in entity.abbreviations if usable_abbreviation(a)]


def _organisation_values(entity: OrganisationEntity) -> dict[str, Any]:
    abbreviations = [a for a in _abbreviations(entity) if len(a) <= 50]
    return {"abbreviation": abbreviations[0] if abbreviations else "", "kind": entity.kind[:40]}


def _organisation_alias_names(entity: OrganisationEntity) -> list[tuple[str, bool]]:
    # Every abbreviation is an alias, the first one too: the abbreviation field
    # is not unique, so only the alias table lets "CAND" alone find its record.
    names = [(entity.name, False), *((a, False) for a in entity.aliases if usable_alias(a))]
    return names + [(abbreviation, True) for abbreviation in _abbreviations(entity)]


def is_ancestor(record: Organisation, of: Organisation) -> bool:
    """True when `record` is `of` or one of its parents (setting it would make a cycle).

    A chain longer than _MAX_PARENT_DEPTH counts as one, to be safe.
    """
    current: Organisation | None = of
    for _ in range(_MAX_PARENT_DEPTH):
        if current is None:
            return False
        if current.pk == record.pk:
            return True
        current = current.parent
    return current is not None


def resolve_organisations(
    entities: Iterable[OrganisationEntity], created: Counter[str]
) -> dict[str, Organisation]:
    entities = list(entities)
    resolved = _resolve_named(
        ORGANISATIONS, entities, _organisation_values, _organisation_alias_names, created
    )
    # Parents in a second pass: a parent may be created after its child above.
    for entity in entities:
        record = resolved.get(entity.key)
        parent = resolved.get(entity.parent_key or "")
        if record is None or parent is None or is_ancestor(record, of=parent):
            continue
        fill_blanks(record, {"parent": parent})
    return resolved
