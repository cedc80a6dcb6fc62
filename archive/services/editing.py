"""Save an editor's change so that a re-import keeps it: the one path of the admin and the API.

What belongs here: the rules of an editor's change to an imported record,
whoever sends it. The admin (a ModelForm) and the API (a serializer) only
validate the input and call these functions, so neither can skip a rule:

- the changed-field diff (`changed_fields`): a value sent back as it was
  does not count as the editor's;
- the date parts: an editor's publication date replaces all its parts
  (year, month, day, precision), and confirming an inferred year keeps it;
  a directive's issue date gives its year;
- the many-to-many links, set after the record is saved;
- the name clash (`name_clash`): a name another record or alias answers to
  is refused with the suggestion to merge the two;
- the edit marks: the changed fields are added to the record's
  `edited_fields`, which the import service never writes over, and a renamed
  person or organisation keeps its old name as an alias, so that an article
  still spelling the old name is matched to this record instead of
  re-creating the old one;
- the per-entity counts (archive.services.counts) follow an article's new
  date, and a deleted record (`delete_record`) leaves none behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction

from archive.models import Article, DatePrecision, Directive, Organisation, Person, Position
from archive.services import counts
from archive.services.entities import ORGANISATIONS, PEOPLE, add_aliases
from archive.services.names import name_owner
from archive.services.storing import PUBLISHED_FIELDS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

EDITABLE_MODELS = (Article, Person, Organisation, Directive)
# Fields the machine maintains: marking them would mean nothing.
_NOT_EDITABLE = {"id", "edited_fields", "created_at", "updated_at", "key", "search_document"}
_NAMED_KINDS = {Person: PEOPLE, Organisation: ORGANISATIONS}


class EditConflict(Exception):
    """Another record with these values was saved meanwhile (a unique constraint failed)."""


@dataclass(frozen=True)
class NameClash:
    """The record a name already belongs to; `by_alias` when it is one of its other names."""

    owner: Person | Organisation
    by_alias: bool


def _editable_field_names(model) -> set[str]:
    names = {f.name for f in model._meta.get_fields() if f.concrete or f.many_to_many}
    return names - _NOT_EDITABLE


def _differs(instance, name: str, value) -> bool:
    field = instance._meta.get_field(name)
    if field.many_to_many:
        if instance.pk is None:
            return bool(list(value))
        return {obj.pk for obj in getattr(instance, name).all()} != {obj.pk for obj in value}
    if field.is_relation:
        return getattr(instance, field.attname) != (value.pk if value is not None else None)
    return getattr(instance, name) != value


def changed_fields(*, instance, values: Mapping[str, Any]) -> list[str]:
    """The names in `values` whose value differs from the record's (all, for a new record)."""
    return [
        name
        for name, value in values.items()
        if instance.pk is None or _differs(instance, name, value)
    ]


def name_clash(*, instance: Person | Organisation, name: str) -> NameClash | None:
    """The other record that already answers to `name`, if any: the editor should merge the two."""
    kind = _NAMED_KINDS[type(instance)]
    owner, by_alias = name_owner(
        model=kind.model,
        alias_model=kind.alias_model,
        owner_field=kind.alias_fk,
        name=name,
        excluding=instance.pk,
    )
    if owner is None:
        return None
    assert isinstance(owner, (Person, Organisation))
    return NameClash(owner=owner, by_alias=by_alias)


def _derived_fields(instance, fields: list[str]) -> list[str]:
    """Set the fields that follow from the changed ones; return their names."""
    if isinstance(instance, Article):
        if "published_on" in fields:
            # The date's parts are one fact: the editor's date replaces them all.
            date = instance.published_on
            instance.published_year = date.year if date else None
            instance.published_month = date.month if date else None
            instance.published_day = date.day if date else None
            instance.published_precision = DatePrecision.FULL if date else DatePrecision.UNKNOWN
            instance.published_year_inferred = False
            instance.published_evidence = ""
            return list(PUBLISHED_FIELDS)
        if "published_year_inferred" in fields and not instance.published_year_inferred:
            # The editor confirms the inferred year: a re-import keeps the date.
            return list(PUBLISHED_FIELDS)
    if isinstance(instance, Directive) and "issued_on" in fields:
        instance.issued_year = instance.issued_on.year if instance.issued_on else None
        return ["issued_year"]
    return []


