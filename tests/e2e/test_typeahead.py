"""Type-ahead in a real browser: find a person without typing accents, filter, and without JS."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from archive.models import Person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_person_is_found_by_typing_without_accents_and_filters_the_list(tab, imported):
    page = tab.page
    tab.goto("/articles/")
    box = page.get_by_role("combobox", name="Tìm nhân vật")
    box.fill("tran quoc")
    suggestions = page.get_by_role("listbox", name="Gợi ý nhân vật")
    suggestion = suggestions.get_by_role("option", name="Trần Quốc Bảo")
    expect(suggestion).to_be_visible()
    tab.screenshot("type-ahead")
    box.press("ArrowDown")
    box.press("Enter")
    bao = Person.objects.get(name="Trần Quốc Bảo")
    expect(page.get_by_label("Nhân vật", exact=True)).to_have_value(str(bao.pk))
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(rf"/articles/\?person={bao.pk}$"))
    expect(page.get_by_role("heading", name=re.compile(r"Tìm thấy \d+ bài viết"))).to_be_visible()
    # The chosen person stays chosen, with a further box to add another one.
    expect(page.get_by_label("Nhân vật", exact=True)).to_have_value(str(bao.pk))
    expect(page.get_by_label("Nhân vật (thêm)")).to_have_value("")


def test_without_javascript_the_plain_select_still_filters(browser, live_server, imported):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/articles/")
        expect(page.get_by_role("combobox", name="Tìm nhân vật")).to_have_count(0)
        page.get_by_label("Nhân vật", exact=True).select_option(label="Lê Minh Khôi")
        page.get_by_role("button", name="Lọc").click()
        khoi = Person.objects.get(name="Lê Minh Khôi")
        expect(page).to_have_url(re.compile(rf"person={khoi.pk}"))
    finally:
        context.close()
