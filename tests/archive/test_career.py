"""A person's career: the ranks and posts the articles state, each on its article's date."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.models import Person
from archive.services import import_text

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
    assert {p["title"]: p["former"] for p in data["positions"]} == {
        "Giám đốc Công an tỉnh Bình Khê": False,
        "Phó Giám đốc Công an tỉnh Bình Khê": False,
    }


def test_the_person_page_shows_each_rank_with_its_date(officer):
    html = Client().get(f"/people/{officer.pk}/").content.decode()

    ranks = html[html.index("Cấp bậc theo các bài viết") : html.index("Chức vụ theo các bài viết")]
    assert ranks.index("Trung tướng") < ranks.index("Đại tướng")
    assert "12/03/2020" in ranks and "12/03/2025" in ranks
