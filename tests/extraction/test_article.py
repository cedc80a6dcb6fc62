# ruff: noqa: E501  (article lines are long by nature)
"""Article structure: title, furniture, lead and dateline, captions, byline, source, sentences.

The invented articles below use made-up names and sentences in the genre's shape.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.extraction.article import extractable_spans, parse_structure, sentence_at
from archive.extraction.normalize import normalize_text
from archive.extraction.types import ArticleStructure, BlockKind, PartialDate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def parse(text: str) -> ArticleStructure:
    return parse_structure(normalize_text(text))


def blocks_of(structure: ArticleStructure, kind: BlockKind) -> list[str]:
    return [structure.text[b.start : b.end] for b in structure.blocks if b.kind is kind]


SCRAPED = """Trang chủ > Thời sự
Bộ trưởng Trần Minh Khoa tiếp Đại sứ Lào Phonsavan Vongsa 16/01/2026 17:58
Nghe đọc bài
(ANTV) - Chiều 15/1, tại Hà Nội, Bộ trưởng Bộ Công an Trần Minh Khoa tiếp Đại sứ Lào Phonsavan Vongsa nhân dịp đầu năm mới.

anh-tiep-dai-su-2026.jpg
Bộ trưởng Trần Minh Khoa tiếp Đại sứ Phonsavan Vongsa.
Bộ trưởng Trần Minh Khoa tiếp Đại sứ Phonsavan Vongsa.

Tại buổi tiếp, hai bên trao đổi về hợp tác phòng, chống tội phạm xuyên quốc gia. Bộ trưởng đề nghị hai bên tăng cường chia sẻ thông tin.

Chia sẻ
T.H
Theo ANTV
"""


def test_glued_timestamp_is_cut_off_the_title() -> None:
    structure = parse(SCRAPED)
    assert structure.title == "Bộ trưởng Trần Minh Khoa tiếp Đại sứ Lào Phonsavan Vongsa"
    assert "16/01/2026 17:58" in blocks_of(structure, BlockKind.FURNITURE)


def test_page_furniture_lines_are_furniture() -> None:
    furniture = blocks_of(parse(SCRAPED), BlockKind.FURNITURE)
    for line in ("Trang chủ > Thời sự", "Nghe đọc bài", "anh-tiep-dai-su-2026.jpg", "Chia sẻ"):
        assert line in furniture


def test_agency_prefix_is_furniture_and_outside_the_lead() -> None:
    structure = parse(SCRAPED)
    assert "(ANTV) - " in blocks_of(structure, BlockKind.FURNITURE)
    (lead,) = blocks_of(structure, BlockKind.LEAD)
    assert lead.startswith("Chiều 15/1, tại Hà Nội")


def test_timestamp_gives_the_dateline_its_year() -> None:
    structure = parse(SCRAPED)
    assert structure.dateline is not None
    assert structure.dateline.date == PartialDate(2026, 1, 15, year_inferred=True)
    assert structure.dateline.place == "Hà Nội"
    assert structure.published == structure.dateline.date
    s, e = structure.dateline.start, structure.dateline.end
    assert structure.text[s:e] == "Chiều 15/1, tại Hà Nội"


def test_a_dateline_after_the_timestamp_belongs_to_the_previous_year() -> None:
    text = "Hội nghị tổng kết hợp tác 16/01/2026 08:00\n\nNgày 11/11, tại Huế, hội nghị diễn ra.\n"
    structure = parse(text)
    assert structure.dateline is not None
    assert structure.dateline.date == PartialDate(2025, 11, 11, year_inferred=True)


def test_immediately_repeated_line_is_caption_then_repeat() -> None:
    structure = parse(SCRAPED)
    caption = "Bộ trưởng Trần Minh Khoa tiếp Đại sứ Phonsavan Vongsa."
    assert blocks_of(structure, BlockKind.CAPTION) == [caption]
    assert blocks_of(structure, BlockKind.CAPTION_REPEAT) == [caption]
    assert structure.captions == (caption,)


def test_theo_line_is_the_source_and_initials_the_byline() -> None:
    structure = parse(SCRAPED)
    assert structure.author == "T.H"
    assert structure.source_name == "ANTV"
    assert structure.source_url == ""


def test_extractable_spans_skip_furniture_repeats_byline_and_source() -> None:
    structure = parse(SCRAPED)
    scanned = [structure.text[s:e] for s, e in extractable_spans(structure)]
    assert scanned[0] == structure.title
    assert scanned.count("Bộ trưởng Trần Minh Khoa tiếp Đại sứ Phonsavan Vongsa.") == 1
    assert not any(x in scanned for x in ("T.H", "Theo ANTV", "Chia sẻ", "(ANTV) - "))


def test_blocks_cover_every_non_empty_line() -> None:
    structure = parse(SCRAPED)
    covered: set[int] = set()
    for block in structure.blocks:
        covered.update(range(block.start, block.end))
    text = structure.text
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


NO_YEAR = """Công an tỉnh Kon Tum ra quân bảo đảm an toàn giao thông

