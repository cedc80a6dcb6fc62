"""Photo captions: short lines that describe a photo rather than tell the news.

What belongs here: the shape of a caption (a photo phrase, a subject then a
photo verb, no reported speech, one sentence). Repeated captions are handled
in `structure.py`, which sees neighbouring lines.
"""

from __future__ import annotations

import re

from archive.extraction.article.sentences import split_sentences

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


def is_caption_like(line: str) -> bool:
    words = line.split()
    if len(words) > _MAX_CAPTION_WORDS or line.endswith((":", ";")) or line[:1] in "-+•*":
        return False
    if len(split_sentences(line, 0, len(line))) > 1:
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
