"""An editor in the admin: correct a name that survives a re-import, merge duplicates."""

from __future__ import annotations

import re

import pytest
from django.contrib.admin.models import LogEntry
from playwright.sync_api import expect

from archive.models import Organisation, Person
from archive.services import import_text
from tests.e2e.conftest import ARTICLES, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def run_action(page, action: str, ids: list[int]) -> None:
    for pk in ids:
        page.check(f'input.action-select[value="{pk}"]')
    page.select_option('select[name="action"]', action)
    page.click('button[name="index"]')


def test_a_corrected_name_is_kept_when_the_article_is_imported_again(tab, imported, editor):
    page = tab.page
    log_in(tab, editor)
    tab.goto("/admin/archive/person/")
    page.fill("#searchbar", "tran quoc bao")  # no accents: the search folds them
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Trần Quốc Bảo", exact=True).click()
    page.fill("#id_name", "Trần Quốc Bảo Long")
    tab.screenshot("admin-person-edit")
    page.click('input[name="_save"]')
    expect(page.locator(".messagelist")).to_contain_text("Trần Quốc Bảo Long")

    # Re-run extraction from the admin, then import a revised version of the file.
    article = imported.articles[0]
    tab.goto("/admin/archive/article/")
    run_action(page, "reextract_selected", [article.pk])
    expect(page.locator(".messagelist")).to_contain_text("Đã trích xuất lại 1 bài viết")
    revised = (ARTICLES / "01_cong-an-hai-lam-trien-khai-nghi-quyet.txt").read_text()
    revised += "\nĐại tá Trần Quốc Bảo đề nghị sơ kết sau sáu tháng.\n"
    outcome = import_text(data=revised, origin="tests/e2e/articles/01_revised.txt")
    assert outcome.status == "created"

    person = Person.objects.get(name="Trần Quốc Bảo Long")
    assert not Person.objects.filter(name="Trần Quốc Bảo").exists()
    assert "name" in person.edited_fields
    tab.goto(f"/articles/{outcome.article.pk}/")
    links = page.locator(f'a.mention-person[href="/people/{person.pk}/"]')
    expect(links.first).to_be_visible()
    links.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đại tá Trần Quốc Bảo Long")
    expect(page.get_by_text("Tìm thấy 2 bài viết")).to_be_visible()
    tab.screenshot("person-after-reimport")

    assert LogEntry.objects.filter(object_id=str(person.pk), user=editor.user).exists()


def test_merging_two_organisations(tab, imported, editor):
    page = tab.page
    survivor = Organisation.objects.get(name="Sở Tư pháp tỉnh Hải Lâm")
    duplicate = Organisation.objects.get(name="Sở Tư pháp Hải Lâm")
    log_in(tab, editor)
    tab.goto("/admin/archive/organisation/?q=so+tu+phap")
    run_action(page, "merge_selected", [survivor.pk, duplicate.pk])

    expect(page.get_by_role("heading", name="Hợp nhất tổ chức")).to_be_visible()
    page.get_by_label("Sở Tư pháp tỉnh Hải Lâm", exact=True).check()
    tab.screenshot("admin-merge-confirmation")
    page.get_by_role("button", name="Hợp nhất").click()
    expect(page.locator(".messagelist")).to_contain_text("Đã hợp nhất")
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()

    tab.goto(f"/organisations/{survivor.pk}/")
    expect(page.locator("dl.facts")).to_contain_text("Sở Tư pháp Hải Lâm")  # now an alias
    expect(page.get_by_text("Tìm thấy 3 bài viết")).to_be_visible()
    hang = Person.objects.get(name="Đoàn Thị Hằng")
    holders = page.locator("section[aria-labelledby='people-heading']")
    expect(holders.get_by_role("link", name=re.compile("Đoàn Thị Hằng"))).to_have_attribute(
        "href", f"/people/{hang.pk}/"
    )
    tab.screenshot("organisation-after-merge")