Sáng 3/2, tại thành phố Kon Tum, Công an tỉnh tổ chức lễ ra quân bảo đảm trật tự an toàn giao thông.

Đại tá Hoàng Văn Nam, Phó Giám đốc Công an tỉnh, Trưởng ban tổ chức chủ trì buổi lễ.

Phát biểu tại buổi lễ, Đại tá Hoàng Văn Nam nhấn mạnh lực lượng cần xử lý nghiêm vi phạm.

Các tổ công tác sẽ tuần tra liên tục trong dịp lễ hội. Người dân được hướng dẫn cụ thể.

Bài, ảnh: Minh Châu

Nguồn: Báo Biên Phòng
"""


def test_dateline_without_evidence_keeps_no_year() -> None:
    structure = parse(NO_YEAR)
    assert structure.dateline is not None
    assert structure.dateline.date == PartialDate(None, 2, 3)
    assert structure.dateline.place == "thành phố Kon Tum"


def test_short_body_lines_without_photo_action_stay_paragraphs() -> None:
    paragraphs = blocks_of(parse(NO_YEAR), BlockKind.PARAGRAPH)
    assert any(p.startswith("Đại tá Hoàng Văn Nam, Phó Giám đốc") for p in paragraphs)
    assert any(p.startswith("Phát biểu tại buổi lễ") for p in paragraphs)
    assert parse(NO_YEAR).captions == ()


def test_byline_prefix_is_dropped_from_author_and_source_without_url() -> None:
    structure = parse(NO_YEAR)
    assert structure.author == "Minh Châu"
    assert structure.source_name == "Báo Biên Phòng"


def test_title_is_first_short_line_without_final_period() -> None:
    assert parse(NO_YEAR).title == "Công an tỉnh Kon Tum ra quân bảo đảm an toàn giao thông"


def test_no_title_when_the_file_starts_with_the_lead() -> None:
    text = (
        "Ngày 5/6, tại Cần Thơ, Công an thành phố tổng kết đợt cao điểm tấn công tội phạm.\n\n"
        "Trong đợt cao điểm, lực lượng đã triệt phá nhiều đường dây ma túy.\n"
    )
    structure = parse(text)
    assert structure.title == ""
    assert blocks_of(structure, BlockKind.LEAD)[0].startswith("Ngày 5/6")


def test_a_dateline_line_without_period_is_a_lead_not_a_title() -> None:
    text = "Tối 3/2, tại Đà Nẵng, đoàn công tác đến thăm đơn vị\n\nBuổi làm việc diễn ra ấm cúng.\n"
    structure = parse(text)
    assert structure.title == ""
    assert structure.dateline is not None
    assert structure.dateline.place == "Đà Nẵng"


def test_a_short_last_sentence_is_not_a_byline() -> None:
    text = "Ngày 5/6, đoàn công tác làm việc tại xã.\n\nBuổi làm việc kết thúc lúc 17 giờ.\n"
    assert parse(text).author == ""


def test_team_byline_and_source_url() -> None:
    text = (
        "Ngày 5/6, đoàn công tác làm việc tại xã.\n\nNhóm PV\n\n"
        "Nguồn Pháp Luật: https://example.vn/bai-viet-1.html\n"
    )
    structure = parse(text)
    assert structure.author == "Nhóm PV"
    assert structure.source_name == "Pháp Luật"
    assert structure.source_url == "https://example.vn/bai-viet-1.html"


def test_photo_action_line_is_a_caption_even_when_not_repeated() -> None:
    text = (
        "Ngày 7/7, Học viện tổ chức lễ tốt nghiệp cho học viên khóa mới của nhà trường.\n\n"
        "Thiếu tướng Phạm Quốc Bảo trao bằng tốt nghiệp cho các học viên.\n\n"
        "Quang cảnh buổi lễ\n\n"
        "Buổi lễ diễn ra trang trọng, ấm cúng với sự tham dự của đông đảo gia đình học viên.\n"
    )
    structure = parse(text)
    assert structure.captions == (
        "Thiếu tướng Phạm Quốc Bảo trao bằng tốt nghiệp cho các học viên.",
        "Quang cảnh buổi lễ",
    )


def test_sentences_do_not_split_at_titles_numbers_urls_or_symbols() -> None:
    text = (
        "Ngày 5/6, PGS. TS. Nguyễn Văn Bình, TS. Lê Thu Hà và Th.S Trần An dự hội thảo tại "
        "TP. Hồ Chí Minh. Nghị quyết 59-NQ/TW có hiệu lực từ ngày 1.7. "
        "Chi tiết tại https://example.vn/a.b. Vì sao? Bởi vì… nhiều lẽ.\n"
    )
    sentences = [s.text for s in parse(text).sentences]
    assert sentences == [
        "Ngày 5/6, PGS. TS. Nguyễn Văn Bình, TS. Lê Thu Hà và Th.S Trần An dự hội thảo tại "
        "TP. Hồ Chí Minh.",
        "Nghị quyết 59-NQ/TW có hiệu lực từ ngày 1.7.",
        "Chi tiết tại https://example.vn/a.b.",
        "Vì sao?",
        "Bởi vì… nhiều lẽ.",
    ]


def test_sentence_offsets_point_into_the_text() -> None:
    structure = parse(NO_YEAR)
    assert all(structure.text[s.start : s.end] == s.text for s in structure.sentences)


def test_sentence_at_finds_the_sentence_of_an_offset() -> None:
    structure = parse(NO_YEAR)
    offset = structure.text.index("Người dân được")
    found = sentence_at(structure, offset)
    assert found is not None and found.text == "Người dân được hướng dẫn cụ thể."


def test_sentence_at_outside_sentences_is_none() -> None:
    structure = parse(NO_YEAR)
    assert sentence_at(structure, structure.text.index("Nguồn:")) is None
    assert sentence_at(structure, -1) is None


@pytest.mark.parametrize(
    "line",
    [
        "Hotline: 0123 456 789",
        "Email: toasoan@example.vn",
        "Thời sự",
        "Vì nước quên thân, vì dân phục vụ",
        "© Bản quyền thuộc về tòa soạn",
        "Thứ Sáu, 16/01/2026 17:58 (GMT+7)",
        "Giọng nữ miền Bắc",
    ],
)
def test_furniture_line_kinds(line: str) -> None:
    text = f"Ngày 5/6, đoàn công tác làm việc tại xã.\n\n{line}\n\nĐoàn công tác trở về.\n"
    assert line in blocks_of(parse(text), BlockKind.FURNITURE)


def _seed(name: str) -> ArticleStructure:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse(path.read_text(encoding="utf-8"))


def test_seed_000_structure() -> None:
    structure = _seed("000")
    assert structure.title == (
        "Chương trình hành động của Đảng ủy Công an Trung ương thực hiện Nghị quyết 59-NQ/TW"
    )
    assert structure.author == "Đức Sơn"
    assert structure.source_name == "Công Lý"
    assert structure.source_url.startswith("https://congly.vn/chuong-trinh-hanh-dong")
    assert structure.dateline is not None
    assert structure.dateline.date == PartialDate(None, 11, 11)
    assert structure.dateline.place == "Hà Nội"
    assert len(structure.captions) == 4
    assert len(set(structure.captions)) == 4
    assert structure.captions[0] == "Toàn cảnh Hội nghị."
    assert len(blocks_of(structure, BlockKind.CAPTION_REPEAT)) == 4


def test_seed_004_structure() -> None:
    structure = _seed("004")
    assert structure.title == ""
    assert structure.author == "Khổng Hà"
    assert structure.source_name == "" and structure.source_url == ""
    assert blocks_of(structure, BlockKind.LEAD)[0].startswith("Báo cáo chính trị")
    assert [c for c in structure.captions if c.startswith("Thứ trưởng Lê Tấn Tới")] == list(
        structure.captions
    )
    assert len(structure.captions) == 2


def test_dateline_date_in_parentheses_after_sang_nay() -> None:
    structure = parse("Sáng nay (16/1), tại Hà Nội, hội nghị khai mạc.\n\nĐoạn sau.\n")
    assert structure.dateline is not None
    assert structure.dateline.date == PartialDate(None, 1, 16)
    assert structure.dateline.place == "Hà Nội"


# ----------------------------------------------------------------- page furniture, bylines, datelines

CAPS_PLACE = """Kiểm tra an toàn cháy nổ tại chợ đầu mối

