"""The sponsor's PDF: the report page rendered by WeasyPrint.

WeasyPrint only ever sees our own static files: the fetcher refuses
file://, data from the network and anything outside STATIC_URL.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reports.selectors import report_context
from workshops.models import Workshop

PDF_BASE_URL = "https://crmvision.invalid/"


class StaticOnlyFetcher(URLFetcher):
    """Serves `PDF_BASE_URL + STATIC_URL + path` from the static finders, nothing else."""

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        prefix = PDF_BASE_URL + settings.STATIC_URL.lstrip("/")
        if not url.startswith(prefix) or "?" in url or ".." in url:
            raise ValueError(f"Refusing to fetch {url!r}: only our own static files are allowed")
        found = finders.find(url.removeprefix(prefix))
        if not found:
            raise ValueError(f"No static file at {url!r}")
        path = Path(found)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), headers={"Content-Type": content_type})


def report_html(workshop: Workshop) -> str:
    context = report_context(workshop) | {"for_pdf": True}
    return render_to_string("reports/pdf.html", context)


def render_report_pdf(workshop: Workshop) -> bytes:
    html = HTML(
        string=report_html(workshop), base_url=PDF_BASE_URL, url_fetcher=StaticOnlyFetcher()
    )
    return html.write_pdf()
