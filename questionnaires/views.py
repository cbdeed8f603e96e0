from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from questionnaires import services
from questionnaires.access import invitation_for_token
from questionnaires.forms import AnswerForm
from questionnaires.models import Invitation, Questionnaire
from questionnaires.selectors import (
    invitation_rows,
    progress_by_area,
    progress_total,
    question_results,
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
        "questions": questionnaire.questions.all(),
        "rows": rows,
        "areas": areas,
        "total": progress_total(areas),
        "site_url": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "questionnaires/detail.html", context)


@require_GET
@login_required
def questionnaire_answers(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "results": question_results(questionnaire),
    }
    return render(request, "questionnaires/answers.html", context)


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


# --- Stakeholder (no account: the token is the key) -------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_for_token(token)
    questionnaire = invitation.questionnaire
    response = services.response_for(invitation=invitation)
    answers = {a.question_id: a for a in response.answers.all()} if response else {}
    questions = list(questionnaire.questions.all())
    closed = not questionnaire.is_open
    submitting = "submit" in request.POST
    form = AnswerForm(
        request.POST if request.method == "POST" and not closed else None,
        questions=questions,
        answers=answers,
        submitting=submitting,
        disabled=closed,
    )
    if request.method == "POST" and closed:
        messages.error(request, str(services.QUESTIONNAIRE_CLOSED))
    elif request.method == "POST" and form.is_valid():
        services.response_save(
            invitation=invitation, values=form.changed_values(), submit=submitting
        )
        if submitting:
            return redirect("questionnaires:thanks", token)
        messages.success(request, _("Your answers are saved. You can come back any time."))
        return redirect("questionnaires:answer", token)
    else:
        services.invitation_touch(invitation=invitation)
    context = {
        "invitation": invitation,
        "workshop": questionnaire.workshop,
        "questionnaire": questionnaire,
        "response": response,
        "form": form,
        "closed": closed,
        "token": token,
    }
    return render(request, "questionnaires/answer.html", context)


@never_cache
@require_GET
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_for_token(token)
    response = services.response_for(invitation=invitation)
    if response is None or response.submitted_at is None:
        return redirect("questionnaires:answer", token)
    context = {
        "invitation": invitation,
        "workshop": invitation.questionnaire.workshop,
        "questionnaire": invitation.questionnaire,
        "response": response,
        "token": token,
    }
    return render(request, "questionnaires/thanks.html", context)
