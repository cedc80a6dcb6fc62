"""Where a merged-away record's id leads now: one primary-key read, or a subquery for a filter.

The merge service keeps every redirect pointing at the final survivor, so no
chain is ever followed here.
"""

from __future__ import annotations

from django.db.models import BigIntegerField, Model, Subquery, Value
from django.db.models.functions import Coalesce

from archive.models import Organisation, OrganisationRedirect, Person, PersonRedirect

# Ids are 64-bit; a larger one in a URL names nothing (and would overflow the column).
MAX_ID = 2**63 - 1
# Model -> (its redirect table, the table's foreign key to it)
REDIRECTS: dict[type[Model], tuple[type[Model], str]] = {
    Person: (PersonRedirect, "person_id"),
    Organisation: (OrganisationRedirect, "organisation_id"),
}


def survivor_id(*, model: type[Model], pk: int) -> int | None:
    """The id that the merged-away record `pk` of `model` now lives on, or None."""
    if model not in REDIRECTS or not 1 <= pk <= MAX_ID:
        return None
    redirect_model, column = REDIRECTS[model]
    return redirect_model._default_manager.filter(old_id=pk).values_list(column, flat=True).first()


def current_id(*, model: type[Model], pk: int):
    """`pk` itself, or its survivor's id if it was merged away: an expression for a filter.

    A scalar subquery on the redirect table's primary key, so a filtered list
    costs no extra query and the database still uses the entity's index.
    """
    if model not in REDIRECTS:
        return pk
    redirect_model, column = REDIRECTS[model]
    survivor = redirect_model._default_manager.filter(old_id=pk).values(column)[:1]
    return Coalesce(Subquery(survivor), Value(pk), output_field=BigIntegerField())


def redirected_ids(*, model: type[Model], ids: list[int]):
    """The rows (old_id) of `ids` that are merged-away records of `model`: a QuerySet or None."""
    if model not in REDIRECTS or not ids:
        return None
    redirect_model, _ = REDIRECTS[model]
    return redirect_model._default_manager.filter(old_id__in=ids)
