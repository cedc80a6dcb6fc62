"""Searching the archive on either database: phrases, syntax, relevance, marked hits, aliases.

The articles are invented: an officer "Đỗ Minh Khôi", and an article whose
syllables "đỗ", "minh" and "Khôi" occur, but never together.
"""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from archive.extraction.normalize import fold_accents
from archive.models import Article, Organisation, OrganisationAlias, Person
from archive.services import merge_organisations, record_edit
from tests.archive.api.conftest import make_article

pytestmark = pytest.mark.django_db

NAME = "Đỗ Minh Khôi"


@pytest.fixture
def corpus(db):
    # The name three times, in an older article...
    often = make_article(
        1,
        title=f"Thượng tướng {NAME} thăm Sở Tư pháp Hải Lâm",
        body=f"Sáng 5/3, Thượng tướng {NAME} làm việc với Sở Tư pháp Hải Lâm. "
        f"Kết thúc buổi làm việc, {NAME} đề nghị Sở giữ kỷ cương.",
        published_on=datetime.date(2025, 3, 5),
    )
    # ...once in a newer one...
    once = make_article(
        2,
        title="Bộ Nội chính Thử nghiệm họp giao ban",
        body=f"Bộ Nội chính Thử nghiệm tổng kết công tác quý; đồng chí {NAME} chủ trì, "
        "các cục báo cáo kết quả thi đua.",
        published_on=datetime.date(2025, 6, 1),
    )
    # ...and the newest has the three syllables apart: not the name.
    scattered = make_article(
        3,
        title="Bãi đỗ xe mới ở Khôi Sơn",
        body="Bãi đỗ xe được minh bạch hoá việc thu phí; người dân Khôi Sơn hài lòng.",
        published_on=datetime.date(2025, 9, 9),
    )
    return SimpleNamespace(often=often, once=once, scattered=scattered)


def api_ids(url: str) -> list[int]:
    response = APIClient().get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def page_ids(client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [article.pk for article in response.context["page"].object_list]


# --- Phrases first ------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["do minh khoi", "Đỗ Minh Khôi", "ĐỖ MINH KHÔI", '"do minh khoi"']
)
def test_a_name_finds_the_articles_with_the_name_and_only_those(corpus, client, typed):
    wanted = {corpus.often.pk, corpus.once.pk}
    assert set(Article.objects.search(typed).values_list("pk", flat=True)) == wanted
    assert set(api_ids("/api/articles/?" + urlencode({"q": typed}))) == wanted
    assert set(page_ids(client, "/articles/?" + urlencode({"q": typed}))) == wanted


def test_quoted_phrases_must_all_occur_but_anywhere(corpus):
    found = Article.objects.search('"khoi son" "bai do"')
    assert list(found) == [corpus.scattered]


def test_or_finds_either_phrase(corpus):
    found = Article.objects.search('bai do xe OR "so tu phap"')
    assert set(found) == {corpus.scattered, corpus.often}


def test_a_minus_leaves_out_the_articles_with_the_phrase(corpus):
    assert list(Article.objects.search('do minh khoi -"so tu phap"')) == [corpus.once]


@pytest.mark.parametrize(
    "typed",
    ['"', "OR", "-", '"do minh', "a OR OR -", "(((", "NEAR(do minh)", "do*", "^x", "'", "\\", "%_"],
)
def test_malformed_syntax_is_never_an_error(corpus, client, typed):
    query = urlencode({"q": typed})
    assert client.get(f"/articles/?{query}").status_code == 200
    assert client.get(f"/people/?{query}").status_code == 200
    assert client.get(f"/search/?{query}").status_code == 200
    assert APIClient().get(f"/api/articles/?{query}").status_code == 200
    assert APIClient().get(f"/api/organisations/?{query}").status_code == 200


def test_an_unclosed_quote_still_searches_its_words(corpus):
    assert set(Article.objects.search('"do minh khoi')) == {corpus.often, corpus.once}


# --- Relevance ----------------------------------------------------------------


def test_with_a_search_the_best_match_comes_first_then_the_newest(corpus, client):
    assert api_ids("/api/articles/?q=do+minh+khoi") == [corpus.often.pk, corpus.once.pk]
    assert page_ids(client, "/articles/?q=do+minh+khoi") == [corpus.often.pk, corpus.once.pk]


def test_the_other_orders_stay_available_with_a_search(corpus, client):
    newest = [corpus.once.pk, corpus.often.pk]
    assert api_ids("/api/articles/?q=do+minh+khoi&ordering=-published_on") == newest
    assert page_ids(client, "/articles/?q=do+minh+khoi&ordering=-published_on") == newest
    assert api_ids("/api/articles/?q=do+minh+khoi&ordering=relevance") == newest[::-1]


