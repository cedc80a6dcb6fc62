"""Page furniture: lines of a scraped page that are not the article's text.

What belongs here: recognising image file names, audio-player and sharing
labels, timestamps, site names, contact lines, section names, slogans,
breadcrumbs, related-article lists and agency prefixes (DOMAIN §1). None of
them may become an entity, so `structure.py` marks them before anything else.
"""

from __future__ import annotations

import re

from archive.extraction.article.dateline import is_title_like
from archive.extraction.normalize import matching_key
from archive.extraction.types import BlockKind

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DAY = r"\d{1,2}/\d{1,2}/\d{4}"
# Weekday names: Thứ Hai..Chủ nhật (Monday..Sunday).
_WEEKDAY = r"(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,?\s*)?"
_STAMP = (
    rf"{_WEEKDAY}(?:{_DAY}(?:\s*[-,|]?\s*{_TIME})?|{_TIME}\s*[-,|]?\s*{_DAY})"
    r"(?:\s*\(?GMT\s*\+\s*7\)?)?"
)
STAMP_LINE = re.compile(rf"^(?:Cập nhật(?: lúc)?:?\s*)?{_STAMP}$", re.IGNORECASE)
GLUED_STAMP = re.compile(rf"\s+(?P<stamp>{_STAMP})\s*$", re.IGNORECASE)

