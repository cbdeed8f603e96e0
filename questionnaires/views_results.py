"""The facilitator's live results dashboard and the response exports."""

from __future__ import annotations

import hashlib

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from questionnaires import exports
from questionnaires.models import Questionnaire
from questionnaires.results import (
    parse_filter,
    results_load,
    results_questions,
    results_summary,
)
from workshops.access import workshop_for_user
from workshops.models import Workshop

PAGE = "questionnaires/results.html"
SUMMARY_ID = "results-summary"
QUESTIONS_ID = "results-questions"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
VERSION_PLACEHOLDER = "results-version-placeholder"


def _questionnaire(workshop: Workshop, pk: int) -> Questionnaire:
    return get_object_or_404(workshop.questionnaires, pk=pk)


@require_GET
@login_required
@vary_on_headers("HX-Request", "HX-Target")
def questionnaire_results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The whole page, or when htmx polls or filters, just the part it asked for."""
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    results = results_load(workshop=workshop, questionnaire=questionnaire)
    text_filter = parse_filter(
        request.GET,
        areas=[area.pk for area in results.area_options],
        groups=[group.value for group in results.group_options],
    )
    partial = None
    if request.htmx and not request.htmx.history_restore_request:
        partial = "questions" if request.htmx.target == QUESTIONS_ID else "summary"
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "results": results,
        "filter": text_filter,
        "summary_id": SUMMARY_ID,
        "questions_id": QUESTIONS_ID,
    }
    if partial != "questions":
        context["summary"] = results_summary(results)
    if partial != "summary":
        context["questions"] = results_questions(results, text_filter=text_filter)
    if partial is None:
        return render(request, PAGE, context)
    return _partial(request, f"{PAGE}#{partial}", context)


def _partial(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    """The part, or 204 (htmx then swaps nothing) when the poll already shows it.

    Swapping identical HTML every 10 seconds would still reset a text selection
    and the scroll anchoring of a long list of answers.
    """
    html = render_to_string(template, {**context, "version": VERSION_PLACEHOLDER}, request)
    version = hashlib.sha256(html.encode()).hexdigest()[:16]
    if request.GET.get("v") == version:
        return HttpResponse(status=204)
    return HttpResponse(html.replace(VERSION_PLACEHOLDER, version))


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@require_GET
@login_required
@never_cache
def export_csv(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    content = exports.responses_csv(
        workshop=workshop,
        questionnaire=questionnaire,
        names_visible=workshop.names_visible_to(workshop.role),
    )
    return _attachment(content, f"{workshop.slug}-responses.csv", "text/csv; charset=utf-8")


@require_GET
@login_required
@never_cache
def export_xlsx(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    content = exports.responses_xlsx(
        workshop=workshop,
        questionnaire=questionnaire,
        names_visible=workshop.names_visible_to(workshop.role),
    )
    return _attachment(content, f"{workshop.slug}-responses.xlsx", XLSX)
