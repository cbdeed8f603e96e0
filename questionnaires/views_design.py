"""The facilitator designs the questionnaire: questions, settings, templates, preview."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from questionnaires import design
from questionnaires.forms import (
    AnswerForm,
    QuestionForm,
    QuestionnaireSettingsForm,
    TemplateSaveForm,
)
from questionnaires.models import Question, Questionnaire, QuestionnaireTemplate
from questionnaires.selectors import questions_for_stakeholder
from workshops.access import workshop_for_user
from workshops.models import StakeholderGroup


def _questionnaire(workshop, pk: int) -> Questionnaire:
    return get_object_or_404(workshop.questionnaires, pk=pk)


def _question(questionnaire: Questionnaire, qid: int) -> Question:
    return get_object_or_404(questionnaire.questions, pk=qid)


@require_GET
@login_required
def questionnaire_design(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    questions = list(questionnaire.questions.prefetch_related("target_areas"))
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "questions": [q for q in questions if q.removed_at is None],
        "removed": [q for q in questions if q.removed_at is not None],
        "has_responses": questionnaire.responses.exists(),
        "templates": QuestionnaireTemplate.objects.filter(owner=request.user),
        "template_form": TemplateSaveForm(initial={"title": workshop.title}),
    }
    return render(request, "questionnaires/design.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def question_edit(request: HttpRequest, slug: str, pk: int, qid: int | None = None) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    question = _question(questionnaire, qid) if qid else Question(questionnaire=questionnaire)
    has_answers = bool(question.pk) and question.answers.exists()
    form = QuestionForm(
        request.POST or None,
        instance=question,
        workshop=workshop,
        has_answers=has_answers,
        initial=None if question.pk else {"phase": request.GET.get("phase", "discover")},
    )
    if request.method == "POST" and form.is_valid():
        design.question_save(form=form, questionnaire=questionnaire)
        messages.success(request, _("Question saved."))
        return redirect("questionnaires:design", workshop.slug, questionnaire.pk)
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "question": question,
        "form": form,
        "has_answers": has_answers,
    }
    return render(request, "questionnaires/question_form.html", context)


@require_POST
@login_required
def question_remove(request: HttpRequest, slug: str, pk: int, qid: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    question = _question(_questionnaire(workshop, pk), qid)
    design.question_remove(question=question)
    messages.success(request, _("Question removed. Answers already given are kept in exports."))
    return redirect("questionnaires:design", workshop.slug, pk)


@require_POST
@login_required
def question_restore(request: HttpRequest, slug: str, pk: int, qid: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    design.question_restore(question=_question(_questionnaire(workshop, pk), qid))
    messages.success(request, _("Question restored."))
    return redirect("questionnaires:design", workshop.slug, pk)


@require_POST
@login_required
def question_move(request: HttpRequest, slug: str, pk: int, qid: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    question = _question(_questionnaire(workshop, pk), qid)
    design.question_move(question=question, up=request.POST.get("direction") == "up")
    url = reverse("questionnaires:design", args=[workshop.slug, pk])
    return redirect(f"{url}#question-{question.pk}")


@require_http_methods(["GET", "POST"])
@login_required
def questionnaire_settings(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    form = QuestionnaireSettingsForm(request.POST or None, instance=questionnaire)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Questionnaire settings saved."))
        return redirect("questionnaires:design", workshop.slug, questionnaire.pk)
    context = {"workshop": workshop, "questionnaire": questionnaire, "form": form}
    return render(request, "questionnaires/settings.html", context)


@require_POST
@login_required
def template_save(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    form = TemplateSaveForm(request.POST)
    if form.is_valid():
        design.template_save(
            questionnaire=questionnaire, owner=request.user, title=form.cleaned_data["title"]
        )
        messages.success(request, _("Saved as a template for your next workshops."))
    else:
        messages.error(request, _("Give the template a name of at most 200 characters."))
    return redirect("questionnaires:design", workshop.slug, questionnaire.pk)


@require_POST
@login_required
def template_apply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    template_id = request.POST.get("template", "")
    template = None
    if template_id.isascii() and template_id.isdigit() and len(template_id) <= 18:
        template = QuestionnaireTemplate.objects.filter(owner=request.user, pk=template_id).first()
    if template is None:
        messages.error(request, _("Choose one of your templates."))
    else:
        try:
            design.template_apply(questionnaire=questionnaire, template=template)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The questions now come from “%s”.") % template.title)
    return redirect("questionnaires:design", workshop.slug, questionnaire.pk)


@require_GET
@login_required
def questionnaire_preview(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Exactly the stakeholder's page, for a pretend stakeholder of a chosen area and group."""
    workshop = workshop_for_user(request, slug)
    questionnaire = _questionnaire(workshop, pk)
    areas = list(workshop.areas.all())
    area = next(
        (a for a in areas if str(a.pk) == request.GET.get("area")), areas[0] if areas else None
    )
    group = request.GET.get("group")
    if group not in StakeholderGroup.values:
        group = StakeholderGroup.EMPLOYEE
    pretend = SimpleNamespace(
        name=_("Preview"), area=area, area_id=area.pk if area else None, group=group
    )
    questions = questions_for_stakeholder(questionnaire, pretend)
    context = {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "invitation": SimpleNamespace(stakeholder=pretend),
        "form": AnswerForm(questions=questions, answers={}),
        "progress": SimpleNamespace(answered=0, total=len(questions), percent=0),
        "preview": True,
        "areas": areas,
        "groups": StakeholderGroup.choices,
        "preview_area": area,
        "preview_group": group,
    }
    return render(request, "questionnaires/answer.html", context)
