# ruff: noqa: E501  (article sentences are long by nature)
"""extract(): the whole pipeline on invented articles and the seed acceptance."""

from __future__ import annotations

from pathlib import Path

from archive.extraction.normalize import matching_key
from archive.extraction.pipeline import extract
from archive.extraction.types import MentionKind, ParsedArticle

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ARTICLE = """Triển khai Nghị quyết của Chính phủ về biên giới

Ngày 7/5, tại Hà Nội, Bộ Biên cương tổ chức hội nghị triển khai Nghị quyết số 88/NQ-CP ngày 02/4/2025 của Chính phủ.

Đại tá Vương Minh Đạt, Phó Cục trưởng Cục Tuần tra quán triệt nội dung Nghị quyết.

Hoàng Yến
"""


def _seed(prefix: str) -> ParsedArticle:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract(path.read_text(encoding="utf-8"))


def _names(parsed: ParsedArticle) -> tuple[set[str], set[str]]:
    return {p.name for p in parsed.people}, {o.name for o in parsed.organisations}


def test_mentions_are_sorted_unique_and_match_the_text() -> None:
    parsed = extract(ARTICLE)
    assert {m.kind for m in parsed.mentions} == set(MentionKind)
    starts = [(m.start, m.end) for m in parsed.mentions]
    assert starts == sorted(starts)
    idents = [(m.kind, m.entity_key, m.start, m.end) for m in parsed.mentions]
    assert len(idents) == len(set(idents))
    for m in parsed.mentions:
        assert parsed.text[m.start : m.end] == m.surface


def test_structure_fields_are_copied() -> None:
    parsed = extract(ARTICLE)
    assert parsed.title.startswith("Triển khai Nghị quyết")
    assert parsed.blocks and parsed.sentences


def test_directive_issuer_is_linked_to_an_organisation_of_the_article() -> None:
    parsed = extract(ARTICLE)
    org_keys = {o.key for o in parsed.organisations}
    issuers = [d.issuer_key for d in parsed.directives if d.issuer_name]
    assert issuers
    assert all(key in org_keys for key in issuers)


def test_people_and_organisations_of_an_invented_article() -> None:
    people, orgs = _names(extract(ARTICLE))
    assert people == {"Vương Minh Đạt"}
    assert {"Bộ Biên cương", "Chính phủ", "Cục Tuần tra"} <= orgs
    assert "Hoàng Yến" not in people


def test_decomposed_unicode_input_gives_the_same_entities() -> None:
    import unicodedata

    assert _names(extract(unicodedata.normalize("NFD", ARTICLE))) == _names(extract(ARTICLE))


def test_seed_000_people_and_organisations() -> None:
    parsed = _seed("000")
    people = {p.name: p for p in parsed.people}
    assert set(people) == {"Lương Tam Quang", "Lê Hoài Trung", "Lê Quốc Hùng", "Hồ Chí Minh"}
    quang = people["Lương Tam Quang"]
    assert quang.rank == "Đại tướng"
    assert [p.title for p in quang.positions] == [
        "Ủy viên Bộ Chính trị",
        "Bí thư Đảng ủy Công an Trung ương",
        "Bộ trưởng Bộ Công an",
    ]
    assert [p.title for p in people["Lê Hoài Trung"].positions] == [
        "Bí thư Trung ương Đảng",
        "Bộ trưởng Bộ Ngoại giao",
    ]
    hung = people["Lê Quốc Hùng"]
    assert hung.rank == "Thượng tướng"
    assert [p.title for p in hung.positions] == ["Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Công an"]
    assert [p.title for p in people["Hồ Chí Minh"].positions] == ["Chủ tịch"]

    orgs = {o.name: o for o in parsed.organisations}
    required = {
        "Đảng ủy Công an Trung ương",
        "Bộ Chính trị",
        "Bộ Công an",
        "Bộ Ngoại giao",
        "Công an nhân dân",
        "Chính phủ",
        "Ban Đối ngoại Trung ương",
    }
    optional = {"Trung ương Đảng", "Đảng"}
    assert required <= set(orgs) <= required | optional
    assert orgs["Công an nhân dân"].abbreviations == ("CAND",)
    cand = [m for m in parsed.mentions if m.surface == "CAND"]
    assert cand and all(m.entity_key == matching_key("Công an nhân dân") for m in cand)


