"""A JSON parser with the import's own size limit, for POST /api/articles/import/.

An article may be MAX_ARTICLE_BYTES (5 MB), more than Django's global
DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) that DRF's JSONParser is held to, since
it reads `request.body`. This parser is deliberately not a JSONParser
subclass: DRF then hands it the raw stream, and it reads at most its own
limit, so the global limit stays small for every other endpoint.
"""

from __future__ import annotations

import codecs
import io

from django.utils.translation import gettext as _
from rest_framework import renderers
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.settings import api_settings
from rest_framework.utils import json

from archive.extraction.decoding import MAX_ARTICLE_BYTES

# JSON escapes can triple a Vietnamese text's size ("đ" is 2 bytes in UTF-8,
# 6 as \\u0111), so the body may be larger than the article it carries; the
# article itself is then held to MAX_ARTICLE_BYTES by the importer.
MAX_JSON_BYTES = 3 * MAX_ARTICLE_BYTES + 64 * 1024


class ArticleJSONParser(BaseParser):
    media_type = "application/json"
    renderer_class = renderers.JSONRenderer

    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            declared = int(length) if length else 0
        except ValueError:
            raise ParseError(_("invalid Content-Length")) from None
        if declared > MAX_JSON_BYTES:
            # Refused before reading a byte of it.
            raise ValidationError({"text": [self._too_large(declared)]})
        data = stream.read(MAX_JSON_BYTES + 1) if stream is not None else b""
        if len(data) > MAX_JSON_BYTES:
            raise ValidationError({"text": [self._too_large(len(data))]})
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        try:
            decoded = codecs.getreader(encoding)(io.BytesIO(data))
            strict = json.strict_constant if api_settings.STRICT_JSON else None
            return json.load(decoded, parse_constant=strict)
        except ValueError as error:
            raise ParseError(_("JSON parse error - %(error)s") % {"error": error}) from None

    @staticmethod
    def _too_large(size: int) -> str:
        return _("request body is %(size).1f MB; an article may be at most %(limit)d MB") % {
            "size": size / 1024 / 1024,
            "limit": MAX_ARTICLE_BYTES // 1024 // 1024,
        }
