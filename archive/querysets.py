"""Read verbs for the archive's models: what a listing, a filter or the API asks for.

Each verb returns a QuerySet, so they chain: `Article.objects.search("cong an")
.mentioning_person(3)`. Entity filters are subqueries (`id IN (SELECT ...)`),
never joins, so a filtered list never repeats an article.
"""

from __future__ import annotations

import datetime

from django.db import connections, models
from django.db.models import Q
from django.db.models.expressions import RawSQL

from archive.search.sql import (
    StoredSearchVector,
    build_fts5_query,
    build_tsquery,
    relevance,
)
from archive.search.syntax import ParsedQuery, parse_query
from archive.search_plans import among_ids, few_match_ids


class SearchableQuerySet(models.QuerySet):
    # A record with other names (aliases, the reverse relation of this name) is
    # found by any of them too; `alias_owner` is the alias's column for its record.
    alias_relation = ""
    # Look the matches up first, capped (archive.search_plans): for the articles,
    # whose match counts the planner misjudges at scale; the other tables are
    # small enough for the GIN index alone.
    look_up_matches_first = False
    alias_owner = ""

    def search(self, query: str):
        """Accent- and case-insensitive search in the syntax of archive.search.syntax.

        Plain words match as a phrase: in order, adjacent, whole syllables
        ("quan" does not find "Quang"), on PostgreSQL and SQLite alike. A
        query with no letter or digit finds nothing; a blank one filters nothing.
        """
        if not query.strip():
            return self
        parsed = parse_query(query)
        return self.matching(parsed) if parsed else self.none()

    def matching(self, parsed: ParsedQuery):
        """Rows matching a parsed query by their own text or, if they have any, an alias."""
        if not self.alias_relation:
            return self.matching_own_text(parsed)
        aliases = _related(self, self.alias_relation)._default_manager.matching(parsed)
        # A UNION of two index searches, not an OR, which would test every row.
        own = self.model._default_manager.matching_own_text(parsed).order_by().values("id")
        return self.filter(id__in=own.union(aliases.values(self.alias_owner)))

    def matching_own_text(self, parsed: ParsedQuery):
        """Rows whose own text matches, through the GIN index (PostgreSQL) or FTS5 (SQLite)."""
        vendor = connections[self.db].vendor
        if vendor == "postgresql":
            text = build_tsquery(parsed)
            if self.look_up_matches_first:
                matches = self.model._default_manager.alias(_search=StoredSearchVector())
                few = few_match_ids(matches.filter(_search=text))
                if few is not None:
                    return self.filter(among_ids(few)) if few else self.none()
            return self.alias(_search=StoredSearchVector()).filter(_search=text)
        if vendor == "sqlite":
            fts = f"{self.model._meta.db_table}_fts"
            matches = RawSQL(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [build_fts5_query(parsed)]
            )
            return self.filter(id__in=matches)
        condition = models.Q()
        for group in parsed.groups:
            either = models.Q()
            for phrase in group:
                either |= models.Q(search_document__contains=phrase)
            condition &= either
        return self.filter(condition)

    def with_relevance(self, parsed: ParsedQuery):
        """Annotate `relevance`: how well each row matches `parsed` (higher is better)."""
        vendor = connections[self.db].vendor
        table = self.model._meta.db_table
        return self.annotate(relevance=relevance(vendor=vendor, table=table, parsed=parsed))


def _related(queryset: models.QuerySet, relation: str):
    """The model at the other end of one of the queryset's model's relations.

    Reached through the relation the models declare, rather than imported:
    archive.models imports this module for its managers.
    """
    return queryset.model._meta.get_field(relation).related_model


def _ids(queryset: models.QuerySet, relation: str, column: str, **conditions):
    """`SELECT column FROM <related table> WHERE conditions`: each entity filter's subquery."""
    return _related(queryset, relation)._default_manager.filter(**conditions).values(column)


class ArticleQuerySet(SearchableQuerySet):
    look_up_matches_first = True

    def dates(self, field_name, kind, order="ASC"):
        """The years that have articles, one index probe per year on PostgreSQL.

        The admin's date hierarchy asks for them on each view of the list; the
        stock `SELECT DISTINCT date_trunc('year', ...)` reads every dated row.
        Here the first and last dates bound the years, and a UNION of one
        LIMIT 1 probe per year keeps those that have a row. SQLite cannot
        UNION limited queries; months and days are asked within a year only.
        """
        if kind != "year" or connections[self.db].vendor != "postgresql":
            return super().dates(field_name, kind, order)
        rows = self.order_by()
        span = rows.aggregate(first=models.Min(field_name), last=models.Max(field_name))
        if span["first"] is None:
            return []
        probes = [
            rows.filter(
                **{
                    f"{field_name}__gte": datetime.date(year, 1, 1),
                    f"{field_name}__lt": datetime.date(year + 1, 1, 1),
                }
            )
            .annotate(probe_year=models.Value(year))
            .values_list("probe_year", flat=True)[:1]
            for year in range(span["first"].year, span["last"].year + 1)
        ]
        years = sorted(probes[0].union(*probes[1:], all=True), reverse=order == "DESC")
        return [datetime.date(year, 1, 1) for year in years]

    def mentioning_person(self, person_id: int):
        return self.filter(id__in=_ids(self, "personmention", "article_id", person_id=person_id))

    def mentioning_organisation(self, organisation_id: int):
        return self.filter(
            id__in=_ids(self, "organisationmention", "article_id", organisation_id=organisation_id)
        )

    def citing_directive(self, directive_id: int):
        return self.filter(
            id__in=_ids(self, "directivemention", "article_id", directive_id=directive_id)
        )


class PersonQuerySet(SearchableQuerySet):
    alias_relation = "aliases"
    alias_owner = "person_id"

    def mentioned_in(self, article_id: int):
        return self.filter(id__in=_ids(self, "mentions", "person_id", article_id=article_id))

    def holding_post_in(self, organisation_id: int):
        return self.filter(
            id__in=_ids(self, "positions", "person_id", organisation_id=organisation_id)
        )


class OrganisationQuerySet(SearchableQuerySet):
    alias_relation = "aliases"
    alias_owner = "organisation_id"

    def mentioned_in(self, article_id: int):
        return self.filter(id__in=_ids(self, "mentions", "organisation_id", article_id=article_id))


class DirectiveQuerySet(SearchableQuerySet):
    def cited_in(self, article_id: int):
        return self.filter(id__in=_ids(self, "mentions", "directive_id", article_id=article_id))

    def issued_by(self, organisation_id: int):
        """Directives the organisation issued, alone or jointly (primary issuer or co-issuer)."""
        return self.filter(
            Q(issuer_id=organisation_id)
            | Q(id__in=_ids(self, "issuer_links", "directive_id", organisation_id=organisation_id))
        )
