"""People, organisations and directives: their lists with filters, and a page for each."""

from __future__ import annotations

import datetime
import re

import pytest

from archive.models import Directive, Organisation, Person, PersonAlias, Position
from tests.archive.deferred import block_urls, whole_page
from tests.archive.pages.builders import build_article
from tests.archive.queries import get_with_queries

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


def names(response) -> list[str]:
    return [str(row.name) for row in response.context["page"].object_list]


# --- People -------------------------------------------------------------------


def test_people_list_shows_rank_latest_post_and_count(client, archive_data):
    response = client.get("/people/")
    assert response.status_code == 200
    assert names(response) == ["Lê Thị Hạnh", "Trần Quốc Bảo"]
    html = html_of(response)
    assert "Tìm thấy 2 nhân vật" in html
    assert "Giám đốc Sở Văn hoá tỉnh Hải Lâm" in html and "Đại tá" in html


def test_people_list_filters(client, archive_data):
    assert names(client.get("/people/", {"q": "tran quoc"})) == ["Trần Quốc Bảo"]
    assert names(client.get("/people/", {"rank": "Đại tá"})) == ["Trần Quốc Bảo"]
    response = client.get("/people/", {"organisation": archive_data.dang_uy.pk})
    assert names(response) == ["Lê Thị Hạnh"]
    assert names(client.get("/people/", {"ordering": "-name"})) == ["Trần Quốc Bảo", "Lê Thị Hạnh"]


def test_people_list_refuses_an_unknown_rank_on_the_form(client, archive_data):
    response = client.get("/people/", {"rank": "Nguyên soái"})
    assert response.status_code == 400
    assert "“Nguyên soái” không có trong danh sách" in html_of(response)


def test_person_page_shows_posts_articles_aliases_and_chart(client, archive_data):
    PersonAlias.objects.create(person=archive_data.bao, name="Trần Q. Bảo")
    response = client.get(f"/people/{archive_data.bao.pk}/")
    assert response.status_code == 200
    html = html_of(response)
    assert '<h1><span class="rank">Đại tá</span> Trần Quốc Bảo</h1>' in html
    assert "Trần Q. Bảo" in html
    posts = html[html.index('id="posts-heading"') : html.index('id="chart-heading"')]
    assert "Giám đốc Sở Văn hoá tỉnh Hải Lâm" in posts
    assert f'href="/organisations/{archive_data.so.pk}/"' in posts
    assert f'href="/articles/{archive_data.first.pk}/"' in html
    assert f'href="/articles/?person={archive_data.bao.pk}"' in html
    # Two mentions in May 2024: one bar, and its number in the table.
    assert html.count('<rect class="bar"') == 1
    assert "<td>Tháng 5/2024</td><td>2</td>" in html


def test_a_chart_over_years_says_it_counts_by_year(client, archive_data):
    for year in (2019, 2025):
        build_article(
            blocks=[("lead", f"Năm {year}, Lê Thị Hạnh dự lễ khai giảng.")],
            mentions=[(archive_data.hanh, "Lê Thị Hạnh")],
            published_on=datetime.date(year, 9, 5),
        )
    html = html_of(client.get(f"/people/{archive_data.hanh.pk}/"))
    assert "Số lần được nhắc đến, theo năm đăng bài." in html
    assert "<td>Năm 2019</td><td>1</td>" in html
    html = html_of(client.get(f"/people/{archive_data.bao.pk}/"))
    assert "Số lần được nhắc đến, theo tháng đăng bài." in html


def test_a_missing_person_is_not_found(client, db):
    assert client.get("/people/999/").status_code == 404


# --- Organisations ------------------------------------------------------------


def test_organisation_list_filters_by_name_kind_and_parent(client, archive_data):
    child = Organisation.objects.create(name="Thư viện tỉnh Hải Lâm", parent=archive_data.so)
    assert names(client.get("/organisations/", {"q": "dang uy"})) == [
        "Đảng uỷ Khối Doanh nghiệp Hải Lâm"
    ]
    response = client.get("/organisations/", {"kind": "department"})
    assert names(response) == ["Sở Văn hoá tỉnh Hải Lâm"]
    assert names(client.get("/organisations/", {"parent": archive_data.so.pk})) == [child.name]
    response = client.get("/organisations/", {"parent": "xyz"})
    assert response.status_code == 400


