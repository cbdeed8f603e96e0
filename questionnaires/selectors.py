"""Reads for questionnaire pages, each in a fixed number of queries.

Counts of results and the anonymity rule are in the results engine
(`questionnaires.results`); the progress rows here are built from its tallies.
"""

from __future__ import annotations

from dataclasses import dataclass

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response
from questionnaires.results import Tally, other_areas_label, private_breakdown
from workshops.models import Workshop


def questionnaire_for_workshop(workshop: Workshop) -> Questionnaire | None:
    return workshop.questionnaires.first()


def questions_for_stakeholder(questionnaire: Questionnaire, stakeholder) -> list[Question]:
    """The current questions this stakeholder is asked (targeting). One query:
    the areas are checked in SQL, the groups (a JSON list) here."""
    questions = questionnaire.questions.current().for_area(stakeholder.area_id)
    return [q for q in questions if q.shown_to_group(stakeholder)]


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


def invitation_rows(questionnaire: Questionnaire) -> list[InvitationRow]:
    """One row per stakeholder, with their response. Two queries."""
    responses = {r.stakeholder_id: r for r in Response.objects.filter(questionnaire=questionnaire)}
    invitations = (
        Invitation.objects.filter(questionnaire=questionnaire)
        .select_related("stakeholder__area", "questionnaire")
        .order_by("stakeholder__area__order", "stakeholder__name")
    )
    return [InvitationRow(inv, responses.get(inv.stakeholder_id)) for inv in invitations]


def progress_by_area(workshop: Workshop, rows: list[InvitationRow]) -> list[Tally]:
    """Invited, started and submitted per business area (one query, the areas)."""
    progress = {area.pk: Tally(area.pk, area.name) for area in workshop.areas.all()}
    for row in rows:
        if row.invitation.is_revoked:
            continue  # a revoked link is not an invitation any more
        progress[row.invitation.stakeholder.area_id].add(Tally.invited_one(row.response))
    return list(progress.values())


def private_progress(workshop: Workshop, areas: list[Tally]) -> tuple[list[Tally], set[int]]:
    """The overview's rows by the engine's rule: a document counts submitted
    responses, so an area is shown on its own from k submitted on.

    Returns the rows to show and the ids of the areas shown by name.
    """
    submitted = {area.key: area.submitted for area in areas}
    rule = {"anonymous": workshop.anonymous, "threshold": workshop.privacy_threshold}
    rows = private_breakdown(
        areas,
        answered=submitted,
        other_label=other_areas_label(workshop.privacy_threshold),
        **rule,
    )
    return rows, {row.key for row in rows if not row.is_other}


def progress_total(areas: list[Tally]) -> Tally:
    total = Tally("all", "total")
    for area in areas:
        total.add(area)
    return total
