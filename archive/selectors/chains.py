"""Reads of the links between directives: who issued one, what it implements, and the
chain of implementation both ways."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Prefetch

from archive.models import Directive, DirectiveIssuer


def directive_with_links(directive_id: int) -> Directive:
    """A directive with its issuers (in order) and its direct implementation links."""
    related = Directive.objects.select_related("issuer")
    return (
        Directive.objects.select_related("issuer__parent")
        .prefetch_related(
            Prefetch("implements", queryset=related),
            Prefetch("implemented_by", queryset=related),
            Prefetch(
                "issuer_links", queryset=DirectiveIssuer.objects.select_related("organisation")
            ),
        )
        .get(pk=directive_id)
    )


@dataclass(frozen=True)
class ChainLevels:
    """A directive's implementation chain, level by level away from it.

    `upward[0]` holds what the directive implements directly, `upward[1]` what
    those implement, and so on; `downward` the same for what implements it.
    """

    directive: Directive
    upward: list[list[Directive]]
    downward: list[list[Directive]]
    # (implementer id, implemented id) for every link drawn.
    links: list[tuple[int, int]]


def implementation_chain(directive: Directive, *, depth: int = 3) -> ChainLevels:
    """Walk the `implements` links both ways, one query per level, each directive once."""
    seen = {directive.pk}
    links: list[tuple[int, int]] = []
    upward = _walk(directive, seen, links, depth=depth, up=True)
    downward = _walk(directive, seen, links, depth=depth, up=False)
    return ChainLevels(directive=directive, upward=upward, downward=downward, links=links)


def _walk(
    directive: Directive,
    seen: set[int],
    links: list[tuple[int, int]],
    *,
    depth: int,
    up: bool,
) -> list[list[Directive]]:
    through = Directive.implements.through
    levels: list[list[Directive]] = []
    frontier = {directive.pk}
    for _ in range(depth):
        if up:
            pairs = through.objects.filter(from_directive_id__in=frontier)
        else:
            pairs = through.objects.filter(to_directive_id__in=frontier)
        pairs_list = list(pairs.values_list("from_directive_id", "to_directive_id"))
        if not pairs_list:
            break
        links.extend(pair for pair in pairs_list if pair not in links)
        found = {to_id if up else from_id for from_id, to_id in pairs_list} - seen
        if not found:
            break
        seen |= found
        level = list(
            Directive.objects.filter(pk__in=found)
            .select_related("issuer")
            .order_by(F("issued_on").desc(nulls_last=True), "symbol", "id")
        )
        levels.append(level)
        frontier = found
    return levels
