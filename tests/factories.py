"""Helpers the test suites share to build archive rows by hand."""

from __future__ import annotations

from archive.models import (
    Article,
    Directive,
    DirectiveMention,
    Organisation,
    OrganisationMention,
    Person,
    PersonMention,
)

# The mention table of each kind of entity, and its foreign key to the entity.
MENTION_MODELS = {
    Person: (PersonMention, "person"),
    Organisation: (OrganisationMention, "organisation"),
    Directive: (DirectiveMention, "directive"),
}


def add_mention(article: Article, entity, surface: str, *, start: int, sentence: str) -> None:
    """A mention of a person, organisation or directive: `surface` at offset `start`."""
    model, field = MENTION_MODELS[type(entity)]
    model.objects.create(
        article=article,
        surface=surface,
        start=start,
        end=start + len(surface),
        sentence=sentence,
        **{field: entity},
    )
