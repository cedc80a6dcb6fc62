"""End-to-end tests in a real headless Chromium, against pytest-django's live server.

The browser is Debian's `chromium` (`make browser` installs it). Without it
these tests are skipped, unless ARCHIVE_REQUIRE_BROWSER=1 (CI), where a
missing browser is a failure. Every request to another host is refused and
recorded, so a page that fetches anything from outside fails its test.
Screenshots go to test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses
# database access from a thread with a running loop unless told it is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTICLES = Path(__file__).parent / "articles"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install it with `make browser` (apt-get install chromium)"
        if os.environ.get("ARCHIVE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " — ARCHIVE_REQUIRE_BROWSER=1 requires the browser tests")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Browsing:
    """A browser tab on the live server that refuses and records requests to other hosts."""

    def __init__(self, browser, base_url: str, viewport: dict):
        self.base_url = base_url
        self.outside: list[str] = []
        self.context = browser.new_context(viewport=viewport, locale="vi-VN")
        self.context.set_default_timeout(15_000)
        self.context.route("**/*", self._only_live_server)
        self.page = self.context.new_page()

    def _only_live_server(self, route):
        url = route.request.url
        if urlsplit(url).netloc == urlsplit(self.base_url).netloc:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def goto(self, path: str):
        return self.page.goto(self.base_url + path)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self):
        self.context.close()


def _browsing(browser, live_server, viewport: dict):
    """A tab of the given size that fails its test if a page fetched from another host."""
    browsing = Browsing(browser, live_server.url, viewport)
    yield browsing
    outside = browsing.outside
    browsing.close()
    assert not outside, f"pages tried to fetch from other hosts: {outside}"


@pytest.fixture
def tab(browser, live_server):
    yield from _browsing(browser, live_server, DESKTOP)


@pytest.fixture
def phone_tab(browser, live_server):
    yield from _browsing(browser, live_server, PHONE)


@pytest.fixture
def imported(transactional_db):
    """The invented articles, imported through the import service like any file."""
    from django.core.cache import cache

    from archive.services import import_file

    cache.clear()  # the pages cache their select boxes' choices

    outcomes = [import_file(path=path) for path in sorted(ARTICLES.glob("*.txt"))]
    assert all(outcome.status == "created" for outcome in outcomes), outcomes
    return SimpleNamespace(articles=[outcome.article for outcome in outcomes])


@pytest.fixture
def editor(django_user_model):
    password = "mat-khau-cua-bien-tap-vien"
    user = django_user_model.objects.create_superuser("bientap", "bt@example.test", password)
    return SimpleNamespace(user=user, username="bientap", password=password)


def log_in(tab: Browsing, editor) -> None:
    tab.goto("/admin/login/?next=/admin/")
    tab.page.fill("#id_username", editor.username)
    tab.page.fill("#id_password", editor.password)
    tab.page.click('input[type="submit"]')
    tab.page.wait_for_url("**/admin/")
