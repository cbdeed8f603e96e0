"""Reads that assemble the sponsor's report: NFRs, change plan, journey, answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch

from questionnaires.results import (
    document_names_visible,
    results_load,
    results_questions,
    results_summary,
    results_with_quotes,
    themes_summary,
)
from questionnaires.selectors import questionnaire_for_workshop
from reports.models import (
    KOTTER_STEP_RECORDS,
    ChangeAction,
    Characteristic,
    KotterStep,
    Requirement,
)
from workshops.models import JourneyStage, Milestone, Workshop

QUOTES_PER_QUESTION = 3


def report_counts(workshop: Workshop) -> dict[str, int]:
    """How much the workshop has produced so far. One query."""
    counts = Workshop.objects.filter(pk=workshop.pk).aggregate(
        stakeholders=Count("stakeholders", distinct=True),
        stories=Count("dream_stories", distinct=True),
        stages=Count("journey_stages", distinct=True),
        requirements=Count("requirements", distinct=True),
        actions=Count("change_actions", distinct=True),
    )
    return {key: value or 0 for key, value in counts.items()}


@dataclass
class CharacteristicGroup:
    label: str
    requirements: list[Requirement] = field(default_factory=list)


@dataclass
class KotterStepPlan:
    number: int
    label: str
    records: str
    actions: list[ChangeAction] = field(default_factory=list)


def requirements_by_characteristic(workshop: Workshop) -> list[CharacteristicGroup]:
    groups = {value: CharacteristicGroup(str(label)) for value, label in Characteristic.choices}
    for requirement in Requirement.objects.filter(workshop=workshop):
        groups[requirement.characteristic].requirements.append(requirement)
    return [group for group in groups.values() if group.requirements]


def change_plan(workshop: Workshop) -> list[KotterStepPlan]:
    """All eight steps, in order, each with its actions (an empty step is a gap to show)."""
    steps = {
        step.value: KotterStepPlan(step.value, str(step.label), str(KOTTER_STEP_RECORDS[step]))
        for step in KotterStep
    }
    for action in ChangeAction.objects.filter(workshop=workshop):
        steps[action.step].actions.append(action)
    return list(steps.values())


def journey(workshop: Workshop) -> list[JourneyStage]:
    milestones = Milestone.objects.select_related("area")
    return list(
        JourneyStage.objects.filter(workshop=workshop).prefetch_related(
            Prefetch("milestones", queryset=milestones)
        )
    )


def report_context(workshop: Workshop) -> dict[str, Any]:
    """Everything the HTML report and the PDF show, in a fixed number of queries.

    Counts, statistics and quotes come from the results engine over SUBMITTED
    responses only: a draft is neither counted nor quoted in a document.
    """
    questionnaire = questionnaire_for_workshop(workshop)
    summary, results = None, []
    if questionnaire is not None:
        loaded = results_load(
            workshop=workshop,
            questionnaire=questionnaire,
            submitted_only=True,
            names_visible=document_names_visible(workshop),
        )
        summary = results_summary(loaded)
        questions = results_questions(loaded, include_removed=False)
        results = results_with_quotes(questions, limit=QUOTES_PER_QUESTION)
    return {
        "workshop": workshop,
        "questionnaire": questionnaire,
        "summary": summary,
        "results": results,
        "quotes_per_question": QUOTES_PER_QUESTION,
        "themes": themes_summary(workshop),
        "stories": list(workshop.dream_stories.select_related("area", "stakeholder")),
        "requirement_groups": requirements_by_characteristic(workshop),
        "change_plan": change_plan(workshop),
        "journey": journey(workshop),
    }
