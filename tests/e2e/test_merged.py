"""A bookmark of a merged-away organisation still opens: the browser lands on the survivor."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from archive.models import Organisation
from archive.services import merge_organisations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_old_organisation_address_leads_to_the_survivor_page(tab, imported):
    survivor = Organisation.objects.get(name="Công an tỉnh Hải Lâm")
    duplicate = Organisation.objects.create(name="Công an Hải Lâm (cũ)")
    merge_organisations(survivor=survivor, merged=[duplicate])
    tab.goto(f"/organisations/{duplicate.pk}/")
    expect(tab.page).to_have_url(re.compile(rf"/organisations/{survivor.pk}/$"))
    expect(tab.page.get_by_role("heading", level=1)).to_contain_text("Công an tỉnh Hải Lâm")
    tab.goto(f"/articles/?organisation={duplicate.pk}")
    expect(
        tab.page.get_by_role("heading", name=re.compile(r"Tìm thấy \d+ bài viết"))
    ).to_be_visible()