Chủ nhật, 9/3/2025 07:10 (GMT+7)

Cỡ chữ A- A+

ĐÀ NẴNG - Ngày 8/3, đoàn kiểm tra của Công an thành phố đã kiểm tra 40 ki-ốt tại chợ Hòa Cường.

Xem thêm: Công an Đà Nẵng tập huấn kỹ năng thoát nạn cho tiểu thương

Đoàn kiểm tra gồm cán bộ Phòng Cảnh sát phòng cháy và đại diện Ban Quản lý chợ. Nhiều ki-ốt để hàng hóa lấn lối đi, đoàn đã nhắc nhở các hộ kinh doanh.

Theo Người Lao Động

Chia sẻ Facebook Zalo

Bình luận (3)
"""


def test_caps_place_before_the_date_is_the_dateline_place() -> None:
    s = parse(CAPS_PLACE)
    assert s.dateline is not None and s.dateline.date is not None
    assert (s.dateline.date.day, s.dateline.date.month, s.dateline.place) == (8, 3, "Đà Nẵng")


def test_see_more_links_and_sharing_rows_are_furniture() -> None:
    s = parse(CAPS_PLACE)
    furniture = blocks_of(s, BlockKind.FURNITURE)
    assert any(line.startswith("Xem thêm:") for line in furniture)
    assert "Chia sẻ Facebook Zalo" in furniture and "Bình luận (3)" in furniture
    # With the tool rows out of the way, "Theo X" is the last line: the source.
    assert s.source_name == "Người Lao Động"


def test_dateline_after_during_two_days() -> None:
    s = parse(
        "Hội nghị tập huấn\n\nTrong hai ngày 21-22/4, tại Huế, Cục Đào tạo tổ chức lớp tập huấn.\n\nNội dung bài."
    )
    assert s.dateline is not None and s.dateline.date is not None
    assert (s.dateline.date.day, s.dateline.date.month, s.dateline.place) == (21, 4, "Huế")


@pytest.mark.parametrize(
    ("last_line", "author"),
    [("MINH KHUÊ", "MINH KHUÊ"), ("Lan Chi (thực hiện)", "Lan Chi"), ("HẾT", "")],
)
def test_bylines_in_capitals_and_with_the_authors_role(last_line: str, author: str) -> None:
    s = parse(
        f"Tiêu đề bài\n\nSáng 2/3, tại Huế, hội nghị diễn ra.\n\nNội dung, chi tiết.\n\n{last_line}"
    )
    assert s.author == author


# ----------------------------------------------------------------- captions

CAPTIONED = """Khánh thành trụ sở Công an xã

