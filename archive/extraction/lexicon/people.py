"""Words that introduce a person: ranks, academic titles, posts and their modifiers,
family names, honorifics and nouns for a person. Not a list of people.
"""

from __future__ import annotations

from archive.extraction.lexicon.keys import keys, words
from archive.extraction.ranks import RANKS

# Ranks come from ranks.py (the set the database accepts); keyed here for look-up.
RANK_KEYS: frozenset[str] = keys(RANKS)

# Academic titles and degrees written before a name: doctor, associate
# professor, professor, master, medical doctor, engineer, bachelor, researcher.
ACADEMIC_TITLE_WORDS: frozenset[str] = keys(
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
    "Đồn trưởng",  # head of a (border, police) station
    "Đại sứ",
    "Đại sứ đặc mệnh toàn quyền",
    "Tổng Lãnh sự",
    "Lãnh sự",
    "Tùy viên",
    "Tham tán",
    "Tham tán Công sứ",
    "Công sứ",
    "Tùy viên Công an",
    "Tùy viên Cảnh sát",
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
POST_BASE_KEYS: frozenset[str] = keys(POST_BASES)

# Modifiers written before a post: former, deputy, acting.
POST_PREFIXES: frozenset[str] = keys(("nguyên", "Phó", "Quyền"))
# Modifiers written after a post base: standing, full-time, first.
POST_SUFFIXES: frozenset[str] = keys(
    ("Thường trực", "chuyên trách", "thứ nhất", "Thường vụ", "Ban Thường vụ", "dự khuyết")
)


# Vietnamese family names: used only to tell a person's name that follows an
# organisation inside a post ("Bộ trưởng Bộ Ngoại giao Lê ...") from the
# organisation's own capitalised words, and to accept a bare name after
# "ông"/"bà". Not a list of people.
SURNAMES: frozenset[str] = keys(
    words(
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương "
        "Đào Đinh Mai Trịnh Trương Lâm Hà Cao Tô Tạ Đoàn Vương Thái Chu Châu Quách "
        "Khổng Kiều Lưu Mạc Nghiêm Phùng Tăng Thân Triệu Từ Vi Đàm "
        "Hầu Khúc La Lã Lò Mã Nông Phí Tống Ung Âu Bạch Bế Cù Diệp "
        "Doãn Đường Hứa Kim Lục Mẫn Nhan Tôn Thạch Thiều "
        "Giáp Lại Thi Khuất Trình Cấn Lường Lạc Quan Ninh Chung Dư Khương Hàn Tiêu "
        # Hmong, Thai, Tay, Dao and Central Highlands family names are
        # ordinary family names here.
        "Giàng Sùng Vàng Thào Mùa Lầu Quàng Cầm Ma Bàn Tòng Sầm Kha Ksor Siu"
    )
)


# Lower-case nouns for a person that a name may follow: student, delegate,
# suspect, accused, subject, journalist, lawyer, expert, soldier, officer ...
PERSON_NOUNS: frozenset[str] = keys(
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
        "bị hại",
        "nghi phạm",
        "nghi can",
        # Court and letters: reader (who writes in), witness, plaintiff,
        # defendant in a civil case, prisoner.
        "bạn đọc",
        "nhân chứng",
        "người làm chứng",
        "nguyên đơn",
        "bị đơn",
        "phạm nhân",
    )
)

# Words before "đồng chí" that make it plural or generic: the, these, many.
PLURAL_MARKERS: frozenset[str] = keys(("các", "những", "nhiều", "hai", "ba", "mọi", "cùng"))

# Honorifics that introduce a person and are never part of the name: comrade,
# Mr, Mrs/Ms, His/Her Excellency; Cambodian (Samdech, Samdech Techo, Samdech
# Kralahom, Lok Chumteav, Oknha) and Malaysian (Tun, Tan Sri, Datuk, Datuk
# Seri, Dato', Dato' Sri) titles.
HONORIFICS: frozenset[str] = keys(
    (
        "đồng chí",
        "ông",
        "bà",
        "ngài",
        "Samdech",
        "Samdech Techo",
        "Samdech Kralahom",
        "Lok Chumteav",
        "Oknha",
        "Tun",
        "Tan Sri",
        "Datuk",
        "Datuk Seri",
        "Dato",
        "Dato Sri",
    )
)
