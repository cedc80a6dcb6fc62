# ruff: noqa: E501  (article sentences are long by nature)
"""Organisation names found by their grammar: head noun, name words, nesting, abbreviations.

All names below are invented or generic; none comes from a list in the code.
"""

from __future__ import annotations

from archive.extraction.normalize import matching_key
from archive.extraction.organisations import extract_organisations
from tests.extraction.helpers import organisations_in, people_in, structure_of

ARTICLE = """Cục Hợp tác Biển Đông tổng kết công tác năm

Sáng 3/2, tại Đà Nẵng, Cục Hợp tác Biển Đông tổ chức Hội nghị tổng kết. Dự hội nghị có đại diện Bộ Tài nguyên biển, Ủy ban Kinh tế, Xã hội và Môi trường của Quốc hội cùng Công an tỉnh Quảng Trị.

Đảng ủy Cục Hợp tác Biển Đông đã lãnh đạo thực hiện tốt nhiệm vụ. Đảng uỷ Cục Hợp tác Biển Đông cũng phối hợp với Công an các tỉnh, thành phố và các bộ, ngành liên quan.

Cục Hợp tác Biển Đông phối hợp chặt chẽ với Tổ chức Cảnh sát Đại dương (OPOL) và Ban Chỉ đạo về Kinh tế biển của Chính phủ. Lực lượng OPOL đã hỗ trợ nhiều vụ việc.
"""


def test_head_noun_and_capitalised_name_make_an_organisation() -> None:
    orgs = organisations_in(ARTICLE)
    assert "Cục Hợp tác Biển Đông" in orgs
    assert orgs["Cục Hợp tác Biển Đông"].kind == "department"


def test_name_stops_before_a_verb() -> None:
    names = set(organisations_in(ARTICLE))
    assert not any(name.endswith("tổ chức") or name.endswith("phối hợp") for name in names)
    # The names those verbs follow, ended where the verb begins.
    assert {"Cục Hợp tác Biển Đông", "Đảng ủy Cục Hợp tác Biển Đông"} <= names


def test_commas_and_of_parliament_belong_to_a_committee_name() -> None:
    orgs = organisations_in(ARTICLE)
    assert "Ủy ban Kinh tế, Xã hội và Môi trường của Quốc hội" in orgs
    assert "Quốc hội" in orgs


def test_police_of_a_province_is_an_organisation_but_police_of_all_provinces_is_not() -> None:
    orgs = organisations_in(ARTICLE)
    assert "Công an tỉnh Quảng Trị" in orgs
    assert not any("các tỉnh" in name for name in orgs)
    assert not any("bộ, ngành" in name for name in orgs)


def test_party_committee_over_a_department_is_nested_and_one_entity_across_tone_styles() -> None:
    orgs = organisations_in(ARTICLE)
    committee = orgs["Đảng ủy Cục Hợp tác Biển Đông"]
    assert committee.kind == "party_committee"
    assert committee.parent_key == matching_key("Cục Hợp tác Biển Đông")
    assert committee.aliases == ("Đảng uỷ Cục Hợp tác Biển Đông",)
    assert "Đảng uỷ Cục Hợp tác Biển Đông" not in orgs


def test_abbreviation_in_parentheses_is_recorded_and_its_bare_use_is_a_mention() -> None:
    structure = structure_of(ARTICLE)
    entities, mentions = extract_organisations(structure)
    police = next(e for e in entities if e.name == "Tổ chức Cảnh sát Đại dương")
    assert police.abbreviations == ("OPOL",)
    bare = [m for m in mentions if m.entity_key == police.key and m.surface == "OPOL"]
    assert len(bare) == 1
    assert "Lực lượng OPOL" in bare[0].sentence


def test_steering_committee_of_the_government_keeps_its_owner() -> None:
    orgs = organisations_in(ARTICLE)
    board = orgs["Ban Chỉ đạo về Kinh tế biển của Chính phủ"]
    assert board.kind == "steering_committee"
    assert board.parent_key == matching_key("Chính phủ")
    assert "Chính phủ" in orgs


def test_every_mention_surface_is_the_text_at_its_offsets() -> None:
    structure = structure_of(ARTICLE)
    _, mentions = extract_organisations(structure)
    assert mentions
    for m in mentions:
        assert structure.text[m.start : m.end] == m.surface


def test_places_and_generic_phrases_alone_are_not_organisations() -> None:
    orgs = organisations_in(
        "Hội nghị trực tuyến\n\nChiều 5/6, tại Hà Nội, đại biểu Nhà nước, Đảng và Việt Nam dự hội nghị. Đảng ủy đã chỉ đạo sát sao.\n"
    )
    assert orgs == {}


def test_post_before_a_name_does_not_swallow_the_name() -> None:
    orgs = organisations_in(
        "Tiếp đoàn\n\nNgày 2/3, Bộ trưởng Bộ Thủy lợi Đinh Quang Vỹ tiếp đoàn công tác.\n"
    )
    assert "Bộ Thủy lợi" in orgs


