"""The pages are served whole by the project: no external stylesheet, script or font."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/people/", "/organisations/", "/directives/"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_fetch_nothing_from_elsewhere(client, archive_data, url):
    html = client.get(url).content.decode()
    fetched = re.findall(r'<(?:link|script|img|iframe)[^>]+(?:href|src)="([^"]+)"', html)
    assert fetched, "the stylesheet link is expected"
    assert all(target.startswith("/") for target in fetched), fetched


def test_the_stylesheet_is_served_and_imports_nothing(client):
    response = client.get("/static/archive/archive.css")
    assert response.status_code == 200
    css = b"".join(response.streaming_content).decode()
    assert "@import" not in css and "url(" not in css and "@font-face" not in css


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_a_skip_link_landmarks_one_h1_and_labelled_controls(client, archive_data, url):
    html = client.get(url).content.decode()
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert html.count("<h1") == 1 and '<html lang="vi">' in html
    control_ids = re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html)
    assert control_ids
    for control_id in control_ids:
        assert f'<label for="{control_id}">' in html, control_id
