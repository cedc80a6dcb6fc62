"""Merge duplicate people or organisations into one surviving record.

What belongs here: the editor's merge (admin action and API). Everything that
points at a merged record moves to the survivor — mentions, positions,
aliases, and for organisations also directive issuers and child units —
the merged names become aliases of the survivor so that a later import of
the same spellings lands on it, the merged ids are kept as redirects to the
survivor (pages, API details and filters follow them), and the merged
records are deleted. All of
it happens in one transaction, so a failed merge changes nothing.

The survivor keeps its own values; only its blanks are filled from the merged
records (never a field an editor set), and editors' notes are kept together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from archive.models import (
    Directive,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
    Position,
)
from archive.services import counts
from archive.services.entities import (
    ORGANISATIONS,
    PEOPLE,
    NamedKind,
    add_aliases,
    is_ancestor,
    usable_abbreviation,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db import models


def _lock(kind: NamedKind, survivor, merged: Iterable) -> tuple:
    """Lock the records in id order (no deadlock between two merges); return fresh copies."""
    if survivor.pk is None:
        raise ValueError("the surviving record must be saved before a merge")
    ids = {record.pk for record in merged} - {survivor.pk}
    rows = {
        row.pk: row
        for row in kind.model.objects.select_for_update()
        .filter(pk__in=ids | {survivor.pk})
        .order_by("pk")
    }
    missing = (ids | {survivor.pk}) - rows.keys()
    if missing:
        raise kind.model.DoesNotExist(f"no {kind.counter} with id {sorted(missing)}")
    return rows[survivor.pk], [rows[pk] for pk in sorted(ids)]


def _move_unique(model: type[models.Model], fk: str, survivor, merged: list, key: str) -> None:
    """Point rows at the survivor; a row the survivor already has (same article and `key`) goes."""
    taken = set(model.objects.filter(**{fk: survivor}).values_list("article_id", key))
    keep, drop = [], []
    rows = model.objects.filter(**{f"{fk}__in": merged}).values_list("pk", "article_id", key)
    for pk, article_id, value in rows.order_by("pk"):
        if article_id is not None and (article_id, value) in taken:
            drop.append(pk)
        else:
            taken.add((article_id, value))
            keep.append(pk)
    model.objects.filter(pk__in=drop).delete()
    model.objects.filter(pk__in=keep).update(**{fk: survivor})


def _fill_from(survivor, merged: list, fields: Iterable[str]) -> list[str]:
    changed = []
    for name in fields:
        if name in survivor.edited_fields or getattr(survivor, name):
            continue
        value = next((getattr(m, name) for m in merged if getattr(m, name)), None)
        if value:
            setattr(survivor, name, value)
            changed.append(name)
    notes = [m.notes.strip() for m in merged if m.notes.strip()]
    if notes:
        survivor.notes = "\n\n".join(filter(None, [survivor.notes.strip(), *notes]))
        changed.append("notes")
    return changed


def _redirect(kind: NamedKind, survivor, merged: list) -> None:
    """Old ids lead to the survivor, including those that led to a record merged now.

    Before the delete, which would cascade to the redirects of the merged records.
    """
    redirects = kind.redirect_model.objects
    redirects.filter(**{f"{kind.alias_fk}__in": merged}).update(**{kind.alias_fk: survivor})
    redirects.bulk_create(
        [kind.redirect_model(old_id=m.pk, **{kind.alias_fk: survivor}) for m in merged]
    )


def _finish(kind: NamedKind, survivor, merged: list, aliases: list[tuple[str, bool]]) -> None:
    _redirect(kind, survivor, merged)
    kind.model.objects.filter(pk__in=[m.pk for m in merged]).delete()
    # After the delete, so that no key is still held by a merged record.
    add_aliases(kind, [(survivor, name, is_abbreviation) for name, is_abbreviation in aliases])
    # An alias spelled like the survivor's own name adds nothing.
    kind.alias_model.objects.filter(**{kind.alias_fk: survivor}, key=survivor.key).delete()


def merge_people(*, survivor: Person, merged: Iterable[Person]) -> Person:
    """Merge `merged` into `survivor`; returns the survivor as stored after the merge."""
    with transaction.atomic():
        survivor, merged = _lock(PEOPLE, survivor, merged)
        if not merged:
            return survivor
        touched = counts.articles_naming(people=merged)
        counts.subtract_articles(article_ids=touched)
        _move_unique(PersonMention, "person", survivor, merged, "start")
        _move_unique(Position, "person", survivor, merged, "title")
        PEOPLE.alias_model.objects.filter(person__in=merged).update(person=survivor)
        changed = _fill_from(survivor, merged, ["rank", "academic_titles", "foreign"])
        _finish(PEOPLE, survivor, merged, [(m.name, False) for m in merged])
        counts.add_articles(article_ids=touched)
        if changed:
            survivor.save()
    return survivor


def _surviving_parent(survivor: Organisation, merged: list[Organisation]) -> Organisation | None:
    """The survivor's parent once the merged records are gone, without making a cycle."""
    gone = {m.pk for m in merged}
    candidates = [survivor.parent, *(m.parent for m in merged)]
    for candidate in candidates:
        seen = set()
        while candidate is not None and candidate.pk in gone and candidate.pk not in seen:
            seen.add(candidate.pk)
            candidate = candidate.parent
        if candidate is not None and not is_ancestor(survivor, of=candidate):
            return candidate
    return None


def merge_organisations(*, survivor: Organisation, merged: Iterable[Organisation]) -> Organisation:
    """Merge `merged` into `survivor`; returns the survivor as stored after the merge."""
    with transaction.atomic():
        survivor, merged = _lock(ORGANISATIONS, survivor, merged)
        if not merged:
            return survivor
        touched = counts.articles_naming(organisations=merged)
        counts.subtract_articles(article_ids=touched)
        _move_unique(OrganisationMention, "organisation", survivor, merged, "start")
        Position.objects.filter(organisation__in=merged).update(organisation=survivor)
        Directive.objects.filter(issuer__in=merged).update(issuer=survivor)
        ORGANISATIONS.alias_model.objects.filter(organisation__in=merged).update(
            organisation=survivor
        )
        # Before the children move below, while the parents are as the editor saw them.
        parent = _surviving_parent(survivor, merged)
        Organisation.objects.filter(parent__in=merged).exclude(pk=survivor.pk).update(
            parent=survivor
        )
        changed = _fill_from(survivor, merged, ["abbreviation", "kind"])
        parent_id = parent.pk if parent else None
        if survivor.parent_id != parent_id and (
            "parent" not in survivor.edited_fields or survivor.parent_id in {m.pk for m in merged}
        ):
            survivor.parent = parent
            changed.append("parent")
        aliases = [(m.name, False) for m in merged]
        aliases += [(m.abbreviation, True) for m in merged if usable_abbreviation(m.abbreviation)]
        _finish(ORGANISATIONS, survivor, merged, aliases)
        counts.add_articles(article_ids=touched)
        if changed:
            survivor.save()
    return survivor