def test_foreign_ministry_keeps_its_country_but_not_the_minister() -> None:
    orgs = organisations_in(
        "Hội đàm\n\nNgày 2/3, Bộ trưởng Bộ An ninh Liên bang Nga Boris Ivanovsky hội đàm với đoàn.\n"
    )
    assert "Bộ An ninh Liên bang Nga" in orgs


def test_embassy_name_runs_on_with_its_host_country() -> None:
    orgs = organisations_in(
        "Tiếp khách\n\nNgày 2/3, đại diện Đại sứ quán Nhật Bản tại Việt Nam đã đến thăm đơn vị.\n"
    )
    assert orgs["Đại sứ quán Nhật Bản tại Việt Nam"].kind == "embassy"


def test_unit_followed_by_its_ministry_names_both() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Vụ Pháp chế Bộ Giao thông vận tải đã tổ chức tập huấn.\n"
    )
    assert "Vụ Pháp chế Bộ Giao thông vận tải" in orgs
    assert "Bộ Giao thông vận tải" in orgs
    assert orgs["Vụ Pháp chế Bộ Giao thông vận tải"].parent_key == matching_key(
        "Bộ Giao thông vận tải"
    )


def test_lower_case_lists_joined_by_and_belong_to_a_department_name() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Cục Kiểm định và quản lý chất lượng, tiêu chuẩn (K09) tổ chức tập huấn. Cục Kiểm định và quản lý chất lượng, tiêu chuẩn cũng khen thưởng.\n"
    )
    assert "Cục Kiểm định và quản lý chất lượng, tiêu chuẩn" in orgs


def test_and_followed_by_people_or_representatives_ends_the_name() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Cục Hợp tác quốc tế và đại diện các đơn vị đã làm việc. Ông Lê Văn Bảo thay mặt Vụ Tổng hợp và ông Trần Đức cảm ơn.\n"
    )
    assert "Cục Hợp tác quốc tế" in orgs
    assert "Vụ Tổng hợp" in orgs
    assert not any(" và " in name for name in orgs)


def test_verb_like_syllable_closing_a_compound_stays_in_the_name() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Cục Cảnh sát đường thủy giao thông (C99) tổ chức diễn tập.\n"
    )
    assert "Cục Cảnh sát đường thủy giao thông" in orgs
    assert orgs["Cục Cảnh sát đường thủy giao thông"].abbreviations == ("C99",)


def test_steering_committee_with_a_lower_case_topic_and_an_owner_ministry() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Ban Chỉ đạo cải cách thủ tục, chuyển đổi số và đổi mới quản trị của Bộ Thủy lợi họp phiên thứ nhất.\n"
    )
    name = "Ban Chỉ đạo cải cách thủ tục, chuyển đổi số và đổi mới quản trị của Bộ Thủy lợi"
    assert orgs[name].kind == "steering_committee"
    assert orgs[name].parent_key == matching_key("Bộ Thủy lợi")


def test_provincial_party_committee_and_peoples_committee_are_named_by_their_place() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Tỉnh ủy Quảng Trị và Ủy ban nhân dân tỉnh Quảng Trị đã chỉ đạo các sở.\n"
    )
    assert orgs["Tỉnh ủy Quảng Trị"].kind == "party_committee"
    assert "Ủy ban nhân dân tỉnh Quảng Trị" in orgs


def test_head_of_division_names_the_division_after_a_lower_case_head() -> None:
    orgs = organisations_in(
        "Tin ngắn\n\nNgày 2/3, Trung tá Hồ Văn Kiên, Trưởng phòng Hậu cần Công an tỉnh Quảng Trị phát biểu.\n"
    )
    assert "phòng Hậu cần Công an tỉnh Quảng Trị" in orgs
    assert "Công an tỉnh Quảng Trị" in orgs


# ----------------------------------------------------------------- local chapters, heads, run-ons

CHAPTERS = """Sáng 6/4, tại xã Hòa Phong, Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Phong phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai tổ chức ngày hội. Luật sư Đỗ Minh Khôi (Đoàn Luật sư tỉnh Gia Lai) tư vấn pháp luật cho bà con. Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã được giao theo dõi. Đại diện Đoàn đại biểu Quốc hội tỉnh Gia Lai cùng dự.

Ban Tuyên giáo Trung ương và Uỷ ban An toàn giao thông quốc gia gửi thư chúc mừng. Đồn Biên phòng Ia Mơ đã tuần tra cùng Phòng Cảnh sát phòng chống tội phạm về môi trường Công an tỉnh Gia Lai và Phòng CSGT Công an tỉnh Gia Lai. Thanh tra Sở Nông nghiệp và Môi trường phối hợp với Sở Giáo dục và Bảo hiểm xã hội tỉnh. Cục Hải quan, Bộ Tài chính truy vết lô hàng.
"""


