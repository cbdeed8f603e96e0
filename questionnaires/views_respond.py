"""The stakeholder's side: no account, the personal link is the key."""

from __future__ import annotations

import contextlib
import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from questionnaires import services
from questionnaires.access import UnknownLink, invitation_for_token
from questionnaires.forms import AnswerForm, JoinForm, field_name, is_blank, phase_label
from questionnaires.models import Question, QuestionKind, Questionnaire
from questionnaires.selectors import progress_of, questions_for_stakeholder
from workshops.throttle import (
    INVITE_LINK_IP,
    JOIN_CODE_IP,
    JOIN_EMAIL_ADDRESS,
    allow,
    failed_lookups_throttled,
    normalized,
)

MISSING_REQUIRED = _("Please answer the required questions in: %(sections)s.")
JOINED = _lazy("Welcome! This page is your personal link: bookmark it to come back later.")


def _sections(questions) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for question in questions:
        seen.setdefault(question.phase, phase_label(question.phase))
    return list(seen.items())


def _page_url(token: str, section: str | None) -> str:
    url = reverse("questionnaires:answer", args=[token])
    return f"{url}?section={section}" if section else url


@never_cache
@failed_lookups_throttled(INVITE_LINK_IP, failure=UnknownLink)
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_for_token(token)
    questionnaire = invitation.questionnaire
    questions = questions_for_stakeholder(questionnaire, invitation.stakeholder)
    response = services.response_for(invitation=invitation)
    answers = {a.question_id: a for a in response.answers.all()} if response else {}
    sections = _sections(questions)
    keys = [key for key, _label in sections]
    section = request.POST.get("section") or request.GET.get("section")
    if not questionnaire.paged or section not in keys:
        section = keys[0] if questionnaire.paged and keys else None
    page = [q for q in questions if section is None or q.phase == section]
    closed = not questionnaire.is_open
    submitting = "submit" in request.POST
    form = AnswerForm(
        request.POST if request.method == "POST" and not closed else None,
        questions=page,
        answers=answers,
        submitting=submitting,
        disabled=closed,
    )
    if request.method == "POST" and closed:
        messages.error(request, str(services.QUESTIONNAIRE_CLOSED))
    elif request.method == "POST" and form.is_valid():
        elsewhere = [
            q
            for q in questions
            if q.required and q not in page and (q.pk not in answers or answers[q.pk].is_empty)
        ]
        services.response_save(
            invitation=invitation,
            values=form.changed_values(),
            submit=submitting and not elsewhere,
        )
        if submitting and not elsewhere:
            return redirect("questionnaires:thanks", token)
        if submitting:
            labels = ", ".join(dict(sections)[q.phase] for q in elsewhere[:1])
            messages.error(request, MISSING_REQUIRED % {"sections": labels})
            return redirect(_page_url(token, elsewhere[0].phase))
        index = keys.index(section) if section in keys else 0
        if "next" in request.POST and index + 1 < len(keys):
            return redirect(_page_url(token, keys[index + 1]))
        if "back" in request.POST and index > 0:
            return redirect(_page_url(token, keys[index - 1]))
        messages.success(request, _("Your answers are saved. You can come back any time."))
        return redirect(_page_url(token, section))
    else:
        services.invitation_touch(invitation=invitation)
    index = keys.index(section) if section in keys else 0
    context = {
        "invitation": invitation,
        "workshop": questionnaire.workshop,
        "questionnaire": questionnaire,
        "response": response,
        "form": form,
        "closed": closed,
        "token": token,
        "autosave_url": reverse("questionnaires:autosave", args=[token]),
        "progress": progress_of(questions, answers),
        "sections": sections,
        "section": section,
        "first_page": index == 0,
        "previous_section": keys[index - 1] if section and index > 0 else None,
        "next_section": keys[index + 1] if section and index + 1 < len(keys) else None,
    }
    return render(request, "questionnaires/answer.html", context)


# An autosave that is not exactly one question with its own answer field:
# a stale page, a broken client or a forged request. It must not erase an answer.
AUTOSAVE_MALFORMED = _(
    "Not saved: this page is out of date. Reload it; your text is still on your screen."
)
QUESTION_FIELD = re.compile(r"(?:initial-)?q_(.*)")


