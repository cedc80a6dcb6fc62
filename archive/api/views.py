"""The API's endpoints: thin viewsets over selectors (reads), FilterSets and services (writes)."""

from __future__ import annotations

from dataclasses import asdict

from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_filters import utils as filter_utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from archive import filters
from archive.api import careers as career_shapes
from archive.api import serializers as shapes
from archive.api import writes
from archive.api.imports import ImportJobSerializer, start_upload_job, wants_job
from archive.api.merging import MergeMixin, document_merge
from archive.api.pagination import CappedPageNumberPagination, KeysetPagination
from archive.api.parsers import ArticleJSONParser
from archive.api.permissions import check_import_allowed
from archive.api.schema import ArchiveAutoSchema
from archive.api.throttling import LoginThrottle
from archive.exports.responses import FORMATS as EXPORT_FORMATS
from archive.exports.responses import export_response
from archive.filters.base import MAX_QUERY_LENGTH
from archive.models import Article, Directive, Organisation, Person
from archive.search.syntax import ParsedQuery, parse_query
from archive.selectors import api as selectors
from archive.selectors.careers import (
    TIMELINE_MAX_PAGE,
    TIMELINE_PAGE,
    organisation_posts,
    organisation_units,
    person_timeline,
)
from archive.selectors.facets import SAMPLE as FACET_SAMPLE
from archive.selectors.facets import article_facets
from archive.selectors.redirects import survivor_id
from archive.selectors.related import SAMPLE as CIRCLE_SAMPLE
from archive.selectors.related import organisation_circle, person_circle
from archive.selectors.similar import similar_articles
from archive.services import (
    ArticleImportError,
    ImportStatus,
    editing,
    import_text,
    merge_organisations,
    merge_people,
)


class ArchiveFilterBackend(DjangoFilterBackend):
    """Filters lists only, refusing parameters a list does not take.

    Keeps the FilterSet on the view to explain an empty page.
    """

    def filter_queryset(self, request, queryset, view):
        # The list and the actions the schema documents as taking its filters.
        if getattr(view, "action", None) not in ("list", *ArchiveAutoSchema.FILTERED_ACTIONS):
            return queryset
        self.refuse_unknown_parameters(request, view)
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise filter_utils.translate_validation(filterset.errors)
        view.filterset = filterset
        return filterset.qs

    @staticmethod
    def refuse_unknown_parameters(request, view) -> None:
        """A 400 for a parameter the list does not take: a typo must not widen the list."""
        paginator = view.paginator or CappedPageNumberPagination()
        known = {*view.filterset_class.base_filters, *paginator.query_parameters}
        if api_settings.URL_FORMAT_OVERRIDE:
            known.add(api_settings.URL_FORMAT_OVERRIDE)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            generic = _("unknown parameter; this list takes %(known)s") % {
                "known": ", ".join(sorted(known))
            }
            raise ValidationError(
                {name: [paginator.parameter_hints.get(name, generic)] for name in unknown}
            )


