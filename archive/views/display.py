"""How values read on the pages: partial dates, organisation kinds, directive names."""

from __future__ import annotations

from archive.extraction.lexicon import HEAD_KINDS, STANDALONE_BODIES

# The English kind classes of organisations (extraction.lexicon) read as the
# Vietnamese head noun that introduces them: "ministry" -> "Bộ". A kind that
# several head nouns share is named by all of them, or by their common name:
# its first head alone would mislabel the others (a "Vụ" is not a "Cục").
KIND_LABELS: dict[str, str] = {
    # assigned by the organisation grammar to "Ban Chỉ đạo …" and "Ban Chỉ huy …"
    "steering_committee": "Ban Chỉ đạo, Ban Chỉ huy",
    "command": "Bộ Tư lệnh, Bộ Chỉ huy",
    "department": "Cục, Vụ",
    "division": "Phòng, Sư đoàn",
    "military": "Quân đội",  # army (the heads are "Bộ đội", "Quân đội nhân dân")
    "party_committee": "Cấp ủy Đảng",  # Party committees: Đảng ủy, Tỉnh ủy, Quân ủy …
    "service_branch": "Quân chủng, Binh chủng",
}
for _head, _kind in [*HEAD_KINDS.items(), *STANDALONE_BODIES.items()]:
    KIND_LABELS.setdefault(_kind, _head)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind) if kind else ""


def article_date(article) -> str:
    """The publication date as far as it is known; a missing year is said, not invented."""
    precision = article.published_precision
    year, month, day = article.published_year, article.published_month, article.published_day
    if article.published_on and precision in ("full", "unknown"):
        label = article.published_on.strftime("%d/%m/%Y")
        if not article.published_year_inferred:
            return label
        evidence = getattr(article, "published_evidence", "")
        return f"{label} (năm suy ra từ {evidence})" if evidence else f"{label} (năm suy ra)"
    if precision == "month" and year and month:
        return f"tháng {month}/{year}"
    if precision == "day_month" and day and month:
        return f"{day:02d}/{month:02d} (không rõ năm)"
    if article.published_on:
        return article.published_on.strftime("%d/%m/%Y")
    return "không rõ ngày"


def directive_name(directive) -> str:
    """“Nghị quyết 59-NQ/TW”, or with only a number “Nghị quyết số 59”."""
    if directive.symbol:
        return f"{directive.kind} {directive.symbol}"
    if directive.number:
        return f"{directive.kind} số {directive.number}"
    return directive.kind
