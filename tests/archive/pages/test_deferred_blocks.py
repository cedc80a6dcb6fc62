"""Blocks a page reads in a second request: a link without scripts, the block alone for scripts."""

from __future__ import annotations

import pytest

from tests.archive.deferred import block_urls, fetch_block

pytestmark = pytest.mark.django_db


def test_each_page_links_to_its_blocks_so_a_reader_without_scripts_loses_nothing(
    client, archive_data
):
    so, bao = archive_data.so, archive_data.bao
    pages = {
        "/articles/?q=van+hoa&page=1": ["/articles/facets/?q=van+hoa"],
        f"/people/{bao.pk}/?before=7": [
            f"/people/{bao.pk}/timeline/?before=7",
            f"/people/{bao.pk}/circle/",
        ],
        f"/organisations/{so.pk}/": [
            f"/organisations/{so.pk}/people/",
            f"/organisations/{so.pk}/circle/",
        ],
    }
    for url, blocks in pages.items():
        html = client.get(url).content.decode()
        assert block_urls(html) == blocks, url
        assert "<script" not in html.split("</head>")[1]  # nothing inline: the CSP forbids it
        # The link the placeholder holds, followed without the script: a page of its own.
        for block in blocks:
            page = client.get(block)
            assert page.status_code == 200
            text = page.content.decode()
            assert text.startswith("<!DOCTYPE html>") and "<h1>" in text
            # Cached apart from the block alone (and, with the language cookie, per language).
            assert "X-Archive-Fragment" in [v.strip() for v in page["Vary"].split(",")]


def test_the_script_gets_the_block_alone(client, archive_data):
    so = archive_data.so
    block = fetch_block(client, f"/organisations/{so.pk}/people/")
    assert "<!DOCTYPE" not in block and "<h1" not in block
    assert 'id="people-heading"' in block and "Trần Quốc Bảo" in block
    # The page itself no longer reads the people: the block does.
    page = client.get(f"/organisations/{so.pk}/").content.decode()
    assert 'id="people-heading"' not in page


def test_the_facets_of_an_invalid_filter_are_refused_like_the_list(client, archive_data):
    assert client.get("/articles/", {"person": "abc"}).status_code == 400
    assert client.get("/articles/facets/", {"person": "abc"}).status_code == 400


def test_a_facet_link_of_the_block_page_leads_back_to_the_list(client, archive_data):
    page = client.get("/articles/facets/").content.decode()
    assert 'href="/articles/?' in page
    assert 'href="/articles/facets/?' not in page


def test_the_block_of_an_unknown_entity_is_not_found(client, archive_data):
    assert client.get("/people/999999/circle/").status_code == 404
    assert client.get("/organisations/999999/people/").status_code == 404
