"""Refuse oversized uploads before Django reads their body, with a message a person can act on."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


def too_large_message(size: int) -> str:
    limit_mb = settings.QOGAM_MAX_UPLOAD_BYTES / (1024 * 1024)
    return _(
        "The file is too large (%(size).0f MB); the limit is %(limit).0f MB. "
        "Send the charter without scanned appendices, or compress the PDF."
    ) % {"size": size / (1024 * 1024), "limit": limit_mb}


class UploadLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.method == "POST" and length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            message = too_large_message(length)
            if request.path.startswith("/api/"):
                return JsonResponse({"error": "upload.too_large", "message": message}, status=413)
            html = render_to_string("web/error.html", {"title": _("File too large"), "message": message}, request)
            return HttpResponse(html, status=413)
        return self.get_response(request)


class LanguageMiddleware:
    """Russian unless the visitor chose another language with the switcher (a cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language, so the
    site opens in Russian for everybody, as its users expect, and the choice is explicit.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.allowed = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.allowed else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response
