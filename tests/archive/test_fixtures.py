"""The editors' group fixture gives exactly the rights an editor needs through the API."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from rest_framework.test import APIClient

from archive.models import Person

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Đoàn công tác làm việc tại Công an tỉnh Bắc Kạn\n\n"
    "Ngày 3/4, Thiếu tướng Mai Đức Lâm, Phó Cục trưởng Cục Đối ngoại, "
    "làm việc với Công an tỉnh Bắc Kạn.\n"
)


def client_for(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def editor() -> User:
    call_command("loaddata", "editors", verbosity=0)
    user = User.objects.create_user("bientap", password="x")
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    return user


def test_loading_the_fixture_twice_keeps_one_group(editor):
    call_command("loaddata", "editors", verbosity=0)
    assert Group.objects.filter(name="Biên tập viên").count() == 1


def test_an_editor_imports_an_article_and_corrects_a_person(editor):
    client = client_for(editor)
    response = client.post("/api/articles/import/", {"text": ARTICLE}, format="json")
    assert response.status_code == 201, response.content
    person = Person.objects.get(name="Mai Đức Lâm")
    response = client.patch(f"/api/people/{person.pk}/", {"name": "Mai Đức Lâm (Cục Đối ngoại)"})
    assert response.status_code == 200, response.content
    person.refresh_from_db()
    assert person.name == "Mai Đức Lâm (Cục Đối ngoại)"


def test_an_editor_cannot_write_mentions_and_a_stranger_cannot_write_at_all(editor):
    assert not editor.has_perm("archive.add_personmention")
    stranger = User.objects.create_user("khach", password="x")
    response = client_for(stranger).post("/api/articles/import/", {"text": ARTICLE}, format="json")
    assert response.status_code == 403
