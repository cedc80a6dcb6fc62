"""URL map: public pages at /, the admin at /admin/, the API at /api/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("archive.api.urls")),
    # set_language: the header's language switch (pages and admin) posts here.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("archive.urls")),
]

handler400 = "archive.errors.bad_request"
handler500 = "archive.errors.server_error"
