"""How values read on the pages and in the admin: partial dates, kinds, directive names."""

from __future__ import annotations

from django.utils.translation import gettext as _

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
        if evidence:
            return _("%(date)s (year inferred from %(evidence)s)") % {
                "date": label,
                "evidence": evidence,
            }
        return _("%(date)s (year inferred)") % {"date": label}
    if precision == "month" and year and month:
        return _("month %(month)s/%(year)s") % {"month": month, "year": year}
    if precision == "day_month" and day and month:
        return _("%(day)02d/%(month)02d (year unknown)") % {"day": day, "month": month}
    if article.published_on:
        return article.published_on.strftime("%d/%m/%Y")
    return _("date unknown")


def directive_name(directive) -> str:
    """“Nghị quyết 59-NQ/TW”, or with only a number “Nghị quyết số 59”."""
    if directive.symbol:
        return f"{directive.kind} {directive.symbol}"
    if directive.number:
        return _("%(kind)s no. %(number)s") % {"kind": directive.kind, "number": directive.number}
    return directive.kind
