"""Merging duplicates through the API: the admin's merge, with its permissions."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from archive.models import Organisation, Person
from tests.archive.api.conftest import user_with

pytestmark = pytest.mark.django_db


def test_an_editor_merges_a_duplicate_person_and_its_id_then_leads_to_the_survivor(archive, editor):
    merged_name = archive.colonel.name
    response = editor.post(
        "/api/people/merge/",
        {"survivor": archive.minister.pk, "merged": [archive.colonel.pk]},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == archive.minister.pk
    assert merged_name in body["aliases"]
    assert not Person.objects.filter(pk=archive.colonel.pk).exists()
    moved = editor.get(f"/api/people/{archive.colonel.pk}/")
    assert moved.status_code == 301
    assert moved["Location"].endswith(f"/api/people/{archive.minister.pk}/")


def test_an_editor_merges_duplicate_organisations(archive, editor):
    response = editor.post(
        "/api/organisations/merge/",
        {"survivor": archive.ministry.pk, "merged": [archive.committee.pk]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert archive.committee.name in response.json()["aliases"]
    assert not Organisation.objects.filter(pk=archive.committee.pk).exists()


def test_a_merge_needs_both_the_change_and_the_delete_permission(archive, anonymous):
    payload = {"survivor": archive.minister.pk, "merged": [archive.colonel.pk]}
    assert anonymous.post("/api/people/merge/", payload, format="json").status_code == 401
    for codenames in (["change_person"], ["delete_person"], ["add_person"]):
        client = APIClient()
        client.force_authenticate(user_with(*codenames, username="-".join(codenames)))
        assert client.post("/api/people/merge/", payload, format="json").status_code == 403
    assert Person.objects.filter(pk=archive.colonel.pk).exists()
    both = APIClient()
    both.force_authenticate(user_with("change_person", "delete_person", username="merger"))
    assert both.post("/api/people/merge/", payload, format="json").status_code == 200


@pytest.mark.parametrize(
    ("payload", "field", "says"),
    [
        ({"survivor": "minister", "merged": ["minister"]}, "merged", "survivor itself"),
        ({"survivor": "minister", "merged": [987654]}, "merged", "no record with id 987654"),
        ({"survivor": 987654, "merged": ["colonel"]}, "survivor", "no record with id 987654"),
        ({"survivor": "minister", "merged": []}, "merged", ""),
        ({"merged": ["colonel"]}, "survivor", ""),
        # Ids past 64 bits name nothing (and would overflow the column).
        ({"survivor": 2**64, "merged": ["colonel"]}, "survivor", "less than or equal"),
    ],
)
def test_a_bad_merge_request_is_a_400_naming_the_field_and_changes_nothing(
    archive, editor, payload, field, says
):
    def record_id(value):
        return getattr(archive, value).pk if isinstance(value, str) else value

    sent = {}
    if "survivor" in payload:
        sent["survivor"] = record_id(payload["survivor"])
    sent["merged"] = [record_id(value) for value in payload["merged"]]
    response = editor.post("/api/people/merge/", sent, format="json")
    assert response.status_code == 400, response.content
    errors = response.json()
    assert field in errors, errors
    assert says in " ".join(errors[field])
    assert Person.objects.filter(pk__in=[archive.minister.pk, archive.colonel.pk]).count() == 2


def test_the_schema_documents_the_merge_endpoints(client):
    schema = client.get("/api/schema/?format=json").json()
    for resource in ("people", "organisations"):
        operation = schema["paths"][f"/api/{resource}/merge/"]["post"]
        assert "200" in operation["responses"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body["$ref"].endswith("/MergeRequest")
