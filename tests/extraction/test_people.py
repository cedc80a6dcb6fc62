# ruff: noqa: E501  (article sentences are long by nature)
"""People found from the words that introduce them; one entity per person, one mention per use.

All people, ranks and posts below are invented; nothing comes from a list of names.
"""

from __future__ import annotations

from archive.extraction.normalize import matching_key
from archive.extraction.organisations import extract_organisations
from archive.extraction.people import extract_people
from archive.extraction.pipeline import extract
from archive.extraction.types import MentionKind
from tests.extraction.helpers import people_in, structure_of

ARTICLE = """Hội nghị tổng kết công tác bảo vệ biên giới

Ngày 9/12, tại Hà Nội, Bộ Biên cương tổ chức Hội nghị tổng kết năm. Trung tướng Phùng Đức Mạnh, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Bộ Biên cương, Bộ trưởng Bộ Biên cương chủ trì Hội nghị.

Tham dự có đồng chí Trịnh Thu Hà, Thứ trưởng Bộ Thủy lợi; Thiếu tướng, PGS. TS. Đoàn Minh Khôi, Cục trưởng Cục Kỹ thuật Biên phòng.

Phát biểu tại Hội nghị, Bộ trưởng Phùng Đức Mạnh yêu cầu các đơn vị nâng cao cảnh giác. Bộ trưởng khẳng định vai trò của lực lượng.

Thứ trưởng Bộ Thủy lợi Trịnh Thu Hà phát biểu tại Hội nghị.

Thứ trưởng Bộ Thủy lợi Trịnh Thu Hà phát biểu tại Hội nghị.

Cuối buổi, Phùng Đức Mạnh trao tặng bằng khen cho các tập thể. Các đồng chí lãnh đạo đã chụp ảnh lưu niệm.

Trần Bình
"""


def _people() -> dict[str, object]:
    return dict(people_in(ARTICLE))


def test_rank_and_apposition_give_rank_and_every_post() -> None:
    person = people_in(ARTICLE)["Phùng Đức Mạnh"]
    assert person.rank == "Trung tướng"
    assert [p.title for p in person.positions] == [
        "Ủy viên Trung ương Đảng",
        "Bí thư Đảng ủy Bộ Biên cương",
        "Bộ trưởng Bộ Biên cương",
    ]
    minister = person.positions[2]
    assert minister.role == "Bộ trưởng"
    assert minister.organisation_key == matching_key("Bộ Biên cương")


def test_comrade_introduces_a_person_and_semicolon_ends_the_apposition() -> None:
    person = people_in(ARTICLE)["Trịnh Thu Hà"]
    assert person.rank == ""
    assert [p.title for p in person.positions] == ["Thứ trưởng Bộ Thủy lợi"]


def test_academic_titles_after_a_rank_are_kept_apart_from_the_name() -> None:
    person = people_in(ARTICLE)["Đoàn Minh Khôi"]
    assert person.rank == "Thiếu tướng"
    assert person.academic_titles == ("PGS. TS.",)
    assert person.positions[0].title == "Cục trưởng Cục Kỹ thuật Biên phòng"


def test_short_forms_and_bare_full_name_are_one_person_with_one_mention_each() -> None:
    structure = structure_of(ARTICLE)
    orgs, _ = extract_organisations(structure)
    people, mentions = extract_people(structure, orgs)
    assert [p.name for p in people].count("Phùng Đức Mạnh") == 1
    key = matching_key("Phùng Đức Mạnh")
    surfaces = [m.surface for m in mentions if m.entity_key == key]
    # full introduction, "Bộ trưởng Phùng Đức Mạnh", bare "Bộ trưởng", bare full name
    assert surfaces == ["Phùng Đức Mạnh", "Phùng Đức Mạnh", "Bộ trưởng", "Phùng Đức Mạnh"]
    for m in mentions:
        assert structure.text[m.start : m.end] == m.surface


def test_repeated_caption_counts_once() -> None:
    structure = structure_of(ARTICLE)
    orgs, _ = extract_organisations(structure)
    _, mentions = extract_people(structure, orgs)
    key = matching_key("Trịnh Thu Hà")
    assert len([m for m in mentions if m.entity_key == key]) == 2


