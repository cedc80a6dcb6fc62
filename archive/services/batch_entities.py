"""Find or create the people and organisations of a batch of articles, with few queries.

What belongs here: the batch writer's (batch_writing.py) entity resolution.
It gives each article exactly what entities.py would give it were the
articles imported one after another in the batch's order, with the same
rules (match by key, then alias key; blanks filled, editors' fields kept;
the spelling and alias rules), but in a constant number of statements per
batch, not per article:

- the records and aliases every article of the batch may need are read at
  the start, in one query per table (`look_up` over all their keys), and what
  the batch creates or claims is added to that map as it goes, so a later
  article of the batch finds what an earlier one created;
- a new record is made in memory while the articles are resolved, and all
  the batch's new records of a kind are inserted at once (`insert_new`:
  INSERT … ON CONFLICT DO NOTHING, then one re-read by key). A record that a
  concurrent import inserted first makes the batch fail (ConcurrentlyCreated),
  and its articles go the one-by-one way, which takes the other import's row;
- the aliases the batch claims are inserted at once after the records;
- what articles change on records already stored (blanks filled, a later
  rank, a parent) is saved once at the end of the batch, one UPDATE per table
  and set of fields (`Changes.save`), instead of once per article;
- a directive's issuer named in a citation is looked up in the same map
  (`find_organisation`), as the map stood when that article came.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from archive.extraction.normalize import matching_key
from archive.services.batch_rows import update_rows
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


# Levels of parents read ahead; is_ancestor reads any deeper one itself.
_PARENT_LEVELS = 8


class ConcurrentlyCreated(Exception):
    """A record the batch meant to create was created first by another import."""


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
        # key -> the batch's article from which on the key is in `found` (-1: stored before).
        self.since: dict[str, int] = dict.fromkeys(self.found, -1)
        self.article = 0
        self.new: list[Any] = []
        self.new_aliases: list[Any] = []
        self._max_alias = kind.alias_model._meta.get_field("name").max_length

    def _claim(self, key: str, record: Any) -> None:
        if key not in self.found:
            self.found[key] = record
            self.since[key] = self.article

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
                record = kind.model(name=entity.name, **self.values_of(entity))
                record.derive_from_name()
                self.new.append(record)
                created[kind.counter] += 1
                self._claim(record.key, record)
                self._claim(keys[0], record)
            else:
                values = self.values_of(entity)
                if record.key == keys[0]:
                    values = {"name": entity.name, **values}
                changed = fill_blanks(record, values, chosen={"name": spelling_order}, save=False)
                if record.pk is not None:
                    # A record new in this batch is inserted with what it has by then.
                    self.changes.add(record, changed)
            resolved[entity_key] = record
            aliases += [(record, name, is_abbr) for name, is_abbr in self.alias_names_of(entity)]
        self._add_aliases(aliases)
        return resolved

    def insert_new(self) -> None:
        """Insert the batch's new records, then its aliases; give each record its id."""
        model = self.kind.model
        # In key order, so concurrent imports insert shared records in the same order
        # and cannot deadlock each other on PostgreSQL.
        records = sorted(self.new, key=lambda record: record.key)
        for record in records:
            record.derive_from_name()  # a later article may have chosen another spelling
        model.objects.bulk_create(records, ignore_conflicts=True, batch_size=500)
        stored: dict[str, tuple[int, Any]] = {}
        keys = [record.key for record in records]
        for start in range(0, len(keys), 1000):
            rows = model.objects.filter(key__in=keys[start : start + 1000])
            stored.update(
                (key, (pk, at)) for pk, key, at in rows.values_list("pk", "key", "created_at")
            )
        for record in records:
            pk, created_at = stored[record.key]
            # The row is ours when it carries the creation time our insert gave it.
            if created_at != record.created_at:
                raise ConcurrentlyCreated(f"{model.__name__} {record.key!r}")
            record.pk = pk
            record._state.adding = False
            record._state.db = DEFAULT_DB_ALIAS
        self.new = []
        aliases = sorted(self.new_aliases, key=lambda row: row.key)
        # The alias rows take their records' ids now that the records have them.
        self.kind.alias_model.objects.bulk_create(aliases, ignore_conflicts=True, batch_size=500)
        self.new_aliases = []

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
        for key, row in rows.items():
            self._claim(key, getattr(row, kind.alias_fk))
        self.new_aliases += rows.values()


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
            update_rows(model, records, sorted(fields))
        self.fields.clear()


def _load_parents(records: list[Organisation], known: dict[int, Organisation]) -> None:
    """Give the records their parents (and those theirs) that is_ancestor and fill_blanks
    read: the batch's own instances (`known`, by id) where it has them, so that a parent
    set in the batch is seen; the others read in one query per level, not one per record."""
    from archive.models import Organisation

    field = Organisation._meta.get_field("parent")
    for _ in range(_PARENT_LEVELS):
        missing = [r for r in records if r.parent_id is not None and not field.is_cached(r)]
        if not missing:
            return
        wanted = {r.parent_id for r in missing} - known.keys()
        known.update(Organisation.objects.in_bulk(wanted) if wanted else {})
        for record in missing:
            if record.parent_id in known:
                field.set_cached_value(record, known[record.parent_id])
        records = [known[r.parent_id] for r in missing if r.parent_id in known]


class BatchResolver:
    """People and organisations of a batch of articles."""

    def __init__(self, parses: Iterable[Any]) -> None:
        parses = list(parses)
        self.changes = Changes()
        # (record, parent) as the articles state them, set once the records have ids.
        self.parents: list[tuple[Organisation, Organisation]] = []
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

    def start_article(self, index: int) -> None:
        """The batch's article `index` is resolved next."""
        self.organisations.article = self.people.article = index

    def insert_new(self) -> None:
        """Insert the records and aliases the batch created (before any row refers to them)."""
        self.organisations.insert_new()
        self.people.insert_new()
        # Parents in a second pass, as entities.resolve_organisations does: all of the
        # batch's now, in article order, once every record has its id.
        known = {r.pk: r for r in self.organisations.found.values() if r.pk is not None}
        _load_parents([record for pair in self.parents for record in pair], known)
        for record, parent in self.parents:
            if not is_ancestor(record, of=parent):
                self.changes.add(record, fill_blanks(record, {"parent": parent}, save=False))
        self.parents = []

    def organisation_finder(self, index: int) -> Callable[[str], Organisation | None]:
        """directives.find_organisation for the batch's article `index`, answered from the
        batch's map as it stood when that article came."""
        organisations = self.organisations

        def find(key: str) -> Organisation | None:
            if organisations.since.get(key, index + 1) > index:
                return None
            return organisations.found[key]

        return find

    def resolve_organisations(
        self, entities: Iterable[OrganisationEntity], created: Counter[str]
    ) -> dict[str, Organisation]:
        entities = list(entities)
        resolved = self.organisations.resolve(entities, created)
        for entity in entities:
            record = resolved.get(entity.key)
            parent = resolved.get(entity.parent_key or "")
            if record is not None and parent is not None:
                self.parents.append((record, parent))
        return resolved

    def resolve_people(
        self, entities: Iterable[PersonEntity], created: Counter[str]
    ) -> dict[str, Person]:
        return self.people.resolve(entities, created)
