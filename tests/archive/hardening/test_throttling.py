"""Guessing passwords and flooding the API meet limits, counted where every process sees them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

import archive.services.rates

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-correct-password-42"


# The middle of a one-minute window: a test's requests all fall in it, however long
# they take, so the exact counts below never straddle a window's edge.
MID_WINDOW = 1_700_000_010.0


@pytest.fixture
def rates(settings, monkeypatch):
    """Small rates, so that a test reaches them in a few requests, counted in one window."""
    monkeypatch.setattr(archive.services.rates, "time", SimpleNamespace(time=lambda: MID_WINDOW))

    def set_rates(**rates: str) -> None:
        base = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {**base, **rates},
        }

    return set_rates


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_user("bientap", password=PASSWORD, is_staff=True)


def test_anonymous_reader_past_the_rate_gets_429_as_json(rates):
    rates(anon="3/min")
    client = APIClient()
    answers = [client.get("/api/people/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get("/api/articles/")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert "Retry-After" in refused


def test_the_rate_is_per_client_address(rates):
    rates(anon="2/min")
    first, second = APIClient(REMOTE_ADDR="10.1.1.1"), APIClient(REMOTE_ADDR="10.1.1.2")
    assert [first.get("/api/people/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/people/").status_code == 200


def test_a_logged_in_user_has_a_rate_of_their_own(rates, staff):
    rates(anon="1/min", user="3/min")
    client = APIClient()
    client.force_authenticate(staff)
    assert [client.get("/api/people/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_throttle_counts_live_in_the_shared_database(rates):
    rates(anon="5/min")
    client = APIClient(REMOTE_ADDR="10.9.9.9")
    for _ in range(2):
        client.get("/api/people/")
    # Another host reads the same table, so it sees the same count.
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, hits FROM archive_requestrate")
        counts = dict(cursor.fetchall())
    assert counts == {"throttle_anon_10.9.9.9": 2}


def test_a_count_made_by_another_host_is_met_here(rates):
    rates(anon="3/min")
    client = APIClient(REMOTE_ADDR="10.9.9.8")
    assert client.get("/api/people/").status_code == 200
    # Two more requests answered by another host, written where every host counts.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE archive_requestrate SET hits = hits + 2 WHERE key = %s",
            ["throttle_anon_10.9.9.8"],
        )
    refused = client.get("/api/people/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 120


def test_a_flood_past_the_rate_is_not_counted_without_end(rates):
    rates(anon="2/min")
    client = APIClient(REMOTE_ADDR="10.9.9.7")
    answers = [client.get("/api/people/").status_code for _ in range(6)]
    assert answers == [200, 200, 429, 429, 429, 429]
    with connection.cursor() as cursor:
        cursor.execute("SELECT hits FROM archive_requestrate WHERE key = 'throttle_anon_10.9.9.7'")
        assert cursor.fetchone() == (3,)


def test_token_requests_have_a_stricter_rate_than_reading(rates, staff):
    rates(anon="100/min", login="3/min")
    client = APIClient(REMOTE_ADDR="10.2.2.2")
    answers = [
        client.post("/api/auth/token/", {"username": f"nobody{n}", "password": "x"}).status_code
        for n in range(4)
    ]
    assert answers == [400, 400, 400, 429]
    # Reading from the same address is not affected.
    assert client.get("/api/people/").status_code == 200


def test_repeated_wrong_passwords_lock_the_user_name_out_of_that_address(staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = APIClient(REMOTE_ADDR="10.3.3.3")
    wrong = {"username": "bientap", "password": "guess"}
    # The third failure reaches the limit and is answered as a lockout.
    assert [client.post("/api/auth/token/", wrong).status_code for _ in range(3)] == [400, 400, 429]
    right = {"username": "bientap", "password": PASSWORD}
    locked = client.post("/api/auth/token/", right)
    assert locked.status_code == 429
    assert "too many failed logins" in locked.json()["detail"]
    # The editor at another address is not locked out by the stranger.
    elsewhere = APIClient(REMOTE_ADDR="10.4.4.4").post("/api/auth/token/", right)
    assert elsewhere.status_code == 200
    assert elsewhere.json()["token"]


def test_admin_login_is_locked_after_repeated_failures(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    form = {"username": "bientap", "password": "guess", "next": "/admin/"}
    for _ in range(2):
        page = client.post("/admin/login/", form, REMOTE_ADDR="10.5.5.5")
        assert page.status_code == 200  # the login form again, with its error
    assert client.post("/admin/login/", form, REMOTE_ADDR="10.5.5.5").status_code == 429
    locked = client.post("/admin/login/", {**form, "password": PASSWORD}, REMOTE_ADDR="10.5.5.5")
    assert locked.status_code == 429
    assert "Tạm khoá đăng nhập" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_admin_login_clears_earlier_failures(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    form = {"username": "bientap", "password": "guess", "next": "/admin/"}
    for _ in range(2):
        client.post("/admin/login/", form, REMOTE_ADDR="10.6.6.6")
    ok = client.post("/admin/login/", {**form, "password": PASSWORD}, REMOTE_ADDR="10.6.6.6")
    assert ok.status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/admin/login/", form, REMOTE_ADDR="10.6.6.6")
    again = client.post("/admin/login/", {**form, "password": PASSWORD}, REMOTE_ADDR="10.6.6.6")
    assert again.status_code == 302


def test_counting_a_request_costs_one_statement_whatever_the_page():
    client = APIClient(REMOTE_ADDR="10.7.7.7")
    client.get("/api/people/")
    for url in ("/api/people/?page_size=1", "/api/articles/?page_size=50", "/api/directives/"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert sum("archive_requestrate" in query["sql"] for query in captured) == 1