def test_seed_004_people_and_organisations() -> None:
    parsed = _seed("004")
    people = {p.name: p for p in parsed.people}
    assert set(people) == {"Lê Tấn Tới"}
    assert [p.title for p in people["Lê Tấn Tới"].positions] == ["Thứ trưởng"]
    orgs = {o.name: o for o in parsed.organisations}
    required = {
        "Cục Đối ngoại",
        "Văn phòng Nhân quyền",
        "Bộ Công an",
        "Đảng ủy Công an Trung ương",
        "Đảng bộ Cục Đối ngoại",
        "Đảng ủy Cục Đối ngoại",
        "Bộ Ngoại giao",
        "Bộ Quốc phòng",
        "Chính phủ",
        "Đảng bộ Công an Trung ương",
        "Ban Chỉ đạo liên ngành hội nhập quốc tế về chính trị, quốc phòng, an ninh",
        "Ban Chỉ đạo về Nhân quyền của Chính phủ",
    }
    optional = {"Ban chấp hành Đảng bộ Cục Đối ngoại", "Đảng", "Nhà nước"}
    assert required <= set(orgs) <= required | optional
    committee = orgs["Đảng ủy Công an Trung ương"]
    assert "Đảng uỷ Công an Trung ương" in committee.aliases


def test_seed_bylines_and_sources_are_not_entities() -> None:
    for prefix in ("000", "004"):
        people, orgs = _names(_seed(prefix))
        for name in ("Đức Sơn", "Khổng Hà", "Công Lý", "Hà Nội", "Việt Nam"):
            assert name not in people and name not in orgs


def test_every_mention_points_at_an_entity() -> None:
    for parsed in (_seed("000"), _seed("004"), extract(ARTICLE)):
        keys = {
            MentionKind.PERSON: {p.key for p in parsed.people},
            MentionKind.ORGANISATION: {o.key for o in parsed.organisations},
            MentionKind.DIRECTIVE: {d.key for d in parsed.directives},
        }
        assert parsed.mentions
        for m in parsed.mentions:
            assert m.entity_key in keys[m.kind], m


def test_issuer_written_with_a_post_or_a_trailing_remark_links_to_the_body() -> None:
    parsed = extract(
        "Tập huấn\n\nNgày 7/5, Bộ Biên cương triển khai Thông tư số 05/2025/TT-BBC của Bộ trưởng Bộ Biên cương và Thông tư số 01/2011/TT-BNV của Bộ Nội vụ trước đây.\n"
    )
    orgs = {o.key for o in parsed.organisations}
    assert "bộ trưởng bộ biên cương" not in orgs
    assert not any(key.endswith("trước đây") for key in orgs)
    issuers = {d.symbol: d.issuer_key for d in parsed.directives}
    assert issuers == {"05/2025/TT-BBC": "bộ biên cương", "01/2011/TT-BNV": "bộ nội vụ"}
    assert set(issuers.values()) <= orgs


def test_issuer_known_only_from_the_symbol_code_is_linked_but_not_mentioned() -> None:
    parsed = extract(
        "Tỉnh ủy Hòa Bình quán triệt Nghị quyết số 27-NQ/TW và Nghị định 55/2024/NĐ-CP của Chính phủ."
    )
    by_key = {o.key: o for o in parsed.organisations}
    resolution = next(d for d in parsed.directives if d.symbol == "27-NQ/TW")
    # The directive still points at its issuer, for the archive to link ...
    assert resolution.issuer_key is not None and resolution.issuer_key in by_key
    issuer = by_key[resolution.issuer_key]
    assert issuer.inferred
    # ... but the article never names it: no mention, unlike the Government.
    mentioned = {m.entity_key for m in parsed.mentions}
    assert issuer.key not in mentioned
    government = next(o for o in parsed.organisations if o.name == "Chính phủ")
    assert not government.inferred and government.key in mentioned


def test_a_post_that_heads_an_organisation_name_is_not_a_person_mention() -> None:
    parsed = extract(
        "Ngày 9/10, tại Hà Nội, Thứ trưởng Đinh Văn Khải tiếp Đại sứ Ba Lan tại Việt Nam "
        "Marek Nowicki.\n\n"
        "Đại sứ quán Ba Lan tại Việt Nam và Bộ Tư lệnh Cảnh sát biển sẽ phối hợp.\n"
    )
    organisations = {o.name for o in parsed.organisations}
    assert "Đại sứ quán Ba Lan tại Việt Nam" in organisations
    people_mentioned = [m.surface for m in parsed.mentions if m.kind is MentionKind.PERSON]
    assert people_mentioned == ["Đinh Văn Khải", "Marek Nowicki"]
    for surface in people_mentioned:
        assert not surface.startswith(("Đại sứ quán", "Tư lệnh")), surface
    assert {p.name for p in parsed.people} >= {"Đinh Văn Khải", "Marek Nowicki"}
