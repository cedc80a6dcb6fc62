"""Normalised article text -> its structure: title, dateline, lead, body, captions, byline, source.

What belongs here: deciding the role of each line of an article (DOMAIN §1)
and cutting the text into sentences, before any entity is looked for. The
extractors then scan only `extractable_spans`, so page furniture, bylines,
source lines and repeated captions can never produce an entity or count twice.

Each non-empty line is a block: scraped articles put one paragraph per line,
and furniture (timestamps, audio labels) often sits on lines of its own with
no blank line around it. Heuristics are written for the genre, not for the
seed files; each rule says why it exists.
"""

from __future__ import annotations

import bisect
import re

from archive.extraction.dates import find_dates, infer_year
from archive.extraction.normalize import fold_spaces, matching_key
from archive.extraction.types import (
    ArticleStructure,
    Block,
    BlockKind,
    Dateline,
    PartialDate,
    Sentence,
)

# ---------------------------------------------------------------- furniture

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DAY = r"\d{1,2}/\d{1,2}/\d{4}"
# Weekday names: Thứ Hai..Chủ nhật (Monday..Sunday).
_WEEKDAY = r"(?:(?:Thứ\s+\w+|Chủ\s+nhật)\s*,?\s*)?"
_STAMP = (
    rf"{_WEEKDAY}(?:{_DAY}(?:\s*[-,|]?\s*{_TIME})?|{_TIME}\s*[-,|]?\s*{_DAY})"
    r"(?:\s*\(?GMT\s*\+\s*7\)?)?"
)
_STAMP_LINE = re.compile(rf"^(?:Cập nhật(?: lúc)?:?\s*)?{_STAMP}$", re.IGNORECASE)
_GLUED_STAMP = re.compile(rf"\s+(?P<stamp>{_STAMP})\s*$", re.IGNORECASE)

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
    # Sharing and page tools: share, print, save, copy link, comments, font size.
    r"|Chia sẻ|Share|Facebook|Zalo|Twitter|In bài|Lưu bài|Lưu|Copy link"
    r"|Sao chép liên kết|Bình luận|Cỡ chữ|A[-+]|aA|Theo dõi\b.*\btrên Google News"
    r"|Quảng cáo|(?:Tags?|Từ khóa|Từ khoá)\s*:.*"
    # Photo credit on its own line: "Ảnh: X" (photo: X).
    r"|\(?\s*Ảnh\s*:\s*[^.]{1,40}\)?"
    # Contact lines: hotline, phone, fax, email, newsroom, licence, copyright.
    r"|(?:Hotline|Đường dây nóng|Điện thoại|ĐT|Fax|E-?mail|Tòa soạn|Toà soạn|Địa chỉ"
    r"|Giấy phép|Bản quyền|Liên hệ quảng cáo)\s*:.*"
    r"|.*(?:©|Copyright).*"
    # Site names: newspaper, magazine, e-portal, TV channel + a name, one short line.
    r"|(?:Báo|Tạp chí|Cổng thông tin(?: điện tử)?|Trang thông tin(?: điện tử)?|Truyền hình)"
    r"\s+[A-ZĐ][^.,]{0,50}"
    r")$",
    re.IGNORECASE,
)
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
_AGENCY_PREFIX = re.compile(r"\(\s*[A-ZĐ][A-Za-zĐđ.\s/&]{0,24}\)\s*[-–—:]\s*")


def _is_furniture(line: str) -> bool:
    if _FURNITURE_LINE.match(line) or _STAMP_LINE.match(line):
        return True
    words = len(line.split())
    if words <= 20 and _EMAIL.search(line):
        return True
    if words > _MAX_NAMED_FURNITURE_WORDS:
        # Section names, list headers and slogans are short; keying every long
        # paragraph would cost more than the rest of the parse.
        return False
    key = matching_key(line.strip(" :"))
    if key in _SECTIONS or key in _RELATED:
        return True
    if matching_key(re.sub(r"[^\w\s]", " ", line)) in _SLOGANS:
        return True
    return not line.endswith(".") and bool(_BREADCRUMB.match(line))


def _is_title_like(line: str) -> bool:
    stripped = line.rstrip("\"”’' ")
    if len(line) > 300 or len(line.split()) > 35:
        return False
    if stripped.endswith((".", ":", ";", ",")) and not stripped.endswith(("...", "…")):
        return False
    return _match_dateline(line) is None


# ----------------------------------------------------------------- byline, source

