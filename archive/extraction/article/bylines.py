"""The last lines of an article: its byline (author) and its source line.

What belongs here: recognising "Nguồn X: url", "Theo X", "Bài và ảnh: X",
"Hoàng Long - Minh Hà" and the like, and reading the author or publication
they name.
"""

from __future__ import annotations

import re

SOURCE_LINE = re.compile(
    r"^\(?\s*Nguồn\s*:?\s*(?P<name>[^:]*?)\s*[:\-–]?\s*(?P<url>https?://\S+)?\s*\)?\s*$",
    re.IGNORECASE,
)
# "Theo X" (according to X) as a last line credits the publication it came from.
THEO_LINE = re.compile(r"^\(?\s*Theo\s+(?P<name>[^,.:;]{2,60}?)\s*\)?\s*$")
# Byline prefixes: text and photos, text, news and photos, reporters' team, reporter.
_BYLINE_PREFIX = re.compile(
    r"^(?:Bài(?:\s+và|\s*,)?\s+ảnh|Bài|Tin(?:\s+và|\s*,)?\s+ảnh|Tin|Nhóm phóng viên"
    r"|Phóng viên|PV)\s*:\s*",
    re.IGNORECASE,
)
_TEAM = re.compile(r"^(?:Nhóm\s+(?:PV|phóng viên)|PV|Phóng viên)$", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ])+\.?$")
# Between two names of a byline: "Minh Anh - Hà Vĩ", "A, B & C", "A và B".
_NAME_SEPARATOR = re.compile(r"\s*(?:[-–,&]|\svà\s)\s*")
# What the author did, after the name: conducted (an interview), noted down,
# summarised, translated ("Thu Hà (thực hiện)").
_ROLE_SUFFIX = re.compile(
    r"\s*\((?:thực hiện|ghi|ghi chép|tổng hợp|lược dịch|biên dịch|dịch)\)$", re.IGNORECASE
)


def _is_name_word(word: str) -> bool:
    return bool(_INITIALS.match(word)) or (
        word[:1].isupper() and word.isalpha() and (word[1:].islower() or len(word) == 1)
    )


def _is_name(words: list[str]) -> bool:
    # Some sites print the byline in capitals ("KHÁNH LINH").
    if all(w.isalpha() and w.isupper() for w in words):
        return True
    return all(_is_name_word(w) for w in words)


def byline_author(line: str) -> str | None:
    """The author a byline line names, or None when the line is not a byline."""
    core = _ROLE_SUFFIX.sub("", line.strip()).strip("()").strip()
    prefix = _BYLINE_PREFIX.match(core)
    if prefix:
        core = core[prefix.end() :].strip()
    if _TEAM.match(core):
        return core
    if not core or len(core) > 60:
        return None
    # "Hoàng Long - Minh Hà", "T.H và N.A": several authors.
    names = [n.strip() for n in _NAME_SEPARATOR.split(core) if n.strip()]
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 5 or not _is_name(words):
            return None
    if not prefix and len(core.split()) == 1 and not _INITIALS.match(core):
        # A single capitalised word at the end ("Hết", "Ảnh") is too weak a byline.
        return None
    return core