def test_organisation_page_shows_units_people_directives_and_articles(client, archive_data):
    Organisation.objects.create(name="Thư viện tỉnh Hải Lâm", parent=archive_data.so)
    html = whole_page(client, f"/organisations/{archive_data.so.pk}/")
    assert "Thư viện tỉnh Hải Lâm" in html
    people = html[html.index('id="people-heading"') :]
    assert "Trần Quốc Bảo" in people and "Giám đốc Sở Văn hoá tỉnh Hải Lâm" in people
    assert "Kế hoạch 45-KH/SVH" in html  # issued by it
    assert "Tìm thấy 2 bài viết" in html
    assert '<svg class="chart chart-bars"' in html


def test_organisation_page_shows_aliases(client, archive_data):
    html = html_of(client.get(f"/organisations/{archive_data.dang_uy.pk}/"))
    assert "<dt>Tên khác</dt><dd>ĐUKDN</dd>" in html


# --- Directives ---------------------------------------------------------------


def test_directive_list_filters(client, archive_data):
    def symbols(params) -> list[str]:
        return [d.symbol for d in client.get("/directives/", params).context["page"].object_list]

    assert symbols({}) == ["45-KH/SVH", "12-NQ/TU"]
    assert symbols({"symbol": "12-nq/tu"}) == ["12-NQ/TU"]
    assert symbols({"kind": "Kế hoạch"}) == ["45-KH/SVH"]
    assert symbols({"issuer": archive_data.dang_uy.pk}) == ["12-NQ/TU"]
    assert symbols({"q": "van hoa doc"}) == ["12-NQ/TU"]
    assert symbols({"year": "2023"}) == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "năm ngoái"}, "Năm “năm ngoái” không hợp lệ"),
        ({"symbol": "không phải ký hiệu"}, "Không phải số, ký hiệu văn bản"),
        ({"issued_after": "31/12/2024"}, "Ngày “31/12/2024” không hợp lệ"),
    ],
)
def test_directive_list_explains_invalid_values(client, archive_data, params, message):
    response = client.get("/directives/", params)
    assert response.status_code == 400
    assert message in html_of(response)


def test_directive_page_shows_issuer_chain_and_citing_articles(client, archive_data):
    html = html_of(client.get(f"/directives/{archive_data.plan.pk}/"))
    assert "<h1>Nghị quyết 12-NQ/TU</h1>" in html
    assert f'<a href="/organisations/{archive_data.dang_uy.pk}/">' in html
    implemented_by = html[html.index("Được thực hiện bởi") :]
    assert f'href="/directives/{archive_data.action.pk}/">Kế hoạch 45-KH/SVH</a>' in implemented_by
    svg = re.search(r'<svg class="chart chart-chain".*?</svg>', html, re.S).group(0)
    assert f'<a href="/directives/{archive_data.action.pk}/">' in svg
    assert "Tìm thấy 1 bài viết" in html


def test_a_chain_of_three_levels_is_drawn_both_ways(client, archive_data):
    further = Directive.objects.create(
        kind="Công văn",
        kind_code="CV",
        number="3",
        symbol="3/CV-TV",
        issued_on=datetime.date(2024, 8, 1),
    )
    further.implements.add(archive_data.action)
    html = html_of(client.get(f"/directives/{archive_data.action.pk}/"))
    svg = re.search(r'<svg class="chart chart-chain".*?</svg>', html, re.S).group(0)
    assert "12-NQ/TU" in svg and "3/CV-TV" in svg and "45-KH/SVH" in svg
    assert svg.count("<line") == 2
    html = html_of(client.get(f"/directives/{further.pk}/"))
    svg = re.search(r'<svg class="chart chart-chain".*?</svg>', html, re.S).group(0)
    assert "12-NQ/TU" in svg  # two levels up


def test_a_directive_without_links_has_no_diagram(client, db):
    lone = Directive.objects.create(kind="Chỉ thị", number="5", symbol="05/CT-UBND")
    html = html_of(client.get(f"/directives/{lone.pk}/"))
    assert "chart-chain" not in html and "Chưa biết văn bản nào." in html


