"""Words that make an organisation name: head nouns and their English class, the
state and Party bodies named whole, administrative units, generic phrases and
capitalised nouns that are never names. Not a list of the articles' organisations.
"""

from __future__ import annotations

from archive.extraction.lexicon.keys import Phrases, by_length, keys
from archive.extraction.normalize import matching_key

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
    # station (border post, police station); delegation of National Assembly
    # deputies; People's Committee and Council written as acronyms.
    "Đồn": "station",
    "Phái đoàn": "mission",
    # prison, detention centre
    "Trại giam": "prison",
    "Trại tạm giam": "prison",
    "Đoàn đại biểu": "delegation",
    "UBND": "committee",
    "HĐND": "council",
    # Courts, procuracies and investigation agencies as the press abbreviates
    # them (TAND, VKSND, CQĐT); joint-stock, limited and one-member companies
    # and joint-stock commercial banks by their legal form; radio/television.
    "TAND": "court",
    "VKSND": "procuracy",
    "Viện KSND": "procuracy",
    "CQĐT": "agency",
    "Công ty cổ phần": "company",
    "Công ty CP": "company",
    "Công ty TNHH": "company",
    "Công ty TNHH Một thành viên": "company",
    "Công ty TNHH MTV": "company",
    "Ngân hàng TMCP": "company",
    "Ngân hàng Thương mại cổ phần": "company",
    # co-operative, sole proprietorship: the other legal forms of a business
    "Hợp tác xã": "company",
    "Doanh nghiệp tư nhân": "company",
    "Đài": "broadcaster",
    # the Party's board in a ministry or people's committee, and its group in
    # an elected body: "Ban cán sự Đảng Bộ Ngoại giao", "Đảng đoàn Quốc hội".
    "Ban cán sự Đảng": "party_committee",
    "Đảng đoàn": "party_committee",
    # a (foreign) party named in full: "Đảng Nhân dân Cách mạng Lào"
    "Đảng": "party",
}
# Heads whose name is capitalised syllables, each completed by at most one
# lower-case syllable, perhaps joined by "và" and ending in a place: a
# company's, a group's, a party's or a broadcaster's name ends before a
# lower-case phrase ("Công ty Địa ốc Hoàng Long vận hành ..."). Taken from
# HEAD_KINDS by kind, so a new legal form of company is one entry, not two.
CAPITALISED_NAME_HEADS: frozenset[str] = keys(
    head
    for head, kind in HEAD_KINDS.items()
    if kind in {"company", "group", "party", "broadcaster"}
)
# Abbreviated heads of the people's courts and procuracies ("TAND tỉnh X"):
# read like "Tòa án nhân dân ...", with a level or a place after them.
PEOPLES_ABBREVIATED_HEADS: frozenset[str] = keys(("TAND", "VKSND", "Viện KSND"))
# Heads that are the whole name of a class of local bodies, completed only by
# the place they serve: bar association, lawyers' association, labour
# federation, veterans', farmers' and women's unions ("Đoàn Luật sư tỉnh X").
LOCAL_BODY_HEADS: dict[str, str] = {
    "Đoàn Luật sư": "bar_association",
    "Hội Luật gia": "association",
    "Liên đoàn Lao động": "federation",
    "Hội Cựu chiến binh": "association",
    "Hội Nông dân": "association",
    "Hội Liên hiệp Phụ nữ": "association",
}
HEAD_KINDS.update(LOCAL_BODY_HEADS)
LOCAL_BODY_HEAD_KEYS: frozenset[str] = keys(LOCAL_BODY_HEADS)
# Heads that, written right after another head, are part of that body's own
# name, not a body it belongs to: "Ban Tổ chức" (organisation commission),
# "Cục Kiểm toán", "Vụ Thanh tra" (audit, inspection as functions).
FUNCTION_HEADS: frozenset[str] = keys(("Tổ chức", "Kiểm toán", "Thanh tra"))
HEAD_KIND_BY_KEY: dict[str, str] = {matching_key(k): v for k, v in HEAD_KINDS.items()}
# Longest head first, so "Bộ Tư lệnh" wins over "Bộ".
HEAD_KEYS_BY_LENGTH: Phrases = by_length(matching_key(k) for k in HEAD_KINDS)
# Heads whose names may run on with "của <body>", "về <topic>", commas and
# lower-case topic words: committees, boards, councils, offices.
# Divisions ("Phòng") mirror the departments ("Cục") they answer to, so their
# names run on alike ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội").
COMMITTEE_HEADS: frozenset[str] = keys(
    ("Ban", "Ủy ban", "Hội đồng", "Văn phòng", "Tiểu ban", "Tổ công tác", "Cục", "Phòng", "Đội")
)
# Heads of missions abroad, whose names run on with "tại <place>".
MISSION_HEADS: frozenset[str] = keys(
    ("Đại sứ quán", "Tổng Lãnh sự quán", "Lãnh sự quán", "Văn phòng", "Cơ quan", "Phái đoàn")
)
# Heads that stand for a police or military force and only name a body when
# an administrative unit and a place follow ("Công an tỉnh Quảng Ninh").
# "UBND"/"HĐND" (People's Committee / Council) likewise need their place.
FORCE_HEADS: frozenset[str] = keys(("Công an", "Bộ đội", "UBND", "HĐND"))
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
ADMIN_UNIT_KEYS: Phrases = by_length(matching_key(u) for u in ADMIN_UNITS)

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
    "TANDTC": "court",
    "VKSNDTC": "procuracy",
    "Cảnh sát biển Việt Nam": "coast_guard",
    "Bộ đội Biên phòng": "border_guard",
    "Bảo hiểm xã hội Việt Nam": "social_security",
    "Bảo hiểm xã hội": "social_security",
    "Liên Hợp Quốc": "international",
    "Liên hợp quốc": "international",
    "Interpol": "international",
}
STANDALONE_KIND_BY_KEY: dict[str, str] = {matching_key(k): v for k, v in STANDALONE_BODIES.items()}
STANDALONE_KEYS_BY_LENGTH: Phrases = by_length(STANDALONE_KIND_BY_KEY)
# "Thủ tướng Chính phủ" is a post as well as the Government's executive; after
# a name or before one it is read as a post.

# Phrases that look like organisation names but name a class, not a body:
# "the provincial police", "ministries and branches", "the State", "unit".
GENERIC_PHRASES: frozenset[str] = keys(
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
NON_NAME_CAPITALS: frozenset[str] = keys(
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


# Capitalised words that continue an organisation name even after a name is
# complete ("... Trung ương", "... nhân dân", "... Quốc gia").
NAME_TAIL_CAPITALS: frozenset[str] = keys(
    ("Trung ương", "Nhân dân", "Quốc gia", "Quốc tế", "Nhà nước", "Liên bang", "Thủ đô")
)


# Nouns that can never be an item of a list inside an organisation name:
# cadres, soldiers, party members, people, units, localities, forces ...
GENERIC_LIST_NOUNS: frozenset[str] = keys(
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