def test_a_body_inside_a_local_chapter_is_not_named_on_its_own() -> None:
    names = set(organisations_in(CHAPTERS))
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam xã Hòa Phong" in names
    assert "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Gia Lai" in names
    assert "Đoàn đại biểu Quốc hội tỉnh Gia Lai" in names
    assert not names & {"Mặt trận Tổ quốc Việt Nam", "Bộ đội Biên phòng", "Quốc hội"}
    # "cấp xã" (every commune's chapter) does not name the Front either.
    assert not any(name == "Ủy ban Mặt trận Tổ quốc Việt Nam" for name in names)


def test_inner_body_still_counts_where_it_stands_alone() -> None:
    text = CHAPTERS + "\nMặt trận Tổ quốc Việt Nam biểu dương các gia đình."
    assert "Mặt trận Tổ quốc Việt Nam" in organisations_in(text)


def test_heads_of_local_bodies_stations_and_acronym_branches() -> None:
    names = set(organisations_in(CHAPTERS))
    assert {
        "Đoàn Luật sư tỉnh Gia Lai",
        "Đồn Biên phòng Ia Mơ",
        "Uỷ ban An toàn giao thông quốc gia",
        "Phòng Cảnh sát phòng chống tội phạm về môi trường Công an tỉnh Gia Lai",
        "Phòng CSGT Công an tỉnh Gia Lai",
        "Ban Tuyên giáo Trung ương",
    } <= names
    assert "Tuyên giáo Trung ương" not in names


def test_function_head_is_part_of_the_name_not_a_body_inside_it() -> None:
    names = set(organisations_in("Ban Tổ chức Trung ương và Bộ Nội vụ công bố quyết định."))
    assert "Ban Tổ chức Trung ương" in names and "Tổ chức Trung ương" not in names


def test_a_state_body_after_and_is_a_second_body_and_verbs_end_names() -> None:
    names = set(organisations_in(CHAPTERS))
    assert "Sở Giáo dục" in names and "Bảo hiểm xã hội" in names
    assert "Sở Giáo dục và Bảo hiểm xã hội tỉnh" not in names
    assert "Bộ Tài chính" in names  # not "Bộ Tài chính truy vết lô"


def test_police_of_all_provinces_after_a_branch_is_a_class_not_a_body() -> None:
    text = "Phó Cục trưởng đề nghị Phòng CSGT Công an các tỉnh, thành phố siết chặt tuần tra."
    assert not any(name.startswith("Phòng CSGT") for name in organisations_in(text))
    # The sentence names a class of branches, and no single body besides.
    assert set(organisations_in(text)) == set()


def test_acronym_committee_with_a_holder_after_the_city() -> None:
    text = "Phó Chủ tịch UBND thành phố Lê Thị Hồng Vân làm việc với đoàn. UBND tỉnh Kon Tum đã chỉ đạo."
    names = set(organisations_in(text))
    assert "UBND tỉnh Kon Tum" in names
    assert not any("Hồng Vân" in name for name in names)


def test_abbreviated_courts_and_procuracies_keep_their_level_and_place() -> None:
    found = organisations_in(
        "TAND cấp cao tại Đà Nẵng mở phiên phúc thẩm; trước đó TAND tỉnh Quảng Ngãi đã xử sơ thẩm. "
        "VKSND tối cao ban hành cáo trạng, CQĐT Công an tỉnh Bắc Ninh điều tra."
    )
    assert {
        "TAND cấp cao tại Đà Nẵng",
        "TAND tỉnh Quảng Ngãi",
        "VKSND tối cao",
        "CQĐT Công an tỉnh Bắc Ninh",
    } <= set(found)


def test_a_company_name_ends_where_its_capitalised_words_end() -> None:
    found = organisations_in(
        "Công ty cổ phần Thiết bị Y khoa Minh Phú đã nộp lại tiền. "
        "Công ty TNHH Một thành viên Thủy lợi Sông Đà vận hành hồ chứa đúng quy trình. "
        "Công ty TNHH Địa ốc Phương Nam 3 năm liền không có dự án."
    )
    assert {
        "Công ty cổ phần Thiết bị Y khoa Minh Phú",
        "Công ty TNHH Một thành viên Thủy lợi Sông Đà",
        "Công ty TNHH Địa ốc Phương Nam",
    } == set(found)


def test_a_verb_of_crime_news_ends_a_department_name() -> None:
    found = organisations_in("Bộ Chỉ huy Quân sự tỉnh chuẩn bị lực lượng, phương tiện.")
    assert set(found) == {"Bộ Chỉ huy Quân sự tỉnh"}


def test_a_foreign_party_and_a_broadcaster_end_where_their_names_end() -> None:
    found = organisations_in(
        "Ông cho biết Đảng Nhân dân Cách mạng Lào luôn coi trọng quan hệ. "
        "Đài Phát thanh và Truyền hình tỉnh Sơn Nguyên tăng thời lượng đưa tin."
    )
    assert set(found) == {
        "Đảng Nhân dân Cách mạng Lào",
        "Đài Phát thanh và Truyền hình tỉnh Sơn Nguyên",
    }


