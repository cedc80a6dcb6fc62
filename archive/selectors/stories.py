"""Reads of stories: the other printings of an article's report."""

from __future__ import annotations

from archive.models import Article, StoryCopy

SHOWN = 50


def story_copies(article_id: int) -> list[Article]:
    """The other articles of the article's story, oldest first (at most SHOWN)."""
    story = StoryCopy.objects.filter(article_id=article_id).values_list("story", flat=True).first()
    if story is None:
        return []
    return list(
        Article.objects.filter(story_copy__story=story)
        .exclude(pk=article_id)
        .only("id", "title", "origin", "source_name", "source_url", "published_on")
        .order_by("pk")[:SHOWN]
    )
