from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the receivers that keep the filter forms' choices fresh.
        from archive.search.sqlite_repair import repair_after_migrate
        from archive.services import freshness  # noqa: F401

        post_migrate.connect(repair_after_migrate, dispatch_uid="archive.repair_sqlite_search")