def test_prevent_and_combat_stays_inside_a_department_name() -> None:
    found = organisations_in(
        "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05) chủ trì."
    )
    assert "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao" in found


def test_party_organisation_of_a_province_is_head_and_place() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nĐại hội đại biểu Đảng bộ tỉnh Lam Sơn lần thứ I đã bế mạc sau ba ngày làm việc.\n"
    )
    assert "Đảng bộ tỉnh Lam Sơn" in orgs


def test_name_ends_at_a_place_before_the_next_clause() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBộ Chính trị quyết định điều động Tỉnh ủy Thái Bình thay ông Đặng Văn Kha làm Bí thư.\n"
    )
    assert "Tỉnh ủy Thái Bình" in orgs
    assert not any("thay" in name for name in orgs)


def test_topic_of_a_department_ends_before_a_two_syllable_verb() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nNgày 2/3, Cục Cảnh sát điều tra tội phạm về buôn lậu triệt phá đường dây của Lò Văn Pá.\n"
    )
    assert "Cục Cảnh sát điều tra tội phạm về buôn lậu" in orgs


def test_groups_and_banks_end_where_their_trade_name_ends() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nTập đoàn Sao Mai Xanh chuyển tiền cho Ngân hàng Thương mại cổ phần Phương Đông Mới để trả nợ.\n"
    )
    assert {"Tập đoàn Sao Mai Xanh", "Ngân hàng Thương mại cổ phần Phương Đông Mới"} <= set(orgs)


def test_a_company_may_bear_a_name_shaped_like_a_person() -> None:
    orgs = organisations_in("Tiêu đề\n\nCông ty Hoàng Long 5 năm qua đã lỗ hơn 200 tỷ đồng.\n")
    assert "Công ty Hoàng Long" in orgs


def test_party_board_of_a_ministry_or_committee() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBan cán sự Đảng Bộ Ngoại giao họp. Ban cán sự Đảng UBND tỉnh được giao rà soát dự án.\n"
    )
    assert {"Ban cán sự Đảng Bộ Ngoại giao", "Ban cán sự Đảng UBND tỉnh"} <= set(orgs)
    assert "Đảng UBND" not in orgs


def test_a_name_spelled_out_up_to_its_abbreviation() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nHai bên hợp tác trong Hiệp hội các quốc gia Vùng Vịnh Xanh (AGBS) và với Văn phòng Liên hợp quốc về Rừng và Biển (UNFS). Tổ chức Cảnh sát hàng hải quốc tế (INMARPOL) hỗ trợ.\n"
    )
    assert orgs["Hiệp hội các quốc gia Vùng Vịnh Xanh"].abbreviations == ("AGBS",)
    assert orgs["Văn phòng Liên hợp quốc về Rừng và Biển"].abbreviations == ("UNFS",)
    assert orgs["Tổ chức Cảnh sát hàng hải quốc tế"].abbreviations == ("INMARPOL",)
    assert "Liên hợp quốc về Rừng và Biển" not in orgs


def test_an_abbreviation_after_a_clause_is_not_pulled_into_a_name() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBộ Công an phối hợp với Cục Cảnh sát hình sự (C02) và Tổ chức Hòa Bình đã triệt phá đường dây (ABC).\n"
    )
    assert "Bộ Công an" in orgs
    assert orgs["Cục Cảnh sát hình sự"].abbreviations == ("C02",)
    assert not any(name.endswith("đường dây") for name in orgs)


def test_a_foreign_party_written_in_lower_case() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nÔng Sok Vanna khẳng định đảng Nhân dân Khmer Mới luôn coi trọng quan hệ. Các tổ chức đảng Công an tỉnh Nam Hà đã họp.\n"
    )
    assert orgs["đảng Nhân dân Khmer Mới"].kind == "party"
    assert "đảng Công an tỉnh Nam Hà" not in orgs


def test_one_body_in_several_forms_is_one_organisation() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBộ Nội vụ Liên bang Nga và Bộ Công an Việt Nam ký kết kế hoạch. Bộ Nội vụ Nga cử đoàn sang; Bộ Công an sẽ đón tiếp.\n"
    )
    assert orgs["Bộ Nội vụ Liên bang Nga"].aliases == ("Bộ Nội vụ Nga",)
    assert orgs["Bộ Công an"].aliases == ("Bộ Công an Việt Nam",)
    assert len(orgs) == 2


def test_a_country_after_a_body_is_kept_when_the_article_never_drops_it() -> None:
    orgs = organisations_in("Tiêu đề\n\nThông tấn xã Việt Nam và Bộ Công an Lào cùng đưa tin.\n")
    assert {"Thông tấn xã Việt Nam", "Bộ Công an Lào"} <= set(orgs)