Sáng 4/5, tại xã Tân Lộc, Công an tỉnh tổ chức lễ khánh thành trụ sở mới. Trụ sở có tổng vốn đầu tư 12 tỷ đồng, do ngân sách tỉnh bảo đảm.

trusocax-02.jpg

Các đại biểu cắt băng khánh thành trụ sở. Ảnh: Quốc Bảo

Trụ sở gồm nhà làm việc ba tầng, khu tiếp công dân và nhà công vụ. Theo kế hoạch, Công an xã sẽ bố trí thêm phòng trực ban, phòng truyền thống.

Ông Vũ Đình Lạc (thứ hai từ trái) và các đại biểu trồng cây lưu niệm.

Kết thúc buổi lễ, lãnh đạo tỉnh đã trao quà cho các gia đình chính sách.

Cán bộ Công an xã hướng dẫn người dân làm thủ tục tại trụ sở mới.

Dự kiến, trụ sở sẽ đón công dân từ tuần sau.

Quốc Bảo
"""


def test_captions_by_credit_position_marker_and_short_plain_line() -> None:
    s = parse(CAPTIONED)
    assert list(s.captions) == [
        "Các đại biểu cắt băng khánh thành trụ sở. Ảnh: Quốc Bảo",
        "Ông Vũ Đình Lạc (thứ hai từ trái) và các đại biểu trồng cây lưu niệm.",
        "Cán bộ Công an xã hướng dẫn người dân làm thủ tục tại trụ sở mới.",
    ]
    paragraphs = blocks_of(s, BlockKind.PARAGRAPH)
    # Narration ("đã trao") and an adverbial opener ("Dự kiến, ...") are prose.
    assert "Kết thúc buổi lễ, lãnh đạo tỉnh đã trao quà cho các gia đình chính sách." in paragraphs
    assert "Dự kiến, trụ sở sẽ đón công dân từ tuần sau." in paragraphs


def test_line_after_an_image_file_is_its_caption() -> None:
    text = "Tiêu đề bài\n\nSáng 2/3, tại Huế, hội nghị diễn ra.\n\nanh-01.jpg\n\nNhững chiếc xe tang vật xếp hàng ngay ngắn trong sân, chờ cơ quan chức năng xử lý\n\nNội dung, chi tiết.\n\nT.H"
    assert parse(text).captions == (
        "Những chiếc xe tang vật xếp hàng ngay ngắn trong sân, chờ cơ quan chức năng xử lý",
    )


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Hai đối tượng là Giàng A. Sau đó cả hai bị bắt.", "Hai đối tượng là Giàng A."),
        ("Ông J. Smith cho biết như vậy. Sau đó ông về.", "Ông J. Smith cho biết như vậy."),
        ("Đoàn đến từ TP.HCM. Sau đó đoàn về Huế.", "Đoàn đến từ TP.HCM."),
    ],
)
def test_sentence_ends_after_a_one_letter_given_name_not_after_an_initial(
    text: str, first: str
) -> None:
    s = parse(f"Tiêu đề\n\n{text}")
    assert [x.text for x in s.sentences][1] == first
