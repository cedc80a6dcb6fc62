"""Who may read and write through the API."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission, DjangoModelPermissions

from archive.models import Article


class ArchivePermission(DjangoModelPermissions):
    """Writes need the model permission; reads are open unless the setting closes them.

    Anonymous reading is the default because the archive's listings are public
    pages too; ARCHIVE_PUBLIC=0 makes every API read need a login.
    """

    # DjangoModelPermissions leaves GET to anyone authenticated; we add view.
    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": [],
        "HEAD": [],
        "OPTIONS": [],
    }

    def has_permission(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return ReadersOnly().has_permission(request, view)
        return super().has_permission(request, view)


class ReadersOnly(BasePermission):
    """Anyone in a public archive; only logged-in users when ARCHIVE_PUBLIC=0 (schema, docs)."""

    def has_permission(self, request, view):
        return settings.ARCHIVE_PUBLIC or bool(request.user and request.user.is_authenticated)


def check_import_allowed(request, *, origin: str, sha256: str) -> None:
    """Importing a new text under a known origin rewrites that article: it needs `change`.

    POST /api/articles/import/ itself needs `add` (ArchivePermission); the same
    text again changes nothing, so it needs no more.
    """
    if request.user.has_perm("archive.change_article"):
        return
    if Article.objects.filter(origin=origin).exclude(sha256=sha256).exists():
        raise PermissionDenied(
            _(
                "an article with this origin exists; replacing its text needs the permission "
                "to change articles"
            )
        )