def test_a_committee_of_a_country_and_a_mission_in_an_unlisted_city() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nÔng Mean Sok, Tổng Thư ký Ủy ban Quốc gia phòng, chống buôn lậu của Campuchia, đề nghị Tổng Lãnh sự quán Việt Nam tại Kampot hỗ trợ công dân.\n"
    )
    assert "Ủy ban Quốc gia phòng, chống buôn lậu của Campuchia" in orgs
    assert "Tổng Lãnh sự quán Việt Nam tại Kampot" in orgs


def test_a_steering_committee_stops_at_its_place_and_at_the_next_clause() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBan Chỉ đạo phòng, chống buôn lậu, gian lận thương mại tỉnh Lam Giang họp phiên thường kỳ. Thực hiện kế hoạch của Ban Chỉ đạo Trung ương về phòng, chống buôn lậu, hàng giả, tỉnh đã kiểm tra 20 cuộc. Ban Chỉ đạo, thành viên Ban Chỉ đạo thực hiện tốt quy chế. Ban Chỉ huy phòng thủ dân sự cấp xã, kiên quyết di dời người dân.\n"
    )
    names = set(orgs)
    assert "Ban Chỉ đạo phòng, chống buôn lậu, gian lận thương mại tỉnh Lam Giang" in names
    assert "Ban Chỉ đạo Trung ương về phòng, chống buôn lậu, hàng giả" in names
    assert "Ban Chỉ huy phòng thủ dân sự cấp xã" in names
    assert not any("thành viên" in name or name.endswith("tỉnh") for name in names)


def test_international_bodies_named_by_their_acronym_alone() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nHai bên phối hợp trong khuôn khổ AFRIPOL và ASEAN; UNODC hỗ trợ. Liên minh các nước Vịnh Bạc (ASEANVB) và ASEANVB họp. UBND tỉnh, CSGT và PCCC cũng dự.\n"
    )
    assert {"AFRIPOL", "ASEAN", "UNODC"} <= set(orgs)
    assert "ASEANVB" not in orgs  # spelled out here, so counted for the full name
    assert orgs["Liên minh các nước Vịnh Bạc"].abbreviations == ("ASEANVB",)
    assert not {"UBND", "CSGT", "PCCC"} & set(orgs)


def test_the_countries_of_a_region_are_not_its_association() -> None:
    orgs = organisations_in("Tiêu đề\n\nCông dân các nước ASEAN được miễn thị thực.\n")
    assert "ASEAN" not in orgs


def test_a_court_abbreviated_is_the_court_spelled_out() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nTAND tỉnh Bắc Lam mở phiên tòa. Tòa án nhân dân tỉnh Bắc Lam tuyên án; VKSND tỉnh Bắc Lam và Viện kiểm sát nhân dân tỉnh Bắc Lam kháng nghị.\n"
    )
    assert orgs["Tòa án nhân dân tỉnh Bắc Lam"].aliases == ("TAND tỉnh Bắc Lam",)
    assert orgs["Viện kiểm sát nhân dân tỉnh Bắc Lam"].aliases == ("VKSND tỉnh Bắc Lam",)
    assert len(orgs) == 2


def test_a_short_form_in_parentheses_stands_for_its_body() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nCơ quan Cảnh sát điều tra Công an tỉnh Bắc Lam (Cơ quan CSĐT) thu giữ tài liệu. Cơ quan CSĐT tiếp tục xác minh. Cục Quản lý xuất nhập cảnh (Bộ Công an) phối hợp.\n"
    )
    assert orgs["Cơ quan Cảnh sát điều tra Công an tỉnh Bắc Lam"].aliases == ("Cơ quan CSĐT",)
    assert "Cơ quan CSĐT" not in orgs
    assert {"Cục Quản lý xuất nhập cảnh", "Bộ Công an"} <= set(orgs)


def test_a_broadcaster_and_a_newspaper_are_not_one_name() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nVụ án được Đài Truyền hình Miền Đông và Báo Bắc Lam đưa tin.\n"
    )
    assert "Đài Truyền hình Miền Đông" in orgs
    assert not any("Báo" in name for name in orgs)


def test_a_standing_deputy_post_does_not_make_a_board() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBà Vi Thị Ngà, Phó Trưởng ban Thường trực Ban Chỉ đạo phòng, chống buôn lậu tỉnh Lam Giang cho biết.\n"
    )
    assert not any(name.startswith("ban Thường trực") for name in orgs)


def test_a_head_noun_inside_a_spelled_out_topic() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nHai bên làm việc với Văn phòng Liên hợp quốc về Phòng chống Buôn người (UNOHT).\n"
    )
    assert orgs["Văn phòng Liên hợp quốc về Phòng chống Buôn người"].abbreviations == ("UNOHT",)
    assert "Phòng chống Buôn người" not in orgs


