"""URL map: public pages at /, the admin at /admin/, the API at /api/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("archive.api.urls")),
    path("", include("archive.urls")),
]

handler400 = "archive.errors.bad_request"
handler500 = "archive.errors.server_error"
