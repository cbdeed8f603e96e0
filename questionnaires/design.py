"""Designing a questionnaire: questions, order, targeting, templates."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy

from questionnaires.models import Question, Questionnaire, QuestionnaireTemplate
from workshops.models import Phase

TEMPLATE_NEEDS_EMPTY = gettext_lazy(
    "This questionnaire already has answers, so its questions cannot be replaced by a "
    "template. Add or edit questions one at a time instead."
)
SPEC_FIELDS = [
    "phase", "kind", "text", "help_text", "required", "scale_min_label", "scale_max_label",
    "options", "target_groups",
]  # fmt: skip
PHASE_ORDER = {phase.value: i for i, phase in enumerate(Phase)}


def questions_create_from_spec(*, questionnaire: Questionnaire, spec: list[dict[str, Any]]) -> None:
    """Create questions from plain dicts (built-in catalogue or a saved template).

    Target areas are stored by name in templates and matched to this
    workshop's areas; names it does not have are dropped.
    """
    areas = {area.name.casefold(): area for area in questionnaire.workshop.areas.all()}
    start = questionnaire.questions.aggregate(m=Max("order"))["m"] or 0
    for i, item in enumerate(spec, start=1):
        question = Question(
            questionnaire=questionnaire,
            order=start + i,
            **{key: item[key] for key in SPEC_FIELDS if key in item},
        )
        question.full_clean()
        question.save()
        targets = [
            areas[n.casefold()] for n in item.get("target_areas", []) if n.casefold() in areas
        ]
        if targets:
            question.target_areas.set(targets)


def question_spec(question: Question) -> dict[str, Any]:
    spec = {key: getattr(question, key) for key in SPEC_FIELDS}
    spec["target_areas"] = [area.name for area in question.target_areas.all()]
    return spec


@transaction.atomic
def question_save(*, form, questionnaire: Questionnaire) -> Question:
    """Save a QuestionForm; a new question goes last in its section."""
    question = form.save(commit=False)
    question.questionnaire = questionnaire
    if question.pk is None:
        question.order = _order_for_new(questionnaire, question.phase)
    question.full_clean()
    question.save()
    form.save_m2m()
    return question


def _order_for_new(questionnaire: Questionnaire, phase: str) -> int:
    """Place after the last question of the same or an earlier phase, shifting the rest."""
    questions = list(questionnaire.questions.order_by("order", "pk"))
    position = 0
    for index, other in enumerate(questions):
        if PHASE_ORDER[other.phase] <= PHASE_ORDER[phase]:
            position = index + 1
    for index, other in enumerate(questions):
        new_order = index + 1 if index < position else index + 2
        if other.order != new_order:
            other.order = new_order
    Question.objects.bulk_update(questions, ["order"])
    return position + 1


def question_remove(*, question: Question) -> None:
    """Remove from the questionnaire; answers stay and appear in exports."""
    if question.answers.exists():
        question.removed_at = timezone.now()
        question.save(update_fields=["removed_at"])
    else:
        question.delete()


def question_restore(*, question: Question) -> None:
    question.removed_at = None
    question.save(update_fields=["removed_at"])


@transaction.atomic
def question_move(*, question: Question, up: bool) -> None:
    """Swap with the neighbour above or below within its section (current questions)."""
    siblings = list(question.questionnaire.questions.current().order_by("order", "pk"))
    index = next((i for i, q in enumerate(siblings) if q.pk == question.pk), None)
    if index is None:
        return  # removed in another tab
    other = index - 1 if up else index + 1
    if not 0 <= other < len(siblings) or siblings[other].phase != question.phase:
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, item in enumerate(siblings, start=1):
        item.order = position
    Question.objects.bulk_update(siblings, ["order"])


def template_save(*, questionnaire: Questionnaire, owner, title: str) -> QuestionnaireTemplate:
    questions = questionnaire.questions.current().prefetch_related("target_areas")
    template = QuestionnaireTemplate(
        owner=owner,
        title=title.strip(),
        intro=questionnaire.intro,
        questions=[question_spec(q) for q in questions],
    )
    template.full_clean()
    template.save()
    return template


@transaction.atomic
def template_apply(*, questionnaire: Questionnaire, template: QuestionnaireTemplate) -> None:
    """Replace the questions with the template's. Only before anyone has answered."""
    if questionnaire.responses.exists():
        raise ValueError(str(TEMPLATE_NEEDS_EMPTY))
    questionnaire.questions.all().delete()
    questionnaire.intro = template.intro
    questionnaire.save(update_fields=["intro"])
    questions_create_from_spec(questionnaire=questionnaire, spec=template.questions)