class ArchiveViewSet(mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """List, detail, update, delete; reads shaped by selectors, writes by `writes`."""

    # Token first: its WWW-Authenticate header makes an anonymous write a 401
    # (with the session first, DRF can only answer 403).
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    filter_backends = [ArchiveFilterBackend]
    pagination_class = CappedPageNumberPagination
    schema = ArchiveAutoSchema()
    lookup_value_regex = r"[0-9]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    model: type
    list_serializer_class: type[serializers.Serializer]
    detail_serializer_class: type[serializers.Serializer]
    write_serializer_class: type[serializers.Serializer]
    # Serializers of extra actions, by action name.
    extra_serializer_classes: dict[str, type[serializers.Serializer]] = {}

    def list_queryset(self):
        raise NotImplementedError

    def detail_queryset(self):
        raise NotImplementedError

    def prepare_detail(self, instance) -> None:
        """Attach what a detail shows beyond its prefetches (bounded extra queries)."""

    def get_queryset(self):
        if self.action == "list":
            return self.list_queryset()
        if self.action == "retrieve":
            return self.detail_queryset()
        return self.model.objects.all()

    def get_serializer_class(self):
        # By the request's method, not `self.action`: an OPTIONS request asks
        # for the serializer of each method with `action` left unset.
        action = self.action_map.get(self.request.method.lower(), self.action)
        if action == "list":
            return self.list_serializer_class
        if action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return self.extra_serializer_classes.get(action, self.detail_serializer_class)

    def perform_destroy(self, instance) -> None:
        editing.delete_record(instance=instance)

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        if not page:
            # Only an empty page costs this check: ids in a filter that gave
            # rows evidently exist (see archive.filters).
            filterset = getattr(self, "filterset", None)
            errors = filterset.unknown_entity_errors() if filterset is not None else {}
            if errors:
                raise ValidationError(
                    {name: [str(m) for e in found for m in e] for name, found in errors.items()}
                )
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    @extend_schema(
        summary="The whole filtered list as CSV or JSON Lines, streamed",
        description="Takes the list's filters; `format=csv` (UTF-8 with a BOM, names joined by "
        "'; ') or `format=jsonl` (one JSON object per line, names as lists).",
        parameters=[
            OpenApiParameter("format", OpenApiTypes.STR, enum=["csv", "jsonl"], required=False)
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/jsonl"): OpenApiTypes.STR,
        },
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request):
        chosen = request.query_params.get("format", "csv")
        if chosen not in EXPORT_FORMATS:
            return JsonResponse({"format": ["choose csv or jsonl"]}, status=400)
        try:
            rows = self.filter_queryset(self.model.objects.all())
        except ValidationError as error:
            return JsonResponse(error.detail, status=400)
        return export_response(rows, format=chosen)

    def perform_content_negotiation(self, request, force=False):
        if self.action == "export":
            # The export streams its own body and reads `format` itself; what DRF
            # renders for it is only an error (a login, a throttle), as JSON.
            return (JSONRenderer(), JSONRenderer.media_type)
        return super().perform_content_negotiation(request, force)

    def retrieve(self, request, *args, **kwargs):
        try:
            instance = self.get_object()
        except Http404:
            moved = self.redirect_to_survivor(request, int(kwargs[self.lookup_field]))
            if moved is None:
                raise
            return moved
        self.prepare_detail(instance)
        return Response(self.get_serializer(instance).data)

    def redirect_to_survivor(self, request, pk: int) -> HttpResponsePermanentRedirect | None:
        """301 to the survivor's detail when `pk` was merged away (stored ids keep working)."""
        survivor = survivor_id(model=self.model, pk=pk)
        if survivor is None:
            return None
        url = reverse(f"api:{self.basename}-detail", args=[survivor])
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    def detail_response(self, pk: int, *, code: int = status.HTTP_200_OK) -> Response:
        instance = self.detail_queryset().get(pk=pk)
        self.prepare_detail(instance)
        context = self.get_serializer_context()
        return Response(self.detail_serializer_class(instance, context=context).data, status=code)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return self.detail_response(instance.pk)


class CreateMixin:
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = serializer.save()
        return self.detail_response(instance.pk, code=status.HTTP_201_CREATED)


def _document_writes(detail, write, *, create: bool = True):
    """Schema: writes take the write shape and answer with the detail shape."""
    overrides = {
        "update": extend_schema(request=write, responses={200: detail}),
        "partial_update": extend_schema(request=write, responses={200: detail}),
    }
    if create:
        overrides["create"] = extend_schema(request=write, responses={201: detail})
    return extend_schema_view(**overrides)


# The undated articles a date filter leaves out are counted up to this many.
UNDATED_CAP = 1000


@_document_writes(shapes.ArticleDetailSerializer, writes.ArticleWriteSerializer, create=False)
class ArticleViewSet(ArchiveViewSet):
    """Articles, newest first. New articles come in through `import/` (the importer's path)."""

    model = Article
    filterset_class = filters.ArticleFilter
    pagination_class = KeysetPagination
    list_serializer_class = shapes.ArticleListSerializer
    detail_serializer_class = shapes.ArticleDetailSerializer
    write_serializer_class = writes.ArticleWriteSerializer
    extra_serializer_classes = {"import_article": writes.ArticleImportSerializer}

    @extend_schema(
        summary="Facets of the filtered list: top people, bodies, directives, sources, years",
        description="Takes the list's filters. Counts are over the newest "
        f"{FACET_SAMPLE} matching articles; `lower_bound` says the list holds more, so "
        "each count is at least the one given.",
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def facets(self, request):
        rows = self.filter_queryset(Article.objects.all())
        return Response(asdict(article_facets(rows)))

    @extend_schema(
        summary="The articles most like this one (shared entities, rarer ones counting more)",
        responses={200: shapes.ArticleListSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def similar(self, request, pk=None):
        article = self.get_object()
        rows = similar_articles(article.pk, rows=self.list_queryset())
        data = shapes.ArticleListSerializer(rows, many=True, context=self.get_serializer_context())
        return Response(data.data)

    def list_queryset(self):
        return selectors.list_articles(with_body=bool(self.search()))

    def search(self) -> ParsedQuery:
        """The list's search, parsed (empty when there is none): its snippets show the hits."""
        return parse_query(self.request.query_params.get("q", "")[:MAX_QUERY_LENGTH])

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "list":
            context["search"] = self.search()
        return context

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        # A date filter says how many undated articles it left out (capped):
        # include_undated=true brings them in.
        left_out = self.filterset.undated_left_out(cap=UNDATED_CAP)
        if left_out is not None:
            response.data["undated_left_out"] = {"count": left_out[0], "capped": left_out[1]}
        return response

    def detail_queryset(self):
        return selectors.get_articles_for_detail()

    @extend_schema(
        request={
            "application/json": writes.ArticleImportSerializer,
            "multipart/form-data": writes.ArticleImportFilesSerializer,
        },
        responses={
            202: OpenApiResponse(
                ImportJobSerializer,
                "Several files (`files`) or a zip: an import job was started; follow its `url`.",
            ),
            201: OpenApiResponse(shapes.ArticleImportResultSerializer, "A new article."),
            200: OpenApiResponse(
                shapes.ArticleImportResultSerializer,
                "The origin or the same text was known: the article as updated or as it was.",
            ),
        },
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[ArticleJSONParser, MultiPartParser, FormParser],
    )
    def import_article(self, request):
        """Import one article's text with the same service, limits and errors as the command.

        Several files (multipart `files`), or a zip of articles (`file` or `files`),
        start an import job instead, run by the workers: the answer is 202 with
        the job's URL (`origin_prefix` goes before each file's name or path).
        """
        if wants_job(request):
            return start_upload_job(request)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        check_import_allowed(request, origin=data["origin"], sha256=data["sha256"])
        try:
            outcome = import_text(data=data["data"], origin=data["origin"])
        except ArticleImportError as error:
            field = "file" if "file" in data else "text"
            raise ValidationError({field: [error.reason]}) from None
        article = selectors.get_articles_for_detail(embed=None).get(pk=outcome.article.pk)
        context = self.get_serializer_context()
        result = shapes.ArticleImportResultSerializer(
            {"article": article, "outcome": outcome}, context=context
        ).data
        code = status.HTTP_201_CREATED if outcome.status == ImportStatus.CREATED else 200
        return Response(result, status=code)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "kind",
                str,
                required=True,
                enum=[*selectors.ARTICLE_MENTIONS],
                description="Which mentions: of people, organisations or directives.",
            )
        ],
        responses=shapes.ArticleMentionSerializer(many=True),
    )
    @action(
        detail=True,
        methods=["get"],
        url_path="mentions",
        pagination_class=CappedPageNumberPagination,
        filter_backends=[],
    )
    def mentions(self, request, pk=None):
        """Every mention of one kind in the article, in text order, paged by number."""
        entity = request.query_params.get("kind")
        if entity not in selectors.ARTICLE_MENTIONS:
            kinds = ", ".join(selectors.ARTICLE_MENTIONS)
            raise ValidationError({"kind": [_("must be one of %(kinds)s") % {"kinds": kinds}]})
        if not Article.objects.filter(pk=pk).exists():
            raise NotFound(_("no article with this id"))
        page = self.paginate_queryset(
            selectors.list_article_mentions(article_id=int(pk), entity=entity)
        )
        context = {**self.get_serializer_context(), "entity": entity}
        data = shapes.ArticleMentionSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)


