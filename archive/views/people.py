"""The list of people and each person's page: posts, articles, mentions over time."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from archive.filters import RANK_GROUPS, PersonFilter
from archive.models import RANK_CHOICES, Article, EntityCount, Person
from archive.selectors import choices
from archive.selectors.careers import career_steps, person_timeline
from archive.selectors.counts import person_post_summary, with_person_summary
from archive.selectors.positions import person_rank_summary
from archive.selectors.related import person_circle
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

# The rank groups as choices first ("cấp tướng": every general rank), then each rank.
RANK_OPTIONS = [
    *((name, f"{name.capitalize()} ({', '.join(ranks)})") for name, ranks in RANK_GROUPS.items()),
    *RANK_CHOICES,
]
NAME_ORDERINGS = [("name", _("Name A–Z")), ("-name", _("Name Z–A"))]
# A person's page lists this many posts, the most recently stated first.
POSTS_SHOWN = 50
# Its timeline folds this many articles' statements into career steps, a page at a time.
TIMELINE_SHOWN = 100


def person_list(request):
    return list_page(
        request,
        "archive/person_list.html",
        filterset=PersonFilter(request.GET, queryset=Person.objects.all()),
        rows=with_person_summary,
        kinds={"organisation": "entity"},
        form=person_form,
        noun="person",
    )


def person_form(request) -> list[FormField]:
    organisations = values_of(request, "organisation")
    return [
        search_field(request, _("Name"), help=_("Accents are optional.")),
        FormField("rank", _("Rank"), "select", values=values_of(request, "rank"), many=True).choose(
            RANK_OPTIONS, blank=_("Any rank")
        ),
        FormField(
            "organisation",
            _("Holds a post at"),
            "select",
            values=organisations,
            many=True,
            suggest="organisations",
        ).choose(
            by_name(choices.organisations_to_choose(include=ids_in(organisations))),
            blank=_("Any organisation"),
        ),
        ordering_field(request, NAME_ORDERINGS),
    ]


def person_detail(request, pk: int):
    person = Person.objects.filter(pk=pk).prefetch_related("aliases").first()
    if person is None:
        moved = redirect_to_survivor(request, model=Person, pk=pk, url_name="archive:person_detail")
        if moved is not None:
            return moved
        raise Http404(_("There is no such person."))
    articles = entity_articles(
        request,
        Article.objects.mentioning_person(person.pk),
        parameter="person",
        pk=person.pk,
        kind=EntityCount.Kind.PERSON,
        name=person.name,
    )
    posts, total_posts = person_post_summary(person, shown=POSTS_SHOWN)
    before = request.GET.get("before", "")
    timeline_url = reverse("archive:person_timeline", args=[person.pk])
    context = {
        "person": person,
        "ranks": person_rank_summary(person),
        "posts": posts,
        "more_posts": max(0, total_posts - POSTS_SHOWN),
        # Read in second requests (person_circle_block, person_timeline_block).
        "circle_url": reverse("archive:person_circle", args=[person.pk]),
        "timeline_url": timeline_url + (f"?before={before}" if before.isdigit() else ""),
        **articles,
    }
    return render(request, "archive/person_detail.html", context)


def person_timeline_block(request, pk: int):
    """The person's career in steps, a page of articles at a time: a second request."""
    person = get_object_or_404(Person.objects.only("id", "name"), pk=pk)
    timeline = person_timeline(person.pk, before=timeline_anchor(request), limit=TIMELINE_SHOWN)
    return entity_block(
        request,
        person,
        "archive/fragments/person_timeline.html",
        {
            "person_url": person.get_absolute_url(),
            "career": career_steps(timeline.statements),
            "career_next": timeline.next_before,
            "career_paged": "before" in request.GET,
        },
        title=_("Ranks and positions of %(name)s"),
    )


def person_circle_block(request, pk: int):
    """The people and bodies most often named with the person: the page's second request."""
    person = get_object_or_404(Person.objects.only("id", "name"), pk=pk)
    return entity_block(
        request,
        person,
        "archive/fragments/network.html",
        {"network": network(person_circle(person.pk), name=person.name)},
        title=_("Often named with %(name)s"),
    )


def timeline_anchor(request) -> Article | None:
    """The article `?before=` names: the timeline goes on with the ones older than it.

    An id that is not a number or names no article starts the timeline at the newest.
    """
    raw = request.GET.get("before", "")
    if not raw.isdigit():
        return None
    return Article.objects.only("id", "published_on").filter(pk=int(raw)).first()
