"""Which language a request is answered in: the reader's explicit choice, else Vietnamese.

Django's LocaleMiddleware would follow the browser's Accept-Language, and
the archive's readers (editors and analysts) read Vietnamese whatever their
browser says. So the pages and the admin speak Vietnamese until the reader
picks English with the header's switch (Django's `set_language` view, which
stores the choice in the language cookie). The API reads the same cookie,
and also Accept-Language, which is how a program states its choice: a
client that sends `Accept-Language: en` gets English error messages.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Paths whose clients may choose by Accept-Language.
NEGOTIATED = ("/api/",)


def language_of(request) -> str:
    """The language to answer `request` in (a code of settings.LANGUAGES)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen:
        try:  # checks the code and that a catalogue exists for it
            return translation.get_supported_language_variant(chosen)
        except LookupError:
            pass
    if request.path_info.startswith(NEGOTIATED) and "HTTP_ACCEPT_LANGUAGE" in request.META:
        # Falls back on the cookie (absent here) and then on LANGUAGE_CODE.
        return translation.get_language_from_request(request)
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Activates the request's language (see `language_of`) for the whole response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        vary = (
            ("Cookie", "Accept-Language")
            if request.path_info.startswith(NEGOTIATED)
            else ("Cookie",)
        )
        patch_vary_headers(response, vary)
        return response
