# ruff: noqa: E501  (article lines are long by nature)
"""Directive symbols, citations, short references and implementation chains.

The invented articles use made-up units, names and numbers in the genre's shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.extraction.article import parse_structure
from archive.extraction.directives import (
    canonical_symbol,
    citation_key,
    extract_directives,
    parse_symbol,
)
from archive.extraction.normalize import matching_key, normalize_text
from archive.extraction.pipeline import extract as run_pipeline
from archive.extraction.types import DirectiveEntity, Mention, MentionKind, PartialDate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def extract(text: str) -> tuple[dict[str, DirectiveEntity], tuple[Mention, ...]]:
    entities, mentions = extract_directives(parse_structure(normalize_text(text)))
    return {e.key: e for e in entities}, mentions


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("59-NQ/TW", "59-NQ/TW"),
        ("36-HD/VPTW", "36-HD/VPTW"),
        ("08- QĐi/TW", "08-QĐi/TW"),
        ("09 CT/TW", "09-CT/TW"),
        ("15-NQ/tw", "15-NQ/TW"),
        ("646/QĐ/QUTW", "646-QĐ/QUTW"),
        ("50-CTr/ÐUCA", "50-CTr/ĐUCA"),
        ("12–KL/TW", "12-KL/TW"),
        ("153/NQ-CP", "153/NQ-CP"),
        ("977/qđ-ttg", "977/QĐ-TTg"),
        ("03/CT-BCA-X11", "03/CT-BCA-X11"),
        ("30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("05/2025/TT-BCA", "05/2025/TT-BCA"),
        ("72/2025/QH15", "72/2025/QH15"),
        ("351/2017/UBTVQH14", "351/2017/UBTVQH14"),
    ],
)
def test_canonical_symbol_of_each_grammar_and_noise(written: str, canonical: str) -> None:
    assert canonical_symbol(written) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "2020-2025",
        "2021–2025",
        "13-18/8",
        "59",
        "NQ/TW",
        "59-XY/TW",
        "09 ct/tw",
        "",
        "Nghị quyết 59",
    ],
)
def test_non_symbols_are_refused(text: str) -> None:
    assert parse_symbol(text) is None


def test_parse_symbol_takes_a_state_symbol_apart() -> None:
    parsed = parse_symbol("03/CT-BCA-X11")
    assert parsed is not None
    assert (parsed.system, parsed.number, parsed.type_code, parsed.issuer, parsed.unit) == (
        "state", "03", "CT", "BCA", "X11",
    )  # fmt: skip


def test_parse_symbol_tells_legal_instruments_and_laws_by_year() -> None:
    legal, law = parse_symbol("30/2020/NĐ-CP"), parse_symbol("72/2025/QH15")
    assert legal is not None and (legal.system, legal.year) == ("legal", 2020)
    assert law is not None and (law.system, law.type_code, law.issuer) == ("law", "", "QH15")


def test_citation_key_spells_out_what_is_known() -> None:
    assert (
        citation_key("NQ", "012", PartialDate(2023, 3, 16), "Bộ Chính trị")
        == "cite:NQ:12:2023-03-16:bộ chính trị"
    )
    assert citation_key("KL", "7", PartialDate(None, 5, 2), "") == "cite:KL:7:????-05-02:"
    assert citation_key("KL", "7", None, "") == "cite:KL:7::"


PROVINCE = """Công an tỉnh Lâm Giang triển khai Chỉ thị 09 CT/TW

Sáng 4/3, tại thành phố Lâm Giang, Đảng ủy Công an tỉnh tổ chức hội nghị quán triệt Chỉ thị số 09 CT/TW ngày 15/01/2024 của Ban Bí thư về tăng cường công tác bảo vệ bí mật nhà nước.

Hội nghị cũng phổ biến Nghị định số 30/2020/NĐ-CP ngày 5/3 của Chính phủ về công tác văn thư và Thông tư 05/2025/TT-BCA.

Theo Kế hoạch số 112/KH-CAT ngày 20/02/2025 của Công an tỉnh về thực hiện Chỉ thị 09 và Nghị quyết số 12 ngày 16/3/2023 của Bộ Chính trị, các đơn vị phải hoàn thành trước tháng 6/2025.

