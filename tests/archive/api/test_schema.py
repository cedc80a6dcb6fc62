"""The OpenAPI schema and the interactive docs; the browsable API for an editor."""

from __future__ import annotations

import re

import pytest
import yaml

pytestmark = pytest.mark.django_db

FILTERS = {
    "/api/articles/": {
        "q",
        "ordering",
        "person",
        "organisation",
        "directive",
        "author",
        "source_name",
        "published_after",
        "published_before",
        "has_title",
    },
    "/api/people/": {"q", "ordering", "rank", "organisation", "article"},
    "/api/organisations/": {"q", "ordering", "kind", "parent", "article"},
    "/api/directives/": {
        "q",
        "ordering",
        "kind",
        "issuer",
        "issued_after",
        "issued_before",
        "year",
        "symbol",
        "article",
    },
}


@pytest.fixture
def schema(anonymous) -> dict:
    response = anonymous.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_openapi_3_with_every_resource(schema):
    assert schema["openapi"].startswith("3.")
    for path in FILTERS:
        assert {"get", "post"} <= set(schema["paths"][path]) or path == "/api/articles/"
        assert {"get", "put", "patch", "delete"} <= set(schema["paths"][f"{path}{{id}}/"])
    # Articles are listed, never posted: they enter through the import endpoint.
    assert set(schema["paths"]["/api/articles/"]) == {"get"}
    assert "post" in schema["paths"]["/api/articles/import/"]


@pytest.mark.parametrize("path", list(FILTERS))
def test_every_filter_is_documented_with_its_help_text(schema, path):
    parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert FILTERS[path] <= set(parameters)
    for name in FILTERS[path] | {"page_size"}:
        assert len(parameters[name].get("description", "")) > 10, name


def test_the_documented_errors(schema):
    responses = schema["paths"]["/api/articles/"]["get"]["responses"]
    assert {"200", "400"} <= set(responses)
    writes = schema["paths"]["/api/people/{id}/"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404"} <= set(writes)


def test_the_interactive_docs_page(anonymous):
    response = anonymous.get("/api/docs/")
    assert response.status_code == 200
    assert "swagger" in response.content.decode().lower()


def test_the_docs_page_loads_nothing_from_outside(anonymous):
    page = anonymous.get("/api/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert assets, "the docs page should load Swagger UI's script and style"
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is fetched from another host"
        assert anonymous.get(asset).status_code == 200, asset


def test_browsable_pages_render_for_an_editor(archive, editor):
    for path, status in (
        ("/api/", 200),
        (f"/api/articles/{archive.a_both.pk}/", 200),
        (f"/api/people/{archive.minister.pk}/", 200),
        (f"/api/organisations/{archive.ministry.pk}/", 200),
        (f"/api/directives/{archive.plan.pk}/", 200),
        ("/api/articles/?person=999999", 400),
        ("/api/articles/import/", 405),  # POST only, but the page shows its form
    ):
        response = editor.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code == status, path
        assert response["Content-Type"].startswith("text/html"), path


def test_the_import_form_keeps_the_articles_line_breaks(editor):
    page = editor.get("/api/articles/import/", HTTP_ACCEPT="text/html").content.decode()
    # A one-line <input> would join the title, paragraphs and byline into one line.
    assert '<textarea name="text"' in page
    # The help text is shown as HTML: nothing in it may look like a tag.
    assert "default: api/, the first 12 hex digits" in page


@pytest.mark.parametrize(
    ("path", "method", "fields"),
    [
        ("/api/people/", "POST", {"name", "rank", "academic_titles", "foreign", "notes"}),
        ("/api/people/{minister}/", "PUT", {"name", "rank", "academic_titles", "foreign", "notes"}),
        ("/api/articles/import/", "POST", {"text", "file", "origin"}),
    ],
)
def test_options_describe_what_a_write_takes(archive, editor, path, method, fields):
    response = editor.options(path.format(minister=archive.minister.pk))
    assert response.status_code == 200
    assert set(response.json()["actions"][method]) == fields