def test_without_a_search_relevance_falls_back_to_the_lists_order(corpus):
    ids = api_ids("/api/articles/?ordering=relevance")
    assert ids == [corpus.scattered.pk, corpus.once.pk, corpus.often.pk]


def test_relevance_pages_follow_each_other_without_repeats(corpus):
    # Two equally good matches (one hit each) tie on relevance: the date breaks the tie.
    make_article(
        4, title="Tin vắn", body=f"Ông {NAME} dự lễ.", published_on=datetime.date(2024, 1, 2)
    )
    client, url, seen = APIClient(), "/api/articles/?q=do+minh+khoi&page_size=1", []
    while url:
        payload = client.get(url).json()
        seen += [item["id"] for item in payload["results"]]
        url = payload["next"]
    assert seen[0] == corpus.often.pk
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 3


def test_relevance_ranks_the_newest_matches_and_the_site_search_the_same(
    corpus, client, monkeypatch
):
    # A common word matches a large share of a large archive; ranking every
    # match would read them all, so the list ranks the newest RANKED_MATCHES.
    monkeypatch.setattr("archive.search_plans.RANKED_MATCHES", 1)
    assert api_ids("/api/articles/?q=do+minh+khoi") == [corpus.once.pk]
    assert page_ids(client, "/articles/?q=do+minh+khoi") == [corpus.once.pk]
    # The date order still lists every match.
    assert len(api_ids("/api/articles/?q=do+minh+khoi&ordering=-published_on")) == 2
    html = client.get("/search/?q=do+minh+khoi").content.decode()
    assert f'href="/articles/{corpus.once.pk}/?q=' in html
    assert f'href="/articles/{corpus.often.pk}/?q=' not in html


# --- Marked hits --------------------------------------------------------------


def test_the_api_snippet_marks_the_phrase_in_its_own_spelling(corpus):
    item = APIClient().get("/api/articles/?q=do+minh+khoi").json()["results"][0]
    text, marks = item["snippet"]["text"], item["snippet"]["marks"]
    assert [text[start:end] for start, end in marks] == [NAME, NAME]


def test_the_list_marks_the_hits_in_titles_and_excerpts(corpus, client):
    html = client.get("/articles/?q=do+minh+khoi").content.decode()
    assert html.count(f'<mark class="hit">{NAME}</mark>') == 4  # a title, 2 + 1 in excerpts
    # The scattered syllables are not an article here, and nothing else is marked.
    assert set(re.findall(r'<mark class="hit">([^<]*)</mark>', html)) == {NAME}


def test_marked_text_is_escaped(db, client):
    make_article(9, title="Thư bạn đọc", body=f"<b>{NAME}</b> viết: <script>x()</script>")
    html = client.get("/articles/?q=do+minh+khoi").content.decode()
    assert f'&lt;b&gt;<mark class="hit">{NAME}</mark>&lt;/b&gt;' in html
    assert "<script>x()" not in html


def test_a_result_leads_to_its_article_with_the_phrase_marked(corpus, client):
    html = client.get("/articles/?q=do+minh+khoi").content.decode()
    link = reverse("archive:article_detail", args=[corpus.often.pk]) + "?q=do%20minh%20khoi"
    assert f'href="{link}"' in html
    page = client.get(link).content.decode()
    assert page.count(f'<mark class="hit">{NAME}</mark>') == 3
    assert '<mark class="hit">' not in client.get(link.split("?")[0]).content.decode()


# --- Aliases ------------------------------------------------------------------


@pytest.fixture
def renamed(db):
    """A person renamed by an editor, an organisation merged into another, an abbreviation."""
    person = Person.objects.create(name="Đỗ Văn Khôi")
    person.name = NAME
    record_edit(instance=person, fields=["name"])
    survivor = Organisation.objects.create(name="Sở Tư pháp Hải Lâm")
    merged = Organisation.objects.create(name="Sở Pháp chế Hải Lâm")
    merge_organisations(survivor=survivor, merged=[merged])
    OrganisationAlias.objects.create(organisation=survivor, name="STPHL", is_abbreviation=True)
    return SimpleNamespace(person=person, organisation=survivor)


def test_an_old_name_finds_the_person_in_the_list_the_api_and_the_admin(renamed, client, superuser):
    assert page_ids(client, "/people/?q=do+van+khoi") == [renamed.person.pk]
    assert api_ids("/api/people/?q=Đỗ Văn Khôi") == [renamed.person.pk]
    client.force_login(superuser)
    response = client.get(reverse("admin:archive_person_changelist") + "?q=do+van+khoi")
    assert list(response.context["cl"].result_list) == [renamed.person]