def test_byline_places_and_generic_comrades_are_not_people() -> None:
    names = set(people_in(ARTICLE))
    assert names == {"Phùng Đức Mạnh", "Trịnh Thu Hà", "Đoàn Minh Khôi"}


def test_post_before_the_name_is_a_position() -> None:
    people = people_in(
        "Tiếp xã giao\n\nChiều 4/4, Phó Giám đốc Học viện Hải quân Lý Thanh Tùng tiếp đoàn khách.\n"
    )
    person = people["Lý Thanh Tùng"]
    assert person.positions[0].title == "Phó Giám đốc Học viện Hải quân"
    assert person.positions[0].role == "Phó Giám đốc"


def test_foreign_post_introduces_a_foreign_person_with_a_latin_name() -> None:
    people = people_in(
        "Hội đàm\n\nSáng 4/4, Bộ trưởng Bộ Nội vụ Cộng hòa Séc Tomas Novak đã hội đàm với đoàn Việt Nam.\n"
    )
    person = people["Tomas Novak"]
    assert person.foreign
    assert person.positions[0].title == "Bộ trưởng Bộ Nội vụ Cộng hòa Séc"


def test_ambassador_of_a_country_with_a_sino_vietnamese_name() -> None:
    people = people_in(
        "Tiếp Đại sứ\n\nChiều 4/4, Thứ trưởng Lê Văn Tâm tiếp Đại sứ Trung Quốc tại Việt Nam Triệu Lập Quân.\n"
    )
    ambassador = people["Triệu Lập Quân"]
    assert ambassador.foreign
    assert ambassador.positions[0].title == "Đại sứ Trung Quốc tại Việt Nam"
    assert not people["Lê Văn Tâm"].foreign


def test_name_after_post_and_country_even_without_a_known_family_name() -> None:
    people = people_in("Điện mừng\n\nNgày 4/4, Tổng thống Hàn Quốc Kang Min-ho gửi điện mừng.\n")
    assert "Kang Min-ho" in people


def test_place_after_a_post_is_not_a_person() -> None:
    people = people_in(
        "Tin ngắn\n\nNgày 4/4, Giám đốc Công an tỉnh Quảng Ninh đã chỉ đạo lực lượng.\n"
    )
    assert people == {}


def test_plural_comrades_list_gives_each_person_and_their_shared_post() -> None:
    people = people_in(
        "Bầu cử\n\nHội nghị đã bầu các đồng chí Lò Văn Sáng, Tạ Thị Mơ giữ chức Phó Bí thư Đảng ủy. Đoàn gồm các đồng chí: Lò Văn Sáng, Giàng A Páo và Tạ Thị Mơ.\n"
    )
    assert set(people) == {"Lò Văn Sáng", "Tạ Thị Mơ", "Giàng A Páo"}
    assert [p.title for p in people["Tạ Thị Mơ"].positions] == ["Phó Bí thư Đảng ủy"]


def test_suspect_with_a_birth_year_is_a_person_without_any_post() -> None:
    people = people_in(
        "Bắt giữ\n\nNgày 2/3, Công an tỉnh Quảng Trị bắt giữ Đinh Văn Hạ (SN 1990, trú tại xã Tân Lập).\n"
    )
    assert "Đinh Văn Hạ" in people
    assert people["Đinh Văn Hạ"].positions == ()


def test_person_noun_introduces_a_foreign_student() -> None:
    people = people_in(
        "Bế giảng\n\nThay mặt học viên, học viên Bounmy Phetsamone phát biểu cảm tưởng.\n"
    )
    assert "Bounmy Phetsamone" in people


def test_parent_body_after_a_comma_is_part_of_the_post() -> None:
    people = people_in(
        "Làm việc\n\nNgày 2/3, ông Lê Văn Tú, Vụ trưởng Vụ Hợp tác, Bộ Thủy lợi đã trình bày báo cáo.\n"
    )
    assert [p.title for p in people["Lê Văn Tú"].positions] == ["Vụ trưởng Vụ Hợp tác, Bộ Thủy lợi"]


def test_post_after_a_preposition_belongs_to_someone_else() -> None:
    people = people_in(
        "Thăm\n\nNgày 2/3, Bộ trưởng Trần Quốc Vĩnh đến thăm Đại sứ quán. Báo cáo với Bộ trưởng, Đại sứ Lê Minh Hòa cho biết tình hình.\n"
    )
    assert [p.title for p in people["Lê Minh Hòa"].positions] == ["Đại sứ"]