def _autosave_question(request: HttpRequest, invitation) -> Question | None:
    """The one question an autosave is for, or None if the request names no
    question, several, one this stakeholder is not asked, or lacks its field."""
    ids = request.POST.getlist("question")
    if len(ids) != 1 or not re.fullmatch(r"[1-9][0-9]{0,17}", ids[0]):
        return None
    question_id = ids[0]
    name = f"q_{question_id}"
    named = {m.group(1) for key in request.POST if (m := QUESTION_FIELD.fullmatch(key))}
    if named != {question_id} or name not in request.POST:
        return None
    question = (
        invitation.questionnaire.questions.current()
        .for_area(invitation.stakeholder.area_id)
        .filter(pk=int(question_id))
        .first()
    )
    if question is None or not question.shown_to_group(invitation.stakeholder):
        return None
    if question.kind != QuestionKind.MULTIPLE_CHOICE and len(request.POST.getlist(name)) != 1:
        return None
    return question


@never_cache
@failed_lookups_throttled(INVITE_LINK_IP, failure=UnknownLink)
@require_POST
def autosave(request: HttpRequest, token: str) -> HttpResponse:
    """Save one answer as the stakeholder types (htmx); answers with a short status."""
    invitation = invitation_for_token(token)
    questionnaire = invitation.questionnaire
    template = "questionnaires/includes/_save_state.html"
    question = _autosave_question(request, invitation)
    if question is None:
        context = {"saved_at": None, "error": AUTOSAVE_MALFORMED}
        return render(request, template, context, status=400)
    data = request.POST
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        # No box ticked: the page sends the field once, empty.
        data = data.copy()
        data.setlist(field_name(question), [v for v in data.getlist(field_name(question)) if v])
    context: dict = {"saved_at": None, "error": None}
    form = AnswerForm(data, questions=[question], answers={})
    if not questionnaire.is_open:
        context["error"] = services.QUESTIONNAIRE_CLOSED
    elif not form.is_valid():
        context["error"] = form.errors[field_name(question)][0]
    else:
        value = form.cleaned_data.get(field_name(question))
        services.response_save(
            invitation=invitation, values={question.pk: None if is_blank(value) else value}
        )
        context["saved_at"] = timezone.now()
    return render(request, template, context)


@never_cache
@failed_lookups_throttled(INVITE_LINK_IP, failure=UnknownLink)
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


@failed_lookups_throttled(JOIN_CODE_IP)
@require_GET
def join_start(request: HttpRequest) -> HttpResponse:
    """Type the code shown on the projector."""
    # Codes are letters and digits; anything else people type is dropped.
    code = re.sub(r"[^A-Za-z0-9]", "", request.GET.get("code", "")).upper()[:12]
    if code:
        return redirect("questionnaires:join", code)
    if request.GET.get("code", "").strip():
        raise Http404("Not a join code")
    return render(request, "questionnaires/join_start.html")


def _joinable(code: str) -> Questionnaire:
    questionnaire = None
    if re.fullmatch(r"[A-Za-z0-9]{1,12}", code):
        questionnaire = (
            Questionnaire.objects.select_related("workshop")
            .filter(join_code=code.upper(), join_enabled=True, is_open=True)
            .first()
        )
    if questionnaire is None:
        raise Http404("Unknown or closed join code")
    return questionnaire


@never_cache
@failed_lookups_throttled(JOIN_CODE_IP)
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, code: str) -> HttpResponse:
    """Someone not on the list adds themselves.

    With an e-mail address, the visitor always sees the same "check your
    e-mail" page and the link goes only to that address: a new address joins,
    an address already on the list gets its own person's link. Otherwise the
    page would tell who is on the list, and typing someone's address would
    open their answers. Without an address they land on their new link.
    """
    questionnaire = _joinable(code)
    form = JoinForm(request.POST or None, workshop=questionnaire.workshop)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        invitation = services.stakeholder_join(questionnaire=questionnaire, **form.cleaned_data)
        if not email:
            messages.success(request, JOINED)
            return redirect(invitation.get_absolute_url())
        # Silently capped per address, so the form cannot flood someone's inbox.
        if invitation is not None and allow(JOIN_EMAIL_ADDRESS, normalized(email)):
            with contextlib.suppress(services.InvitationNotSent):
                services.invitation_send(
                    invitation=invitation, base_url=request.build_absolute_uri("/")
                )
        return redirect("questionnaires:join_sent", questionnaire.join_code)
    context = {"workshop": questionnaire.workshop, "questionnaire": questionnaire, "form": form}
    return render(request, "questionnaires/join.html", context)


@never_cache
@failed_lookups_throttled(JOIN_CODE_IP)
@require_GET
def join_sent(request: HttpRequest, code: str) -> HttpResponse:
    questionnaire = _joinable(code)
    context = {"workshop": questionnaire.workshop, "questionnaire": questionnaire}
    return render(request, "questionnaires/join_sent.html", context)
