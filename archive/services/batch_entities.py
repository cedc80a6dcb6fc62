"""Find or create the people and organisations of a batch of articles, with few queries.

What belongs here: the batch writer's (batch_writing.py) entity resolution.
It gives each article exactly what entities.py would give it were the
articles imported one after another in the batch's order, with the same
rules (match by key, then alias key; blanks filled, editors' fields kept;
the spelling and alias rules), but:

- the records and aliases every article of the batch may need are read at
  the start, in one query per table (`look_up` over all their keys), and what
  the batch creates is added to that map as it goes, so a later article of the
  batch finds what an earlier one created;
- a new record is inserted with ON CONFLICT DO NOTHING and read back, instead
  of inside a savepoint: a concurrent import that created it first leaves its
  row, which is then used.

- what articles change on records already read (blanks filled, a later
  rank) is saved once at the end of the batch, one UPDATE per table and set
  of fields (`save_changes`), instead of once per article;
- a directive's issuer named in a citation is looked up in the same map
  (`find_organisation`) rather than in the database.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from archive.extraction.normalize import matching_key
from archive.services.entities import (
    ORGANISATIONS,
    PEOPLE,
    NamedKind,
    _candidate_keys,
    _organisation_alias_names,
    _organisation_values,
    _person_alias_names,
    _person_values,
    fill_blanks,
    is_ancestor,
    look_up,
    spelling_order,
)

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable, Iterable

    from archive.extraction.types import OrganisationEntity, PersonEntity
    from archive.models import Organisation, Person


class NamedResolver:
    """One kind's records for a batch: read once, then resolved article by article."""

    def __init__(
        self,
        kind: NamedKind,
        entities: Iterable[Any],
        *,
        values_of: Callable[[Any], dict[str, Any]],
        alias_names_of: Callable[[Any], list[tuple[str, bool]]],
        changes: Changes,
        more_keys: Iterable[str] = (),
    ) -> None:
        self.kind = kind
        self.changes = changes
        self.values_of = values_of
        self.alias_names_of = alias_names_of
        keys: set[str] = {key for key in more_keys if key}
        for entity in entities:
            keys.update(_candidate_keys(entity.name, entity.aliases))
            keys.update(matching_key(name) for name, _ in alias_names_of(entity))
        # key -> record for every key that is a record's own or an alias: both
        # where to find a record and which alias keys are taken.
        found = look_up(kind, keys)
        # One instance per record, so that what one article fills in is what
        # the next one sees, whichever key (own or alias) it finds the record by.
        instances: dict[int, Any] = {}
        self.found: dict[str, Any] = {
            key: instances.setdefault(record.pk, record) for key, record in found.items()
        }
        self._max_alias = kind.alias_model._meta.get_field("name").max_length

    def resolve(self, entities: Iterable[Any], created: Counter[str]) -> dict[str, Any]:
        """Entity key -> record for one article's entities (entities._resolve_named, batched)."""
        kind = self.kind
        wanted: dict[str, tuple[Any, list[str]]] = {}
        for entity in entities:
            keys = _candidate_keys(entity.name, entity.aliases)
            if keys and len(entity.name) <= kind.name_length:
                wanted[entity.key] = (entity, keys)
        resolved: dict[str, Any] = {}
        aliases: list[tuple[Any, str, bool]] = []
        for entity_key, (entity, keys) in sorted(wanted.items(), key=lambda item: item[1][1][0]):
            record = next((self.found[key] for key in keys if key in self.found), None)
            if record is None:
                record, was_created = self._create(name=entity.name, values=self.values_of(entity))
                created[kind.counter] += was_created
                self.found[record.key] = record
                self.found.setdefault(keys[0], record)
            else:
                values = self.values_of(entity)
                if record.key == keys[0]:
                    values = {"name": entity.name, **values}
                changed = fill_blanks(record, values, chosen={"name": spelling_order}, save=False)
                self.changes.add(record, changed)
            resolved[entity_key] = record
            aliases += [(record, name, is_abbr) for name, is_abbr in self.alias_names_of(entity)]
        self._add_aliases(aliases)
        return resolved

    def _create(self, *, name: str, values: dict[str, Any]) -> tuple[Any, bool]:
        model = self.kind.model
        record = model(name=name, **values)
        record.derive_from_name()
        model.objects.bulk_create([record], ignore_conflicts=True)
        stored = model.objects.get(key=record.key)
        # The row is ours when it carries the creation time our insert gave it;
        # otherwise a concurrent import got there first and its row is used.
        return stored, stored.created_at == record.created_at

    def _add_aliases(self, wanted: list[tuple[Any, str, bool]]) -> None:
        """entities.add_aliases, with the taken keys known from the batch's map."""
        kind = self.kind
        rows: dict[str, Any] = {}
        for record, name, is_abbreviation in wanted:
            key = matching_key(name)
            if not key or key == record.key or key in rows or len(name) > self._max_alias:
                continue
            if key in self.found:
                continue
            extra = {"is_abbreviation": is_abbreviation} if kind is ORGANISATIONS else {}
            rows[key] = kind.alias_model(**{kind.alias_fk: record}, name=name, **extra)
            rows[key].derive_from_name()
        if not rows:
            return
        kind.alias_model.objects.bulk_create(list(rows.values()), ignore_conflicts=True)
        for key, row in rows.items():
            self.found[key] = getattr(row, kind.alias_fk)


