"""A page as a reader with scripts sees it: its deferred blocks fetched and put in place.

The pages read their costly blocks (facets, circles, an organisation's people)
in a second request (archive.views.fragments); deferred.js fetches each one
with the fragment header and puts it where the page's placeholder was. This
does the same through the test client, so that a test reads the whole page.
"""

from __future__ import annotations

import re
from html import unescape

from archive.views.fragments import FRAGMENT_HEADER

PLACEHOLDER = re.compile(r'<div class="deferred" data-fragment-url="([^"]+)"[^>]*>.*?</div>', re.S)


def block_urls(html: str) -> list[str]:
    return [unescape(url) for url in PLACEHOLDER.findall(html)]


def fetch_block(client, url: str) -> str:
    response = client.get(url, headers={FRAGMENT_HEADER: "1"})
    assert response.status_code == 200, (url, response.content[:300])
    return response.content.decode()


def with_blocks(client, html: str) -> str:
    """`html` with each placeholder replaced by its block."""
    whole = PLACEHOLDER.sub(lambda match: fetch_block(client, unescape(match.group(1))), html)
    # A placeholder the pattern missed would leave a block out and let a test of what the
    # page does not show pass without looking.
    assert "data-fragment-url" not in whole, whole[:300]
    return whole


def whole_page(client, url: str, data=None) -> str:
    """The page at `url` with its deferred blocks in place."""
    response = client.get(url, data)
    assert response.status_code == 200, (url, response.content[:300])
    return with_blocks(client, response.content.decode())