_SOURCE_LINE = re.compile(
    r"^\(?\s*Nguồn\s*:?\s*(?P<name>[^:]*?)\s*[:\-–]?\s*(?P<url>https?://\S+)?\s*\)?\s*$",
    re.IGNORECASE,
)
# "Theo X" (according to X) as a last line credits the publication it came from.
_THEO_LINE = re.compile(r"^\(?\s*Theo\s+(?P<name>[^,.:;]{2,60}?)\s*\)?\s*$")
# Byline prefixes: text and photos, text, news and photos, reporters' team, reporter.
_BYLINE_PREFIX = re.compile(
    r"^(?:Bài(?:\s+và|\s*,)?\s+ảnh|Bài|Tin(?:\s+và|\s*,)?\s+ảnh|Tin|Nhóm phóng viên"
    r"|Phóng viên|PV)\s*:\s*",
    re.IGNORECASE,
)
_TEAM = re.compile(r"^(?:Nhóm\s+(?:PV|phóng viên)|PV|Phóng viên)$", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ])+\.?$")


def _is_name_word(word: str) -> bool:
    return bool(_INITIALS.match(word)) or (
        word[:1].isupper() and word.isalpha() and (word[1:].islower() or len(word) == 1)
    )


def _byline_author(line: str) -> str | None:
    """The author a byline line names, or None when the line is not a byline."""
    core = line.strip().strip("()").strip()
    prefix = _BYLINE_PREFIX.match(core)
    if prefix:
        core = core[prefix.end() :].strip()
    if _TEAM.match(core):
        return core
    if not core or len(core) > 60:
        return None
    # "Hoàng Long - Minh Hà", "T.H và N.A": several authors.
    names = [n.strip() for n in re.split(r"\s*(?:[-–,&]|\svà\s)\s*", core) if n.strip()]
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or not all(_is_name_word(w) for w in words):
            return None
    if not prefix and len(core.split()) == 1 and not _INITIALS.match(core):
        # A single capitalised word at the end ("Hết", "Ảnh") is too weak a byline.
        return None
    return core


# ----------------------------------------------------------------- dateline

# Words that introduce the dateline: (dawn) morning, noon, afternoon,
# evening, night, late night, day, today/yesterday.
_DATELINE_CUE = re.compile(
    r"^(?:(?:Rạng\s+)?(?:Sáng|Trưa|Chiều|Tối|Đêm|Khuya|Hôm)(?:\s+(?:nay|qua|mai))?\s+)?"
    r"(?:\(?(?:thứ\s+\w+|chủ\s+nhật)\)?\s*,?\s*)?\(?$",
    re.IGNORECASE,
)
_AFTER_DATE = re.compile(
    r"\)?\s*(?:\([^)]{0,30}\))?\s*(?:,|–|-|:)\s*(?:tại\s+(?P<place>[^,.;:]{2,60}?)\s*(?=[,.;:]|$))?",
    re.IGNORECASE,
)
_DATELINE_WINDOW = 60


def _match_dateline(lead: str) -> tuple[PartialDate, str, int] | None:
    """(date, place, end offset in `lead`) when `lead` opens with a dateline."""
    for start, end, date in find_dates(lead[:_DATELINE_WINDOW]):
        if not _DATELINE_CUE.match(lead[:start]):
            return None
        after = _AFTER_DATE.match(lead, end)
        if after is None:
            return None
        place = after.group("place") or ""
        return date, place, after.end("place") if place else end
    return None


_YEAR_PHRASE = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d{2})\b")
# A lead about a review (tổng kết, sơ kết: year-end / mid-term review) names
# the year under review, which is often not the year of the event (a January
# meeting reviewing the previous year), so its year is not evidence.
_REVIEW = re.compile(r"\b(?:tổng kết|sơ kết)\b", re.IGNORECASE)


def _lead_years(lead: str) -> list[int]:
    if _REVIEW.search(lead):
        return []
    dated = [(s, e) for s, e, _ in find_dates(lead)]
    years = {
        int(m.group("y"))
        for m in _YEAR_PHRASE.finditer(lead)
        if not any(s <= m.start() < e for s, e in dated)
    }
    return list(years) if len(years) == 1 else []


# ----------------------------------------------------------------- captions

