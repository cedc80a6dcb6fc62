"""The article list (also the home page): filters in the query string, counts, pages, errors."""

from __future__ import annotations

import datetime
import hashlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Person
from tests.archive.queries import get_with_queries

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [a.title for a in response.context["page"].object_list]


def text_of(response) -> str:
    return response.content.decode()


def test_home_and_article_list_show_all_articles_newest_first(client, archive_data):
    for url in ("/", "/articles/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Tìm thấy 3 bài viết" in text_of(response)
        # The undated article comes last, whatever the database does with NULLs.
        assert titles(response) == [
            "Đảng uỷ Khối Doanh nghiệp Hải Lâm học tập Nghị quyết 12",
            "Hải Lâm mở rộng thư viện cộng đồng",
            "",
        ]


def test_filtering_by_person_keeps_only_articles_mentioning_them(client, archive_data):
    response = client.get("/articles/", {"person": archive_data.bao.pk})
    assert titles(response) == ["Hải Lâm mở rộng thư viện cộng đồng"]
    assert "Tìm thấy 1 bài viết" in text_of(response)
    selected = f'<option value="{archive_data.bao.pk}" selected>Trần Quốc Bảo</option>'
    assert selected in text_of(response)


def test_two_people_mean_articles_mentioning_both_and_both_stay_visible(client, archive_data):
    response = client.get(f"/articles/?person={archive_data.bao.pk}&person={archive_data.hanh.pk}")
    assert response.status_code == 200
    assert "Không tìm thấy bài viết nào phù hợp" in text_of(response)
    assert 'id="id_person_1"' in text_of(response)
    assert f'<option value="{archive_data.hanh.pk}" selected>' in text_of(response)


def test_filter_by_organisation_and_by_directive_symbol_in_any_case(client, archive_data):
    response = client.get("/articles/", {"organisation": archive_data.so.pk})
    assert len(titles(response)) == 2
    response = client.get("/articles/", {"directive": "12-nq/tu"})
    assert titles(response) == ["Đảng uỷ Khối Doanh nghiệp Hải Lâm học tập Nghị quyết 12"]
    assert '<option value="12-NQ/TU" selected>' in text_of(response)


def test_search_ignores_accents(client, archive_data):
    response = client.get("/articles/", {"q": "thu vien cong dong"})
    assert titles(response) == ["Hải Lâm mở rộng thư viện cộng đồng"]
    assert 'value="thu vien cong dong"' in text_of(response)


def test_date_range_source_and_ordering(client, archive_data):
    response = client.get(
        "/articles/", {"published_after": "2024-06-01", "published_before": "2024-12-31"}
    )
    assert titles(response) == ["Đảng uỷ Khối Doanh nghiệp Hải Lâm học tập Nghị quyết 12"]
    response = client.get("/articles/", {"source_name": "Tạp chí Sông Lam"})
    assert [a.pk for a in response.context["page"].object_list] == [archive_data.third.pk]
    # How titles collate is the database's business; the two orders must be opposite.
    by_title = titles(client.get("/articles/", {"ordering": "title"}))
    assert by_title == list(reversed(titles(client.get("/articles/", {"ordering": "-title"}))))
    assert by_title != titles(client.get("/articles/"))


def test_an_empty_result_says_so(client, archive_data):
    response = client.get("/articles/", {"q": "tàu ngầm"})
    assert response.status_code == 200
    assert "Không có bài viết nào khớp với bộ lọc" in text_of(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"person": "abc"}, "“abc” không phải là mã hợp lệ."),
        ({"published_after": "2024-13-45"}, "Ngày “2024-13-45” không hợp lệ"),
        ({"ordering": "mat-khau"}, "không có trong danh sách"),
        ({"person": "9999"}, "Không có nhân vật nào với mã 9999."),
        ({"directive": "99-NQ/TW"}, "Không có văn bản nào với số, ký hiệu 99-NQ/TW."),
        (
            {"published_after": "2024-06-01", "published_before": "2024-01-01"},
            "Ngày kết thúc sớm hơn ngày bắt đầu.",
        ),
        ({"person": "1" * 40}, "Không có nhân vật nào với mã"),
        ({"q": "x" * 500}, "Quá dài"),
    ],
)
def test_invalid_filter_values_show_a_message_on_the_form(client, archive_data, query, message):
    response = client.get("/articles/", query)
    assert response.status_code == 400
    html = text_of(response)
    assert 'role="alert"' in html
    assert message in html
    assert 'aria-invalid="true"' in html


def test_a_null_character_is_refused_not_a_crash(client, archive_data):
    response = client.get("/articles/?q=a%00b&person=1%00")
    assert response.status_code == 400
    html = text_of(response)
    assert "Từ khoá: Giá trị không hợp lệ." in html
    assert "Nhân vật: Có ký tự không hợp lệ." in html


