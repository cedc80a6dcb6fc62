"""A person's and a body's circle: who and what is named in the same articles, with counts."""

from __future__ import annotations

import pytest
from django.test import Client

from archive.selectors.related import person_circle
from tests.archive.deferred import whole_page

pytestmark = pytest.mark.django_db


def test_a_person_s_circle_counts_shared_articles(archive):
    response = Client().get(f"/api/people/{archive.minister.pk}/related/")
    assert response.status_code == 200
    circle = response.json()
    assert circle["people"] == [
        {"value": str(archive.colonel.pk), "label": "Lạc Thị Hòa", "count": 1}
    ]
    organisations = {row["label"]: row["count"] for row in circle["organisations"]}
    assert organisations == {"Bộ Nội chính Thử nghiệm": 2, "Cục Phòng chống Tin giả": 1}
    assert circle["lower_bound"] is False


def test_an_organisation_s_circle_leaves_itself_out(archive):
    circle = Client().get(f"/api/organisations/{archive.department.pk}/related/").json()
    assert {row["label"] for row in circle["organisations"]} == {"Bộ Nội chính Thử nghiệm"}
    people = {row["label"]: row["count"] for row in circle["people"]}
    assert people == {"Trịnh Văn Khởi": 1, "Lạc Thị Hòa": 1}


def test_an_unknown_record_has_no_circle(archive):
    assert Client().get("/api/people/999999/related/").status_code == 404


def test_the_person_page_draws_the_circle_with_a_table_of_its_numbers(archive):
    page = whole_page(Client(), f"/people/{archive.minister.pk}/")
    assert "Thường xuất hiện cùng" in page
    assert '<svg class="network"' in page and 'role="img"' in page
    assert f'<a href="/people/{archive.colonel.pk}/">Lạc Thị Hòa</a></td>' in page
    network = page.split('id="network-heading"')[1].split("</section>")[0]
    row = network.split(">Bộ Nội chính Thử nghiệm</a></td>")[1].split("</tr>")[0]
    assert row == "<td>tổ chức</td><td>2</td>"
    # Coordinates are numbers in any language: no decimal comma in the picture.
    svg = page.split('<svg class="network"')[1].split("</svg>")[0]
    assert 'x2="' in svg and "," not in svg.split('x2="')[1].split('"')[0]


def test_a_person_named_with_no_one_has_no_circle_section(archive):
    archive.a_colonel_undated.delete()
    archive.a_both.delete()
    page = whole_page(Client(), f"/people/{archive.colonel.pk}/")
    assert page.count("<h1") == 1
    assert "Thường xuất hiện cùng" not in page
    assert person_circle(archive.colonel.pk).people == []
