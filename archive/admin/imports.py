"""Editors import from the admin: "Import articles" (files or a zip) and the job's progress.

The page starts the same import job as the API and `import_seeds --enqueue`
(archive.services.import_jobs); workers run it, and the job's page follows
its progress and lists the files that failed, with their reasons.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from archive.models import ImportJob
from archive.services.import_jobs import job_progress, start_import_job
from archive.services.uploads import UploadError, files_from_uploads

# Seconds between reloads of a running job's page (a meta refresh: no script, CSP).
REFRESH_SECONDS = 3


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportArticlesForm(forms.Form):
    files = MultipleFileField(
        label=_("Article files"),
        # An empty file is the importer's to refuse, by name, with the others imported.
        allow_empty_file=True,
        help_text=_(".txt files, or .zip files holding .txt files (at most 100 MB at a time)."),
    )
    origin_prefix = forms.CharField(
        label=_("Origin prefix"),
        required=False,
        max_length=200,
        help_text=_("Put before each file's name, for example 'vnexpress' for 'vnexpress/a.txt'."),
    )

    def clean(self):
        cleaned = super().clean()
        if "files" in cleaned:
            try:
                cleaned["job_files"] = files_from_uploads(
                    uploads=cleaned["files"], prefix=cleaned.get("origin_prefix", "").strip("/")
                )
            except UploadError as error:
                raise forms.ValidationError(str(error)) from None
        return cleaned


class ImportArticlesMixin:
    """Adds import/ and import/<job>/ to the articles' admin."""

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="archive_article_import"),
            path("import/<int:job_id>/", view(self.import_job_view), name="archive_importjob"),
            *super().get_urls(),
        ]

    def has_import_permission(self, request) -> bool:
        # Not has_add_permission: the admin's own "add" form is off for articles
        # (they enter through the import service only), importing is not.
        return request.user.has_perm("archive.add_article")

    def changelist_view(self, request, extra_context=None):
        extra = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context=extra)

    def _context(self, request, title: str) -> dict:
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "title": title}

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = ImportArticlesForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = start_import_job(
                files=form.cleaned_data["job_files"],
                source=ImportJob.Source.ADMIN,
                user=request.user,
                may_replace=self.has_change_permission(request),
            )
            return redirect("admin:archive_importjob", job_id=job.pk)
        context = {**self._context(request, _("Import articles")), "form": form}
        return TemplateResponse(request, "admin/archive/import_articles.html", context)

    def import_job_view(self, request, job_id: int):
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob, pk=job_id)
        progress = job_progress(job=job)
        context = {
            **self._context(request, _("Import #%(id)s") % {"id": job.pk}),
            "job": job,
            "progress": progress,
            "counts": progress.as_dict(),
            "refresh": None if progress.finished else REFRESH_SECONDS,
        }
        return TemplateResponse(request, "admin/archive/import_job.html", context)
