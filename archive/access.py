"""Who may see the site: everyone, unless ARCHIVE_PUBLIC=0 closes it.

A closed archive sends anonymous visitors of the pages to the login page. The
API is left to its own permission classes here, because a token is only read
by DRF, after this middleware; they apply the same setting (ReadersOnly,
ArchivePermission). The admin has its own login, and the static files are
served by WhiteNoise before any of this runs.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login

# Paths that answer for themselves: the admin (and its login), the API; and
# the language switch, which the login page offers too.
SELF_GUARDED = ("/admin/", "/api/", "/i18n/")


class ClosedArchiveMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ARCHIVE_PUBLIC
            or request.user.is_authenticated
            or request.path_info.startswith(SELF_GUARDED)
        ):
            return self.get_response(request)
        return redirect_to_login(request.get_full_path())
