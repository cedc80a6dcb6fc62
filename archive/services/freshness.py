"""Tell the filter forms that their choices may have changed: bump ChoicesVersion on write.

What belongs here: the signal receivers that notice a saved or deleted
article or entity (an import, an editor's change, a merge's deletes all
save or delete through the ORM) and bump the version once the transaction
commits. After the commit, so that a reader never caches the old rows under
the new number, and outside the writer's transaction, so that concurrent
imports do not queue on the row's lock.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from archive.models import Article, ChoicesVersion, Directive, Organisation, Person

WATCHED = (Article, Person, Organisation, Directive)


def bump_choices_version() -> None:
    """Make every process read the filter choices afresh (after the current commit).

    Once per transaction: an article's import saves many rows, and on SQLite
    each bump is a write of its own (measured: one per saved row doubled an
    import's time).
    """
    connection = transaction.get_connection()
    # Django lists the pending callbacks as (savepoint ids, callback, robust)
    # and drops those of a rolled-back savepoint. A pending bump is lost only
    # with a rollback that also undoes this write, so it covers this one.
    if connection.in_atomic_block and any(
        callback is _bump for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump, robust=True)


def _bump() -> None:
    if not ChoicesVersion.objects.filter(pk=1).update(number=F("number") + 1):
        # The row is gone (a flushed test database): start again.
        ChoicesVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def _on_write(sender, **kwargs) -> None:
    bump_choices_version()


# Connected per model, never for every sender: a post_delete receiver makes
# Django fetch and signal each row it deletes instead of one DELETE, which
# would slow every cascade of mentions.
for _model in WATCHED:
    post_save.connect(
        _on_write, sender=_model, dispatch_uid=f"archive.choices_save.{_model.__name__}"
    )
    post_delete.connect(
        _on_write, sender=_model, dispatch_uid=f"archive.choices_delete.{_model.__name__}"
    )