def test_hospitals_and_schools_may_bear_a_person_shaped_name() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBệnh viện Trần Hưng Phát tiếp nhận nạn nhân; Giám đốc Bệnh viện Lê Văn Tâm cho biết.\n"
    )
    assert "Bệnh viện Trần Hưng Phát" in orgs
    assert "Bệnh viện Lê Văn Tâm" not in orgs  # inside a post, the name is the director's


def test_a_region_inside_a_corporation_name() -> None:
    orgs = organisations_in("Tiêu đề\n\nTổng công ty Điện lực miền Trung đã ký kết hợp đồng.\n")
    assert "Tổng công ty Điện lực miền Trung" in orgs


def test_a_central_committee_ends_before_its_predicate() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nỦy ban Kiểm tra Trung ương thi hành kỷ luật Ban Thường vụ Tỉnh ủy Lam Giang.\n"
    )
    assert "Ủy ban Kiểm tra Trung ương" in orgs
    assert not any("thi hành" in name for name in orgs)


def test_a_local_chapter_of_the_front() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nMặt trận Tổ quốc Việt Nam tỉnh Lam Giang vận động. Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập hỗ trợ.\n"
    )
    assert "Mặt trận Tổ quốc Việt Nam tỉnh Lam Giang" in orgs
    assert "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập" in orgs
    assert "Mặt trận Tổ quốc Việt Nam xã Tân Lập" not in orgs


def test_a_mission_of_a_union_of_countries_and_its_seat() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nPhái đoàn Liên minh châu Âu tại Việt Nam và Đại sứ quán Hoa Kỳ tại Hà Nội dự hội thảo.\n"
    )
    assert {"Phái đoàn Liên minh châu Âu tại Việt Nam", "Đại sứ quán Hoa Kỳ tại Hà Nội"} <= set(
        orgs
    )


def test_a_team_and_a_department_of_a_city_written_tp() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nĐội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Lát phối hợp Sở Tư pháp TP Đà Nẵng. Viện KSND tỉnh Lam Giang và VKSND tỉnh Lam Giang phê chuẩn.\n"
    )
    names = set(orgs)
    assert "Đội Cảnh sát điều tra tội phạm về ma túy Công an huyện Mường Lát" in names
    assert "Sở Tư pháp TP Đà Nẵng" in names
    assert orgs["Viện KSND tỉnh Lam Giang"].aliases == ("VKSND tỉnh Lam Giang",)


def test_prevent_and_combat_is_not_a_division() -> None:
    orgs = organisations_in("Tiêu đề\n\nCơ quan Phòng chống ma túy Hoa Kỳ (DEA) hỗ trợ thiết bị.\n")
    assert orgs["Cơ quan Phòng chống ma túy Hoa Kỳ"].abbreviations == ("DEA",)
    assert "Phòng chống ma túy Hoa Kỳ" not in orgs


def test_a_provincial_party_committee_is_the_place_named() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nỦy ban Kiểm tra Tỉnh ủy Lam Giang họp. Thành ủy Bến Lạc chỉ đạo.\n"
    )
    assert {"Ủy ban Kiểm tra Tỉnh ủy Lam Giang", "Tỉnh ủy Lam Giang", "Thành ủy Bến Lạc"} <= set(
        orgs
    )
    assert not any(name.endswith(("họp", "chỉ đạo")) for name in orgs)


def test_a_royal_government_and_a_prison() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nChính phủ Hoàng gia Campuchia cảm ơn. Trại giam Suối Mây tiếp nhận phạm nhân.\n"
    )
    assert {"Chính phủ Hoàng gia Campuchia", "Trại giam Suối Mây"} <= set(orgs)


def test_a_bank_name_may_hold_lower_case_words() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nNgân hàng Nông nghiệp và Phát triển nông thôn Miền Tây cho vay.\n"
    )
    assert "Ngân hàng Nông nghiệp và Phát triển nông thôn Miền Tây" in orgs


def test_a_city_abbreviated_and_a_procuracy_half_abbreviated() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nCông an TP.HCM phối hợp Công an Thành phố Hồ Chí Minh. Viện KSND tối cao kháng nghị; Viện kiểm sát nhân dân tối cao chỉ đạo. Bộ đội Biên phòng tỉnh Lam Giang tuần tra.\n"
    )
    assert orgs["Công an Thành phố Hồ Chí Minh"].aliases == ("Công an TP.HCM",)
    assert orgs["Viện kiểm sát nhân dân tối cao"].aliases == ("Viện KSND tối cao",)
    assert "Bộ đội Biên phòng tỉnh Lam Giang" in orgs


def test_a_country_closes_a_name_before_and() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nBộ Nội vụ Pháp và Cục Cảnh sát Quốc gia Pháp cử chuyên gia. Bộ Khoa học và Công nghệ phối hợp.\n"
    )
    assert {"Bộ Nội vụ Pháp", "Cục Cảnh sát Quốc gia Pháp", "Bộ Khoa học và Công nghệ"} <= set(orgs)
    assert not any("Pháp và" in name for name in orgs)


