"""Shapes of the career answers: a person's timeline, an organisation's posts and units."""

from __future__ import annotations

from rest_framework import serializers

from archive.api.serializers import (
    ArticleRefSerializer,
    OrganisationRefSerializer,
    PersonListSerializer,
)
from archive.selectors.careers import SAMPLE, UNIT_DEPTH, UNITS_SHOWN


class StatedPostSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The post as the article states it.")
    former = serializers.BooleanField(help_text='Stated as a former post ("nguyên ...").')
    organisation = OrganisationRefSerializer(allow_null=True)


class StatementSerializer(serializers.Serializer):
    article = ArticleRefSerializer(help_text="The article stating the rank and posts.")
    rank = serializers.CharField(help_text="The rank it states; empty when it states none.")
    rank_former = serializers.BooleanField(
        help_text='Stated as a former rank ("nguyên Trung tá"); false when no rank is stated.'
    )
    posts = StatedPostSerializer(many=True)


class TimelineSerializer(serializers.Serializer):
    results = StatementSerializer(
        source="statements",
        many=True,
        help_text="One entry per dated article stating a rank or a post, newest first.",
    )
    next = serializers.SerializerMethodField(
        help_text="The next (older) page; null on the last page."
    )

    def get_next(self, timeline) -> str | None:
        if timeline.next_before is None:
            return None
        request = self.context["request"]
        query = request.query_params.copy()
        query["before"] = str(timeline.next_before)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class HolderSerializer(serializers.Serializer):
    person = PersonListSerializer()
    first_seen = serializers.DateField(allow_null=True)
    last_seen = serializers.DateField(allow_null=True)
    articles = serializers.IntegerField(help_text="Articles stating it (in the sample).")
    former = serializers.BooleanField(help_text="Every article stating it calls it former.")


class PostHoldersSerializer(serializers.Serializer):
    title = serializers.CharField()
    holders = HolderSerializer(many=True, help_text="Most recently stated first.")


class OrganisationPostsSerializer(serializers.Serializer):
    posts = PostHoldersSerializer(many=True, help_text="By post title.")
    lower_bound = serializers.BooleanField(
        help_text=f"More than the {SAMPLE} newest posts are stated here: dates and counts "
        "are those of the newest ones, counts are at least the ones given."
    )
    sampled = serializers.IntegerField()


class UnitSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    units = serializers.ListField(
        child=serializers.DictField(), help_text="Its own units, in the same shape."
    )

    def to_representation(self, unit):
        return {
            "organisation": OrganisationRefSerializer(unit.organisation, context=self.context).data,
            "units": [self.to_representation(child) for child in unit.units],
        }


class UnitTreeSerializer(serializers.Serializer):
    units = UnitSerializer(
        many=True,
        help_text=f"Units under the organisation, {UNIT_DEPTH} levels deep, "
        f"at most {UNITS_SHOWN} in all, by name.",
    )
    shown = serializers.IntegerField()
    truncated = serializers.BooleanField(help_text="More units exist than are given.")
