"""Photo captions: short lines that describe a photo rather than tell the news.

What belongs here: the shape of a caption (a photo phrase, a subject then a
photo verb, no reported speech, one sentence). Repeated captions are handled
in `structure.py`, which sees neighbouring lines.
"""

from __future__ import annotations

import re

from archive.extraction.article.sentences import has_sentence_break

# Phrases that only describe a photo: overall view, scene, photo:, illustration,
# posing for a (souvenir) photo.
# Where someone stands in the photo: "(bìa trái)" far left, "(thứ hai từ
# phải)" second from right, "(đứng giữa)" standing in the middle, "(hàng
# đầu)" front row, left, right, middle.
_PHOTO_PHRASE = re.compile(
    r"(?:^|\W)(?:toàn cảnh|quang cảnh|ảnh\s*:|ảnh minh họa|ảnh minh hoạ|chụp ảnh|ảnh lưu niệm"
    r"|\((?:[^()]{0,20}\s)?(?:bìa|từ|đứng|ngồi|hàng)?\s*(?:trái|phải|giữa|đầu)\))",
    re.IGNORECASE,
)
# A photo credit closing the line: "... tại hội đàm. Ảnh: BCA", "(Ảnh: Thu Hà)".
_CREDIT = re.compile(r"\s*\(?\s*Ảnh\s*:\s*[^.()]{1,40}\)?\s*$", re.IGNORECASE)
# Narration: aspect words (already, will, just, is -ing) tell what happened;
# a caption shows it in the present.
_NARRATION = re.compile(r"\b(?:đã|sẽ|vừa|đang)\b", re.IGNORECASE)
_MAX_PLAIN_CAPTION_WORDS = 18
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


def is_caption_like(line: str, *, after_image: bool = False) -> bool:
    """Whether a line reads as a photo caption; `after_image`: an image file name precedes it."""
    # The credit's "Ảnh:" has a colon: most lines, without one, need no search.
    credit = _CREDIT.search(line) if ":" in line else None
    core = line[: credit.start()] if credit else line
    # Split no further than the longest caption needs: a long paragraph is not one.
    words = core.split(maxsplit=_MAX_CAPTION_WORDS + 1)
    if len(words) > _MAX_CAPTION_WORDS or core.endswith((":", ";")) or core[:1] in "-+•*":
        return False
    if has_sentence_break(core):
        return False
    if credit or after_image or _PHOTO_PHRASE.search(core):
        return True
    if _SPEECH_VERB.search(core) or _NARRATION.search(core):
        return False
    verb = _PHOTO_VERB.search(core)
    # The photo's subject comes first ("Thứ trưởng X phát biểu ..."); a line
    # opening with the verb ("Phát biểu tại ..., Bộ trưởng nhấn mạnh") is prose.
    if verb is not None and len(core[: verb.start()].split()) >= 2 and core.count(",") <= 2:
        return True
    # A short line of one plain clause standing alone between paragraphs
    # ("Đối tượng X tại cơ quan Công an.") describes a photo: prose in this
    # genre comes in paragraphs of several clauses, opened by an adverbial
    # ("Dự kiến, ...") or carrying a quotation.
    return (
        4 <= len(words) <= _MAX_PLAIN_CAPTION_WORDS
        and core.endswith(".")
        and not any(c in core for c in ',;:"“”?!')
    )
