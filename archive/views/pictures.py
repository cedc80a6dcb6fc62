"""The pictures of the entity pages, from selector data to inline SVG (archive.charts)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive import charts
from archive.display import directive_name
from archive.selectors.chains import implementation_chain
from archive.selectors.counts import mentions_per_month


def mention_chart(kind: str, pk: int, *, name: str) -> dict:
    """The bar chart of an entity's mentions per month, with its numbers for a table."""
    months, (undated, more) = mentions_per_month(kind, pk)
    bars = charts.bars_by_month([(m.month, m.count) for m in months])
    return {
        "inferred": sum(m.inferred for m in months),
        "svg": charts.bar_chart(
            bars,
            title=_("Mentions of %(name)s over time") % {"name": name},
            unit=_("mentions"),
        ),
        "bars": bars,
        "undated": _("more than %(count)d") % {"count": undated} if more else undated,
    }


def chain_node(directive, *, current: bool = False) -> charts.ChainNode:
    issued = (
        directive.issued_on.strftime("%d/%m/%Y")
        if directive.issued_on
        else (str(directive.issued_year) if directive.issued_year else "")
    )
    number = _("no. %(number)s") % {"number": directive.number} if directive.number else ""
    first = directive.symbol or number or directive.kind
    name = directive_name(directive)
    if directive.issuer_id:
        name = _("%(directive)s of %(issuer)s") % {"directive": name, "issuer": directive.issuer}
    return charts.ChainNode(
        key=directive.pk,
        lines=tuple(line for line in (first, directive.kind, issued) if line),
        title=name,
        url=reverse("archive:directive_detail", args=[directive.pk]),
        current=current,
    )


def chain_picture(directive):
    """The implementation chain around a directive: what it implements above, implementers below."""
    chain = implementation_chain(directive)
    if not chain.upward and not chain.downward:
        return None
    rows = [
        *([chain_node(d) for d in level] for level in reversed(chain.upward)),
        [chain_node(directive, current=True)],
        *([chain_node(d) for d in level] for level in chain.downward),
    ]
    return charts.chain_diagram(
        rows,
        chain.links,
        title=_(
            "Implementation chain of %(directive)s: a directive above is implemented "
            "by the directive below it"
        )
        % {"directive": directive_name(directive)},
    )
