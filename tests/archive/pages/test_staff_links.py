"""Between the public pages and the admin: "view on site" one way, "edit" the other."""

from __future__ import annotations

import re

import pytest

EDIT = "Sửa trong trang quản trị"


def records(data):
    return [
        ("article", data.first, data.first.title),
        ("person", data.bao, data.bao.name),
        ("organisation", data.so, data.so.name),
        ("directive", data.plan, "12-NQ/TU"),
    ]


@pytest.mark.parametrize("kind", ["article", "person", "organisation", "directive"])
def test_staff_see_an_edit_link_to_the_admin_on_every_record_page(
    client, django_user_model, archive_data, kind
):
    staff = django_user_model.objects.create_superuser("bientap", "bt@example.test", "mat-khau-dai")
    client.force_login(staff)
    (record, heading) = next((r, h) for k, r, h in records(archive_data) if k == kind)
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert f'href="/admin/archive/{kind}/{record.pk}/change/"' in html
    assert EDIT in html


@pytest.mark.parametrize("kind", ["article", "person", "organisation", "directive"])
def test_visitors_and_logged_in_readers_see_no_edit_link(
    client, django_user_model, archive_data, kind
):
    (record, heading) = next((r, h) for k, r, h in records(archive_data) if k == kind)
    for user in (None, django_user_model.objects.create_user("docgia", password="mat-khau-dai")):
        if user is not None:
            client.force_login(user)
        response = client.get(record.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1" in html and heading in html
        assert EDIT not in html


def test_the_admin_offers_view_on_site_for_each_record(editor_client, archive_data):
    for kind, record, _ in records(archive_data):
        response = editor_client.get(f"/admin/archive/{kind}/{record.pk}/change/")
        assert response.status_code == 200
        link = re.search(r'href="(/admin/r/[0-9]+/[0-9]+/)"', response.content.decode())
        assert link, f"no 'view on site' link on the {kind} change page"
        # Django's shortcut view follows the record's get_absolute_url().
        followed = editor_client.get(link.group(1))
        assert followed.status_code == 302
        assert followed["Location"].endswith(f"/{record.pk}/")
        assert editor_client.get(followed["Location"]).status_code == 200


def test_people_and_organisations_have_no_drill_down_by_import_date(editor_client, archive_data):
    for kind in ("person", "organisation"):
        response = editor_client.get(f"/admin/archive/{kind}/")
        assert response.status_code == 200
        assert response.context["cl"].date_hierarchy is None