def test_short_form_of_a_foreign_name_is_the_same_person() -> None:
    structure = structure_of(
        "Hội đàm\n\nNgày 2/3, Bộ trưởng Bộ Nội vụ Cộng hòa Séc Tomas Novak hội đàm với đoàn. Bộ trưởng Novak cảm ơn sự đón tiếp.\n"
    )
    orgs, _ = extract_organisations(structure)
    people, mentions = extract_people(structure, orgs)
    assert [p.name for p in people] == ["Tomas Novak"]
    assert [m.surface for m in mentions] == ["Tomas Novak", "Novak"]


def test_president_named_like_a_city_is_a_person_after_a_post_only() -> None:
    people = people_in(
        "Ôn lại truyền thống\n\nNăm 1948, Chủ tịch Hồ Chí Minh gửi thư. Học viện Chính trị quốc gia Hồ Chí Minh tổ chức hội thảo.\n"
    )
    assert list(people) == ["Hồ Chí Minh"]


# ----------------------------------------------------------------- names without a known family name, short references

SHORT_REFS = """Sáng 3/6, tại xã Phú Lâm, Công an xã tổ chức gặp mặt người dân bắt cướp.

Hai đối tượng bị bắt là Sùng A Dính (sinh năm 1995) và Mùa Văn Chớ (22 tuổi). Đại biểu Cứ Thị Dợ (Đoàn đại biểu Quốc hội tỉnh Sơn La) tới dự.

Ông Hoàng Văn Tỉnh, Phó Bí thư Thành ủy Cần Thơ gửi thư khen. Bà Lục Thị Mến (48 tuổi) kể lại vụ việc; bà Mến cho biết ông Tỉnh đã hỗ trợ gia đình. Đối tượng Dính khai nhận hành vi.
"""


def test_a_birth_year_or_age_marks_a_person_whatever_the_family_name() -> None:
    people = people_in(SHORT_REFS)
    assert {"Sùng A Dính", "Mùa Văn Chớ"} <= set(people)


def test_a_full_name_after_a_noun_for_a_person_needs_no_listed_family_name() -> None:
    assert "Cứ Thị Dợ" in people_in(SHORT_REFS)


def test_place_after_a_party_committee_in_a_post_is_not_a_person() -> None:
    people = people_in(SHORT_REFS)
    assert "Cần Thơ" not in people
    assert [p.title for p in people["Hoàng Văn Tỉnh"].positions] == ["Phó Bí thư Thành ủy Cần Thơ"]


def test_given_name_after_an_honorific_refers_to_the_person_introduced() -> None:
    parsed = extract(SHORT_REFS)
    surfaces = {(m.surface, m.entity_key) for m in parsed.mentions if m.kind is MentionKind.PERSON}
    assert ("Mến", matching_key("Lục Thị Mến")) in surfaces
    assert ("Tỉnh", matching_key("Hoàng Văn Tỉnh")) in surfaces
    assert ("Dính", matching_key("Sùng A Dính")) in surfaces
    # No person is made of a given name alone.
    assert not {"Mến", "Tỉnh", "Dính"} & {p.name for p in parsed.people}


def test_given_name_shared_by_two_people_is_left_alone() -> None:
    text = "Ông Phạm Văn Hòa và ông Trịnh Quốc Hòa dự lễ. Ông Hòa phát biểu."
    parsed = extract(text)
    short = [m for m in parsed.mentions if m.surface == "Hòa"]
    assert short == []


def test_a_list_of_suspects_names_each_one_whatever_the_cue() -> None:
    found = people_in(
        "Lực lượng chức năng bắt quả tang các đối tượng Giàng A Tủa (SN 1991), "
        "Thào Thị Dua (sinh năm 1994, trú tại bản Na Ka) và Sùng Seo Mềnh đang giao nhận hàng. "
        "Mở rộng điều tra, Ban chuyên án bắt tiếp Lò Văn Pọm; Cầm Thị Ún và Quàng Văn Đôi."
    )
    assert {
        "Giàng A Tủa",
        "Thào Thị Dua",
        "Sùng Seo Mềnh",
        "Lò Văn Pọm",
        "Cầm Thị Ún",
        "Quàng Văn Đôi",
    } <= set(found)
    assert "Na Ka" not in found


