"""The list of people and each person's page: posts, articles, mentions over time."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from archive.filters import PersonFilter
from archive.models import RANK_CHOICES, Article, Person
from archive.selectors import choices
from archive.selectors.pages import person_post_summary, with_person_summary
from archive.views.filter_form import FormField, ids_in, values_of
from archive.views.listing import article_page, count_phrase, list_page
from archive.views.pictures import mention_chart

NAME_ORDERINGS = [("name", "Tên A–Z"), ("-name", "Tên Z–A")]
# A person's page lists this many posts, the most recently stated first.
POSTS_SHOWN = 50


def person_list(request):
    return list_page(
        request,
        "archive/person_list.html",
        filterset=PersonFilter(request.GET, queryset=Person.objects.all()),
        rows=with_person_summary,
        kinds={"organisation": "entity"},
        form=person_form,
        noun="nhân vật",
    )


def person_form(request) -> list[FormField]:
    organisations = values_of(request, "organisation")
    return [
        FormField(
            "q",
            "Tên",
            "search",
            values=values_of(request, "q", split=False)[:1],
            help="Không cần gõ dấu.",
        ),
        FormField("rank", "Cấp bậc", "select", values=values_of(request, "rank")[:1]).choose(
            RANK_CHOICES, blank="Mọi cấp bậc"
        ),
        FormField("organisation", "Giữ chức vụ tại", "select", values=organisations).choose(
            sorted(
                (
                    (str(o.pk), str(o))
                    for o in choices.organisations_to_choose(include=ids_in(organisations))
                ),
                key=lambda o: o[1],
            ),
            blank="Mọi tổ chức",
        ),
        FormField(
            "ordering", "Sắp xếp", "select", values=values_of(request, "ordering")[:1]
        ).choose(NAME_ORDERINGS[1:], blank=NAME_ORDERINGS[0][1]),
    ]


def person_detail(request, pk: int):
    person = Person.objects.filter(pk=pk).prefetch_related("aliases").first()
    if person is None:
        raise Http404("Không có nhân vật này.")
    page, page_error = article_page(request, Article.objects.mentioning_person(person.pk))
    posts = person_post_summary(person)
    context = {
        "person": person,
        "posts": posts[:POSTS_SHOWN],
        "more_posts": max(0, len(posts) - POSTS_SHOWN),
        "page": page,
        "page_error": page_error,
        "list_url": reverse("archive:article_list") + f"?person={person.pk}",
        "count_phrase": count_phrase(page, "bài viết"),
        "chart": mention_chart(person.mentions.all(), name=person.name),
    }
    return render(request, "archive/person_detail.html", context)
