"""Imports of many files through the API: a job started (202), and its progress.

POST /api/articles/import/ with several `files`, or with a zip as `file` or
`files`, lands here (ArticleViewSet.import_article); one plain file or text is
still imported at once there. GET /api/imports/{id}/ reports the job.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from archive.models import ImportJob
from archive.services.import_jobs import job_progress, start_import_job
from archive.services.uploads import UploadError, files_from_uploads, is_zip

MAX_PREFIX = 200


class ImportFailureSerializer(serializers.Serializer):
    origin = serializers.CharField()
    error = serializers.CharField(help_text='"<origin>: <reason>"')


class ImportJobSerializer(serializers.Serializer):
    """Where an import job stands; `remaining` reaches 0 when every file is done or failed."""

    id = serializers.IntegerField()
    url = serializers.CharField()
    created_at = serializers.DateTimeField()
    source = serializers.CharField()
    total = serializers.IntegerField(help_text="Files in the job.")
    done = serializers.IntegerField(help_text="Files with a result (created ... failed).")
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    failed = serializers.IntegerField()
    remaining = serializers.IntegerField()
    finished = serializers.BooleanField()
    failures = ImportFailureSerializer(many=True, help_text="The first 100 failed files.")


class CanImport(BasePermission):
    """Seeing a job's files and errors is for those who may import."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.has_perm("archive.add_article"))


def job_data(request, job: ImportJob) -> dict:
    url = request.build_absolute_uri(reverse("api:import-job", args=[job.pk]))
    return {**job_progress(job=job).as_dict(), "url": url}


def wants_job(request) -> bool:
    """Several files, or a zip: a job. One plain file or a text: imported at once."""
    files = request.FILES.getlist("files")
    single = request.FILES.get("file")
    return bool(files) or (single is not None and is_zip(single))


def start_upload_job(request) -> Response:
    uploads = [*request.FILES.getlist("files"), *request.FILES.getlist("file")]
    prefix = request.data.get("origin_prefix", "") or ""
    if not isinstance(prefix, str) or len(prefix) > MAX_PREFIX:
        raise ValidationError(
            {"origin_prefix": [_("at most %(count)d characters") % {"count": MAX_PREFIX}]}
        )
    try:
        files = files_from_uploads(uploads=uploads, prefix=prefix.strip("/"))
    except UploadError as error:
        raise ValidationError({"files": [str(error)]}) from None
    job = start_import_job(
        files=files,
        source=ImportJob.Source.API,
        user=request.user,
        # Replacing an article's text needs `change`, as for one file at once.
        may_replace=request.user.has_perm("archive.change_article"),
    )
    data = job_data(request, job)
    return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


class ImportJobView(GenericAPIView):
    """An import job's progress: files done, failed (with reasons) and remaining."""

    permission_classes = [CanImport]
    serializer_class = ImportJobSerializer
    queryset = ImportJob.objects.all()

    @extend_schema(
        responses={
            200: ImportJobSerializer,
            403: OpenApiResponse(
                OpenApiTypes.OBJECT, "Not logged in, or without the permission to add articles."
            ),
            404: OpenApiResponse(OpenApiTypes.OBJECT, "No import job with this id."),
        }
    )
    def get(self, request, pk: int):
        job = ImportJob.objects.filter(pk=pk).first()
        if job is None:
            raise NotFound(_("no import job with this id"))
        return Response(job_data(request, job))
