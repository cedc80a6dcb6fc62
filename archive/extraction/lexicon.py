"""Word lists the people and organisation extractors reason with.

What belongs here: closed or near-closed classes of the genre's vocabulary
(ranks, academic titles, posts, organisation head nouns, the few stand-alone
state and Party bodies, places that are never people or organisations, words
that end a name) and the keyed look-ups over them. It is deliberately NOT a
list of known people or of known organisation names: the extractors find those
from context. Every list is compared through `normalize.matching_key`, so "úy"
and "uý" spellings, and any capitalisation, match the same entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from archive.extraction.normalize import matching_key
from archive.extraction.ranks import RANKS


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(matching_key(w) for w in words)


def _words(text: str) -> tuple[str, ...]:
    """Single-syllable word lists are written as one string to keep them readable."""
    return tuple(text.split())


# Ranks come from ranks.py (the set the database accepts); keyed here for look-up.
RANK_KEYS: frozenset[str] = _keys(RANKS)

# Academic titles and degrees written before a name: doctor, associate
# professor, professor, master, medical doctor, engineer, bachelor, researcher.
ACADEMIC_TITLE_WORDS: frozenset[str] = _keys(
    ("TS", "PGS", "GS", "ThS", "BS", "KS", "CN", "NCS", "TSKH", "BSCKII", "BSCKI", "Ths")
)

# Post bases (the role without modifiers and organisation): General Secretary,
# secretary, member, president/chair, prime minister, minister, deputy
# minister, department director, general department director, ... spokesperson.
POST_BASES: tuple[str, ...] = (
    "Tổng Bí thư",
    "Bí thư",
    "Ủy viên",
    "Chủ tịch nước",
    "Chủ tịch",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Cục trưởng",
    "Tổng cục trưởng",
    "Vụ trưởng",
    "Chánh Văn phòng",
    "Chánh văn phòng",
    "Chánh án",
    "Chánh Thanh tra",
    "Tổng Thanh tra",
    "Giám đốc",
    "Tổng Giám đốc",
    # "Trưởng" (head of) takes its body after it: "Trưởng Ban Nội chính ...",
    # "Trưởng phòng Tham mưu"; the lower-case forms are posts on their own too.
    "Trưởng",
    "Trưởng ban",
    "Trưởng đoàn",
    "Trưởng phòng",
    "Trưởng khoa",
    "Trưởng thôn",
    "Trưởng bản",
    "Trưởng Công an",
    "Phó Chỉ huy trưởng",
    "Tổng biên tập",
    "Bí thư Tỉnh ủy",
    "Bí thư Thành ủy",
    "Thẩm phán",
    "Kiểm sát viên",
    "Điều tra viên",
    "Chánh thanh tra",
    "Tổng Cục trưởng",
    "Đội trưởng",
    "Đại sứ",
    "Đại sứ đặc mệnh toàn quyền",
    "Tổng Lãnh sự",
    "Lãnh sự",
    "Tùy viên",
    "Tham tán",
    "Tham tán Công sứ",
    "Công sứ",
    "Tùy viên Công an",
    "Tùy viên Quốc phòng",
    "Tổng thống",
    "Thư ký",
    "Tổng Thư ký",
    "Chủ nhiệm",
    "Viện trưởng",
    "Hiệu trưởng",
    "Chính ủy",
    "Tư lệnh",
    "Tham mưu trưởng",
    "Tổng Tham mưu trưởng",
    "Chỉ huy trưởng",
    "Người phát ngôn",
    "Ngoại trưởng",
    "Quốc vương",
    "Nữ hoàng",
    "Thống đốc",
    "Tổng Kiểm toán",
    "Trợ lý",
    "Cố vấn",
    "Thành viên",
    "Đại biểu Quốc hội",
    "Nghị sĩ",
    "Thượng nghị sĩ",
    "Thị trưởng",
    "Tổng Chưởng lý",
    "Bộ trưởng Ngoại giao",
)
POST_BASE_KEYS: frozenset[str] = _keys(POST_BASES)

# Modifiers written before a post: former, deputy, acting.
POST_PREFIXES: frozenset[str] = _keys(("nguyên", "Phó", "Quyền"))
# Modifiers written after a post base: standing, full-time, first.
POST_SUFFIXES: frozenset[str] = _keys(
    ("Thường trực", "chuyên trách", "thứ nhất", "Thường vụ", "Ban Thường vụ", "dự khuyết")
)

# Organisation head nouns and the English class of what they head: ministry,
# department, general department, office, board, party committee, party
# organisation, commission, council, academy, school, institute, ...
HEAD_KINDS: dict[str, str] = {
    "Bộ": "ministry",
    "Bộ Tư lệnh": "command",
    "Bộ Chỉ huy": "command",
    "Ban": "board",
    "Cục": "department",
    "Tổng cục": "general_department",
    "Vụ": "department",
    "Văn phòng": "office",
    "Đảng ủy": "party_committee",
    "Đảng bộ": "party_organisation",
    "Chi bộ": "party_cell",
    "Quân ủy": "party_committee",
    "Ủy ban": "committee",
    "Hội đồng": "council",
    "Học viện": "academy",
    "Trường": "school",
    "Trường Đại học": "university",
    "Trường Cao đẳng": "college",
    "Đại học": "university",
    "Viện": "institute",
    "Sở": "provincial_department",
    "Phòng": "division",
    "Trung tâm": "centre",
    "Hiệp hội": "association",
    "Hội": "association",
    "Tổ chức": "organisation",
    "Liên đoàn": "federation",
    "Mặt trận": "front",
    "Cơ quan": "agency",
    "Đại sứ quán": "embassy",
    "Tổng Lãnh sự quán": "consulate",
    "Lãnh sự quán": "consulate",
    "Tòa án": "court",
    "Viện kiểm sát": "procuracy",
    "Công an": "police",
    "Bộ đội": "military",
    "Quân khu": "military_region",
    "Quân chủng": "service_branch",
    "Binh chủng": "service_branch",
    "Tỉnh ủy": "party_committee",
    "Thành ủy": "party_committee",
    "Huyện ủy": "party_committee",
    "Quận ủy": "party_committee",
    "Đảng ủy Khối": "party_committee",
    "Quân đoàn": "army_corps",
    "Sư đoàn": "division",
    "Lữ đoàn": "brigade",
    "Trung đoàn": "regiment",
    "Binh đoàn": "army_corps",
    "Tổng công ty": "corporation",
    "Công ty": "company",
    "Tập đoàn": "group",
    "Ngân hàng": "bank",
    "Thanh tra": "inspectorate",
    "Kiểm toán": "audit",
    "Thông tấn xã": "news_agency",
    "Nhà xuất bản": "publisher",
    "Bảo tàng": "museum",
    "Bệnh viện": "hospital",
    "Tiểu ban": "subcommittee",
    "Tổ công tác": "task_force",
    "Đoàn Thanh niên": "youth_union",
    "Liên minh": "alliance",
    "Quỹ": "fund",
    "Cảng vụ": "port_authority",
    "Chi cục": "sub_department",
    "Đội": "team",
}
HEAD_KIND_BY_KEY: dict[str, str] = {matching_key(k): v for k, v in HEAD_KINDS.items()}
# Longest head first, so "Bộ Tư lệnh" wins over "Bộ".
HEAD_KEYS_BY_LENGTH: tuple[tuple[str, ...], ...] = tuple(
    sorted(
        {tuple(matching_key(k).split()) for k in HEAD_KINDS},
        key=len,
        reverse=True,
    )
)
# Heads whose names may run on with "của <body>", "về <topic>", commas and
# lower-case topic words: committees, boards, councils, offices.
COMMITTEE_HEADS: frozenset[str] = _keys(
    ("Ban", "Ủy ban", "Hội đồng", "Văn phòng", "Tiểu ban", "Tổ công tác", "Cục")
)
# Heads of missions abroad, whose names run on with "tại <place>".
MISSION_HEADS: frozenset[str] = _keys(
    ("Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "Văn phòng", "Cơ quan")
)
# Heads that stand for a police or military force and only name a body when
# an administrative unit and a place follow ("Công an tỉnh Quảng Ninh").
FORCE_HEADS: frozenset[str] = _keys(("Công an", "Bộ đội"))
# Administrative units before a place name: province, city, commune, ward,
# district, town, special zone, village.
ADMIN_UNITS: tuple[str, ...] = (
    "tỉnh",
    "thành phố",
    "TP",
    "Thành phố",
    "xã",
    "phường",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "đặc khu",
    "thôn",
    "bản",
)
ADMIN_UNIT_KEYS: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(matching_key(u).split()) for u in ADMIN_UNITS}, key=len, reverse=True)
)

# Bodies named by their whole name, without a head noun + name structure:
# Politburo, National Assembly, Government, Secretariat, Party Central
# Committee, the People's Public Security and People's Army, ... They are the
# institutions of the state, not a list of the articles' organisations.
STANDALONE_BODIES: dict[str, str] = {
    "Bộ Chính trị": "politburo",
    "Ban Bí thư": "secretariat",
    "Quốc hội": "legislature",
    "Chính phủ": "government",
    "Trung ương Đảng": "central_committee",
    "Ban Chấp hành Trung ương Đảng": "central_committee",
    "Ban Chấp hành Trung ương": "central_committee",
    "Công an nhân dân": "police",
    "Quân đội nhân dân": "military",
    "Bộ Tổng Tham mưu": "general_staff",
    "Đảng Cộng sản Việt Nam": "party",
    "Quân ủy Trung ương": "party_committee",
    "Ủy ban Thường vụ Quốc hội": "committee",
    "Thường trực Ban Bí thư": "secretariat",
    "Mặt trận Tổ quốc Việt Nam": "front",
    "Kiểm toán Nhà nước": "audit",
    "Ngân hàng Nhà nước": "bank",
    "Thanh tra Chính phủ": "inspectorate",
    "Văn phòng Chính phủ": "office",
    "Văn phòng Quốc hội": "office",
    "Văn phòng Trung ương Đảng": "office",
    "Tòa án nhân dân tối cao": "court",
    "Viện kiểm sát nhân dân tối cao": "procuracy",
    "Cảnh sát biển Việt Nam": "coast_guard",
    "Bộ đội Biên phòng": "border_guard",
    "Liên Hợp Quốc": "international",
    "Liên hợp quốc": "international",
    "Interpol": "international",
}
STANDALONE_KIND_BY_KEY: dict[str, str] = {matching_key(k): v for k, v in STANDALONE_BODIES.items()}
STANDALONE_KEYS_BY_LENGTH: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(k.split()) for k in STANDALONE_KIND_BY_KEY}, key=len, reverse=True)
)
# "Thủ tướng Chính phủ" is a post as well as the Government's executive; after
# a name or before one it is read as a post.

# Phrases that look like organisation names but name a class, not a body:
# "the provincial police", "ministries and branches", "the State", "unit".
GENERIC_PHRASES: frozenset[str] = _keys(
    (
        "Công an các tỉnh, thành phố",
        "Công an các đơn vị, địa phương",
        "Công an các đơn vị",
        "các bộ, ngành",
        "Nhà nước",
        "đơn vị",
        "Đảng",
        "Đảng ủy",
        "Đảng bộ",
        "Ban chấp hành",
        "Ban Chấp hành",
        "Ban Thường vụ",
        "Thường vụ",
        "Ban Tổ chức",
        "Ban Chỉ đạo",
        "Ban Chỉ huy",
        "Bộ",
        "Ban",
        "Cục",
        "Công an nhân dân Việt",
        "Trung ương",
        "Tổ quốc",
        "Hội nghị",
        "Đại hội",
    )
)

# Capitalised nouns that are never part of an organisation or person name and
# end one: conference, congress, seminar, ceremony, resolution, directive,
# conclusion, plan, programme, decision, law, day, month, year ...
NON_NAME_CAPITALS: frozenset[str] = _keys(
    (
        "Hội nghị",
        "Đại hội",
        "Hội thảo",
        "Hội đàm",
        "Lễ",
        "Nghị quyết",
        "Chỉ thị",
        "Kết luận",
        "Kế hoạch",
        "Chương trình",
        "Quyết định",
        "Nghị định",
        "Thông tư",
        "Luật",
        "Quy định",
        "Hướng dẫn",
        "Đề án",
        "Báo cáo",
        "Thông báo",
        "Công điện",
        "Ngày",
        "Tháng",
        "Năm",
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Tại",
        "Theo",
        "Trong",
        "Toàn cảnh",
        "Ảnh",
        "Đồng chí",
        "Nguồn",
        # awards and honours: certificate of merit, medal, order, flag
        "Bằng khen",
        "Giấy khen",
        "Huân chương",
        "Huy chương",
        "Kỷ niệm chương",
        "Cờ thi đua",
        "Danh hiệu",
        "Anh hùng",
        "Tờ trình",
        "Dự án",
        "Bộ luật",
    )
)

# Countries and country-like names (a gazetteer: places are never people).
COUNTRIES: tuple[str, ...] = (
    "Việt Nam",
    "Trung Quốc",
    "Lào",
    "Campuchia",
    "Căm-pu-chia",
    "Thái Lan",
    "Myanmar",
    "Mianma",
    "Malaysia",
    "Singapore",
    "Xinhgapo",
    "Indonesia",
    "Philippines",
    "Brunei",
    "Đông Timor",
    "Timor-Leste",
    "Hàn Quốc",
    "Triều Tiên",
    "Nhật Bản",
    "Mông Cổ",
    "Ấn Độ",
    "Pakistan",
    "Bangladesh",
    "Sri Lanka",
    "Nepal",
    "Nga",
    "Liên bang Nga",
    "Belarus",
    "Ukraine",
    "Kazakhstan",
    "Uzbekistan",
    "Hoa Kỳ",
    "Mỹ",
    "Canada",
    "Mexico",
    "Cuba",
    "Brazil",
    "Argentina",
    "Chile",
    "Venezuela",
    "Anh",
    "Pháp",
    "Đức",
    "Italy",
    "Italia",
    "Tây Ban Nha",
    "Bồ Đào Nha",
    "Hà Lan",
    "Bỉ",
    "Thụy Sĩ",
    "Thụy Điển",
    "Na Uy",
    "Phần Lan",
    "Đan Mạch",
    "Ba Lan",
    "Séc",
    "Slovakia",
    "Hungary",
    "Áo",
    "Romania",
    "Bulgaria",
    "Serbia",
    "Hy Lạp",
    "Thổ Nhĩ Kỳ",
    "Israel",
    "Palestine",
    "Iran",
    "Iraq",
    "Ả Rập Xê Út",
    "Saudi Arabia",
    "Qatar",
    "Kuwait",
    "UAE",
    "Ai Cập",
    "Nam Phi",
    "Nigeria",
    "Algeria",
    "Maroc",
    "Australia",
    "Úc",
    "New Zealand",
    "Ireland",
    "Hungari",
    "Lào",
    "Đài Loan",
    "Hồng Kông",
    "Ma Cao",
    "Cộng hòa Séc",
    "Cộng hòa Liên bang Đức",
    "Cộng hòa Pháp",
    "Cộng hòa Nhân dân Trung Hoa",
    "Cộng hòa Dân chủ Nhân dân Lào",
    "Vương quốc Campuchia",
    "Vương quốc Anh",
    "Vương quốc Thái Lan",
    "Đại Hàn Dân Quốc",
    "Hợp chủng quốc Hoa Kỳ",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Liên minh châu Âu",
    "EU",
    "ASEAN",
)
# Vietnamese provinces and cities (after the 2025 merger, plus the older names
# still seen in text) and a few regions: places, never people or bodies alone.
PLACES: tuple[str, ...] = (
    "Hà Nội",
    "Thủ đô Hà Nội",
    "Hồ Chí Minh",
    "TP Hồ Chí Minh",
    "Thành phố Hồ Chí Minh",
    "TP.HCM",
    "TPHCM",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Quảng Ninh",
    "Lạng Sơn",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Tây Ninh",
    "Đồng Tháp",
    "An Giang",
    "Vĩnh Long",
    "Cà Mau",
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Hà Giang",
    "Yên Bái",
    "Bắc Kạn",
    "Bắc Giang",
    "Vĩnh Phúc",
    "Hòa Bình",
    "Hải Dương",
    "Thái Bình",
    "Nam Định",
    "Hà Nam",
    "Quảng Bình",
    "Thừa Thiên Huế",
    "Quảng Nam",
    "Kon Tum",
    "Bình Định",
    "Phú Yên",
    "Ninh Thuận",
    "Bình Thuận",
    "Đắk Nông",
    "Bình Phước",
    "Bình Dương",
    "Bà Rịa - Vũng Tàu",
    "Bà Rịa-Vũng Tàu",
    "Vũng Tàu",
    "Long An",
    "Tiền Giang",
    "Bến Tre",
    "Trà Vinh",
    "Hậu Giang",
    "Sóc Trăng",
    "Bạc Liêu",
    "Kiên Giang",
    "Phú Quốc",
    "Côn Đảo",
    "Hoàng Sa",
    "Trường Sa",
    "Biển Đông",
    "Tây Nguyên",
    "Tây Bắc",
    "Đông Nam Bộ",
    "Nam Bộ",
    "Bắc Bộ",
    "Trung Bộ",
    "Miền Trung",
    "Đồng bằng sông Cửu Long",
    "Bắc Kinh",
    "Thượng Hải",
    "Quảng Tây",
    "Vân Nam",
    "Quảng Đông",
    "Moscow",
    "Mát-xcơ-va",
    "Viêng Chăn",
    "Vientiane",
    "Phnom Penh",
    "Phnôm Pênh",
    "Seoul",
    "Tokyo",
    "Bangkok",
    "Washington",
    "Paris",
    "London",
    "Berlin",
    "Ba Đình",
    "Hoàn Kiếm",
    "Châu Á",
    "Châu Âu",
    "Châu Phi",
    "Châu Mỹ",
    "Đông Nam Á",
    "Thái Bình Dương",
    "Ấn Độ Dương",
)
PLACE_KEYS: frozenset[str] = _keys(COUNTRIES + PLACES)
COUNTRY_KEYS: frozenset[str] = _keys(COUNTRIES)
PLACE_KEYS_BY_LENGTH: tuple[tuple[str, ...], ...] = tuple(
    sorted({tuple(k.split()) for k in PLACE_KEYS}, key=len, reverse=True)
)
# Words that start a country's formal name before the country proper.
COUNTRY_PREFIXES: frozenset[str] = _keys(("Cộng hòa", "Vương quốc", "Liên bang", "Nhà nước"))

# Capitalised words that continue an organisation name even after a name is
# complete ("... Trung ương", "... nhân dân", "... Quốc gia").
NAME_TAIL_CAPITALS: frozenset[str] = _keys(
    ("Trung ương", "Nhân dân", "Quốc gia", "Quốc tế", "Nhà nước", "Liên bang", "Thủ đô")
)

# Vietnamese family names: used only to tell a person's name that follows an
# organisation inside a post ("Bộ trưởng Bộ Ngoại giao Lê ...") from the
# organisation's own capitalised words, and to accept a bare name after
# "ông"/"bà". Not a list of people.
SURNAMES: frozenset[str] = _keys(
    _words(
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương "
        "Đào Đinh Mai Trịnh Trương Lâm Hà Cao Tô Tạ Đoàn Vương Thái Chu Châu Quách "
        "Khổng Kiều Lưu Mạc Nghiêm Phùng Tăng Thân Triệu Từ Vi Đàm "
        "Hầu Khúc La Lã Lò Mã Nông Phí Tống Ung Âu Bạch Bế Cù Diệp "
        "Doãn Đường Hứa Kim Lục Mẫn Nhan Tôn Thạch Thiều "
        "Giáp Lại Thi Khuất Trình Cấn Lường"
    )
)

# Lower-case function words that always end a name: and, with, of, at, in,
# on, about, by, for, to, is, has, aspect and modal words, quantifiers,
# demonstratives. The grammar lets "về", "của", "tại", "và" continue
# committee, mission and ministry names where the structure says so.
FUNCTION_WORDS: frozenset[str] = _keys(
    _words(
        "và với cùng của tại trong trên dưới về theo cho để là có đã đang sẽ vừa mới "
        "cũng vẫn luôn đều không chưa được bị các những mọi từ đến tới sau trước khi "
        "nhằm bằng do vì nên thì mà như nhưng hoặc hay này đó ấy nay cần phải hãy còn "
        "rất nhất lần năm ngày tháng qua nhau lại ra vào lên xuống một hai ba bốn năm "
        "nhiều toàn cả mỗi hơn gần khoảng đây kia ở kiêm gồm thuộc cùng tiếp nếu dù "
        "song nhiệm khóa khoá giai đợt"
    )
)
# Function words that are also the second syllable of common compounds and
# stay in a name right after a capitalised syllable: "Hậu cần" (logistics),
# "Cải cách mới"..., "Tiền trước", "Sau": need, new, after, before, again, ...
COMPOUND_FUNCTION_WORDS: frozenset[str] = _keys(
    _words("cần mới sau trước lại ra vào lên xuống qua nay tới")
)
# Two-syllable verbs of the genre that end a name wherever they stand: chair,
# speak, attend, organise, issue, acknowledge, assess, request, propose,
# affirm, stress, report, deploy, implement, coordinate, advise, lead, direct,
# present, congratulate, receive, sign, visit, ...
VERB_PHRASES: frozenset[str] = _keys(
    (
        "chủ trì",
        "phát biểu",
        "tham dự",
        "tham gia",
        "tổ chức",
        "ban hành",
        "ghi nhận",
        "đánh giá",
        "yêu cầu",
        "đề nghị",
        "đề xuất",
        "khẳng định",
        "nhấn mạnh",
        "cho biết",
        "thông báo",
        "báo cáo",
        "triển khai",
        "quán triệt",
        "thực hiện",
        "phối hợp",
        "tham mưu",
        "lãnh đạo",
        "chỉ đạo",
        "trình bày",
        "chúc mừng",
        "tiếp nhận",
        "tiếp đón",
        "tiếp kiến",
        "hội đàm",
        "hội kiến",
        "làm việc",
        "ký kết",
        "thăm",
        "trao tặng",
        "biểu dương",
        "tuyên dương",
        "bày tỏ",
        "cảm ơn",
        "mong muốn",
        "tin tưởng",
        "đồng ý",
        "nhận định",
        "giới thiệu",
        "xem xét",
        "quyết định",
        "kết luận",
        "khai mạc",
        "bế mạc",
        "phát động",
        "tăng cường",
        "bảo đảm",
        "bảo vệ",
        "xử lý",
        "điều hành",
        "kiểm tra",
        "mở rộng",
        "đưa ra",
        "nêu rõ",
        "chỉ rõ",
        "nỗ lực",
        "góp phần",
        "hoàn thành",
        "hướng dẫn",
        "tạo điều",
        "hỗ trợ",
        "phục vụ",
        "đấu tranh",
        "ngăn chặn",
        "bắt giữ",
        "khởi tố",
        "điều tra",
        "phát hiện",
        "tiếp tục",
        "đạt được",
        "trao đổi",
        "thống nhất",
        "cam kết",
        "kêu gọi",
        "ủng hộ",
        "đóng góp",
        "chủ động",
        "trân trọng",
        "gửi",
        "dự",
        "thông qua",
        "thẩm tra",
        "giải trình",
        "tiếp thu",
        "nói riêng",
        "nói chung",
        "trao",
        "tặng",
        "thăm",
        "ký",
        "gặp",
        "nói",
        "nêu",
        "mời",
        "bầu",
        "giữ",
        "đạt",
        "chúc",
    )
)
# Syllables that start a predicate (chair-, take part-, speak-, note-, ...):
# they end a name except as the second syllable of a compound whose first
# syllable is capitalised ("Bộ Giao thông vận tải" keeps "thông").
VERB_STARTS: frozenset[str] = _keys(
    _words(
        "chủ tham phát nhấn ghi đánh yêu đề khẳng triển quán thực tổ ban lãnh chỉ dự làm "
        "biểu chúc tuyên bày cảm mong hy hi nhận xem quyết chịu giữ đạt tiến đón tiễn họp "
        "tăng giảm phối bắt xử điều kiểm mở đóng nghe nhìn đưa nêu nói trao tặng thăm ký "
        "gặp thay nỗ góp hoàn hướng tạo giúp hỗ phục đấu ngăn khởi gửi cam kêu ủng trân"
    )
)
NAME_STOP_WORDS: frozenset[str] = FUNCTION_WORDS | VERB_STARTS
# Lower-case phrases that continue a name although they start with a stop
# syllable: people's ("Ủy ban nhân dân"), investigation ("Cơ quan Cảnh sát
# điều tra"), integration ("hội nhập quốc tế").
NAME_CONTINUATIONS: frozenset[str] = _keys(("nhân dân", "hội nhập", "đổi mới", "thời đại"))
# "điều tra" (investigate) is a verb except right after the forces that
# investigate: "Cơ quan Cảnh sát điều tra", "Cơ quan An ninh điều tra".
INVESTIGATION_AFTER: frozenset[str] = _keys(("Cảnh sát", "An ninh"))

# Nouns that can never be an item of a list inside an organisation name:
# cadres, soldiers, party members, people, units, localities, forces ...
GENERIC_LIST_NOUNS: frozenset[str] = _keys(
    (
        "cán bộ",
        "chiến sĩ",
        "đảng viên",
        "nhân dân",
        "đồng bào",
        "đơn vị",
        "địa phương",
        "ngành",
        "lực lượng",
        "người",
        "quần chúng",
        "học viên",
        "giảng viên",
        "sinh viên",
        "doanh nghiệp",
        "cơ quan",
        "tổ chức",
        "cá nhân",
        "gia đình",
        "hội viên",
        "đoàn viên",
        "công nhân",
        "nhân viên",
        "sĩ quan",
        "chuyên gia",
        "đại biểu",
        "lãnh đạo",
        "đại diện",
        "ông",
        "bà",
        "đồng chí",
        "thủ trưởng",
    )
)

# Lower-case nouns for a person that a name may follow: student, delegate,
# suspect, accused, subject, journalist, lawyer, expert, soldier, officer ...
PERSON_NOUNS: frozenset[str] = _keys(
    (
        "học viên",
        "đại biểu",
        "bị can",
        "bị cáo",
        "đối tượng",
        "nhà báo",
        "luật sư",
        "chuyên gia",
        "chiến sĩ",
        "cán bộ",
        "anh",
        "chị",
        "cháu",
        "thầy",
        "cô",
        "nghệ sĩ",
        "nhà văn",
        "người dân",
        "nạn nhân",
        "giảng viên",
        "sinh viên",
        "phóng viên",
    )
)

# Words before "đồng chí" that make it plural or generic: the, these, many.
PLURAL_MARKERS: frozenset[str] = _keys(("các", "những", "nhiều", "hai", "ba", "mọi", "cùng"))

# Honorifics that introduce a person: comrade, Mr, Mrs/Ms, His/Her Excellency.
HONORIFICS: frozenset[str] = _keys(("đồng chí", "ông", "bà", "ngài"))
