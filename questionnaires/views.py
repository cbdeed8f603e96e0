from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from questionnaires import services
from questionnaires.models import Invitation, Questionnaire
from questionnaires.qr import qr_svg
from questionnaires.selectors import (
    invitation_rows,
    progress_by_area,
    progress_total,
)
from workshops.access import workshop_for_user


def _questionnaire(workshop, pk: int) -> Questionnaire:
    return get_object_or_404(workshop.questionnaires, pk=pk)


def _invitation(workshop, pk: int) -> Invitation:
    return get_object_or_404(
        Invitation.objects.select_related("stakeholder", "questionnaire__workshop"),
        pk=pk,
        questionnaire__workshop=workshop,
    )


# --- Facilitator -----------------------------------------------------------


@require_GET
@login_required
def questionnaire_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    rows = invitation_rows(questionnaire)
    areas = progress_by_area(workshop, rows)
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "rows": rows,
        "areas": areas,
        "total": progress_total(areas),
        "site_url": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "questionnaires/detail.html", context)


@require_GET
@login_required
def questionnaire_answers(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The first version's answers page, now part of the results dashboard."""
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    return redirect("questionnaires:results", workshop.slug, questionnaire.pk, permanent=True)


@require_POST
@login_required
def questionnaire_toggle(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Open or close, as the button said: a repeated POST does not flip it back."""
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    is_open = request.POST.get("open") == "1"
    services.questionnaire_set_open(questionnaire=questionnaire, is_open=is_open)
    if is_open:
        messages.success(request, _("The questionnaire is open again."))
    else:
        messages.success(request, _("The questionnaire is closed. Answers are now read-only."))
    return redirect("questionnaires:detail", workshop.slug, questionnaire.pk)


@require_POST
@login_required
def invitation_send(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    invitation = _invitation(workshop, pk)
    try:
        services.invitation_send(invitation=invitation, base_url=request.build_absolute_uri("/"))
    except services.InvitationNotSent as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Invitation e-mailed to %(email)s.") % {"email": invitation.stakeholder.email},
        )
    return redirect("questionnaires:detail", workshop.slug, invitation.questionnaire_id)


@require_POST
@login_required
def invitations_remind(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    sent, failed = services.invitations_remind(
        questionnaire=questionnaire, base_url=request.build_absolute_uri("/")
    )
    if sent:
        messages.success(request, _("%(n)d reminders sent.") % {"n": sent})
    elif not failed:
        messages.info(
            request, _("Nobody to remind: everyone with an e-mail address has submitted.")
        )
    if failed:
        messages.error(request, _("%(n)d reminders could not be sent.") % {"n": failed})
    return redirect("questionnaires:detail", workshop.slug, questionnaire.pk)


@require_POST
@login_required
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    invitation = _invitation(workshop, pk)
    if not invitation.is_revoked:
        services.invitation_revoke(invitation=invitation)
    messages.success(
        request, _("The link of %(name)s no longer works.") % {"name": invitation.stakeholder}
    )
    return redirect("questionnaires:detail", workshop.slug, invitation.questionnaire_id)


@require_POST
@login_required
def invitation_reissue(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    invitation = _invitation(workshop, pk)
    services.invitation_reissue(invitation=invitation)
    messages.success(
        request, _("A new link was issued for %(name)s.") % {"name": invitation.stakeholder}
    )
    return redirect("questionnaires:detail", workshop.slug, invitation.questionnaire_id)


def _svg(data: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def invitation_qr(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The personal link as a QR code (SVG), to print or show on a phone."""
    workshop = workshop_for_user(request, slug)
    invitation = _invitation(workshop, pk)
    if invitation.is_revoked:
        raise Http404("Revoked")
    url = request.build_absolute_uri(invitation.get_absolute_url())
    return _svg(qr_svg(url, title=invitation.stakeholder.name), "invitation.svg")


@require_GET
@login_required
def join_qr(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    url = request.build_absolute_uri(reverse("questionnaires:join", args=[questionnaire.join_code]))
    return _svg(qr_svg(url, title=_("Join the questionnaire")), "join.svg")


@require_POST
@login_required
def join_code_rotate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    services.join_code_rotate(questionnaire=questionnaire)
    messages.success(request, _("New join code: the old code and link no longer work."))
    return redirect("questionnaires:detail", workshop.slug, questionnaire.pk)