def test_a_name_after_a_province_unit_is_not_a_province() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nÔng Y Khăm Niê, Chủ tịch UBND tỉnh Rơ Mah Thuận ký công văn gửi Công an tỉnh Lam Giang và Công an tỉnh Thừa Thiên Huế.\n"
    )
    assert not any("Rơ Mah" in name for name in orgs)
    assert {"Công an tỉnh Lam Giang", "Công an tỉnh Thừa Thiên Huế"} <= set(orgs)


def test_a_list_inside_a_name_closed_by_its_abbreviation() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nCục Quản lý nhà lưu trú, cơ sở cai nghiện bắt buộc, trường giáo dưỡng (K19) kiểm tra. Bộ Công an phối hợp với nhiều đơn vị, địa phương (ABC) triển khai.\n"
    )
    name = "Cục Quản lý nhà lưu trú, cơ sở cai nghiện bắt buộc, trường giáo dưỡng"
    assert orgs[name].abbreviations == ("K19",)
    assert "Bộ Công an" in orgs
    assert not any("địa phương" in n for n in orgs)


def test_the_supreme_court_and_procuracy_by_their_acronyms() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nVKSNDTC ban hành cáo trạng; Viện kiểm sát nhân dân tối cao truy tố. TANDTC hướng dẫn xét xử.\n"
    )
    assert orgs["Viện kiểm sát nhân dân tối cao"].aliases == ("VKSNDTC",)
    assert orgs["TANDTC"].kind == "court"


def test_a_company_number_and_a_state_corporation() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nCông ty Cổ phần Xây lắp Sông Đà số 9 bị xử phạt. Tổng công ty Đường sắt Việt Nam tổ chức lễ.\n"
    )
    assert {"Công ty Cổ phần Xây lắp Sông Đà số 9", "Tổng công ty Đường sắt Việt Nam"} <= set(orgs)


def test_a_name_goes_on_after_the_abbreviation_inside_it() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nTòa án nhân dân (TAND) tỉnh Hòa Mộc mở phiên tòa. Cơ quan Cảnh sát điều tra (CSĐT) Công an tỉnh Hòa Mộc khởi tố vụ án. Sau hai ngày, TAND tỉnh Hòa Mộc tuyên án.\n"
    )
    court = orgs["Tòa án nhân dân tỉnh Hòa Mộc"]
    assert court.abbreviations == ("TAND",)
    assert court.aliases == ("TAND tỉnh Hòa Mộc",)
    investigators = orgs["Cơ quan Cảnh sát điều tra Công an tỉnh Hòa Mộc"]
    assert investigators.parent_key == matching_key("Công an tỉnh Hòa Mộc")
    assert "Tòa án nhân dân" not in orgs and "Cơ quan Cảnh sát điều tra" not in orgs


def test_foreign_police_and_parties_are_named_by_their_country() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nÔng Sengphet Vongsa, Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào, cùng đại diện Cảnh sát quốc gia Campuchia, Cảnh sát tỉnh Kampot và Cơ quan Cảnh sát quốc gia Nhật Bản dự họp.\n"
    )
    assert {
        "Đảng Nhân dân Cách mạng Lào",
        "Cảnh sát quốc gia Campuchia",
        "Cảnh sát tỉnh Kampot",
        "Cơ quan Cảnh sát quốc gia Nhật Bản",
    } <= set(orgs)
    assert "Trung ương Đảng" not in orgs
    assert "Cảnh sát quốc gia Nhật Bản" not in orgs


def test_a_trade_name_keeps_its_business_line_and_ends_before_a_preposition() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nCông ty TNHH Thương mại dịch vụ xuất nhập khẩu Minh Khang ký hợp đồng với Công ty cổ phần Vận tải biển Đông Phong tại TP Hải Phòng. Ngân hàng TMCP Sông Lam chi nhánh Hòa Mộc cho vay.\n"
    )
    assert {
        "Công ty TNHH Thương mại dịch vụ xuất nhập khẩu Minh Khang",
        "Công ty cổ phần Vận tải biển Đông Phong",
        "Ngân hàng TMCP Sông Lam",
    } <= set(orgs)


def test_a_count_or_every_level_ends_a_name() -> None:
    orgs = organisations_in(
        "Tiêu đề\n\nĐại hội bầu Ban Thường vụ Tỉnh ủy 15 đồng chí. Mặt trận Tổ quốc Việt Nam các cấp tham gia giám sát. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia và Đồn Biên phòng cửa khẩu quốc tế Hòa Mộc phối hợp.\n"
    )
    assert "Ban Thường vụ Tỉnh ủy" in orgs
    assert not any("đồng chí" in name for name in orgs)
    assert "Mặt trận Tổ quốc Việt Nam" not in orgs
    assert {
        "Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia",
        "Ban Chỉ đạo 389 quốc gia",
        "Đồn Biên phòng cửa khẩu quốc tế Hòa Mộc",
    } <= set(orgs)


