"""Where a merged-away record's id leads now: one primary-key read.

The merge service keeps every redirect pointing at the final survivor, so no
chain is ever followed here.
"""

from __future__ import annotations

from django.db.models import Model

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


def survivor_ids(*, model: type[Model], ids: list[int]) -> dict[int, int]:
    """{merged-away id: its survivor's id} for those of `ids` that were merged away.

    One primary-key read of the redirect table, run before the list's query:
    the list then filters on a constant id, whose share of the archive the
    planner knows. As a scalar subquery inside the list's query the id was
    hidden from it, which made it read all 818,000 mentions of a hub person
    to keep the newest 5,000 of its articles (2.7 s at 1M articles).
    """
    ids = [pk for pk in ids if 1 <= pk <= MAX_ID]
    if model not in REDIRECTS or not ids:
        return {}
    redirect_model, column = REDIRECTS[model]
    rows = redirect_model._default_manager.filter(old_id__in=ids).values_list("old_id", column)
    return dict(rows)


def redirected_ids(*, model: type[Model], ids: list[int]):
    """The rows (old_id) of `ids` that are merged-away records of `model`: a QuerySet or None."""
    if model not in REDIRECTS or not ids:
        return None
    redirect_model, _ = REDIRECTS[model]
    return redirect_model._default_manager.filter(old_id__in=ids)
