"""Save an editor's change so that a re-import keeps it.

What belongs here: the one write an editor's change to an imported record
goes through (admin and API). The changed fields are added to the record's
`edited_fields`, which the import service never writes over. A renamed
person or organisation keeps its old name as an alias, so that an article
still spelling the old name is matched to this record instead of re-creating
the old one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from archive.models import Article, Directive, Organisation, Person
from archive.services.entities import ORGANISATIONS, PEOPLE, add_aliases

if TYPE_CHECKING:
    from collections.abc import Iterable

EDITABLE_MODELS = (Article, Person, Organisation, Directive)
# Fields the machine maintains: marking them would mean nothing.
_NOT_EDITABLE = {"id", "edited_fields", "created_at", "updated_at", "key", "search_document"}


def _editable_field_names(model) -> set[str]:
    names = {f.name for f in model._meta.get_fields() if f.concrete or f.many_to_many}
    return names - _NOT_EDITABLE


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
    kind = {Person: PEOPLE, Organisation: ORGANISATIONS}.get(type(instance))
    with transaction.atomic():
        old_name = None
        if kind is not None and instance.pk is not None and "name" in fields:
            old_name = (
                kind.model.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
            )
        instance.mark_edited(*fields)
        instance.save()
        if kind is None:
            return
        if old_name:
            # add_aliases skips a spelling whose key is the record's own (new) key.
            add_aliases(kind, [(instance, old_name, False)])
        # The new name may have been one of its aliases: a redundant spelling now.
        kind.alias_model.objects.filter(**{kind.alias_fk: instance}, key=instance.key).delete()
