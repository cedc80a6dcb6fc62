"""Every endpoint against its own OpenAPI schema, with generated requests (schemathesis).

Reads are tried as an anonymous user, writes with a token of an editor who
holds every permission. Each operation gets a bounded number of valid and of
invalid requests; no answer may be a 500, and every answer must match what
the schema documents (status, content type, body).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis.auths import AuthStorage
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from config.wsgi import application
from tests.archive.api.conftest import user_with

EXAMPLES_PER_OPERATION = 20


@pytest.fixture
def api_schema(archive, settings):
    # schemathesis's WSGI client sends Host: localhost.
    settings.ALLOWED_HOSTS = ["*"]
    # Like Django's test client: a request must not close the connection that
    # holds the test's transaction (it would on PostgreSQL, at request end).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def token(db) -> str:
    codenames = [
        f"{verb}_{model}"
        for verb in ("add", "change", "delete")
        for model in ("article", "person", "organisation", "directive")
    ]
    return Token.objects.create(user=user_with(*codenames, username="fuzzer")).key


def editor_auth(token: str) -> AuthStorage:
    """Schemathesis auth that logs writes in with the editor's token (reads stay anonymous)."""
    storage = AuthStorage()

    class EditorToken:
        def get(self, case, context):
            return token

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}

    storage.auth(refresh_interval=None)(EditorToken)
    return storage


FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _run(operation, *, mode: GenerationMode, auth: AuthStorage | None, path_parameters=None):
    # Valid-looking requests may still be refused on purpose: an id that names
    # no person, a date range that ends before it starts. Those are 400s the
    # issue asks for, so "schema-valid data is accepted" is not checked.
    excluded = [positive_data_acceptance]

    strategy = operation.as_strategy(
        generation_mode=mode, path_parameters=path_parameters, auth_storage=auth
    )

    @given(case=strategy)
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        skipped = list(excluded)
        if case.media_type in FORM_MEDIA_TYPES:
            # Any form body parses to key/value pairs (a malformed one to none),
            # so "a body that is not an object is refused" cannot hold for forms.
            skipped.append(negative_data_rejection)
        case.call_and_validate(excluded_checks=skipped)

    check()


def test_every_operation_answers_as_documented(api_schema, token, archive):
    existing = {
        "/api/articles/{id}/": archive.a_both.pk,
        "/api/people/{id}/": archive.minister.pk,
        "/api/organisations/{id}/": archive.department.pk,
        "/api/directives/{id}/": archive.plan.pk,
    }
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 25
    for operation in operations:
        writes = operation.method.upper() not in ("GET", "HEAD")
        auth = editor_auth(token) if writes else None
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _run(operation, mode=mode, auth=auth)
            if operation.path in existing and mode.is_positive:
                # Random ids mostly miss; also exercise a record that exists.
                _run(
                    operation,
                    mode=mode,
                    auth=auth,
                    path_parameters={"id": existing[operation.path]},
                )
