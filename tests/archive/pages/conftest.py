"""A small invented archive: two people, two organisations, a directive chain, three articles."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from archive.models import Directive, Organisation, OrganisationAlias, Person, Position
from archive.services import counts
from tests.archive.pages.builders import build_article


@pytest.fixture(autouse=True)
def fresh_cache():
    """The pages cache their select boxes' choices; each test starts from its own data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive_data(db):
    so = Organisation.objects.create(name="Sở Văn hoá tỉnh Hải Lâm", kind="department")
    dang_uy = Organisation.objects.create(
        name="Đảng uỷ Khối Doanh nghiệp Hải Lâm", abbreviation="ĐUKDN", kind="party_committee"
    )
    OrganisationAlias.objects.create(organisation=dang_uy, name="ĐUKDN", is_abbreviation=True)
    bao = Person.objects.create(name="Trần Quốc Bảo", rank="Đại tá")
    hanh = Person.objects.create(name="Lê Thị Hạnh")
    plan = Directive.objects.create(
        kind="Nghị quyết",
        kind_code="NQ",
        number="12",
        symbol="12-NQ/TU",
        issued_on=datetime.date(2024, 3, 5),
        issuer=dang_uy,
        summary="về phát triển văn hoá đọc",
    )
    action = Directive.objects.create(
        kind="Kế hoạch",
        kind_code="KH",
        number="45",
        symbol="45-KH/SVH",
        issued_on=datetime.date(2024, 6, 1),
        issuer=so,
    )
    action.implements.add(plan)

    first = build_article(
        blocks=[
            ("title", "Hải Lâm mở rộng thư viện cộng đồng"),
            (
                "lead",
                "Sáng 14/5/2024, tại thành phố Hải Lâm, Sở Văn hoá tỉnh Hải Lâm tổ chức hội nghị "
                "triển khai Kế hoạch số 45-KH/SVH.",
            ),
            (
                "paragraph",
                "Đại tá Trần Quốc Bảo, Giám đốc Sở Văn hoá tỉnh Hải Lâm, nhấn mạnh yêu cầu "
                "đưa sách về từng thôn.",
            ),
            ("caption", "Đại tá Trần Quốc Bảo phát biểu tại hội nghị."),
            ("caption_repeat", "Đại tá Trần Quốc Bảo phát biểu tại hội nghị."),
            ("byline", "Minh Châu"),
            ("source", "Nguồn Báo Hải Lâm: https://example.test/thu-vien"),
        ],
        mentions=[
            (so, "Sở Văn hoá tỉnh Hải Lâm"),
            (action, "Kế hoạch số 45-KH/SVH"),
            (bao, "Đại tá Trần Quốc Bảo"),
            (so, "Sở Văn hoá tỉnh Hải Lâm"),
            (bao, "Trần Quốc Bảo"),
        ],
        published_on=datetime.date(2024, 5, 14),
        source_url="https://example.test/thu-vien",
        dateline_place="Hải Lâm",
    )
    second = build_article(
        blocks=[
            ("title", "Đảng uỷ Khối Doanh nghiệp Hải Lâm học tập Nghị quyết 12"),
            (
                "lead",
                "Chiều 2/7/2024, Đảng uỷ Khối Doanh nghiệp Hải Lâm quán triệt Nghị quyết số "
                "12-NQ/TU. Bà Lê Thị Hạnh trình bày chuyên đề.",
            ),
        ],
        mentions=[
            (dang_uy, "Đảng uỷ Khối Doanh nghiệp Hải Lâm"),
            (dang_uy, "Đảng uỷ Khối Doanh nghiệp Hải Lâm"),
            (plan, "Nghị quyết số 12-NQ/TU"),
            (hanh, "Lê Thị Hạnh"),
        ],
        published_on=datetime.date(2024, 7, 2),
    )
    third = build_article(
        blocks=[
            ("lead", "Ngày 9/9, Sở Văn hoá tỉnh Hải Lâm trao tặng sách cho học sinh vùng cao."),
        ],
        mentions=[(so, "Sở Văn hoá tỉnh Hải Lâm")],
        source_name="Tạp chí Sông Lam",
    )
    Position.objects.create(
        person=bao,
        title="Giám đốc Sở Văn hoá tỉnh Hải Lâm",
        role="Giám đốc",
        organisation=so,
        article=first,
    )
    Position.objects.create(
        person=hanh,
        title="Ủy viên Ban Thường vụ",
        role="Ủy viên",
        organisation=dang_uy,
        article=second,
    )
    # Written straight into the tables, as the large-archive filler does: then counted.
    counts.recount_all()
    return SimpleNamespace(
        so=so,
        dang_uy=dang_uy,
        bao=bao,
        hanh=hanh,
        plan=plan,
        action=action,
        first=first,
        second=second,
        third=third,
    )