Đảng ủy đã xây dựng Kế hoạch 5 năm và thực hiện Nghị quyết 12 một cách nghiêm túc.

Đại tá Lê Văn An phát biểu về Nghị quyết 12.

Đại tá Lê Văn An phát biểu về Nghị quyết 12.

Nguồn: Báo Lâm Giang
"""
NQ12 = "cite:NQ:12:2023-03-16:bộ chính trị"


def test_province_article_yields_one_entity_per_directive() -> None:
    entities, _ = extract(PROVINCE)
    assert set(entities) == {"09-CT/TW", "30/2020/NĐ-CP", "05/2025/TT-BCA", "112/KH-CAT", NQ12}


def test_full_citation_gives_kind_date_issuer_and_summary() -> None:
    directive = extract(PROVINCE)[0]["09-CT/TW"]
    assert directive.kind == "Chỉ thị"
    assert directive.kind_code == "CT"
    assert directive.issued == PartialDate(2024, 1, 15)
    assert directive.issuer_name == "Ban Bí thư"
    assert directive.issuer_key == "ban bí thư"
    assert directive.summary == "tăng cường công tác bảo vệ bí mật nhà nước"


def test_a_yearless_issue_date_takes_the_year_of_a_legal_symbol() -> None:
    decree = extract(PROVINCE)[0]["30/2020/NĐ-CP"]
    assert decree.issued == PartialDate(2020, 3, 5, year_inferred=True)
    assert decree.issuer_name == "Chính phủ"
    assert decree.summary == "công tác văn thư"


def test_issuer_falls_back_to_the_symbol_code() -> None:
    circular = extract(PROVINCE)[0]["05/2025/TT-BCA"]
    assert circular.kind == "Thông tư"
    assert circular.issuer_name == "Bộ Công an"


def test_short_reference_resolves_to_the_symbol_in_the_article() -> None:
    _, mentions = extract(PROVINCE)
    surfaces = [m.surface for m in mentions if m.entity_key == "09-CT/TW"]
    assert surfaces == ["Chỉ thị 09 CT/TW", "Chỉ thị số 09 CT/TW", "Chỉ thị 09"]


def test_symbol_less_citation_is_its_own_entity_and_short_refs_join_it() -> None:
    entities, mentions = extract(PROVINCE)
    resolution = entities[NQ12]
    assert (resolution.symbol, resolution.kind, resolution.number) == ("", "Nghị quyết", "12")
    assert resolution.issuer_name == "Bộ Chính trị"
    assert [m.surface for m in mentions if m.entity_key == NQ12] == [
        "Nghị quyết số 12",
        "Nghị quyết 12",
        "Nghị quyết 12",
    ]


def test_repeated_caption_is_not_counted_twice() -> None:
    _, mentions = extract(PROVINCE)
    captions = [m for m in mentions if m.sentence == "Đại tá Lê Văn An phát biểu về Nghị quyết 12."]
    assert len(captions) == 1


def test_a_count_after_a_kind_word_is_not_a_directive() -> None:
    entities, _ = extract(PROVINCE)
    assert not any(e.kind == "Kế hoạch" and e.number == "5" for e in entities.values())
    # "Kế hoạch 5 năm" is a five-year plan; the province's one plan is the numbered one.
    plans = [e.symbol for e in entities.values() if e.kind == "Kế hoạch"]
    assert plans == ["112/KH-CAT"]


def test_plan_implementing_two_directives_lists_both() -> None:
    plan = extract(PROVINCE)[0]["112/KH-CAT"]
    assert plan.kind == "Kế hoạch"
    assert plan.issuer_name == "Công an tỉnh"
    assert plan.implements == ("09-CT/TW", NQ12)


def test_mentions_carry_surface_offsets_and_sentence() -> None:
    text = normalize_text(PROVINCE)
    _, mentions = extract_directives(parse_structure(text))
    assert mentions
    for mention in mentions:
        assert mention.kind is MentionKind.DIRECTIVE
        assert text[mention.start : mention.end] == mention.surface
        assert mention.surface in mention.sentence


def test_issuing_an_unnumbered_programme_that_implements_links_the_issuer() -> None:
    text = "Ngày 2/4, Chính phủ ban hành Nghị quyết số 41/NQ-CP ban hành Chương trình hành động thực hiện Kết luận số 7-KL/TW.\n"
    entities, _ = extract(text)
    assert entities["41/NQ-CP"].implements == ("7-KL/TW",)
    assert entities["7-KL/TW"].implements == ()


def test_kind_word_not_matching_the_symbol_is_ignored() -> None:
    entities, mentions = extract("Ngày 2/4, Quyết định số 59-NQ/TW được nhắc lại.\n")
    assert entities["59-NQ/TW"].kind == "Nghị quyết"
    assert [m.surface for m in mentions] == ["59-NQ/TW"]


def test_named_law_with_number() -> None:
    entities, mentions = extract("Ngày 2/4, Luật Công an nhân dân số 37/2018/QH14 được phổ biến.\n")
    law = entities["37/2018/QH14"]
    assert (law.kind, law.issuer_name) == ("Luật", "Quốc hội")
    assert mentions[0].surface == "Luật Công an nhân dân số 37/2018/QH14"


def test_bct_in_a_state_symbol_is_the_ministry_of_industry_and_trade() -> None:
    entities, _ = extract("Ngày 2/4, Thông tư số 10/2024/TT-BCT có hiệu lực.\n")
    assert entities["10/2024/TT-BCT"].issuer_name == "Bộ Công Thương"


def test_party_symbol_with_a_slash_for_hyphen() -> None:
    entities, _ = extract(
        "Ngày 2/4, quán triệt Quyết định số 646/QĐ/QUTW của Quân ủy Trung ương.\n"
    )
    decision = entities["646-QĐ/QUTW"]
    assert (decision.kind, decision.issuer_name) == ("Quyết định", "Quân ủy Trung ương")


def test_congress_resolution_without_number_is_not_a_directive() -> None:
    text = "Ngày 2/4, đơn vị thực hiện thắng lợi Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV.\n"
    assert extract(text) == ({}, ())


def test_furniture_and_byline_yield_no_directive() -> None:
    text = "Trang chủ > Nghị quyết 59-NQ/TW\n\nNgày 2/4, hội nghị diễn ra tại Huế.\n\nTags: Nghị quyết 60-NQ/TW\n"
    assert extract(text) == ({}, ())


def _seed(name: str) -> tuple[dict[str, DirectiveEntity], tuple[Mention, ...]]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return extract(path.read_text(encoding="utf-8"))


def test_seed_000_directives() -> None:
    entities, mentions = _seed("000")
    facts = {key: (e.kind, e.issued, e.issuer_name) for key, e in entities.items()}
    assert facts == {
        "59-NQ/TW": ("Nghị quyết", PartialDate(2025, 1, 24), "Bộ Chính trị"),
        "153/NQ-CP": ("Nghị quyết", PartialDate(2025, 5, 31), "Chính phủ"),
        "50-CTr/ĐUCA": (
            "Chương trình hành động",
            PartialDate(2025, 4, 21),
            "Đảng ủy Công an Trung ương",
        ),
        "82-KL/TW": ("Kết luận", PartialDate(2024, 6, 7), "Bộ Chính trị"),
    }
    assert entities["50-CTr/ĐUCA"].implements == ("59-NQ/TW", "82-KL/TW")
    assert entities["153/NQ-CP"].implements == ("59-NQ/TW",)
    assert entities["59-NQ/TW"].summary == "hội nhập quốc tế trong tình hình mới"
    short = [m for m in mentions if m.surface == "Kết luận 82"]
    assert [m.entity_key for m in short] == ["82-KL/TW"]


def test_seed_004_has_no_directive() -> None:
    assert _seed("004") == ({}, ())


def test_coordinated_citations_share_the_issuer_named_last() -> None:
    text = "Ngày 2/4, hội nghị quán triệt Nghị quyết số 57-NQ/TW và Nghị quyết số 66-NQ/TW của Bộ Chính trị.\n"
    entities, _ = extract(text)
    assert entities["57-NQ/TW"].issuer_name == "Bộ Chính trị"
    assert entities["66-NQ/TW"].issuer_name == "Bộ Chính trị"


def test_coordinated_citations_with_different_issuer_codes_do_not_share() -> None:
    text = "Ngày 2/4, hội nghị quán triệt Nghị quyết số 57-NQ/TW và Nghị quyết số 41/NQ-CP của Chính phủ.\n"
    entities, _ = extract(text)
    assert entities["57-NQ/TW"].issuer_name == "Ban Chấp hành Trung ương"


def test_party_personnel_decision_symbol() -> None:
    directives, _ = extract_directives(
        parse_structure(
            normalize_text(
                "Theo Quyết định số 215-QĐNS/TW của Ban Bí thư, đồng chí X nhận nhiệm vụ."
            )
        )
    )
    (decision,) = directives
    assert (decision.symbol, decision.kind, decision.issuer_name) == (
        "215-QĐNS/TW",
        "Quyết định",
        "Ban Bí thư",
    )


def test_joint_issuers_are_read_together_and_the_key_names_the_first() -> None:
    parsed = run_pipeline(
        "Thông tư liên tịch số 09/2023/TTLT-BCA-BYT ngày 4/4/2023 của Bộ Công an và Bộ Y tế quy định việc phối hợp."
    )
    (circular,) = parsed.directives
    assert circular.issuer_name == "Bộ Công an và Bộ Y tế"
    assert circular.issuer_key == matching_key("Bộ Công an")
    assert {"Bộ Công an", "Bộ Y tế"} <= {o.name for o in parsed.organisations}


def test_joint_circular_keeps_every_issuer_in_order_even_after_a_slash() -> None:
    assert canonical_symbol("05/2012/TTLT/BCA-BQP-VKSNDTC") == "05/2012/TTLT-BCA-BQP-VKSNDTC"
    parsed = parse_symbol("01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC")
    assert parsed is not None
    assert parsed.issuers == ("BCA", "BQP", "BTC", "BNN&PTNT", "VKSNDTC")
    found, _ = extract(
        "Việc phối hợp được hướng dẫn tại Thông tư liên tịch số 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29/12/2017."
    )
    [entity] = found.values()
    assert entity.symbol == "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC"
    assert entity.kind == "Thông tư liên tịch"


def test_an_administrative_letter_is_a_directive_only_after_its_kind_word() -> None:
    found, _ = extract(
        "UBND tỉnh đã ban hành Công văn số 1842/UBND-KT ngày 10/9/2025. Ca trực 24/7, mã số 15/HN-KT."
    )
    [entity] = found.values()
    assert (entity.kind, entity.number, entity.symbol) == ("Công văn", "1842", "1842/UBND-KT")
    assert parse_symbol("1842/UBND-KT") is not None
    assert parse_symbol("05/CĐ") is None


def test_laws_and_codes_cited_by_name_are_directives_without_a_symbol() -> None:
    found, _ = extract(
        "Tiêu đề\n\nTheo Luật Công an nhân dân 2018, lực lượng có nhiệm vụ bảo vệ an ninh. Hành vi này vi phạm Bộ luật Hình sự; Cơ quan điều tra áp dụng Bộ luật Tố tụng hình sự năm 2015. Pháp lệnh Xử lý vi phạm hành chính đã hết hiệu lực. Luật Công an nhân dân quy định cấp bậc hàm.\n"
    )
    laws = {(d.kind, d.summary): d for d in found.values()}
    assert set(laws) == {
        ("Luật", "Công an nhân dân"),
        ("Bộ luật", "Hình sự"),
        ("Bộ luật", "Tố tụng hình sự"),
        ("Pháp lệnh", "Xử lý vi phạm hành chính"),
    }
    assert all(not d.symbol and not d.number for d in laws.values())
    assert laws[("Luật", "Công an nhân dân")].issued == PartialDate(year=2018)
    assert laws[("Bộ luật", "Tố tụng hình sự")].issued == PartialDate(year=2015)


def test_a_law_named_again_joins_the_symbol_given_with_its_name() -> None:
    found, mentions = extract(
        "Tiêu đề\n\nLuật Lưu trữ số 33/2024/QH15 được Quốc hội thông qua. Luật Lưu trữ có hiệu lực từ năm 2025.\n"
    )
    assert list(found) == ["33/2024/QH15"]
    assert [m.entity_key for m in mentions] == ["33/2024/QH15", "33/2024/QH15"]


def test_no_law_is_recorded_where_its_name_is_uncertain_or_a_draft() -> None:
    found, _ = extract(
        "Tiêu đề\n\nỦy ban thẩm tra dự án Luật Tương trợ tư pháp về hình sự. Luật sư Mai Văn Quyết bào chữa. Trường Đại học Luật Hà Nội tổ chức hội thảo. Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực.\n"
    )
    assert found == {}


def test_a_year_after_a_law_s_name_ends_it_across_a_verb_or_a_comma() -> None:
    found, _ = extract(
        "Tiêu đề\n\nLuật Thi hành tạm giữ, tạm giam năm 2015 và Luật Tổ chức cơ quan điều tra hình sự 2015 quy định chi tiết. Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ năm 2024 có hiệu lực.\n"
    )
    laws = {(d.kind, d.summary, d.issued) for d in found.values()}
    assert laws == {
        ("Luật", "Thi hành tạm giữ, tạm giam", PartialDate(year=2015)),
        ("Luật", "Tổ chức cơ quan điều tra hình sự", PartialDate(year=2015)),
        ("Luật", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", PartialDate(year=2024)),
    }


def test_an_issuer_named_by_its_topic_keeps_the_topic_in_its_name() -> None:
    article = run_pipeline(
        "Tiêu đề\n\nNgày 8/10/2025, hội nghị quán triệt Kế hoạch số 27-KH/BCĐTW ngày 4/6/2025 của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực.\n\nMinh Anh\n"
    )
    [plan] = article.directives
    assert plan.issuer_name == (
        "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, lãng phí, tiêu cực"
    )
    assert [o.name for o in article.organisations] == [plan.issuer_name]


def test_a_law_s_name_ends_before_the_next_law() -> None:
    found, _ = extract(
        "Tiêu đề\n\nBộ luật Hình sự và Luật Xử lý vi phạm hành chính vẫn áp dụng với hành vi vi phạm.\n"
    )
    assert {(d.kind, d.summary) for d in found.values()} == {
        ("Bộ luật", "Hình sự"),
        ("Luật", "Xử lý vi phạm hành chính"),
    }


def test_a_party_regulation_written_qd_keeps_its_kind_and_its_short_reference() -> None:
    found, _ = extract(
        "Tiêu đề\n\nĐề nghị thực hiện nghiêm Quy định số 114-QĐ/TW ngày 11/7/2023 của Bộ Chính trị và Quy định 114 về kiểm soát quyền lực.\n"
    )
    assert [(d.kind, d.symbol) for d in found.values()] == [("Quy định", "114-QĐ/TW")]


def test_a_joint_resolution_names_its_issuers_in_its_symbol() -> None:
    article = run_pipeline(
        "Tiêu đề\n\nNgày 2/3/2025, hội nghị quán triệt Nghị quyết liên tịch số 01/2024/NQLT-CP-ĐCTUBTWMTTQVN ngày 5/1/2024 của Chính phủ và Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.\n\nMinh Anh\n"
    )
    [resolution] = article.directives
    assert (resolution.kind, resolution.kind_code, resolution.symbol) == (
        "Nghị quyết liên tịch",
        "NQLT",
        "01/2024/NQLT-CP-ĐCTUBTWMTTQVN",
    )
    assert resolution.issuer_name == "Chính phủ"


def test_a_document_with_a_letter_s_symbol_is_a_letter() -> None:
    found, _ = extract(
        "Tiêu đề\n\nUBND tỉnh ban hành Văn bản số 123/UBND-NC ngày 2/3/2025 về tăng cường an ninh. Các văn bản 5 năm qua đã được rà soát.\n"
    )
    assert [(d.kind, d.symbol) for d in found.values()] == [("Văn bản", "123/UBND-NC")]


def test_căn_bản_is_no_document_even_before_a_letter_s_symbol() -> None:
    found, _ = extract(
        "Tiêu đề\n\nVề căn bản số 15/UBND-VX đã được triển khai; Vông văn số 16/UBND-KT thì không có.\n"
    )
    assert found == {}