# --- Query counts -------------------------------------------------------------


def grow(n: int) -> None:
    org = Organisation.objects.create(name=f"Phòng Thử Nghiệm {Organisation.objects.count()}")
    for i in range(n):
        person = Person.objects.create(name=f"Người Thử {Person.objects.count()} {i}")
        directive = Directive.objects.create(
            kind="Kế hoạch",
            number=str(i),
            symbol=f"{Directive.objects.count() + 100}-KH/TN",
            issuer=org,
        )
        article = build_article(
            blocks=[("lead", f"{person.name} tại {org.name} theo {directive.symbol}.")],
            mentions=[(person, person.name), (org, org.name), (directive, directive.symbol)],
        )
        Position.objects.create(
            person=person, title="Trưởng phòng", organisation=org, article=article
        )


@pytest.mark.parametrize("url", ["/people/", "/organisations/", "/directives/"])
def test_list_query_count_does_not_grow_with_rows(client, archive_data, url):
    def queries() -> int:
        return len(get_with_queries(client, url)[1])

    queries()  # the first request fills the cache of the select boxes' choices
    few = queries()
    grow(12)
    assert queries() == few


@pytest.mark.parametrize("kind", ["person", "organisation", "directive"])
def test_entity_page_query_count_does_not_grow_with_articles(client, archive_data, kind):
    org = archive_data.so
    target = {"person": archive_data.bao, "organisation": org, "directive": archive_data.action}
    section = {"person": "people", "organisation": "organisations", "directive": "directives"}
    url = f"/{section[kind]}/{target[kind].pk}/"

    def queries() -> list[int]:
        """The page's statements, then each of its deferred blocks'."""
        response, captured = get_with_queries(client, url)
        blocks = block_urls(response.content.decode())
        return [len(captured)] + [len(get_with_queries(client, b)[1]) for b in blocks]

    few = queries()
    for i in range(8):
        build_article(
            blocks=[("lead", f"Bài {i}: Trần Quốc Bảo, Sở Văn hoá tỉnh Hải Lâm, 45-KH/SVH.")],
            mentions=[
                (archive_data.bao, "Trần Quốc Bảo"),
                (org, "Sở Văn hoá tỉnh Hải Lâm"),
                (archive_data.action, "45-KH/SVH"),
            ],
            published_on=datetime.date(2024, 1 + i, 3),
        )
    assert queries() == few


def test_a_person_page_lists_the_latest_fifty_posts_and_counts_the_rest(client, archive_data):
    for i in range(53):
        unit = Organisation.objects.create(name=f"Phòng Số {i} tỉnh Hải Lâm")
        Position.objects.create(
            person=archive_data.hanh, title=f"Trưởng Phòng Số {i}", organisation=unit
        )
    html = html_of(client.get(f"/people/{archive_data.hanh.pk}/"))
    posts = html[html.index('id="posts-heading"') : html.index('id="chart-heading"')]
    assert posts.count('<th scope="row">') == 50
    # The dated post (stated by an article) comes first; 54 posts in all.
    assert posts.index("Ủy viên Ban Thường vụ") < posts.index("Trưởng Phòng Số")
    assert "Và 4 chức vụ khác" in posts


def test_a_directive_with_co_issuers_shows_them_all_and_each_finds_it(client, archive_data):
    from archive.models import DirectiveIssuer

    plan = archive_data.plan

    def issued_by_so() -> list[str]:
        page = client.get("/directives/", {"issuer": archive_data.so.pk}).context["page"]
        return [d.symbol for d in page.object_list]

    assert "12-NQ/TU" not in issued_by_so()
    DirectiveIssuer.objects.create(directive=plan, organisation=archive_data.dang_uy, order=0)
    DirectiveIssuer.objects.create(directive=plan, organisation=archive_data.so, order=1)

    html = html_of(client.get(f"/directives/{plan.pk}/"))
    issuers = html[html.index("<dt>Cơ quan ban hành</dt>") :].split("</dd>")[0]
    assert issuers.index(f"/organisations/{archive_data.dang_uy.pk}/") < issuers.index(
        f"/organisations/{archive_data.so.pk}/"
    )
    assert "12-NQ/TU" in issued_by_so()
