"""API routes under /api/: the four resources, token login, the schema and its docs."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from archive.api import views
from archive.api.imports import ImportJobView
from archive.api.suggest import SuggestView
from archive.selectors.suggest import SUGGESTERS

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("people", views.PersonViewSet, basename="person")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("directives", views.DirectiveViewSet, basename="directive")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("auth/token/", views.TokenView.as_view(), name="token"),
    *(
        path(f"suggest/{kind}/", SuggestView.as_view(kind=kind), name=f"suggest-{kind}")
        for kind in SUGGESTERS
    ),
    path("imports/<int:pk>/", ImportJobView.as_view(), name="import-job"),
    *router.urls,
    # Last: a JSON 404 for everything else under /api/, e.g. /api/people/abc/; [\s\S], not
    # `.`, so that a path with a newline in it is matched too.
    re_path(r"^[\s\S]*$", views.not_found),
]
