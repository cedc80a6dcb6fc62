"""Military and police ranks: the fixed set the archive records a person's rank in.

What belongs here: the ranks themselves (a closed set fixed by law, so the
database can check it) and the mapping of any spelling onto the canonical one.
"""

from __future__ import annotations

from archive.extraction.normalize import matching_key

# CAND ranks, Luật Công an nhân dân 2018 art. 21, highest first
# (general / senior colonel ... private), then the navy's flag ranks.
RANKS: tuple[str, ...] = (
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
    "Thượng sĩ",
    "Trung sĩ",
    "Hạ sĩ",
    "Binh nhất",
    "Binh nhì",
    "Đô đốc",
    "Phó Đô đốc",
    "Chuẩn Đô đốc",
)

_BY_KEY = {matching_key(rank): rank for rank in RANKS}


def canonical_rank(text: str) -> str | None:
    """The canonical spelling of a rank ("Đại uý" -> "Đại úy"), or None if not a rank."""
    return _BY_KEY.get(matching_key(text))
