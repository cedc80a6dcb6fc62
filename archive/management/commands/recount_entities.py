"""Rebuild the per-entity counts (archive.services.counts) from the mentions and posts."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from archive.models import EntityCount, PostCount
from archive.services import counts


class Command(BaseCommand):
    help = (
        "Rebuild the per-entity counts (mentions per month, posts) from scratch: a repair "
        "for counts a write outside the archive's services left behind."
    )

    def handle(self, *args, **options) -> None:
        began = time.perf_counter()
        counts.recount_all()
        self.stdout.write(
            f"Recounted {EntityCount.objects.count()} entity-month rows and "
            f"{PostCount.objects.count()} post rows in {time.perf_counter() - began:.1f} s."
        )
