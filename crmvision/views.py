"""Pages that show or make the whole workshop, across the feature apps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from crmvision.forms import WorkshopStartForm
from crmvision.services import workshop_start
from questionnaires.results import themes_summary
from questionnaires.selectors import (
    invitation_rows,
    private_progress,
    progress_by_area,
    progress_total,
    questionnaire_for_workshop,
)
from reports.selectors import report_counts
from workshops.access import ANY_ROLE, workshop_for_user
from workshops.models import PHASE_QUESTIONS, Phase
from workshops.permissions import CREATE_WORKSHOP


@require_http_methods(["GET", "POST"])
@login_required
@permission_required(CREATE_WORKSHOP, raise_exception=True)
def workshop_create(request: HttpRequest) -> HttpResponse:
    form = WorkshopStartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        workshop = workshop_start(user=request.user, **form.cleaned_data)
        messages.success(request, _("Workshop created with the eight default business areas."))
        return redirect(workshop)
    return render(request, "workshops/form.html", {"form": form, "creating": True})


@require_GET
@login_required
def workshop_overview(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug, roles=ANY_ROLE)
    questionnaire = questionnaire_for_workshop(workshop)
    rows = invitation_rows(questionnaire) if questionnaire else []
    areas = progress_by_area(workshop, rows)
    shown = areas
    if not workshop.names_visible_to(workshop.role):
        shown, _quote_areas = private_progress(workshop, areas)
    themes = themes_summary(workshop)
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "areas": shown,
        "total": progress_total(areas),
        "counts": report_counts(workshop),
        "phases": [(p, p.label, PHASE_QUESTIONS[p]) for p in Phase],
        # From the Dream phase on, the positive core found in Discover guides the work.
        "themes": themes,
        "show_themes": bool(themes) or workshop.phase in {Phase.DREAM, Phase.DESIGN, Phase.DESTINY},
    }
    return render(request, "crmvision/overview.html", context)
