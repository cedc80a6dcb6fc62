"""Error pages: JSON under /api/, Django's own pages elsewhere.

Some errors never reach DRF's exception handling: a body over
DATA_UPLOAD_MAX_MEMORY_SIZE or too many fields fail while Django reads the
request, and a lost database fails wherever it is first touched. Django then
calls these handlers, so an API client still gets JSON.
"""

from __future__ import annotations

import logging

from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def _detail(exception) -> str:
    if isinstance(exception, RequestDataTooBig):
        return _("the request body is too large")
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return _("too many fields or files in the request")
    return _("bad request")


def bad_request(request, exception):
    if not _is_api(request):
        return defaults.bad_request(request, exception)
    return JsonResponse({"detail": _detail(exception)}, status=400)


def server_error(request):
    if not _is_api(request):
        return defaults.server_error(request)
    return JsonResponse({"detail": _("server error: please retry later")}, status=500)


class OneLineClientErrors(logging.Filter):
    """A client's bad request is logged as one line: its traceback says nothing about us.

    Django logs each such request once (django.security for a suspicious one),
    with the exception attached; the handler keeps the message and drops that.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 400:
            record.exc_info = None
            record.exc_text = None
        return True