@pytest.mark.parametrize("typed", ["so phap che hai lam", "Sở Pháp chế", "stphl"])
def test_a_merged_away_name_or_an_abbreviation_finds_the_organisation(
    renamed, client, superuser, typed
):
    query = urlencode({"q": typed})
    assert page_ids(client, f"/organisations/?{query}") == [renamed.organisation.pk]
    assert api_ids(f"/api/organisations/?{query}") == [renamed.organisation.pk]
    client.force_login(superuser)
    response = client.get(reverse("admin:archive_organisation_changelist") + f"?{query}")
    assert list(response.context["cl"].result_list) == [renamed.organisation]


def test_alias_names_are_phrases_too(renamed):
    assert not Person.objects.search("khoi do")
    assert not Organisation.objects.search("lam hai")


# --- The site-wide search -----------------------------------------------------


def test_the_header_box_searches_every_kind_at_once(corpus, renamed, client):
    html = client.get("/articles/").content.decode()
    assert f'action="{reverse("archive:search")}"' in html
    response = client.get("/search/?q=do+minh+khoi")
    groups = {group["kind"]: group for group in response.context["groups"]}
    assert [a.pk for a in groups["article"]["rows"]] == [corpus.often.pk, corpus.once.pk]
    assert groups["article"]["count"] == 2
    assert groups["person"]["rows"] == [renamed.person]
    assert groups["organisation"]["rows"] == [] and groups["directive"]["rows"] == []
    assert f'<mark class="hit">{NAME}</mark>' in response.content.decode()


def test_the_site_search_finds_a_record_by_its_old_name(renamed, client):
    groups = client.get("/search/?q=so+phap+che").context["groups"]
    found = {group["kind"]: group["rows"] for group in groups}
    assert found["organisation"] == [renamed.organisation]


def test_each_group_shows_its_best_few_and_links_to_the_rest(db, client):
    for n in range(7):
        make_article(20 + n, title=f"Tin số {n}", body=f"{NAME} dự họp lần {n}.")
    response = client.get("/search/?q=do+minh+khoi")
    articles = response.context["groups"][0]
    assert (len(articles["rows"]), articles["count"]) == (5, 7)
    assert 'href="/articles/?q=do+minh+khoi"' in response.content.decode()


# --- Indexes ------------------------------------------------------------------


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN indexes")
def test_a_name_search_reads_the_records_and_the_aliases_gin_indexes(renamed):
    sql, params = Person.objects.search("do van khoi").values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "archive_person_search_vector_gin" in plan, plan
    assert "archive_personalias_search_vector_gin" in plan, plan


def test_the_stored_alias_text_is_the_folded_name(renamed):
    alias = renamed.person.aliases.get()
    assert alias.search_document == fold_accents("Đỗ Văn Khôi")


def test_a_directive_symbol_is_searched_as_one_phrase(db):
    from archive.models import Directive

    wanted = Directive.objects.create(
        kind="Nghị quyết", kind_code="NQ", number="59", symbol="59-NQ/TW"
    )
    Directive.objects.create(kind="Nghị quyết", kind_code="NQ", number="59", symbol="59-NQ/TU")
    article = make_article(
        30,
        title="Quán triệt nghị quyết",
        body="Hội nghị quán triệt Nghị quyết 59-NQ/TW của Bộ Chính trị.",
    )
    make_article(31, title="Tin khác", body="Nghị quyết 59-NQ/TU của Tỉnh uỷ Hải Lâm.")
    assert list(Directive.objects.search("59-NQ/TW")) == [wanted]
    assert list(Article.objects.search("nghi quyet 59-nq/tw")) == [article]
    item = APIClient().get("/api/articles/?q=59-NQ/TW").json()["results"]
    assert [entry["id"] for entry in item] == [article.pk]
    text, marks = item[0]["snippet"]["text"], item[0]["snippet"]["marks"]
    assert [text[start:end] for start, end in marks] == ["59-NQ/TW"]


def test_a_phrase_that_finds_nothing_offers_its_words_apart(corpus, client):
    html = client.get("/articles/?q=khoi+minh+do").content.decode()
    assert "Không có bài viết nào khớp" in html
    link = re.search(r'<p class="words-apart">[^<]*<a href="([^"]+)"', html).group(1)
    apart = client.get(link.replace("&amp;", "&"))
    found = {article.pk for article in apart.context["page"].object_list}
    # The syllables anywhere: the name's articles and the scattered one.
    assert found == {corpus.often.pk, corpus.once.pk, corpus.scattered.pk}
    assert "words-apart" not in client.get("/articles/?q=do+minh+khoi").content.decode()
