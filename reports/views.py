from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from reports.pdf import render_report_pdf
from reports.selectors import report_context
from workshops.access import ANY_ROLE, workshop_for_user


@require_GET
@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug, roles=ANY_ROLE)
    return render(request, "reports/report.html", report_context(workshop))


@require_GET
@login_required
def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug, roles=ANY_ROLE)
    response = HttpResponse(render_report_pdf(workshop), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{workshop.slug}-change-plan.pdf"'
    return response