def save_edit(
    *,
    instance: Article | Person | Organisation | Directive,
    fields: Iterable[str],
    links: Mapping[str, Iterable[Any]] | None = None,
) -> None:
    """Save an editor's change: `instance` holds the new values, `fields` names the changed ones.

    `links` gives the new members of many-to-many fields, set once the record
    is saved. Raises EditConflict when another record with the same unique
    values was saved meanwhile (two editors at once).
    """
    fields = list(fields)
    fields += [name for name in _derived_fields(instance, fields) if name not in fields]
    try:
        with transaction.atomic():
            record_edit(instance=instance, fields=fields)
            for name, members in (links or {}).items():
                getattr(instance, name).set(members)
    except IntegrityError:
        raise EditConflict("another record with these values was saved meanwhile") from None


def record_edit(
    *, instance: Article | Person | Organisation | Directive, fields: Iterable[str]
) -> None:
    """Save `instance` with its new values and mark `fields` as edited by a person.

    Call it with the changed instance before it is saved (it saves it), so the
    old name can still be read from the database. Raises ValueError for a
    field the model does not have or the machine maintains.
    """
    if not isinstance(instance, EDITABLE_MODELS):
        raise TypeError(f"{type(instance).__name__} records are not edited by people")
    fields = list(dict.fromkeys(fields))
    unknown = set(fields) - _editable_field_names(type(instance))
    if unknown:
        raise ValueError(f"not an editable field of {type(instance).__name__}: {sorted(unknown)}")
    kind = _NAMED_KINDS.get(type(instance))
    with transaction.atomic():
        old_name = None
        if kind is not None and instance.pk is not None and "name" in fields:
            old_name = (
                kind.model.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
            )
        instance.mark_edited(*fields)
        redated = (
            isinstance(instance, Article)
            and instance.pk is not None
            and not {"published_on", "published_year_inferred"}.isdisjoint(fields)
        )
        if redated:
            counts.subtract_articles(article_ids=[instance.pk])  # by the old date
        instance.save()
        if redated:
            counts.add_articles(article_ids=[instance.pk])
        if kind is None:
            return
        if old_name:
            # add_aliases skips a spelling whose key is the record's own (new) key.
            add_aliases(kind, [(instance, old_name, False)])
        # The new name may have been one of its aliases: a redundant spelling now.
        kind.alias_model.objects.filter(**{kind.alias_fk: instance}, key=instance.key).delete()


def save_position(*, position: Position) -> None:
    """Save a post an editor added or changed; the counts follow its old and new article."""
    with transaction.atomic():
        old = Position.objects.filter(pk=position.pk).values_list("article_id", flat=True)
        touched = {pk for pk in (*old, position.article_id) if pk is not None}
        counts.subtract_articles(article_ids=touched)
        position.save()
        counts.add_articles(article_ids=touched)


def delete_record(*, instance: Article | Person | Organisation | Directive | Position) -> None:
    """Delete a record with its mentions and posts, and take them out of the counts.

    An organisation's posts stay with their people, without the organisation:
    they are counted again after it goes.
    """
    with transaction.atomic():
        if isinstance(instance, Article | Position):
            article_id = instance.pk if isinstance(instance, Article) else instance.article_id
            touched = [] if article_id is None else [article_id]
            counts.subtract_articles(article_ids=touched)
            instance.delete()
            if isinstance(instance, Position):
                counts.add_articles(article_ids=touched)
            return
        touched = counts.articles_naming(
            people=[instance] if isinstance(instance, Person) else [],
            organisations=[instance] if isinstance(instance, Organisation) else [],
            directives=[instance] if isinstance(instance, Directive) else [],
        )
        counts.subtract_articles(article_ids=touched)
        instance.delete()
        counts.add_articles(article_ids=touched)