_TOOLS = (
    r"(?:Chia sẻ|Share|Facebook|Zalo|Twitter|In bài|Lưu bài|Lưu|Copy link|Sao chép liên kết"
    r"|Bình luận(?:\s*\(\d+\))?|Cỡ chữ|A[-+]|aA)"
)
# An image's file name on its own line: the line after it is that photo's caption.
IMAGE_LINE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?$", re.IGNORECASE)
_FURNITURE_LINE = re.compile(
    r"^(?:"
    r"\S+\.(?:jpe?g|png|gif|webp|bmp|svg)(?:\?\S*)?"  # image file names
    r"|https?://\S+"  # a bare URL (the source line starts with "Nguồn")
    r"|[\w.-]+\.(?:vn|com|net|org)"  # a site's domain on its own line
    # Audio player / text-to-speech: "listen to the article", "read the
    # article", "male/female voice", "speed", "pause", player times.
    r"|Nghe đọc bài(?: viết)?|Nghe bài viết|Nghe audio|Đọc bài|Nghe|Dừng|Tạm dừng"
    r"|Giọng (?:nam|nữ)(?: miền \w+)?|Text to speech|Audio|Play|Tốc độ(?: đọc)?\b.*"
    r"|\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?"
    r"|Bài viết (?:được )?(?:chuyển thể|đọc)\b.*"
    # Sharing and page tools: share, print, save, copy link, comments (with
    # their count), font size; a page prints several on one line.
    rf"|{_TOOLS}(?:\s*[,|/·]?\s*{_TOOLS})*"
    r"|Theo dõi\b.*\btrên Google News"
    # A link to another article: "see more:", "read more:", "related news:".
    r"|(?:Xem thêm|Đọc thêm|Tin liên quan|Bài liên quan)\s*[:>»]\s*\S.*"
    r"|Quảng cáo|(?:Tags?|Từ khóa|Từ khoá)\s*:.*"
    # Photo credit on its own line: "Ảnh: X" (photo: X).
    r"|\(?\s*Ảnh\s*:\s*[^.]{1,40}\)?"
    # Contact lines: hotline, phone, fax, email, newsroom, licence, copyright.
    r"|(?:Hotline|Đường dây nóng|Điện thoại|ĐT|Fax|E-?mail|Tòa soạn|Toà soạn|Địa chỉ"
    r"|Giấy phép|Bản quyền|Liên hệ quảng cáo)\s*:.*"
    # Site names: newspaper, magazine, e-portal, TV channel + a name, one short line.
    r"|(?:Báo|Tạp chí|Cổng thông tin(?: điện tử)?|Trang thông tin(?: điện tử)?|Truyền hình)"
    r"\s+[A-ZĐ][^.,]{0,50}"
    r")$",
    re.IGNORECASE,
)
# A line that carries a copyright sign or the word is furniture wherever it stands in it.
# The test is a search of its own (the alternative ".*(?:©|Copyright).*" made the pattern
# above walk every line to its end), and is asked only of a line with "©" or a "pyr",
# which the word has in any case.
_COPYRIGHT = re.compile(r"©|Copyright", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_BREADCRUMB = re.compile(r"^[^.]{1,40}(?:\s+[>»|/]\s+[^.]{1,40})+$")

# Section names of news sites: current affairs, politics, society, law,
# international, world, news, domestic, security and order, security, foreign
# affairs, economy, culture, sport, events, latest news, highlights, home,
# news-events, investigation, criminal, reader's page, reportage.
_SECTIONS = frozenset(
    matching_key(name)
    for name in (
        "Thời sự", "Chính trị", "Xã hội", "Pháp luật", "Quốc tế", "Thế giới", "Tin tức",
        "Trong nước", "An ninh trật tự", "An ninh", "Đối ngoại", "Kinh tế", "Văn hóa",
        "Thể thao", "Sự kiện", "Tin mới", "Tin nổi bật", "Trang chủ", "Tin tức - Sự kiện",
        "Điều tra", "Hình sự", "Bạn đọc", "Phóng sự", "Video", "Multimedia",
    )
)  # fmt: skip
# Slogans printed on police sites: "forget oneself for the country, serve the
# people"; "mettle, humanity, serving the people"; "the People's Police know
# only that while the Party lives, they live".
_PUNCTUATION = re.compile(r"[^\w\s]")
_SLOGANS = frozenset(
    matching_key(re.sub(r"[^\w\s]", " ", s))
    for s in (
        "Vì nước quên thân, vì dân phục vụ",
        "Bản lĩnh, nhân văn, vì nhân dân phục vụ",
        "Công an nhân dân chỉ biết còn Đảng thì còn mình",
    )
)
# Headers of related-article lists: related news, related articles, same
# section, see more, read more, other news.
_RELATED = frozenset(
    matching_key(s)
    for s in ("Tin liên quan", "Bài liên quan", "Tin cùng chuyên mục", "Xem thêm",
              "Đọc thêm", "Tin khác", "Các tin khác", "Tin mới nhất")
)  # fmt: skip
_MAX_NAMED_FURNITURE_WORDS = 12
AGENCY_PREFIX = re.compile(r"\(\s*[A-ZĐ][A-Za-zĐđ.\s/&]{0,24}\)\s*[-–—:]\s*")


def is_furniture(line: str) -> bool:
    if _FURNITURE_LINE.match(line) or STAMP_LINE.match(line):
        return True
    if ("©" in line or "pyr" in line.lower()) and _COPYRIGHT.search(line):
        return True
    # Counted up to 21 words only: the tests below ask "at most 20?" and "more than 12?".
    words = len(line.split(maxsplit=21))
    if words <= 20 and "@" in line and _EMAIL.search(line):
        return True
    if words > _MAX_NAMED_FURNITURE_WORDS:
        # Section names, list headers and slogans are short; keying every long
        # paragraph would cost more than the rest of the parse.
        return False
    key = matching_key(line.strip(" :"))
    if key in _SECTIONS or key in _RELATED:
        return True
    if matching_key(_PUNCTUATION.sub(" ", line)) in _SLOGANS:
        return True
    return not line.endswith(".") and bool(_BREADCRUMB.match(line))


def mark_related_lists(lines: list[str], kinds: list[BlockKind | None]) -> None:
    # After "Tin liên quan" (related news) come other articles' titles.
    for i, line in enumerate(lines):
        if kinds[i] is BlockKind.FURNITURE and matching_key(line.strip(" :")) in _RELATED:
            for j in range(i + 1, len(lines)):
                if kinds[j] is None and not is_title_like(lines[j]):
                    break
                kinds[j] = BlockKind.FURNITURE
