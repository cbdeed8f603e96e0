"""Reads for questionnaire pages, each in a fixed number of queries."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response
from workshops.models import Workshop

OTHER_AREAS = gettext_lazy("Other areas (fewer than %(k)d answers each)")


def questionnaire_for_workshop(workshop: Workshop) -> Questionnaire | None:
    return workshop.questionnaires.first()


def questions_for_stakeholder(questionnaire: Questionnaire, stakeholder) -> list[Question]:
    """The current questions this stakeholder is asked (targeting). Two queries."""
    questions = questionnaire.questions.current().prefetch_related("target_areas")
    return [q for q in questions if q.shown_to(stakeholder)]


@dataclass
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


def progress_of(questions: list[Question], answers: dict[int, Answer]) -> Progress:
    answered = sum(1 for q in questions if q.pk in answers and not answers[q.pk].is_empty)
    return Progress(answered, len(questions))


@dataclass
class InvitationRow:
    invitation: Invitation
    response: Response | None

    @property
    def status(self) -> str:
        if self.response is None:
            return "invited"
        return "submitted" if self.response.submitted_at else "started"


@dataclass
class AreaProgress:
    name: str
    invited: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.invited) if self.invited else 0


def invitation_rows(questionnaire: Questionnaire) -> list[InvitationRow]:
    """One row per stakeholder, with their response. Two queries."""
    responses = {r.stakeholder_id: r for r in Response.objects.filter(questionnaire=questionnaire)}
    invitations = (
        Invitation.objects.filter(questionnaire=questionnaire)
        .select_related("stakeholder__area", "questionnaire")
        .order_by("stakeholder__area__order", "stakeholder__name")
    )
    return [InvitationRow(inv, responses.get(inv.stakeholder_id)) for inv in invitations]


def progress_by_area(workshop: Workshop, rows: list[InvitationRow]) -> list[AreaProgress]:
    progress = {area.pk: AreaProgress(area.name) for area in workshop.areas.all()}
    for row in rows:
        if row.invitation.is_revoked:
            continue  # a revoked link is not an invitation any more
        area = progress[row.invitation.stakeholder.area_id]
        area.invited += 1
        if row.response is not None:
            area.started += 1
            if row.response.submitted_at:
                area.submitted += 1
    return list(progress.values())


def private_progress(
    workshop: Workshop, areas: list[AreaProgress]
) -> tuple[list[AreaProgress], set[str] | None]:
    """In anonymous mode, areas where fewer than k people answered are merged.

    Returns the rows to show and the names of the areas that may label an
    answer (None: all of them).
    """
    if not workshop.anonymous:
        return areas, None
    k = workshop.privacy_threshold
    shown = [area for area in areas if area.started >= k]
    small = [area for area in areas if area.started < k]
    if small:
        other = AreaProgress(str(OTHER_AREAS) % {"k": k})
        for area in small:
            other.invited += area.invited
            other.started += area.started
            other.submitted += area.submitted
        shown.append(other)
    return shown, {area.name for area in areas if area.started >= k}


def progress_total(areas: list[AreaProgress]) -> AreaProgress:
    total = AreaProgress("total")
    for area in areas:
        total.invited += area.invited
        total.started += area.started
        total.submitted += area.submitted
    return total


@dataclass
class QuestionResults:
    question: Question
    answers: list[Answer] = field(default_factory=list)

    def quotes(self, limit: int) -> list[Answer]:
        """Up to `limit` answers, each from a different business area where possible."""
        picked, areas = [], set()
        for answer in self.answers:
            area = answer.response.stakeholder.area_id
            if area not in areas:
                picked.append(answer)
                areas.add(area)
        rest = [a for a in self.answers if a not in picked]
        return (picked + rest)[:limit]

    @property
    def numbers(self) -> list[int]:
        return [a.number for a in self.answers if a.number is not None]

    @property
    def count(self) -> int:
        if self.question.is_scale:
            return len(self.numbers)
        return len(self.answers)

    @property
    def mean(self) -> float | None:
        return round(statistics.fmean(self.numbers), 1) if self.numbers else None

    @property
    def median(self) -> float | None:
        return statistics.median(self.numbers) if self.numbers else None

    @property
    def distribution(self) -> list[tuple[int | str, int, int]]:
        """(value, count, percent of answers): every scale value, or every option."""
        if self.question.is_choice:
            picked = [c for a in self.answers for c in (a.choices or [a.text]) if c]
            values: list = list(self.question.options)
            values += sorted({c for c in picked if c not in values})  # options since removed
        else:
            low, high = self.question.number_range
            picked, values = self.numbers, list(range(low, high + 1))
        total = len(self.answers) if self.question.is_choice else len(picked)
        return [
            (value, picked.count(value), round(100 * picked.count(value) / total) if total else 0)
            for value in values
        ]


def question_results(questionnaire: Questionnaire) -> list[QuestionResults]:
    """Every non-empty answer, grouped by question. Two queries."""
    results = {q.pk: QuestionResults(q) for q in questionnaire.questions.current()}
    answers = (
        Answer.objects.filter(response__questionnaire=questionnaire)
        .select_related("response__stakeholder__area")
        .order_by("response__stakeholder__area__order", "response__stakeholder__name")
    )
    for answer in answers:
        if not answer.is_empty and answer.question_id in results:
            results[answer.question_id].answers.append(answer)
    return list(results.values())