class Changes:
    """Fields set on records already stored, saved at the end of the batch."""

    def __init__(self) -> None:
        self.fields: dict[tuple[type, int], tuple[Any, set[str]]] = {}

    def add(self, record: Any, fields: Iterable[str]) -> None:
        fields = set(fields)
        if fields:
            self.fields.setdefault((type(record), record.pk), (record, set()))[1].update(fields)

    def save(self) -> None:
        """One UPDATE per table and set of fields, as record.save(update_fields=...) writes."""
        groups: dict[tuple[type, frozenset[str]], list[Any]] = defaultdict(list)
        now = timezone.now()
        for (model, _), (record, fields) in self.fields.items():
            # What save() derives from the name (search_document, sort_key), and
            # updated_at, as fill_blanks' save() writes them.
            record.derive_from_name()
            record.updated_at = now
            fields = fields | {"search_document", "updated_at"}
            if "name" in fields:
                fields.add("sort_key")
            groups[(model, frozenset(fields))].append(record)
        for (model, fields), records in groups.items():
            model.objects.bulk_update(records, sorted(fields), batch_size=500)
        self.fields.clear()


class BatchResolver:
    """People and organisations of a batch of articles."""

    def __init__(self, parses: Iterable[Any]) -> None:
        parses = list(parses)
        self.changes = Changes()
        self.organisations = NamedResolver(
            ORGANISATIONS,
            (entity for parsed in parses for entity in parsed.organisations),
            values_of=_organisation_values,
            alias_names_of=_organisation_alias_names,
            changes=self.changes,
            more_keys=(
                matching_key(directive.issuer_name)
                for parsed in parses
                for directive in parsed.directives
                if directive.issuer_name
            ),
        )
        self.people = NamedResolver(
            PEOPLE,
            (entity for parsed in parses for entity in parsed.people),
            values_of=_person_values,
            alias_names_of=_person_alias_names,
            changes=self.changes,
        )

    def find_organisation(self, key: str) -> Organisation | None:
        """directives.find_organisation, answered from the batch's map."""
        return self.organisations.found.get(key)

    def resolve_organisations(
        self, entities: Iterable[OrganisationEntity], created: Counter[str]
    ) -> dict[str, Organisation]:
        entities = list(entities)
        resolved = self.organisations.resolve(entities, created)
        # Parents in a second pass, as entities.resolve_organisations does.
        for entity in entities:
            record = resolved.get(entity.key)
            parent = resolved.get(entity.parent_key or "")
            if record is None or parent is None or is_ancestor(record, of=parent):
                continue
            self.changes.add(record, fill_blanks(record, {"parent": parent}, save=False))
        return resolved

    def resolve_people(
        self, entities: Iterable[PersonEntity], created: Counter[str]
    ) -> dict[str, Person]:
        return self.people.resolve(entities, created)
