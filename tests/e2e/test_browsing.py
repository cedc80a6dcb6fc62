"""An analyst in the browser: filter articles by a person, read one, follow a mention."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from archive.models import Article, Directive, Organisation, Person

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_filter_by_person_open_article_and_follow_a_mention(tab, imported):
    page = tab.page
    tab.goto("/")
    expect(page.get_by_role("heading", name="Tìm thấy 3 bài viết")).to_be_visible()
    page.get_by_label("Nhân vật", exact=True).select_option(label="Lê Minh Khôi")
    page.get_by_role("button", name="Lọc").click()

    khoi = Person.objects.get(name="Lê Minh Khôi")
    expect(page).to_have_url(re.compile(rf"person={khoi.pk}"))
    expect(page.get_by_role("heading", name="Tìm thấy 2 bài viết")).to_be_visible()
    tab.screenshot("articles-filtered-by-person")

    page.get_by_role("link", name="Công an tỉnh Hải Lâm triển khai Nghị quyết số 12-NQ/TU").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Công an tỉnh Hải Lâm")
    caption = page.locator("figure.caption figcaption")
    expect(caption).to_have_count(1)  # the repeated caption is shown once
    tab.screenshot("article")

    mention = page.locator("a.mention-person", has_text="Lê Minh Khôi").first
    expect(mention.locator("mark")).to_be_visible()
    mention.click()
    expect(page).to_have_url(re.compile(rf"/people/{khoi.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Thượng tá Lê Minh Khôi")
    expect(page.locator("svg.chart-bars")).to_be_visible()
    tab.screenshot("person")


def test_keyboard_skip_link_and_filter_form(tab, imported):
    page = tab.page
    tab.goto("/articles/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    # From the main content, the first control reached by Tab is the search box.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Từ khoá")).to_be_focused()
    page.keyboard.type("tap huan hoa giai")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Tìm thấy 1 bài viết")).to_be_visible()
    # The blank fields of the form are dropped: the address is worth sharing.
    expect(page).to_have_url(re.compile(r"/articles/\?q=tap\+huan\+hoa\+giai$"))


def test_an_invalid_filter_shows_a_message_not_an_error_page(tab, imported):
    page = tab.page
    response = tab.goto("/articles/?published_after=2024-02-30&person=abc")
    assert response.status == 400
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Ngày “2024-02-30” không hợp lệ")
    expect(alert).to_contain_text("“abc” không phải là mã hợp lệ.")
    tab.screenshot("articles-invalid-filter")


def test_directive_page_draws_its_implementation_chain(tab, imported):
    plan = Directive.objects.get(symbol="12-NQ/TU")
    action = Directive.objects.get(symbol="45-KH/CAT")
    tab.goto(f"/directives/{plan.pk}/")
    chain = tab.page.locator("svg.chart-chain")
    expect(chain).to_be_visible()
    chain.locator("a").first.click()
    expect(tab.page).to_have_url(re.compile(rf"/directives/{action.pk}/$"))
    tab.goto(f"/directives/{plan.pk}/")
    tab.screenshot("directive")


MAIN_PAGES = {
    "home": lambda: "/",
    "people": lambda: "/people/",
    "organisations": lambda: "/organisations/",
    "directives": lambda: "/directives/",
    "article-page": lambda: f"/articles/{Article.objects.order_by('id').first().pk}/",
    "person-page": lambda: f"/people/{Person.objects.get(name='Trần Quốc Bảo').pk}/",
    "organisation-page": lambda: (
        f"/organisations/{Organisation.objects.get(name='Công an tỉnh Hải Lâm').pk}/"
    ),
    "directive-page": lambda: f"/directives/{Directive.objects.get(symbol='12-NQ/TU').pk}/",
}


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_pages_fit_a_phone_and_a_desktop(tab, phone_tab, imported, name):
    for browsing, size in ((tab, "desktop"), (phone_tab, "phone")):
        response = browsing.goto(MAIN_PAGES[name]())
        assert response.status == 200
        expect(browsing.page.get_by_role("heading", level=1)).to_be_visible()
        # The blocks read in a second request are in place before the page is measured.
        expect(browsing.page.locator("[data-fragment-url]")).to_have_count(0)
        overflow = browsing.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways on a {size} screen"
        browsing.screenshot(f"{name}-{size}")


def test_an_organisation_page_fills_in_its_people_and_circle_after_its_articles(tab, imported):
    police = Organisation.objects.get(name="Công an tỉnh Hải Lâm")
    page = tab.page
    tab.goto(f"/organisations/{police.pk}/")
    expect(page.get_by_role("heading", name="Bài viết nhắc đến")).to_be_visible()
    # The blocks come from their own URLs and take the placeholders' place.
    expect(page.get_by_role("heading", name="Nhân vật giữ chức vụ tại đây")).to_be_visible()
    expect(page.get_by_role("heading", name="Thường xuất hiện cùng")).to_be_visible()
    expect(page.locator("[data-fragment-url]")).to_have_count(0)
    expect(page.locator("svg.network")).to_be_visible()
    page.locator("table.data").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/(people|organisations)/\d+/$"))


def test_without_scripts_a_block_is_one_link_away(browser, live_server, imported):
    person = Person.objects.get(name="Trần Quốc Bảo")
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/people/{person.pk}/")
        link = page.get_by_role("link", name="Những người và tổ chức thường xuất hiện cùng")
        expect(link).to_be_visible()
        link.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Thường xuất hiện cùng")
        circle = page.get_by_role("heading", name="Thường xuất hiện cùng", exact=True)
        expect(circle).to_be_visible()
        page.get_by_role("link", name=person.name).first.click()
        expect(page).to_have_url(re.compile(rf"/people/{person.pk}/$"))
    finally:
        context.close()
