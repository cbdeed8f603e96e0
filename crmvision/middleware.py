"""Request hardening that applies to every page: form bodies must be UTF-8, and
no response is stored by a browser or proxy cache unless its view says so."""

from __future__ import annotations

import codecs
import logging
from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string

logger = logging.getLogger("crmvision.request")

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
# What a response gets when its view did not choose a Cache-Control itself:
# every page here is either personal (signed in, a stakeholder's link, a PDF,
# an export) or carries a CSRF token, so none may be kept by a cache.
DEFAULT_CACHE_CONTROL = "private, no-store"


def _declared_charset_is_utf8(request: HttpRequest) -> bool:
    charset = request.content_params.get("charset")
    if charset is None:
        return True
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


def _check_form_body(request: HttpRequest) -> None:
    """Parse the form once, strictly; raise ValueError if it is not UTF-8."""
    if not _declared_charset_is_utf8(request):
        raise ValueError("form body declares a charset other than UTF-8")
    # Django would accept "utf8" only spelled "utf-8", and would silently turn
    # undecodable bytes into U+FFFD: decode strictly here instead.
    request.encoding = "utf-8"
    if request.content_type == "application/x-www-form-urlencoded":
        parse_qsl(
            request.body.decode("utf-8"),
            keep_blank_values=True,
            errors="strict",
            max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
        )
    request.POST  # noqa: B018 - parse now, while a parse error can still be a 400


class TolerantWSGIRequest(WSGIRequest):
    """A request whose unparsable Content-Type header (too long, or an RFC 2231
    `charset*=` naming an unknown codec) is noted instead of raised while the
    request is built, where nothing could turn it into a 400: the WSGI server
    answered 500. Utf8FormBodyMiddleware answers it with the 400 page.
    crmvision/wsgi.py makes the WSGI handler build these."""

    content_type_invalid = False

    def _set_content_type_params(self, meta) -> None:
        try:
            super()._set_content_type_params(meta)
        except BadRequest:
            self.content_type, self.content_params = "", {}
            self.content_type_invalid = True


class Utf8FormBodyMiddleware:
    """A POST form that is not UTF-8, or cannot be parsed, gets the 400 page.

    Without this, Django raises BadRequest for a non-UTF-8 urlencoded body
    from the CSRF check, and again from its own 400 handler (which runs the
    CSRF check too), so the visitor saw a 500.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if getattr(request, "content_type_invalid", False):
            logger.warning("Bad request (invalid Content-Type): %s", request.path)
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        if request.method == "POST" and request.content_type in FORM_TYPES:
            try:
                _check_form_body(request)
            except (
                BadRequest,
                SuspiciousOperation,
                MultiPartParserError,
                UnicodeDecodeError,
                ValueError,
            ) as exc:
                logger.warning("Bad request body (%s): %s", exc.__class__.__name__, request.path)
                return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every response whose view did not
    set a Cache-Control of its own. Static files (served by WhiteNoise further
    out) keep their long cache lifetimes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = DEFAULT_CACHE_CONTROL
        return response
