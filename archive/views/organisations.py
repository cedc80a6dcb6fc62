"""The list of organisations and each organisation's page: units, people, articles."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.display import kind_label
from archive.filters import OrganisationFilter
from archive.models import Article, EntityCount, Organisation
from archive.paging import count_capped
from archive.selectors import choices
from archive.selectors.careers import (
    Holder,
    PostHolders,
    organisation_posts,
    organisation_units,
)
from archive.selectors.counts import with_organisation_counts
from archive.selectors.positions import organisation_people
from archive.selectors.related import organisation_circle
from archive.views.filter_form import (
    FormField,
    by_name,
    ids_in,
    ordering_field,
    search_field,
    values_of,
)
from archive.views.fragments import entity_block
from archive.views.listing import entity_articles, list_page
from archive.views.merged import redirect_to_survivor
from archive.views.network import network

NAME_ORDERINGS = [
    ("name", _("Name A–Z")),
    ("-name", _("Name Z–A")),
    ("abbreviation", _("Abbreviation")),
]
# An organisation page lists this many of its people; the rest are one link away.
PEOPLE_SHOWN = 50
# Each post lists this many of its holders, the most recently stated first.
HOLDERS_SHOWN = 20
DIRECTIVES_SHOWN = 30


def organisation_list(request):
    return list_page(
        request,
        "archive/organisation_list.html",
        filterset=OrganisationFilter(request.GET, queryset=Organisation.objects.all()),
        rows=with_organisation_counts,
        kinds={"parent": "entity"},
        form=organisation_form,
        noun="organisation",
        decorate=label_kind,
    )


def label_kind(organisation) -> None:
    organisation.kind_label = kind_label(organisation.kind)


def organisation_form(request) -> list[FormField]:
    parents = values_of(request, "parent")[:1]
    return [
        search_field(request, _("Name"), help=_("Name or abbreviation; accents are optional.")),
        FormField("kind", _("Kind"), "select", values=values_of(request, "kind")[:1]).choose(
            [(kind, kind_label(kind)) for kind in choices.organisation_kinds()],
            blank=_("Any kind"),
        ),
        FormField("parent", _("Part of"), "select", values=parents, suggest="organisations").choose(
            by_name(choices.parents_to_choose(include=ids_in(parents))),
            blank=_("Any"),
        ),
        ordering_field(request, NAME_ORDERINGS),
    ]


def organisation_detail(request, pk: int):
    organisation = (
        Organisation.objects.filter(pk=pk)
        .select_related("parent")
        .prefetch_related("aliases")
        .first()
    )
    if organisation is None:
        moved = redirect_to_survivor(
            request, model=Organisation, pk=pk, url_name="archive:organisation_detail"
        )
        if moved is not None:
            return moved
        raise Http404(_("There is no such organisation."))
    directives = organisation.directives_issued.order_by("-issued_on", "symbol")
    articles = entity_articles(
        request,
        Article.objects.mentioning_organisation(organisation.pk),
        parameter="organisation",
        pk=organisation.pk,
        kind=EntityCount.Kind.ORGANISATION,
        name=organisation.name,
    )
    context = {
        "organisation": organisation,
        "kind_label": kind_label(organisation.kind),
        "directives": directives[:DIRECTIVES_SHOWN],
        "directive_count": directives.count(),
        "directives_shown": DIRECTIVES_SHOWN,
        # Read in second requests (organisation_people_block, organisation_circle_block).
        "people_url": reverse("archive:organisation_people", args=[organisation.pk]),
        "circle_url": reverse("archive:organisation_circle", args=[organisation.pk]),
        **articles,
    }
    return render(request, "archive/organisation_detail.html", context)


def _organisation_block(request, pk: int, template: str, title, context) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.only("id", "name"), pk=pk)
    return entity_block(
        request,
        organisation,
        template,
        {"organisation": organisation, **context(organisation)},
        title=title,
    )


def organisation_people_block(request, pk: int):
    """The units, the posts over time and the people holding posts: a second request."""

    def context(organisation) -> dict:
        people = organisation_people(organisation)
        # Capped: a hub body has tens of thousands of post holders (74 ms to count at 1M).
        people_count, people_more = count_capped(people.values("pk"))
        posts = organisation_posts(organisation.pk)
        return {
            "units": organisation_units(organisation.pk),
            "posts": posts,
            "post_rows": [shown_holders(post) for post in posts.posts],
            "people": people[:PEOPLE_SHOWN],
            "people_count": people_count,
            "people_more": people_more,
            "people_shown": PEOPLE_SHOWN,
        }

    return _organisation_block(
        request,
        pk,
        "archive/fragments/organisation_people.html",
        _("Units and positions of %(name)s"),
        context,
    )


@dataclass
class ShownPost:
    title: str
    holders: list[Holder]
    more: int  # holders not listed

    @property
    def rows(self) -> int:
        return len(self.holders) + bool(self.more)


def shown_holders(post: PostHolders) -> ShownPost:
    """A post with its most recent HOLDERS_SHOWN holders: a hub body's post has hundreds."""
    shown = post.holders[:HOLDERS_SHOWN]
    return ShownPost(post.title, shown, len(post.holders) - len(shown))


def organisation_circle_block(request, pk: int):
    """The people and bodies most often named with the organisation: a second request."""

    def context(organisation) -> dict:
        return {"network": network(organisation_circle(organisation.pk), name=organisation.name)}

    return _organisation_block(
        request, pk, "archive/fragments/network.html", _("Often named with %(name)s"), context
    )
