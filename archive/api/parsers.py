"""A JSON parser with a size limit, for the article import endpoint.

DRF's parsers read the request stream directly, which bypasses Django's
DATA_UPLOAD_MAX_MEMORY_SIZE; without a limit of our own a client could make
the server hold any amount of JSON in memory before the article's size is
ever checked.
"""

from __future__ import annotations

import io

from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser

from archive.extraction.decoding import MAX_ARTICLE_BYTES

# JSON escapes can triple a Vietnamese text's size ("đ" is 2 bytes in UTF-8,
# 6 as \\u0111), so the body may be larger than the article it carries; the
# article itself is then held to MAX_ARTICLE_BYTES by the importer.
MAX_JSON_BYTES = 3 * MAX_ARTICLE_BYTES + 64 * 1024


class ArticleJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        length = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            declared = int(length) if length else 0
        except ValueError:
            raise ParseError("invalid Content-Length") from None
        if declared > MAX_JSON_BYTES:
            raise ValidationError({"text": [self._too_large(declared)]})
        data = stream.read(MAX_JSON_BYTES + 1) if stream is not None else b""
        if len(data) > MAX_JSON_BYTES:
            raise ValidationError({"text": [self._too_large(len(data))]})
        return super().parse(io.BytesIO(data), media_type, parser_context)

    @staticmethod
    def _too_large(size: int) -> str:
        return (
            f"request body is {size / 1024 / 1024:.1f} MB; an article may be at most "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MB"
        )