def test_defendants_after_a_person_with_a_post_are_people_too() -> None:
    found = people_in(
        "Cùng bị truy tố có các bị can Hứa Thị Lanh, Phó Tổng giám đốc công ty; "
        "Đàm Văn Quý, nguyên Giám đốc Bệnh viện Đa khoa tỉnh Bắc Hà; Kha Minh Tiến và Y Kriêng Mlô."
    )
    assert {"Hứa Thị Lanh", "Đàm Văn Quý", "Kha Minh Tiến", "Y Kriêng Mlô"} <= set(found)


def test_a_post_then_a_deputy_post_the_lexicon_lacks_is_no_second_person() -> None:
    found = people_in("Đoàn do ông Hiroshi Kato, Phó Tổng Cảnh sát trưởng làm trưởng đoàn.")
    assert set(found) == {"Hiroshi Kato"}


def test_the_province_after_a_party_committee_post_is_no_person() -> None:
    found = people_in(
        "Đồng chí Mạc Quang Trung được bầu giữ chức Bí thư Tỉnh ủy Lam Sơn Thượng. "
        "Tỉnh ủy Lam Sơn Thượng sẽ ban hành chương trình hành động."
    )
    assert "Lam Sơn Thượng" not in found
    assert "Mạc Quang Trung" in found


def test_foreign_honorifics_introduce_a_name_and_are_not_part_of_it() -> None:
    found = people_in(
        "Samdech Kralahom Chhay Sovanny, Phó Thủ tướng Campuchia, hội đàm với đoàn. "
        "Cùng dự có Lok Chumteav Pich Rathana và Datuk Seri Hamid Rosli."
    )
    assert {"Chhay Sovanny", "Pich Rathana", "Hamid Rosli"} <= set(found)
    assert not any(name.startswith(("Samdech", "Lok", "Datuk")) for name in found)


def test_a_former_post_says_so() -> None:
    found = people_in("Dự lễ có ông Võ Trọng Nhân, nguyên Bộ trưởng Bộ Nội vụ.")
    [post] = found["Võ Trọng Nhân"].positions
    assert post.former


def test_a_foreign_post_a_comma_then_the_name() -> None:
    people = people_in(
        "Tiêu đề\n\nĐoàn do Phó Thủ tướng Lào, Bounmy Keomany dẫn đầu; Bộ trưởng Bộ Nội vụ Lào, Ngài Vilay Sone cùng dự.\n"
    )
    assert set(people) == {"Bounmy Keomany", "Vilay Sone"}


def test_a_case_named_after_its_defendant_and_a_post_with_its_place() -> None:
    people = people_in(
        "Tiêu đề\n\nTừ vụ án Đinh Văn Tuấn và vụ Vạn Thịnh Phát, Chủ tịch Đà Nẵng Nguyễn Văn Thạc đề nghị rút kinh nghiệm.\n"
    )
    assert set(people) == {"Đinh Văn Tuấn", "Nguyễn Văn Thạc"}


def test_a_rank_after_nguyen_is_a_former_rank() -> None:
    text = (
        "Khởi tố cán bộ\n\n"
        "Ngày 2/9/2025, Cơ quan điều tra khởi tố nguyên Trung tá Hà Văn Lộc, nguyên Phó Trưởng "
        "phòng Cảnh sát kinh tế. Thiếu tá Vi Thị Mến, cán bộ điều tra, đọc quyết định.\n\n"
        "Minh Anh\n"
    )
    people = people_in(text)
    assert (people["Hà Văn Lộc"].rank, people["Hà Văn Lộc"].rank_former) == ("Trung tá", True)
    assert (people["Vi Thị Mến"].rank, people["Vi Thị Mến"].rank_former) == ("Thiếu tá", False)


def test_a_reader_or_a_witness_introduces_a_name() -> None:
    text = (
        "Tiêu đề\n\nBạn đọc Hứa Văn Lộc ở tỉnh Cao Lạng hỏi. Nhân chứng Giáp Thị Mơ khai tại "
        "tòa.\n\nMinh Anh\n"
    )
    assert {"Hứa Văn Lộc", "Giáp Thị Mơ"} <= set(people_in(text))


