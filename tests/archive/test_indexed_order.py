"""The lists' alphabetical order and the merged-id lookup are index reads, on both databases."""

from __future__ import annotations

import pytest
from django.db import connection

from archive.filters import ArticleFilter, OrganisationFilter, PersonFilter
from archive.models import Article, Organisation, Person
from archive.services import merge_organisations
from tests.archive.queries import plan_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("filterset_class", "model", "index"),
    [
        (PersonFilter, Person, "person_sort_key"),
        (OrganisationFilter, Organisation, "organisation_sort_key"),
    ],
)
def test_a_page_of_names_in_vietnamese_order_reads_the_sort_key_index(
    filterset_class, model, index
):
    # The list's own default order, as the page and the API apply it.
    queryset = filterset_class({}, queryset=model.objects.all()).qs
    plan = plan_of(queryset.values("id")[:20], seqscan=connection.vendor != "postgresql")
    assert index in plan, plan
    if connection.vendor == "postgresql":
        assert "Sort" not in plan.split("\n")[1], plan  # rows come in order from the index


def test_an_old_id_in_a_filter_is_read_first_so_the_list_filters_on_the_survivors_id():
    survivor = Organisation.objects.create(name="Công an tỉnh Lam Giang")
    gone = Organisation.objects.create(name="Công an Lam Giang")
    merge_organisations(survivor=survivor, merged=[gone])
    filterset = ArticleFilter({"organisation": str(gone.pk)}, queryset=Article.objects.all())
    assert filterset.is_valid()
    # The planner sees a constant id (its share of the articles is known), not a
    # subquery on the redirect table.
    plan = plan_of(filterset.qs.values("id"), seqscan=connection.vendor != "postgresql")
    assert "archive_organisationredirect" not in plan, plan
    _, params = filterset.qs.values("id").query.sql_with_params()
    assert survivor.pk in params and gone.pk not in params
