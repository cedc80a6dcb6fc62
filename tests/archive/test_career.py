"""A person's career: the ranks and posts the articles state, each on its article's date."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.models import Article, Person
from archive.selectors.positions import person_rank_summary
from archive.services import import_text
from tests.archive.deferred import whole_page
from tests.archive.queries import get_with_queries, reading_queries

pytestmark = pytest.mark.django_db


def officer_article(*, year: int, rank: str, post: str) -> bytes:
    # Invented province and officer.
    return (
        f"Công an tỉnh Bình Khê tổng kết năm {year}\n\n"
        f"Sáng 12/3/{year}, tại thành phố Hòa Lạc, Công an tỉnh Bình Khê tổ chức Hội nghị. "
        f"{rank} Trịnh Văn Khải, {post} chủ trì Hội nghị.\n\nMinh Anh\n"
    ).encode()


@pytest.fixture
def officer() -> Person:
    import_text(
        data=officer_article(
            year=2020, rank="Trung tướng", post="Phó Giám đốc Công an tỉnh Bình Khê"
        ),
        origin="2020.txt",
    )
    import_text(
        data=officer_article(year=2025, rank="Đại tướng", post="Giám đốc Công an tỉnh Bình Khê"),
        origin="2025.txt",
    )
    return Person.objects.get(name="Trịnh Văn Khải")


def test_the_api_gives_the_latest_rank_and_every_rank_in_date_order(officer):
    data = Client().get(f"/api/people/{officer.pk}/").json()

    assert data["rank"] == "Đại tướng"
    assert [(r["rank"], r["first_seen"]) for r in data["ranks"]] == [
        ("Trung tướng", "2020-03-12"),
        ("Đại tướng", "2025-03-12"),
    ]
    assert data["ranks_lower_bound"] is False
    assert {p["title"]: p["former"] for p in data["positions"]} == {
        "Giám đốc Công an tỉnh Bình Khê": False,
        "Phó Giám đốc Công an tỉnh Bình Khê": False,
    }


def test_the_person_page_shows_each_rank_with_its_date(officer):
    html = Client().get(f"/people/{officer.pk}/").content.decode()

    ranks = html[html.index("Cấp bậc theo các bài viết") : html.index("Chức vụ theo các bài viết")]
    assert ranks.index("Trung tướng") < ranks.index("Đại tướng")
    assert "12/03/2020" in ranks and "12/03/2025" in ranks


def test_past_the_sample_the_ranks_are_those_of_the_newest_statements_and_say_so(officer):
    summary = person_rank_summary(officer, sample=1)
    assert summary.lower_bound is True and summary.sampled == 1
    assert [(r["rank"], r["articles"]) for r in summary.ranks] == [("Đại tướng", 1)]
    whole = person_rank_summary(officer)
    assert whole.lower_bound is False
    assert [(r["rank"], r["articles"]) for r in whole.ranks] == [
        ("Trung tướng", 1),
        ("Đại tướng", 1),
    ]


# --- The timeline: what each article states, newest first, with its article ------


def retired_officer_article(*, year: int) -> bytes:
    return (
        "Công an tỉnh Bình Khê gặp mặt cán bộ hưu trí\n\n"
        f"Sáng 20/5/{year}, tại thành phố Hòa Lạc, Công an tỉnh Bình Khê gặp mặt cán bộ. "
        "Trung tướng Trịnh Văn Khải, nguyên Giám đốc Công an tỉnh Bình Khê dự buổi gặp mặt.\n\n"
        "Minh Anh\n"
    ).encode()


def test_the_api_timeline_gives_each_article_s_rank_and_posts_newest_first(officer):
    import_text(data=retired_officer_article(year=2026), origin="2026.txt")

    data = Client().get(f"/api/people/{officer.pk}/timeline/").json()

    assert [
        (e["article"]["published_on"], e["rank"], [(p["title"], p["former"]) for p in e["posts"]])
        for e in data["results"]
    ] == [
        ("2026-05-20", "Trung tướng", [("nguyên Giám đốc Công an tỉnh Bình Khê", True)]),
        ("2025-03-12", "Đại tướng", [("Giám đốc Công an tỉnh Bình Khê", False)]),
        ("2020-03-12", "Trung tướng", [("Phó Giám đốc Công an tỉnh Bình Khê", False)]),
    ]
    first = data["results"][0]
    assert first["article"]["url"].endswith(f"/api/articles/{first['article']['id']}/")
    assert first["posts"][0]["organisation"]["name"] == "Công an tỉnh Bình Khê"
    assert data["next"] is None


def dismissed_officer_article(*, year: int) -> bytes:
    return (
        "Khởi tố nguyên cán bộ Công an tỉnh Bình Khê\n\n"
        f"Ngày 2/9/{year}, Cơ quan điều tra khởi tố bị can. Nguyên Trung tướng Trịnh Văn Khải, "
        "nguyên Giám đốc Công an tỉnh Bình Khê bị khởi tố.\n\n"
        "Minh Anh\n"
    ).encode()


def test_a_rank_stated_as_former_says_so_in_the_api_and_on_the_page(officer):
    import_text(data=dismissed_officer_article(year=2026), origin="2026.txt")
    client = Client()

    timeline = client.get(f"/api/people/{officer.pk}/timeline/").json()["results"]
    ranks = client.get(f"/api/people/{officer.pk}/").json()["ranks"]
    html = whole_page(client, f"/people/{officer.pk}/")

    assert [(e["rank"], e["rank_former"]) for e in timeline] == [
        ("Trung tướng", True),
        ("Đại tướng", False),
        ("Trung tướng", False),
    ]
    assert [(r["rank"], r["former"], r["first_seen"]) for r in ranks] == [
        ("Trung tướng", False, "2020-03-12"),
        ("Đại tướng", False, "2025-03-12"),
        ("Trung tướng", True, "2026-09-02"),
    ]
    steps = html[html.index('id="timeline"') : html.index("Cấp bậc theo các bài viết")]
    assert '<span class="rank">nguyên Trung tướng</span>' in steps
    assert steps.count("nguyên Trung tướng") == 1
    table = html[html.index("Cấp bậc theo các bài viết") : html.index("Chức vụ theo các bài viết")]
    assert "nguyên Trung tướng" in table


def test_the_admin_lists_each_article_s_rank_and_marks_a_former_one(officer, editor_client):
    import_text(data=dismissed_officer_article(year=2026), origin="2026.txt")

    html = editor_client.get(f"/admin/archive/person/{officer.pk}/change/").content.decode()

    ranks = html[html.index("Cấp bậc theo bài viết") : html.index("Chức vụ theo bài viết")]
    assert ranks.index("Khởi tố nguyên cán bộ") < ranks.index("Công an tỉnh Bình Khê tổng kết")
    assert ranks.count("nguyên</td>") == 1


def test_the_api_timeline_pages_to_the_older_articles_and_ends(officer):
    client = Client()
    first = client.get(f"/api/people/{officer.pk}/timeline/", {"page_size": 1}).json()
    second = client.get(first["next"]).json()

    assert [e["article"]["published_on"] for e in first["results"]] == ["2025-03-12"]
    assert [e["article"]["published_on"] for e in second["results"]] == ["2020-03-12"]
    assert second["next"] is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"before": "abc"}, "before"),
        ({"before": "999999"}, "before"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_the_api_timeline_refuses_a_bad_page_request(officer, params, field):
    response = Client().get(f"/api/people/{officer.pk}/timeline/", params)

    assert response.status_code == 400
    assert field in response.json()


def test_an_undated_article_stays_out_of_the_timeline(officer):
    undated = (
        "Công an tỉnh Bình Khê họp\n\nCông an tỉnh Bình Khê họp. "
        "Thiếu tướng Trịnh Văn Khải, Chánh Văn phòng Công an tỉnh Bình Khê dự họp.\n\nMinh Anh\n"
    )
    import_text(data=undated.encode(), origin="undated.txt")

    data = Client().get(f"/api/people/{officer.pk}/timeline/").json()

    assert [e["rank"] for e in data["results"]] == ["Đại tướng", "Trung tướng"]


def test_the_timeline_costs_the_same_queries_however_many_articles_state_posts(officer):
    def queries() -> int:
        _, captured = get_with_queries(Client(), f"/api/people/{officer.pk}/timeline/")
        return len(reading_queries(captured))

    few = queries()
    for year in range(2010, 2016):
        import_text(
            data=officer_article(
                year=year, rank="Đại tá", post="Trưởng phòng Công an tỉnh Bình Khê"
            ),
            origin=f"{year}.txt",
        )
    assert queries() == few


def test_the_person_page_draws_the_career_in_steps_each_with_its_first_article(officer):
    import_text(
        data=officer_article(year=2024, rank="Đại tướng", post="Giám đốc Công an tỉnh Bình Khê"),
        origin="2024.txt",
    )

    html = whole_page(Client(), f"/people/{officer.pk}/")

    timeline = html[html.index('id="timeline"') : html.index("Cấp bậc theo các bài viết")]
    # 2024 and 2025 state the same rank and post: one step, from its first article.
    assert timeline.count("<li>") == 2
    assert timeline.index("12/03/2024</time> – <time") < timeline.index("12/03/2020")
    assert "và 1 bài sau đó" in timeline
    first_2024 = Article.objects.get(origin="2024.txt")
    assert f'href="/articles/{first_2024.pk}/"' in timeline


def test_the_person_page_pages_its_timeline_to_older_articles(officer):
    newest = Article.objects.get(origin="2025.txt")

    html = whole_page(Client(), f"/people/{officer.pk}/", {"before": newest.pk})

    timeline = html[html.index('id="timeline"') : html.index("Cấp bậc theo các bài viết")]
    assert "12/03/2020" in timeline and "12/03/2025" not in timeline
    assert f'href="/people/{officer.pk}/#timeline">Mới nhất' in timeline


def test_the_openapi_schema_documents_the_timeline():
    schema = Client().get("/api/schema/", HTTP_ACCEPT="application/json").json()

    operation = schema["paths"]["/api/people/{id}/timeline/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"id", "before", "page_size"}
