"""The lists' alphabetical order and the merged-id lookup are index reads, on both databases."""

from __future__ import annotations

import pytest
from django.db import connection

from archive.filters import ArticleFilter, OrganisationFilter, PersonFilter
from archive.models import Article, Organisation, Person
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


def test_an_old_id_in_a_filter_is_one_primary_key_read_of_the_redirect_table():
    filterset = ArticleFilter({"organisation": "7"}, queryset=Article.objects.all())
    assert filterset.is_valid()
    plan = plan_of(filterset.qs.values("id"), seqscan=connection.vendor != "postgresql")
    assert "archive_organisationredirect" in plan, plan
    assert "archive_organisationredirect_pkey" in plan or "PRIMARY KEY" in plan, plan
