"""Public browsing pages: articles (also the home page), people, organisations, directives."""

from django.urls import path

from archive import views
from archive.views import articles, exports, organisations, people
from archive.views.feeds import ArticleFeed

app_name = "archive"
urlpatterns = [
    path("", views.article_list, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    # Blocks the pages read in a second request (archive.views.fragments).
    path("articles/facets/", articles.article_facets_block, name="article_facets"),
    path("people/<int:pk>/circle/", people.person_circle_block, name="person_circle"),
    path("people/<int:pk>/timeline/", people.person_timeline_block, name="person_timeline"),
    path(
        "organisations/<int:pk>/circle/",
        organisations.organisation_circle_block,
        name="organisation_circle",
    ),
    path(
        "organisations/<int:pk>/people/",
        organisations.organisation_people_block,
        name="organisation_people",
    ),
    path("articles/feed/", ArticleFeed(), name="article_feed"),
    path("articles/export/", exports.article_export, name="article_export"),
    path("people/export/", exports.person_export, name="person_export"),
    path("organisations/export/", exports.organisation_export, name="organisation_export"),
    path("directives/export/", exports.directive_export, name="directive_export"),
    path("people/", views.person_list, name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("directives/", views.directive_list, name="directive_list"),
    path("directives/<int:pk>/", views.directive_detail, name="directive_detail"),
    path("search/", views.search, name="search"),
]