def test_a_province_s_committee_of_an_unknown_two_syllable_place_then_a_name() -> None:
    text = (
        "Tiêu đề\n\nNgày 2/3/2025, Tỉnh ủy Lâm Xuyên họp. Bí thư Tỉnh ủy Lâm Xuyên Hầu Văn Páo "
        "và Chủ tịch UBND tỉnh Cao Lạng Nông Quốc Tuấn dự. Trưởng ban Nội chính Tỉnh ủy Tây Hà "
        "Lê Thị Thu Trang phát biểu.\n\nMinh Anh\n"
    )
    names = set(organisations_in(text))
    assert {"Tỉnh ủy Lâm Xuyên", "UBND tỉnh Cao Lạng", "Tỉnh ủy Tây Hà"} <= names
    assert not any("Hầu" in n or "Nông" in n or "Lê Thị" in n for n in names)
    people = people_in(text)
    assert [p.title for p in people["Hầu Văn Páo"].positions] == ["Bí thư Tỉnh ủy Lâm Xuyên"]
    assert [p.title for p in people["Nông Quốc Tuấn"].positions] == ["Chủ tịch UBND tỉnh Cao Lạng"]
    assert "Lê Thị Thu Trang" in people and "Lâm Xuyên" not in people


def test_a_steering_committee_named_after_a_back_reference_ends_at_its_province() -> None:
    text = (
        "Tiêu đề\n\nBan Chỉ đạo, thành viên Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, "
        "tiêu cực tỉnh cần thực hiện tốt chức năng tham mưu.\n"
    )
    assert list(organisations_in(text)) == [
        "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"
    ]


def test_a_body_of_the_province_ends_where_the_sentence_goes_on() -> None:
    text = (
        "Tiêu đề\n\nChi cục Kiểm lâm tỉnh trực 24/24 giờ. Vụ án xảy ra tại Ban Quản lý dự án "
        "đầu tư xây dựng tỉnh. Văn phòng Liên lạc phòng, chống ma túy qua biên giới tại cửa "
        "khẩu Tây Trang trao đổi thông tin.\n"
    )
    assert set(organisations_in(text)) == {
        "Chi cục Kiểm lâm tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng tỉnh",
        "Văn phòng Liên lạc phòng, chống ma túy qua biên giới",
    }


def test_the_least_abbreviated_form_names_the_body() -> None:
    text = (
        "Tiêu đề\n\nTheo cáo trạng của VKSND TP Hà Nội, bị cáo đã khai. Đại diện Viện kiểm sát "
        "nhân dân TP Hà Nội đề nghị mức án.\n"
    )
    [body] = organisations_in(text).values()
    assert (body.name, body.aliases) == ("Viện kiểm sát nhân dân TP Hà Nội", ("VKSND TP Hà Nội",))


def test_companies_co_operatives_and_regional_courts() -> None:
    text = (
        "Tiêu đề\n\nÔng Tô Văn Hiếu, Phó Giám đốc Công ty TNHH Đầu tư Hoàng Long; bà Đỗ Thị Quyên, "
        "Giám đốc Công ty cổ phần Thiết bị y tế Hưng Thịnh khai đã chuyển tiền cho Tổng công ty "
        "Thương mại Sài Gòn Xanh và Hợp tác xã Nông nghiệp Phước Lộc để che giấu. TAND khu vực 1 "
        "- Hà Nội tuyên án. Đại diện Đảng Nước Nga Thống nhất cùng dự.\n"
    )
    assert set(organisations_in(text)) == {
        "Công ty TNHH Đầu tư Hoàng Long",
        "Công ty cổ phần Thiết bị y tế Hưng Thịnh",
        "Tổng công ty Thương mại Sài Gòn Xanh",
        "Hợp tác xã Nông nghiệp Phước Lộc",
        "TAND khu vực 1 - Hà Nội",
        "Đảng Nước Nga Thống nhất",
    }
    assert "Hoàng Long" not in people_in(text)


def test_a_case_named_after_a_company_is_no_department_and_leading_ends_a_name() -> None:
    text = (
        "Tiêu đề\n\nVụ Vạn Phú Land năm 2023 có thủ đoạn tương tự. Vụ Pháp chế góp ý. Ông Kim Jae "
        "Won, Cục trưởng Cục Điều tra tội phạm mạng dẫn đầu đoàn.\n"
    )
    assert set(organisations_in(text)) == {"Vụ Pháp chế", "Cục Điều tra tội phạm mạng"}


def test_a_high_court_at_an_abbreviated_city() -> None:
    assert list(organisations_in("Tiêu đề\n\nTAND Cấp cao tại TP.HCM xét xử phúc thẩm.\n")) == [
        "TAND Cấp cao tại TP.HCM"
    ]