def test_defendants_named_with_a_lower_case_post_or_as_a_ring_s_leader() -> None:
    text = (
        "Tiêu đề\n\nCông an khởi tố Ninh Đức Trọng, Giám đốc công ty. Đường dây do Vàng A Dế cầm "
        "đầu. Các bị cáo Phùng Thị Ngát và Đinh Công Sáng, Trưởng phòng kinh doanh, thừa nhận. "
        "Theo Phó Chủ tịch UBND tỉnh Rơ Châm Thuận, các địa phương phải di dời dân.\n\nMinh Anh\n"
    )
    people = people_in(text)
    assert {
        "Ninh Đức Trọng",
        "Vàng A Dế",
        "Phùng Thị Ngát",
        "Đinh Công Sáng",
        "Rơ Châm Thuận",
    } <= set(people)
    assert [p.title for p in people["Ninh Đức Trọng"].positions] == ["Giám đốc công ty"]
    assert [p.title for p in people["Đinh Công Sáng"].positions] == ["Trưởng phòng kinh doanh"]


def test_a_plural_mr_lists_foreign_names_and_a_nickname_marks_a_ring_s_leader() -> None:
    text = (
        "Tiêu đề\n\nĐoàn còn có các ông Choi Dong Hyun; Yoon Sang Mi và bà Han Eun Ji. Tùy viên "
        'Cảnh sát Sato Kenta cùng dự. Đường dây do Lưu Văn Mạnh (biệt danh "Mạnh đen", sinh năm '
        "1987) cầm đầu.\n\nMinh Anh\n"
    )
    assert {"Choi Dong Hyun", "Yoon Sang Mi", "Han Eun Ji", "Sato Kenta", "Lưu Văn Mạnh"} <= set(
        people_in(text)
    )


def test_a_rank_in_apposition_is_the_person_s_and_may_be_former() -> None:
    text = (
        "Tiêu đề\n\nNgày 2/3/2025, bị can Đỗ Văn Hùng, nguyên Thiếu tá, bị bắt. Ông Lê Văn Tám, "
        "Đại tá Nguyễn Văn Bình và ông Lý Văn Sáu dự.\n\nMinh Anh\n"
    )
    people = people_in(text)
    assert (people["Đỗ Văn Hùng"].rank, people["Đỗ Văn Hùng"].rank_former) == ("Thiếu tá", True)
    assert people["Lê Văn Tám"].rank == ""  # ", Đại tá X": the next person's rank
    assert people["Nguyễn Văn Bình"].rank == "Đại tá"


def test_a_dash_opens_the_apposition() -> None:
    text = (
        "Tiêu đề\n\nÔng Nguyễn Văn An - Giám đốc Sở Y tế tỉnh Hòa Mộc cho biết. Trung tướng Lê "
        "Văn Tuyến – Thứ trưởng Bộ Công an phát biểu.\n\nMinh Anh\n"
    )
    people = people_in(text)
    assert [p.title for p in people["Nguyễn Văn An"].positions] == ["Giám đốc Sở Y tế tỉnh Hòa Mộc"]
    assert [p.title for p in people["Lê Văn Tuyến"].positions] == ["Thứ trưởng Bộ Công an"]


def test_a_rank_in_apposition_alone_makes_a_bare_name_a_person() -> None:
    text = "Tiêu đề\n\nCông an huyện Mường Khoa đã bắt Đào Quang Vịnh, nguyên Trung tá, để điều tra.\n\nMinh Anh\n"
    people = people_in(text)
    assert (people["Đào Quang Vịnh"].rank, people["Đào Quang Vịnh"].rank_former) == (
        "Trung tá",
        True,
    )


def test_one_person_after_cung_ong_keeps_the_post_that_follows_the_comma() -> None:
    text = "Tiêu đề\n\nSáng 3/4, đoàn công tác làm việc cùng ông Khổng Văn Đạt, Giám đốc Sở Y tế tỉnh Hà Lam.\n\nMinh Anh\n"
    people = people_in(text)
    assert [p.title for p in people["Khổng Văn Đạt"].positions] == ["Giám đốc Sở Y tế tỉnh Hà Lam"]