def test_a_bad_page_number_shows_the_first_page_with_a_message(client, archive_data):
    response = client.get("/articles/", {"page": "zz"})
    assert response.status_code == 200
    assert "Số trang “zz” không hợp lệ" in text_of(response)
    assert len(titles(response)) == 3


def test_a_page_past_the_end_says_so(client, archive_data):
    response = client.get("/articles/", {"page": "7"})
    assert response.status_code == 200
    assert "Trang 7 không có bài viết nào" in text_of(response)


def add_articles(n: int, *, source: str = "Báo Thử") -> None:
    Article.objects.bulk_create(
        Article(
            title=f"Tin số {i:04d}",
            body="Nội dung ngắn.",
            text=f"Tin số {i:04d}",
            raw_text=f"Tin số {i:04d}",
            source_name=source,
            published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
            origin=f"bulk/{source}/{i}.txt",
            sha256=hashlib.sha256(f"{source}/{i}".encode()).hexdigest(),
        )
        for i in range(n)
    )


def test_pages_keep_the_filters_in_their_links(client, archive_data):
    add_articles(45)
    response = client.get("/articles/", {"source_name": "Báo Thử", "ordering": "title"})
    assert "Tìm thấy 45 bài viết" in text_of(response)
    assert titles(response)[0] == "Tin số 0000"
    next_link = re.search(r'href="([^"]+)" rel="next"', text_of(response)).group(1)
    assert "source_name=" in next_link and "ordering=title" in next_link
    second = client.get("/articles/" + next_link.replace("&amp;", "&"))
    assert titles(second)[0] == "Tin số 0020"
    assert "Trang 2 / 3" in text_of(second)


def test_a_large_result_says_more_than_the_cap(client, db):
    add_articles(1001)
    response = client.get("/articles/")
    assert "Hơn 1000 bài viết" in text_of(response)
    assert response.context["page"].has_next()
    # The count is a lower bound: no last page number is claimed.
    assert response.context["page"].paginator.capped
    assert "Trang 1 /" not in text_of(response)
    assert "Trang 1" in text_of(response)


def test_list_query_count_does_not_grow_with_rows_or_filters(client, archive_data):
    def queries(params) -> int:
        return len(get_with_queries(client, "/articles/", params)[1])

    queries({})  # the first request fills the cache of the select boxes' choices
    few = queries({})
    add_articles(30)
    assert queries({}) == few
    filtered = {"person": archive_data.bao.pk, "organisation": archive_data.so.pk, "q": "sach"}
    # The chosen names are looked up with the choices, and each kind's ids
    # among the merged-away ones (person, organisation).
    assert queries(filtered) <= few + 1 + 2


def test_blank_fields_of_the_form_are_dropped_from_the_address(client, archive_data):
    response = client.get("/articles/?q=thu+vien&person=&ordering=")
    assert response.status_code == 302
    assert response["Location"] == "/articles/?q=thu+vien"
    assert client.get("/people/?q=&rank=")["Location"] == "/people/"


def test_the_error_box_names_the_control(client, archive_data):
    response = client.get("/articles/", {"person": "abc"})
    assert "<li>Nhân vật: “abc” không phải là mã hợp lệ.</li>" in text_of(response)


def test_a_chosen_person_outside_the_cached_choices_is_still_offered(client, archive_data):
    client.get("/articles/")  # fills the cache of choices
    newcomer = Person.objects.create(name="Hồ Văn Mới")
    response = client.get("/articles/", {"person": newcomer.pk})
    assert response.status_code == 200  # the person exists; no article names them yet
    assert f'<option value="{newcomer.pk}" selected>Hồ Văn Mới</option>' in text_of(response)
    assert "Không có bài viết nào khớp với bộ lọc" in text_of(response)


def test_a_thousand_repeated_filter_values_get_a_small_400_before_any_query(client, db):
    address = "/articles/?" + "&".join(f"organisation={n}" for n in range(1, 990))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 400
    assert len(response.content) < 5_000
    assert len(captured) == 0
    assert "Tham số “organisation” có 989 giá trị" in text_of(response)


@pytest.mark.parametrize("path", ["/articles/", "/people/", "/organisations/", "/directives/"])
def test_more_values_than_the_api_allows_are_refused_on_every_list(client, db, path):
    too_many = ",".join(str(n) for n in range(1, 22))
    refused = client.get(path, {"person": too_many})
    assert refused.status_code == 400
    assert "Quá nhiều giá trị trong bộ lọc" in text_of(refused)
    twenty = "&".join(f"organisation={n}" for n in range(1, 21))
    assert "Quá nhiều giá trị trong bộ lọc" not in text_of(client.get(f"{path}?{twenty}"))


def test_commas_in_the_search_text_are_not_counted_as_values(client, db):
    words = ", ".join(f"tu{n}" for n in range(30))
    response = client.get("/articles/", {"q": words})
    assert response.status_code == 200
    assert "Quá nhiều giá trị trong bộ lọc" not in text_of(response)
    assert f'value="{words}"' in response.content.decode()  # kept whole in the search box
