"""Which record a name already belongs to: the check the admin forms and the API writes share."""

from __future__ import annotations

from django.db.models import Model

from archive.extraction.normalize import matching_key


def name_owner(
    *, model: type[Model], alias_model: type[Model], owner_field: str, name: str, excluding
) -> tuple[Model | None, bool]:
    """The record other than `excluding` (a pk, None for a new one) that answers to `name`.

    Names match by their matching key. Returns (record, False) when it is the
    record's own name, (record, True) when it is one of its aliases
    (`alias_model`, whose foreign key to the record is `owner_field`), and
    (None, False) when the name is free.
    """
    key = matching_key(name)
    other = model.objects.filter(key=key).exclude(pk=excluding).first()
    if other is not None:
        return other, False
    alias = (
        alias_model.objects.filter(key=key)
        .exclude(**{f"{owner_field}_id": excluding})
        .select_related(owner_field)
        .first()
    )
    if alias is None:
        return None, False
    return getattr(alias, owner_field), True
