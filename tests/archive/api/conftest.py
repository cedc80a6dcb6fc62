"""Shared test data for the API: a small archive built directly from the models."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from archive.models import (
    Article,
    Directive,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    Position,
)
from archive.services import counts
from tests.factories import add_mention


@dataclass
class Archive:
    ministry: Organisation
    department: Organisation
    committee: Organisation
    minister: Person
    colonel: Person
    resolution: Directive
    plan: Directive
    a_both: Article
    a_minister: Article
    a_colonel_undated: Article
    a_untitled: Article


def make_article(n: int, *, title: str, body: str, **fields) -> Article:
    text = f"{title}\n\n{body}" if title else body
    if fields.get("published_on"):
        # As the importer stores a full date: its parts too.
        day = fields["published_on"]
        fields |= {"published_year": day.year, "published_month": day.month}
        fields |= {"published_day": day.day, "published_precision": "full"}
    return Article.objects.create(
        title=title,
        body=body,
        text=text,
        raw_text=text,
        origin=f"tests/{n:03d}.txt",
        sha256=f"{n:064x}",
        **fields,
    )


def mention(article: Article, entity, surface: str) -> None:
    """A mention of `entity` at the first occurrence of `surface`, as its own sentence."""
    add_mention(article, entity, surface, start=article.text.index(surface), sentence=surface)


@pytest.fixture
def archive(db) -> Archive:
    ministry = Organisation.objects.create(name="Bộ Nội chính Thử nghiệm", abbreviation="BNC")
    OrganisationAlias.objects.create(organisation=ministry, name="BNC", is_abbreviation=True)
    department = Organisation.objects.create(
        name="Cục Phòng chống Tin giả", parent=ministry, kind="department"
    )
    committee = Organisation.objects.create(name="Ban Chấp hành Thử nghiệm")
    minister = Person.objects.create(name="Trịnh Văn Khởi", rank="Đại tướng")
    PersonAlias.objects.create(person=minister, name="Trịnh V. Khởi")
    colonel = Person.objects.create(name="Lạc Thị Hòa", rank="Đại tá")
    resolution = Directive.objects.create(
        kind="Nghị quyết",
        kind_code="NQ",
        number="77",
        symbol="77-NQ/TW",
        issued_on=datetime.date(2024, 3, 9),
        issuer=committee,
    )
    plan = Directive.objects.create(
        kind="Kế hoạch", kind_code="KH", number="12", symbol="12/KH-BNC", issuer=ministry
    )
    plan.implements.add(resolution)

    a_both = make_article(
        1,
        title="Công an Đảng ủy họp bàn về Nghị quyết 77-NQ/TW",
        body="Đại tướng Trịnh Văn Khởi và Đại tá Lạc Thị Hòa dự họp của Bộ Nội chính Thử "
        "nghiệm về Nghị quyết số 77-NQ/TW.",
        author="Minh Khuê",
        source_name="Báo Thử",
        source_url="https://example.org/a1",
        published_on=datetime.date(2025, 5, 2),
    )
    a_minister = make_article(
        2,
        title="Đảng uỷ Bộ Nội chính Thử nghiệm triển khai Kế hoạch 12/KH-BNC",
        body="Bộ trưởng Trịnh Văn Khởi giao Cục Phòng chống Tin giả thực hiện Kế hoạch số "
        "12/KH-BNC.",
        author="Thu An",
        source_name="Báo Thử",
        published_on=datetime.date(2025, 6, 1),
    )
    a_colonel_undated = make_article(
        3,
        title="Tập huấn nghiệp vụ",
        body="Đại tá Lạc Thị Hòa chủ trì buổi tập huấn của Cục Phòng chống Tin giả.",
        author="Minh Khuê",
        source_name="Tạp chí Mẫu",
    )
    a_untitled = make_article(
        4,
        title="",
        body="Ngày 3/4, lực lượng công an phường tuần tra đêm trên địa bàn.",
        published_on=datetime.date(2025, 4, 3),
    )
    mention(a_both, minister, "Trịnh Văn Khởi")
    mention(a_both, colonel, "Lạc Thị Hòa")
    mention(a_both, ministry, "Bộ Nội chính Thử nghiệm")
    mention(a_both, resolution, "77-NQ/TW")
    mention(a_minister, minister, "Trịnh Văn Khởi")
    mention(a_minister, ministry, "Bộ Nội chính Thử nghiệm")
    mention(a_minister, department, "Cục Phòng chống Tin giả")
    mention(a_minister, plan, "12/KH-BNC")
    mention(a_colonel_undated, colonel, "Lạc Thị Hòa")
    mention(
        a_colonel_undated,
        department,
        "Cục Phòng chống Tin giả",
    )
    Position.objects.create(
        person=minister,
        title="Bộ trưởng Bộ Nội chính Thử nghiệm",
        organisation=ministry,
        article=a_minister,
    )
    Position.objects.create(
        person=colonel,
        title="Cục trưởng Cục Phòng chống Tin giả",
        organisation=department,
        article=a_colonel_undated,
    )
    # Written straight into the tables, as the large-archive filler does: then counted.
    counts.recount_all()
    return Archive(
        ministry=ministry,
        department=department,
        committee=committee,
        minister=minister,
        colonel=colonel,
        resolution=resolution,
        plan=plan,
        a_both=a_both,
        a_minister=a_minister,
        a_colonel_undated=a_colonel_undated,
        a_untitled=a_untitled,
    )


def english_client() -> APIClient:
    """An API client that asks for English, as the messages these tests read are.

    The API answers in Vietnamese unless a client asks otherwise
    (tests/archive/pages/test_languages.py checks that default).
    """
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def anonymous() -> APIClient:
    return english_client()


def user_with(*codenames: str, username: str = "editor") -> User:
    user = User.objects.create_user(username=username, password="not-a-real-password-42")
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def editor(db) -> APIClient:
    """A logged-in user with every add/change/delete permission of the archive."""
    user = user_with(
        *[
            f"{verb}_{model}"
            for verb in ("add", "change", "delete")
            for model in ("article", "person", "organisation", "directive")
        ]
    )
    client = english_client()
    client.force_authenticate(user)
    return client


@pytest.fixture
def reader(db) -> APIClient:
    """A logged-in user with no permission at all."""
    client = english_client()
    client.force_authenticate(user_with(username="reader"))
    return client
