"""One key for the several forms of one body's name within an article.

What belongs here: the key under which "TAND tỉnh X" and "Tòa án nhân dân tỉnh
X", "Bộ Nội vụ Liên bang Nga" and "Bộ Nội vụ Nga", "Bộ Công an Việt Nam" and
"Bộ Công an" compare equal, built from `normalize.matching_key`.
"""

from __future__ import annotations

from functools import lru_cache

from archive.extraction import lexicon as lx
from archive.extraction.normalize import matching_key


def canonical_key(name: str, named: frozenset[str] = frozenset()) -> str:
    """The key of a name, one for every form of the same body.

    "Quân đội nhân dân Việt Nam" is the body "Quân đội nhân dân"; "Bộ Nội vụ
    Liên bang Nga" is "Bộ Nội vụ Nga"; "Bộ Công an Việt Nam" is "Bộ Công an"
    when the article also writes that (`named`: the keys of all its names),
    for a foreign body's name may carry its country where a home one does not.
    """
    return home_base(spelled_out(without_country_prefix(matching_key(name))), named)


def home_base(key: str, named: frozenset[str]) -> str:
    """ "bộ công an việt nam" -> "bộ công an" (see `canonical_key`)."""
    suffix = " việt nam"
    base = key[: -len(suffix)]
    if key.endswith(suffix) and (
        lx.STANDALONE_KIND_BY_KEY.get(base) in {"police", "military"} or base in named
    ):
        return base
    return key


# The press's abbreviations of the words of a body's name, so that "TAND tỉnh
# X" and "Tòa án nhân dân tỉnh X", "Cơ quan CSĐT" and "Cơ quan Cảnh sát điều
# tra" are one body: courts, procuracies, people's committees and councils,
# investigation, city, joint-stock commercial.
_SPELLED_OUT = {
    matching_key(short): matching_key(full)
    for short, full in (
        ("TAND", "Tòa án nhân dân"),
        ("VKSND", "Viện kiểm sát nhân dân"),
        ("KSND", "kiểm sát nhân dân"),
        ("TANDTC", "Tòa án nhân dân tối cao"),
        ("VKSNDTC", "Viện kiểm sát nhân dân tối cao"),
        ("UBND", "Ủy ban nhân dân"),
        ("HĐND", "Hội đồng nhân dân"),
        ("CSĐT", "Cảnh sát điều tra"),
        ("CQĐT", "Cơ quan điều tra"),
        ("TP", "thành phố"),
        ("TP.", "thành phố"),
        ("TP.HCM", "thành phố Hồ Chí Minh"),
        ("HCM", "Hồ Chí Minh"),
        ("TMCP", "thương mại cổ phần"),
    )
}


# The same bodies are named in article after article: each key is rewritten once.
@lru_cache(maxsize=1 << 14)
def spelled_out(key: str) -> str:
    words = key.split(" ")
    return " ".join(map(_SPELLED_OUT.get, words, words))


@lru_cache(maxsize=1 << 14)
def without_country_prefix(key: str) -> str:
    """ "bộ nội vụ liên bang nga" -> "bộ nội vụ nga": the country's style is not the body's name."""
    for prefix in lx.COUNTRY_PREFIXES:
        marker = f" {prefix} "
        if marker not in key:
            continue
        at = key.rfind(marker)
        if at > 0 and key[at + len(marker) :] in lx.COUNTRY_KEYS:
            return key[:at] + " " + key[at + len(marker) :]
    return key
