"""How values read on the pages and in the admin: partial dates, kinds, directive names."""

from __future__ import annotations

from archive.models import Organisation


def kind_label(kind: str) -> str:
    """The label of an organisation kind (`Organisation.Kind`); an unknown kind as it is."""
    return Organisation.Kind(kind).label if kind in Organisation.Kind.values else kind


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
