"""An organisation's people by post over time, and its tree of units."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.models import Article, Organisation, Person, Position
from archive.selectors.careers import organisation_posts, organisation_units
from archive.services import import_text
from archive.views.organisations import HOLDERS_SHOWN
from tests.archive.deferred import fetch_block, whole_page
from tests.archive.queries import get_with_queries, reading_queries

pytestmark = pytest.mark.django_db


def director_article(*, year: int, name: str, post: str) -> bytes:
    # Invented province and officers.
    return (
        f"Công an tỉnh Bình Khê tổng kết năm {year}\n\n"
        f"Sáng 12/3/{year}, tại thành phố Hòa Lạc, Công an tỉnh Bình Khê tổ chức Hội nghị. "
        f"Thiếu tướng {name}, {post} Công an tỉnh Bình Khê chủ trì Hội nghị.\n\nMinh Anh\n"
    ).encode()


@pytest.fixture
def province() -> Organisation:
    for year, name, post in (
        (2018, "Trịnh Văn Khải", "Giám đốc"),
        (2019, "Trịnh Văn Khải", "Giám đốc"),
        (2021, "Lạc Minh Đường", "Phó Giám đốc"),
        (2024, "Lạc Minh Đường", "Giám đốc"),
    ):
        import_text(data=director_article(year=year, name=name, post=post), origin=f"{year}.txt")
    return Organisation.objects.get(name="Công an tỉnh Bình Khê")


def test_the_posts_list_each_holder_with_when_the_articles_said_so(province):
    posts = organisation_posts(province.pk)

    assert [
        (
            post.title,
            [
                (h.person.name, h.first_seen.year, h.last_seen.year, h.articles)
                for h in post.holders
            ],
        )
        for post in posts.posts
    ] == [
        (
            "Giám đốc Công an tỉnh Bình Khê",
            [("Lạc Minh Đường", 2024, 2024, 1), ("Trịnh Văn Khải", 2018, 2019, 2)],
        ),
        ("Phó Giám đốc Công an tỉnh Bình Khê", [("Lạc Minh Đường", 2021, 2021, 1)]),
    ]
    assert posts.lower_bound is False and posts.sampled == 4


def test_past_the_sample_the_posts_are_those_of_the_newest_and_say_so(province):
    posts = organisation_posts(province.pk, sample=2)

    assert posts.lower_bound is True
    assert [h.person.name for post in posts.posts for h in post.holders] == [
        "Lạc Minh Đường",
        "Lạc Minh Đường",
    ]


def test_the_organisation_page_shows_posts_over_time_and_the_unit_tree(province):
    bureau = Organisation.objects.create(name="Phòng Cảnh sát Thử nghiệm", parent=province)
    Organisation.objects.create(name="Đội Tuần tra Thử nghiệm", parent=bureau)

    html = whole_page(Client(), f"/organisations/{province.pk}/")

    posts = html[html.index('id="posts-heading"') : html.index('id="people-heading"')]
    assert posts.index("Lạc Minh Đường") < posts.index("Trịnh Văn Khải")
    assert "12/03/2018 – 12/03/2019" in posts
    units = html[html.index('id="children-heading"') : html.index('id="posts-heading"')]
    # The squad is drawn inside its bureau's item.
    assert units.index("Phòng Cảnh sát Thử nghiệm") < units.index("Đội Tuần tra Thử nghiệm")
    assert units.count("<ul") == 2


def test_the_unit_tree_stops_at_its_depth_and_its_size_and_says_so(db):
    top = Organisation.objects.create(name="Bộ Thử nghiệm")
    level = top
    for depth in range(4):
        level = Organisation.objects.create(name=f"Cấp {depth + 1} Thử nghiệm", parent=level)
    Organisation.objects.create(name="Cục Khác Thử nghiệm", parent=top)

    deep = organisation_units(top.pk, depth=3)
    assert [u.organisation.name for u in deep.units] == ["Cấp 1 Thử nghiệm", "Cục Khác Thử nghiệm"]
    assert deep.units[0].units[0].units[0].organisation.name == "Cấp 3 Thử nghiệm"
    assert deep.truncated is True
    small = organisation_units(top.pk, shown=1)
    assert small.shown == 1 and small.truncated is True
    assert organisation_units(top.pk, depth=5).truncated is False


def test_the_api_gives_the_posts_and_the_units(province):
    Organisation.objects.create(name="Phòng Cảnh sát Thử nghiệm", parent=province)
    client = Client()

    posts = client.get(f"/api/organisations/{province.pk}/posts/").json()
    units = client.get(f"/api/organisations/{province.pk}/units/").json()

    director = posts["posts"][0]
    assert director["title"] == "Giám đốc Công an tỉnh Bình Khê"
    assert [h["person"]["name"] for h in director["holders"]] == [
        "Lạc Minh Đường",
        "Trịnh Văn Khải",
    ]
    assert director["holders"][1]["first_seen"] == "2018-03-12"
    assert [u["organisation"]["name"] for u in units["units"]] == ["Phòng Cảnh sát Thử nghiệm"]
    assert units["truncated"] is False


def test_the_posts_cost_one_query_however_many_are_stated(province):
    def queries() -> int:
        _, captured = get_with_queries(Client(), f"/api/organisations/{province.pk}/posts/")
        return len(reading_queries(captured))

    few = queries()
    names = ("Đào Văn Tư", "Hà Quang Vinh", "Kiều Minh Sơn", "Mạc Đình Lộc", "Phí Văn Tâm")
    for year, name in enumerate(names, start=2005):
        import_text(
            data=director_article(year=year, name=name, post="Giám đốc"), origin=f"{year}.txt"
        )
    assert queries() == few


def test_a_post_held_by_many_lists_the_most_recent_holders_and_counts_the_others(province):
    article = Article.objects.order_by("-published_on").first()
    for n in range(HOLDERS_SHOWN + 3):
        deputy = Person.objects.create(name=f"Phó Thử Nghiệm {n:02d}")
        Position.objects.create(
            person=deputy, title="Phó Giám đốc", organisation=province, article=article
        )
    html = fetch_block(Client(), f"/organisations/{province.pk}/people/")
    posts = html[html.index('id="posts-heading"') : html.index('id="people-heading"')]
    # 23 invented deputies on one date: the first 20 by name listed, 3 counted.
    assert HOLDERS_SHOWN == 20
    assert "Phó Thử Nghiệm 19" in posts and "Phó Thử Nghiệm 20" not in posts
    assert "và 3 người khác giữ chức vụ này" in posts


def test_the_most_recently_stated_holder_comes_first_whatever_the_name(province):
    article = Article.objects.order_by("-published_on").first()
    for n in range(HOLDERS_SHOWN):
        deputy = Person.objects.create(name=f"Phó Thử Nghiệm {n:02d}")
        Position.objects.create(
            person=deputy,
            title="Phó Giám đốc Công an tỉnh Bình Khê",  # as the import words the post
            organisation=province,
            article=article,
        )
    # A newer article names one more deputy, whose name sorts after all the others.
    import_text(
        data=director_article(year=2030, name="Vương Văn Yên", post="Phó Giám đốc"),
        origin="2030.txt",
    )
    html = fetch_block(Client(), f"/organisations/{province.pk}/people/")
    posts = html[html.index('id="posts-heading"') : html.index('id="people-heading"')]
    assert "Vương Văn Yên" in posts
    assert posts.index("Vương Văn Yên") < posts.index("Phó Thử Nghiệm 00")
    assert f"Phó Thử Nghiệm {HOLDERS_SHOWN - 1:02d}" not in posts
