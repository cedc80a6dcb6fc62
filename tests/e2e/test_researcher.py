"""A researcher's task end to end: a name typed without accents finds the phrase and marks
it, a year's range offers the undated articles in one click, and the old address of a merged
organisation still opens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from archive.models import Organisation
from archive.services import import_text, merge_organisations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Undated: its dateline has no year, and nothing in it gives one.
UNDATED = (
    "Thượng tá Lê Minh Khôi kiểm tra công tác tiếp công dân\n"
    "\n"
    "Ngày 12/3, tại thành phố Hải Lâm, Thượng tá Lê Minh Khôi, Phó Giám đốc Công an "
    "tỉnh Hải Lâm đã kiểm tra công tác tiếp công dân tại trụ sở Công an phường Bến "
    "Đá. Thượng tá Lê Minh Khôi yêu cầu cán bộ lắng nghe ý kiến của người dân, giải "
    "quyết nhanh các thủ tục về cư trú.\n"
    "\n"
    "Đoàn công tác cũng làm việc với Ủy ban nhân dân phường Bến Đá về phối hợp giữ "
    "gìn an ninh trật tự ở các khu dân cư mới.\n"
    "\n"
    "Hải Yến\n"
    "\n"
)
# The three words of the name, but never together: a phrase search leaves it out.
APART = (
    "Phường Bến Đá trao quà cho các gia đình chính sách\n"
    "\n"
    "Ngày 20/8/2024, tại phường Bến Đá, ông Lê Văn Tường và bà Trần Minh Thư đã trao "
    "40 suất quà cho các gia đình chính sách. Gia đình ông Khôi, một thương binh ở tổ "
    "dân phố số 3, cảm ơn sự quan tâm của địa phương.\n"
    "\n"
    "Minh Anh\n"
    "\n"
)


def test_a_researcher_finds_a_name_dates_the_hits_and_follows_an_old_address(tab, imported):
    import_text(data=UNDATED, origin="e2e/khoi-undated.txt")
    import_text(data=APART, origin="e2e/words-apart.txt")
    page = tab.page
    tab.goto("/articles/")
    page.get_by_label("Từ khoá").fill("le minh khoi")
    page.get_by_role("button", name="Lọc").click()
    # The phrase only: the article with the three words apart is not a hit.
    expect(page.get_by_role("heading", name="Tìm thấy 3 bài viết")).to_be_visible()
    expect(page.get_by_text("Phường Bến Đá trao quà")).to_have_count(0)
    marks = page.locator("p.snippet mark.hit")
    expect(marks.first).to_have_text("Lê Minh Khôi")
    tab.screenshot("researcher-search")

    page.get_by_label("Từ ngày").fill("2024-01-01")
    page.get_by_label("Đến ngày").fill("2024-12-31")
    page.get_by_role("button", name="Lọc").click()
    expect(page.get_by_role("heading", name="Tìm thấy 2 bài viết")).to_be_visible()
    offer = page.get_by_role("link", name="Kể cả 1 bài không rõ năm")
    expect(offer).to_be_visible()
    tab.screenshot("researcher-year-with-undated-offer")
    offer.click()
    expect(page).to_have_url(re.compile(r"include_undated=true"))
    expect(page.get_by_role("heading", name="Tìm thấy 3 bài viết")).to_be_visible()
    expect(page.get_by_text("kiểm tra công tác tiếp công dân").first).to_be_visible()

    survivor = Organisation.objects.get(name="Sở Tư pháp tỉnh Hải Lâm")
    duplicate = Organisation.objects.get(name="Sở Tư pháp Hải Lâm")
    merge_organisations(survivor=survivor, merged=[duplicate])
    tab.goto(f"/organisations/{duplicate.pk}/")
    expect(page).to_have_url(re.compile(rf"/organisations/{survivor.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sở Tư pháp tỉnh Hải Lâm")