# Phrases that only describe a photo: overall view, scene, photo:, illustration,
# posing for a (souvenir) photo.
_PHOTO_PHRASE = re.compile(
    r"(?:^|\W)(?:toàn cảnh|quang cảnh|ảnh\s*:|ảnh minh họa|ảnh minh hoạ|chụp ảnh|ảnh lưu niệm)",
    re.IGNORECASE,
)
# Actions a news photo shows: speak, present flowers/gifts/awards, congratulate,
# shake hands, hold talks, visit, receive (not "tiếp tục" continue etc.),
# offer incense/flowers, unveil, cut the ribbon, sign.
_PHOTO_VERB = re.compile(
    r"\s(?:phát biểu|tặng hoa|tặng quà|trao|chúc mừng|bắt tay|hội đàm|thăm|dâng hương"
    r"|dâng hoa|gắn biển|cắt băng|ký kết"
    r"|tiếp(?!\s+(?:tục|theo|nhận|cận|xúc|thu|đón|tế|sức|thị)))(?:\s|[.,]|$)",
    re.IGNORECASE,
)
# Reported speech marks a body sentence, not a photo: stress, say, affirm,
# request, propose, state, point out, express, hope, assess.
_SPEECH_VERB = re.compile(
    r"\b(?:nhấn mạnh|cho biết|khẳng định|yêu cầu|đề nghị|nêu rõ|chỉ rõ|cho rằng|bày tỏ"
    r"|mong muốn|đánh giá)\b",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 30


def _is_caption_like(line: str) -> bool:
    words = line.split()
    if len(words) > _MAX_CAPTION_WORDS or line.endswith((":", ";")) or line[:1] in "-+•*":
        return False
    if len(_split_sentences(line, 0, len(line))) > 1:
        return False
    if _PHOTO_PHRASE.search(line):
        return True
    verb = _PHOTO_VERB.search(line)
    # The photo's subject comes first ("Thứ trưởng X phát biểu ..."); a line
    # opening with the verb ("Phát biểu tại ..., Bộ trưởng nhấn mạnh") is prose.
    return (
        verb is not None
        and len(line[: verb.start()].split()) >= 2
        and line.count(",") <= 2
        and not _SPEECH_VERB.search(line)
    )


# ----------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*")
_OPENERS = '"“‘«([ '
# Abbreviations that end with a dot inside a sentence: professor, associate
# professor, doctor, master, physician, engineer, bachelor, PhD candidate,
# city, district, ward, "etc." and English honorifics.
_ABBREVIATIONS = frozenset(
    {"GS", "PGS", "TS", "ThS", "Th", "S", "BS", "KS", "CN", "NCS", "TP", "Tp", "tp",
     "Q", "P", "TX", "St", "Mr", "Mrs", "Ms", "Dr", "v.v", "vv"}
)  # fmt: skip
_SENTENCE_KINDS = frozenset(
    {BlockKind.TITLE, BlockKind.LEAD, BlockKind.PARAGRAPH, BlockKind.CAPTION,
     BlockKind.CAPTION_REPEAT}
)  # fmt: skip
_EXTRACTABLE = frozenset({BlockKind.TITLE, BlockKind.LEAD, BlockKind.PARAGRAPH, BlockKind.CAPTION})


def _is_abbreviation(text: str, dot: int) -> bool:
    token = text[:dot].rsplit(None, 1)[-1].lstrip('("“') if text[:dot].strip() else ""
    if not token:
        return False
    last = token.rsplit(".", 1)[-1]
    return token in _ABBREVIATIONS or last in _ABBREVIATIONS or bool(re.fullmatch(r"[A-ZĐ]", last))


def _split_sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentences of text[start:end]: a break is [.!?…] then space and a capital, or the end."""
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text, start, end):
        rest = text[m.end() : end]
        if not rest.strip():
            break
        if not rest[:1].isspace():
            continue  # "1.7", "TP.HCM", URLs: no space after the dot
        following = rest.lstrip().lstrip(_OPENERS)
        if not following[:1].isupper():
            continue
        if m.group().startswith(".") and len(m.group()) == 1 and _is_abbreviation(text, m.start()):
            continue
        cuts.append(m.end())
    sentences = []
    for s, e in zip([start, *cuts], [*cuts, end], strict=True):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            sentences.append(Sentence(s, e, text[s:e]))
    return sentences


# ----------------------------------------------------------------- structure


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _mark_related_lists(lines: list[str], kinds: list[BlockKind | None]) -> None:
    # After "Tin liên quan" (related news) come other articles' titles.
    for i, line in enumerate(lines):
        if kinds[i] is BlockKind.FURNITURE and matching_key(line.strip(" :")) in _RELATED:
            for j in range(i + 1, len(lines)):
                if kinds[j] is None and not _is_title_like(lines[j]):
                    break
                kinds[j] = BlockKind.FURNITURE


def parse_structure(text: str) -> ArticleStructure:
    """The structure of an article; `text` must already be `normalize_text`-ed."""
    spans = _line_spans(text)
    lines = [text[s:e] for s, e in spans]
    kinds: list[BlockKind | None] = [
        BlockKind.FURNITURE if _is_furniture(line) else None for line in lines
    ]
    _mark_related_lists(lines, kinds)
    blocks: list[Block] = []
    stamps: list[PartialDate] = [
        d for x, k in zip(lines, kinds, strict=True) if k is BlockKind.FURNITURE
        if _STAMP_LINE.match(x) for _, _, d in find_dates(x) if d.year
    ]  # fmt: skip
    content = [i for i, k in enumerate(kinds) if k is None]

    title = ""
    cursor = 0
    if len(content) > 1:
        i = content[0]
        s, e = spans[i]
        glued = _GLUED_STAMP.search(lines[i])
        if glued:
            stamp_start = s + glued.start("stamp")
            blocks.append(Block(BlockKind.FURNITURE, stamp_start, e))
            stamps[:0] = [d for _, _, d in find_dates(glued.group("stamp")) if d.year]
            e = s + glued.start()
        if _is_title_like(text[s:e]):
            kinds[i], spans[i], title, cursor = BlockKind.TITLE, (s, e), text[s:e], 1
        elif glued:
            spans[i] = (s, e)

    dateline: Dateline | None = None
    if cursor < len(content):
        i = content[cursor]
        kinds[i] = BlockKind.LEAD
        s, e = spans[i]
        prefix = _AGENCY_PREFIX.match(text, s, e)
        if prefix and prefix.end() < e:
            blocks.append(Block(BlockKind.FURNITURE, s, prefix.end()))
            s = prefix.end()
            spans[i] = (s, e)
        found = _match_dateline(text[s:e])
        if found:
            date, place, date_end = found
            date = _with_year(date, text, stamps, text[s:e])
            dateline = Dateline(date, place.strip(), s, s + date_end)
        cursor += 1

    rest = content[cursor:]
    source_name = source_url = author = ""
    for i in reversed(rest[-3:]):
        source = _SOURCE_LINE.match(lines[i])
        theo = _THEO_LINE.match(lines[i])
        if source and (source.group("name") or source.group("url")):
            kinds[i] = BlockKind.SOURCE
            source_name = source_name or source.group("name").strip()
            source_url = source_url or (source.group("url") or "")
        elif theo and i == rest[-1]:
            kinds[i], source_name = BlockKind.SOURCE, source_name or theo.group("name").strip()
    remaining = [i for i in rest if kinds[i] is None]
    if remaining:
        found_author = _byline_author(lines[remaining[-1]])
        if found_author:
            kinds[remaining[-1]], author = BlockKind.BYLINE, found_author
            remaining.pop()

    captions: list[str] = []
    previous: int | None = None
    for i in remaining:
        line = fold_spaces(lines[i])
        if previous is not None and fold_spaces(lines[previous]) == line:
            if kinds[previous] is BlockKind.PARAGRAPH:
                kinds[previous] = BlockKind.CAPTION
                captions.append(lines[previous])
            kinds[i] = BlockKind.CAPTION_REPEAT
        elif _is_caption_like(lines[i]):
            kinds[i] = BlockKind.CAPTION
            captions.append(lines[i])
            previous = i
        else:
            kinds[i] = BlockKind.PARAGRAPH
            previous = i

    for i, kind in enumerate(kinds):
        blocks.append(Block(kind or BlockKind.PARAGRAPH, *spans[i]))
    blocks.sort(key=lambda b: b.start)
    sentences = [
        sentence
        for b in blocks
        if b.kind in _SENTENCE_KINDS
        for sentence in _split_sentences(text, b.start, b.end)
    ]
    published = dateline.date if dateline else _date_only(stamps[0]) if stamps else None
    return ArticleStructure(
        text=text,
        title=title,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        dateline=dateline,
        published=published,
        author=author,
        source_name=source_name,
        source_url=source_url,
        captions=tuple(captions),
    )


def _date_only(date: PartialDate) -> PartialDate:
    return PartialDate(date.year, date.month, date.day)


def _with_year(date: PartialDate, text: str, stamps: list[PartialDate], lead: str) -> PartialDate:
    """The dateline's date, its year inferred from the strongest evidence in the article."""
    if date.year is not None:
        return date
    if stamps:
        # The page's publication stamp: the event happened on or before it.
        return infer_year(date, [], not_after=stamps[0])
    same_day = [
        d.year
        for _, _, d in find_dates(text)
        if d.year and (d.month, d.day) == (date.month, date.day)
    ]
    if same_day:
        return infer_year(date, same_day)
    return infer_year(date, _lead_years(lead))


def sentence_at(structure: ArticleStructure, offset: int) -> Sentence | None:
    """The sentence containing character `offset`, or None outside any sentence."""
    index = bisect.bisect_right(structure.sentences, offset, key=lambda s: s.start) - 1
    if index >= 0 and offset < structure.sentences[index].end:
        return structure.sentences[index]
    return None


def extractable_spans(structure: ArticleStructure) -> list[tuple[int, int]]:
    """Spans entity extractors scan: title, lead, paragraphs and first captions only."""
    return [(b.start, b.end) for b in structure.blocks if b.kind in _EXTRACTABLE]
