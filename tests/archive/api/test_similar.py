"""More like this: articles sharing the most entities, the rarer ones counting more."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Directive, Organisation
from archive.selectors.similar import similar_article_ids
from tests.archive.api.conftest import make_article, mention

pytestmark = pytest.mark.django_db


def test_the_article_sharing_most_entities_comes_first(archive):
    ranked = [pk for pk, _ in similar_article_ids(archive.a_both.pk)]
    # a_minister shares the minister and the ministry; the undated one the colonel.
    assert ranked == [archive.a_minister.pk, archive.a_colonel_undated.pk]


def test_the_api_and_the_page_list_similar_articles(archive):
    api = Client().get(f"/api/articles/{archive.a_both.pk}/similar/")
    assert api.status_code == 200
    assert [row["id"] for row in api.json()] == [
        archive.a_minister.pk,
        archive.a_colonel_undated.pk,
    ]
    page = Client().get(f"/articles/{archive.a_both.pk}/").content.decode()
    section = page.split('id="similar-heading"')[1].split("</section>")[0]
    assert section.index(archive.a_minister.title) < section.index(archive.a_colonel_undated.title)


def test_an_article_sharing_nothing_has_no_similar_section(archive):
    page = Client().get(f"/articles/{archive.a_untitled.pk}/").content.decode()
    assert "<h1" in page
    assert "Bài liên quan" not in page


def test_a_common_entity_tells_nothing_and_a_rarer_one_counts_more(db):
    hub = Organisation.objects.create(name="Bộ Chung Chung")
    rare = Directive.objects.create(kind="Chỉ thị", number="3", symbol="3-CT/TT")
    rarer = Directive.objects.create(kind="Chỉ thị", number="4", symbol="4-CT/TT")
    body = "Bộ Chung Chung thực hiện Chỉ thị 3-CT/TT và Chỉ thị 4-CT/TT."
    subject = make_article(1, title="Bài gốc", body=body)
    shares_rarer = make_article(2, title="Bài chung chỉ thị 4", body=body)
    shares_rare = make_article(3, title="Bài chung chỉ thị 3", body=body)
    also_rare = make_article(4, title="Bài cũng có chỉ thị 3", body=body)
    only_hub = [make_article(n, title=f"Bài chỉ có bộ {n}", body=body) for n in range(5, 9)]
    for article in (subject, *only_hub):
        mention(article, hub, "Bộ Chung Chung")
    for article in (subject, shares_rare, also_rare):
        mention(article, rare, "3-CT/TT")
    for article in (subject, shares_rarer):
        mention(article, rarer, "4-CT/TT")
    ranked = [pk for pk, _ in similar_article_ids(subject.pk, common=4)]
    # The hub (5 articles, over 4) adds no one; 4-CT/TT (2 articles) outranks 3-CT/TT (3).
    assert ranked[0] == shares_rarer.pk
    assert set(ranked) == {shares_rarer.pk, shares_rare.pk, also_rare.pk}


def test_a_similar_article_with_an_inferred_year_costs_no_query_of_its_own(archive):
    def page_queries() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            page = Client().get(f"/articles/{archive.a_both.pk}/").content.decode()
        return page.split('id="similar-heading"')[1].split("</section>")[0], len(queries)

    _, plain = page_queries()
    Article.objects.filter(pk=archive.a_minister.pk).update(
        published_year_inferred=True, published_evidence="năm của số báo"
    )
    section, inferred = page_queries()
    assert "(năm suy ra từ năm của số báo)" in section
    assert inferred == plain


def test_finding_similar_articles_takes_one_query_however_many_entities_the_article_names(db):
    def queries_for(entities: int) -> int:
        symbols = [f"{entities}{n}-CT/TT" for n in range(entities)]
        body = "Thực hiện " + ", ".join(symbols) + "."
        subject = make_article(100 + entities, title=f"Bài có {entities} văn bản", body=body)
        other = make_article(200 + entities, title=f"Bài cùng {entities} văn bản", body=body)
        for symbol in symbols:
            directive = Directive.objects.create(kind="Chỉ thị", number=symbol, symbol=symbol)
            mention(subject, directive, directive.symbol)
            mention(other, directive, directive.symbol)
        with CaptureQueriesContext(connection) as queries:
            ranked = similar_article_ids(subject.pk)
        assert [pk for pk, _ in ranked] == [other.pk]
        return len(queries)

    assert queries_for(1) == queries_for(6) == 1
