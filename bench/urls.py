"""The app's URLs plus one minimal Django view: a tiny template, no database."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from crmvision.urls import urlpatterns as app_urlpatterns


def minimal(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/minimal.html", {"title": "Minimal", "items": ["a", "b", "c"]})


urlpatterns = [path("_bench/minimal/", minimal, name="bench_minimal"), *app_urlpatterns]
