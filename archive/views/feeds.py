"""An Atom feed for any article filter: "new articles mentioning X, citing Y".

/articles/feed/?person=12&directive=59-NQ/TW takes the article list's own
filters. Entries are the newest articles first; each carries its title, its
date (an inferred year is said so in the summary), its source and, as
categories, the people, organisations and directives it mentions.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from archive.display import article_date
from archive.exports.rows import ARTICLE_FIELDS, article_rows
from archive.filters import ArticleFilter
from archive.models import Article
from archive.selectors.articles import newest_first
from archive.views.filter_form import filter_parameters

ENTRIES = 50


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def get_object(self, request, *args, **kwargs):
        params = filter_parameters(request)
        filterset = ArticleFilter(params, queryset=Article.objects.all())
        if not filterset.is_valid():
            raise BadRequest("invalid filter")
        self.query = params.urlencode()
        return filterset

    def title(self, filterset) -> str:
        title = _("News archive: new articles")
        return f"{title} ({self.query})" if self.query else str(title)

    def link(self, filterset) -> str:
        return reverse("archive:article_list") + (f"?{self.query}" if self.query else "")

    def feed_url(self, filterset) -> str:
        return reverse("archive:article_feed") + (f"?{self.query}" if self.query else "")

    def subtitle(self, filterset) -> str:
        return _("The newest articles for the chosen filters.")

    def items(self, filterset) -> list[Article]:
        """The newest entries as unsaved articles built from their export rows, each
        with the names of its entities (`categories`)."""
        newest = list(newest_first(filterset.qs).values_list("pk", flat=True)[:ENTRIES])
        order = {pk: n for n, pk in enumerate(newest)}
        entries = []
        for row in article_rows(Article.objects.filter(pk__in=newest)):
            entry = Article(**{name: row[name] for name in ARTICLE_FIELDS})
            entry.categories = [*row["people"], *row["organisations"], *row["directives"]]
            entries.append(entry)
        return sorted(entries, key=lambda entry: order[entry.pk])

    def item_title(self, item: Article) -> str:
        return item.title or item.origin

    def item_link(self, item: Article) -> str:
        return reverse("archive:article_detail", args=[item.pk])

    def item_pubdate(self, item: Article):
        if item.published_on is None:
            return None
        moment = datetime.datetime.combine(item.published_on, datetime.time())
        return timezone.make_aware(moment)

    def item_description(self, item: Article) -> str:
        source = f" · {item.source_name}" if item.source_name else ""
        return f"{article_date(item)}{source}"

    def item_author_name(self, item: Article) -> str | None:
        return item.author or None

    def item_categories(self, item: Article) -> list[str]:
        return item.categories