def _bounded_int(request, name: str, *, default: int, top: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= top:
        raise ValidationError(
            {name: [_("must be a whole number from 1 to %(top)d") % {"top": top}]}
        )
    return int(raw)


def _before_article(request) -> Article | None:
    raw = request.query_params.get("before")
    if raw is None:
        return None
    if not raw.isdigit():
        raise ValidationError({"before": [_("must be an article id")]})
    article = Article.objects.only("id", "published_on").filter(pk=int(raw)).first()
    if article is None or article.published_on is None:
        raise ValidationError({"before": [_("no dated article with this id")]})
    return article


def related_response(circle) -> Response:
    return Response(asdict(circle))


RELATED_SCHEMA = extend_schema(
    summary="The people and bodies most often named in the same articles, with counts",
    description=f"Counted over the newest {CIRCLE_SAMPLE} articles that mention the record; "
    "`lower_bound` says there are more, so each count is at least the one given.",
    responses={200: OpenApiTypes.OBJECT},
)


@_document_writes(shapes.PersonDetailSerializer, writes.PersonWriteSerializer)
@extend_schema_view(merge=document_merge(shapes.PersonDetailSerializer))
class PersonViewSet(MergeMixin, CreateMixin, ArchiveViewSet):
    """People named in the articles, with the posts the articles state."""

    model = Person
    filterset_class = filters.PersonFilter
    list_serializer_class = shapes.PersonListSerializer
    detail_serializer_class = shapes.PersonDetailSerializer
    write_serializer_class = writes.PersonWriteSerializer
    merge_service = staticmethod(merge_people)

    @RELATED_SCHEMA
    @action(detail=True, methods=["get"], pagination_class=None)
    def related(self, request, pk=None):
        instance = self.get_object()
        return related_response(person_circle(instance.pk))

    @extend_schema(
        summary="The ranks and posts the articles state, article by article, newest first",
        description="Each entry is one dated article with the rank and the posts it states "
        "(former posts marked). Undated articles are left out. Follow `next`, or pass "
        "`before=<article id>`, for older entries.",
        parameters=[
            OpenApiParameter(
                "before", int, description="Only articles older than this one (its id)."
            ),
            OpenApiParameter(
                "page_size",
                int,
                description=f"Entries per page: {TIMELINE_PAGE} unless given, "
                f"at most {TIMELINE_MAX_PAGE}.",
            ),
        ],
        responses={200: career_shapes.TimelineSerializer},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def timeline(self, request, pk=None):
        instance = self.get_object()
        before = _before_article(request)
        limit = _bounded_int(request, "page_size", default=TIMELINE_PAGE, top=TIMELINE_MAX_PAGE)
        timeline = person_timeline(instance.pk, before=before, limit=limit)
        context = self.get_serializer_context()
        return Response(career_shapes.TimelineSerializer(timeline, context=context).data)

    def list_queryset(self):
        return selectors.list_people()

    def detail_queryset(self):
        return selectors.get_people_for_detail()

    def prepare_detail(self, instance) -> None:
        instance.latest_positions = selectors.latest_positions_of(person=instance)


@_document_writes(shapes.OrganisationDetailSerializer, writes.OrganisationWriteSerializer)
@extend_schema_view(merge=document_merge(shapes.OrganisationDetailSerializer))
class OrganisationViewSet(MergeMixin, CreateMixin, ArchiveViewSet):
    """Organisations named in the articles, with their units and the people holding posts."""

    model = Organisation
    filterset_class = filters.OrganisationFilter
    list_serializer_class = shapes.OrganisationListSerializer
    detail_serializer_class = shapes.OrganisationDetailSerializer
    write_serializer_class = writes.OrganisationWriteSerializer
    merge_service = staticmethod(merge_organisations)

    @RELATED_SCHEMA
    @action(detail=True, methods=["get"], pagination_class=None)
    def related(self, request, pk=None):
        instance = self.get_object()
        return related_response(organisation_circle(instance.pk))

    @extend_schema(
        summary="Who held which post in the organisation, and when the articles said so",
        responses={200: career_shapes.OrganisationPostsSerializer},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def posts(self, request, pk=None):
        instance = self.get_object()
        data = career_shapes.OrganisationPostsSerializer(
            organisation_posts(instance.pk), context=self.get_serializer_context()
        ).data
        return Response(data)

    @extend_schema(
        summary="The tree of units under the organisation",
        responses={200: career_shapes.UnitTreeSerializer},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def units(self, request, pk=None):
        instance = self.get_object()
        data = career_shapes.UnitTreeSerializer(
            organisation_units(instance.pk), context=self.get_serializer_context()
        ).data
        return Response(data)

    def list_queryset(self):
        return selectors.list_organisations()

    def detail_queryset(self):
        return selectors.get_organisations_for_detail()

    def prepare_detail(self, instance) -> None:
        instance.people_with_posts = selectors.people_holding_post_in(organisation=instance)


@_document_writes(shapes.DirectiveDetailSerializer, writes.DirectiveWriteSerializer)
class DirectiveViewSet(CreateMixin, ArchiveViewSet):
    """Party and state documents cited in the articles, with their implementation links."""

    model = Directive
    filterset_class = filters.DirectiveFilter
    list_serializer_class = shapes.DirectiveListSerializer
    detail_serializer_class = shapes.DirectiveDetailSerializer
    write_serializer_class = writes.DirectiveWriteSerializer

    def list_queryset(self):
        return selectors.list_directives()

    def detail_queryset(self):
        return selectors.get_directives_for_detail()

    def prepare_detail(self, instance) -> None:
        instance.citing_articles = selectors.articles_citing(directive=instance)


class TokenView(ObtainAuthToken):
    """A token for `Authorization: Token <key>`, given a username and password.

    Guessing is bounded twice: LoginThrottle limits requests per address, and
    django-axes locks a user name out of one address after repeated failures
    (its backend refuses even the right password until the cool-off ends).
    """

    schema = ArchiveAutoSchema()
    throttle_classes = [LoginThrottle]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: OpenApiResponse(OpenApiTypes.OBJECT, "Wrong username or password."),
            429: OpenApiResponse(OpenApiTypes.OBJECT, "Too many attempts: wait and retry."),
        },
        auth=[],
    )
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # axes marks the request it refused; say so instead of "wrong password".
            if getattr(request, "axes_locked_out", False):
                return Response(
                    {"detail": "too many failed logins: try again later"},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                )
            raise


@csrf_exempt  # it changes nothing; without this a PUT would get Django's HTML 403
def not_found(request, *args, **kwargs):
    """JSON 404 for any other path under /api/ (Django's own 404 page is HTML)."""
    return JsonResponse({"detail": "no such API endpoint or record"}, status=404)
