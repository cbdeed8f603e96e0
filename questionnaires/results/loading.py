"""Loading and summarising one questionnaire's responses, for the live dashboard
and for every document, in a fixed number of queries.

Documents (report, PDF, overview) pass `submitted_only=True`: a draft is
neither counted nor quoted there. The live dashboard also shows drafts and
marks what comes from them as in progress.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from questionnaires.charts import Bar, Chart, bar_chart, distribution
from questionnaires.models import Answer, Question, QuestionKind, Questionnaire, Response
from questionnaires.results.filters import TextFilter
from questionnaires.results.privacy import Privacy, Tally, privacy_for, private_breakdown
from questionnaires.results.quotes import pick_quotes
from questionnaires.results.stats import likelihood_tone, mean, median, nps
from workshops.models import BusinessArea, StakeholderGroup, Workshop


@dataclass
class Results:
    """The areas and the counted responses, and what the viewer may see of them."""

    workshop: Workshop
    questionnaire: Questionnaire
    areas: list[BusinessArea]
    responses: dict[int, Response]  # by stakeholder id, with stakeholder and area
    names_visible: bool
    submitted_only: bool = False
    privacy: Privacy = field(init=False)

    def __post_init__(self) -> None:
        self.privacy = privacy_for(
            self.workshop,
            [(r.stakeholder.area_id, r.stakeholder.group) for r in self.responses.values()],
            names_visible=self.names_visible,
        )

    @property
    def area_options(self) -> list[BusinessArea]:
        return [area for area in self.areas if self.privacy.area_shown(area.pk)]

    @property
    def group_options(self) -> list[StakeholderGroup]:
        return [group for group in StakeholderGroup if self.privacy.group_shown(group.value)]


def results_load(
    *,
    workshop: Workshop,
    questionnaire: Questionnaire,
    submitted_only: bool = False,
    names_visible: bool | None = None,
) -> Results:
    """Areas and responses. Two queries.

    `names_visible` defaults to what the workshop's current viewer may see
    (`workshop.role`, set by `workshop_for_user`).
    """
    responses = Response.objects.filter(questionnaire=questionnaire).select_related(
        "stakeholder__area"
    )
    if submitted_only:
        responses = responses.filter(submitted_at__isnull=False)
    if names_visible is None:
        names_visible = workshop.names_visible_to(getattr(workshop, "role", ""))
    return Results(
        workshop=workshop,
        questionnaire=questionnaire,
        areas=list(workshop.areas.all()),
        responses={response.stakeholder_id: response for response in responses},
        names_visible=names_visible,
        submitted_only=submitted_only,
    )


@dataclass
class Waiting:
    name: str
    area: str
    group: str
    started: bool
    last_seen_at: dt.datetime | None = None


@dataclass
class Summary:
    total: Tally
    areas: list[Tally]
    groups: list[Tally]
    waiting: list[Waiting]


def results_summary(results: Results) -> Summary:
    """Response rates overall, per area and per group, and who has not submitted.

    One query: the active invitations (a revoked link is not counted as invited).
    """
    invitations = (
        results.questionnaire.invitations.active()
        .select_related("stakeholder__area")
        .order_by("stakeholder__area__order", "stakeholder__name", "pk")
    )
    total = Tally("all", _("All"))
    areas = {area.pk: Tally(area.pk, area.name) for area in results.areas}
    groups = {group.value: Tally(group.value, group.label) for group in StakeholderGroup}
    waiting = []
    for invitation in invitations:
        stakeholder = invitation.stakeholder
        response = results.responses.get(stakeholder.pk)
        row = Tally.invited_one(response)
        for tally in (total, areas[stakeholder.area_id], groups[stakeholder.group]):
            tally.add(row)
        if not row.submitted:
            waiting.append(
                Waiting(
                    name=stakeholder.name,
                    area=stakeholder.area.name,
                    group=stakeholder.get_group_display(),
                    started=bool(row.started),
                    last_seen_at=invitation.last_seen_at,
                )
            )
    answered_areas = Counter(r.stakeholder.area_id for r in results.responses.values())
    answered_groups = Counter(r.stakeholder.group for r in results.responses.values())
    rule = {
        "anonymous": results.workshop.anonymous,
        "threshold": results.workshop.privacy_threshold,
    }
    return Summary(
        total=total,
        areas=private_breakdown(
            [t for t in areas.values() if t.invited or answered_areas[t.key]],
            answered=answered_areas,
            other_label=results.privacy.area_other,
            **rule,
        ),
        groups=private_breakdown(
            [t for t in groups.values() if t.invited or answered_groups[t.key]],
            answered=answered_groups,
            other_label=results.privacy.group_other,
            **rule,
        ),
        waiting=waiting,
    )


@dataclass(frozen=True)
class TextAnswer:
    text: str
    name: str | None  # None when names are hidden
    area_id: int | None  # None when merged into "Other areas and groups"
    group: str | None
    label: str  # "Sales · Employee"
    sort_key: tuple = ()
    area_key: tuple = ()  # the writer's area, in area order: quotes take turns by it
    in_progress: bool = False  # from a response not submitted yet


@dataclass
class QuestionSummary:
    question: Question
    respondents: int = 0
    in_progress: int = 0  # of the respondents, those who have not submitted yet
    bars: list[Bar] = field(default_factory=list)
    chart: Chart | None = None
    mean: float | None = None
    median: float | None = None
    nps: int | None = None
    answers: list[TextAnswer] = field(default_factory=list)
    total_answers: int = 0

    @property
    def removed(self) -> bool:
        return self.question.removed_at is not None

    @property
    def is_likelihood(self) -> bool:
        return self.question.kind == QuestionKind.LIKELIHOOD


def answer_values(answer: Answer) -> list[str]:
    """The options chosen: a single choice may be stored as text or as a list."""
    if answer.choices:
        return [str(choice) for choice in answer.choices]
    return [answer.text] if answer.text.strip() else []


def ordered_questions(questionnaire: Questionnaire) -> list[Question]:
    """Current questions in their order, then the removed ones. One query."""
    questions = list(questionnaire.questions.all())
    return sorted(questions, key=lambda q: q.removed_at is not None)


def results_questions(
    results: Results, *, text_filter: TextFilter | None = None, include_removed: bool = True
) -> list[QuestionSummary]:
    """One summary per question. Two queries (questions, answers)."""
    questions = ordered_questions(results.questionnaire)
    if not include_removed:
        questions = [q for q in questions if q.removed_at is None]
    by_response = {response.pk: response for response in results.responses.values()}
    answers: dict[int, list[Answer]] = {q.pk: [] for q in questions}
    for answer in Answer.objects.filter(response__questionnaire=results.questionnaire):
        if answer.question_id in answers and answer.response_id in by_response:
            answers[answer.question_id].append(answer)
    text_filter = text_filter or TextFilter()
    return [
        _summarize(question, answers[question.pk], by_response, results.privacy, text_filter)
        for question in questions
    ]


def _summarize(
    question: Question,
    answers: list[Answer],
    responses: Mapping[int, Response],
    privacy: Privacy,
    text_filter: TextFilter,
) -> QuestionSummary:
    summary = QuestionSummary(question)

    def drafts(counted: Sequence[Answer]) -> int:
        return sum(1 for a in counted if responses[a.response_id].submitted_at is None)

    if question.kind in (QuestionKind.SCALE, QuestionKind.LIKELIHOOD):
        counted = [a for a in answers if a.number is not None]
        numbers = [a.number for a in counted]
        low, high = question.number_range
        likelihood = question.kind == QuestionKind.LIKELIHOOD
        summary.respondents, summary.in_progress = len(numbers), drafts(counted)
        summary.bars = distribution(
            numbers,
            list(range(low, high + 1)),
            respondents=len(numbers),
            tone=likelihood_tone if likelihood else None,
        )
        summary.mean, summary.median = mean(numbers), median(numbers)
        summary.nps = nps(numbers) if likelihood else None
        summary.chart = bar_chart(summary.bars, respondents=len(numbers), label_above=False)
    elif question.is_choice:
        counted = [a for a in answers if answer_values(a)]
        chosen = [answer_values(a) for a in counted]
        summary.respondents, summary.in_progress = len(chosen), drafts(counted)
        summary.bars = distribution(
            [value for values in chosen for value in values],
            [str(option) for option in question.options],
            respondents=len(chosen),
        )
        summary.chart = bar_chart(summary.bars, respondents=len(chosen), label_above=True)
    else:
        texts = [_text_answer(a, responses[a.response_id], privacy) for a in answers]
        texts = sorted((t for t in texts if t.text.strip()), key=lambda t: t.sort_key)
        summary.respondents = summary.total_answers = len(texts)
        summary.in_progress = sum(1 for t in texts if t.in_progress)
        summary.answers = [t for t in texts if text_filter.matches(t)]
    return summary


@dataclass(frozen=True)
class Writer:
    """Who wrote an answer, as far as labels and order may use it."""

    area_id: int
    area_name: str
    area_order: int
    group: str
    name: str = ""


def text_answer(
    *, text: str, writer: Writer, privacy: Privacy, in_progress: bool, tiebreak: int
) -> TextAnswer:
    """A written answer as the viewer may see it: name and label by the rule."""
    area_id, group, label = privacy.label_for(
        area_id=writer.area_id, area_name=writer.area_name, group=writer.group
    )
    if privacy.names_visible:
        sort_key = (writer.area_order, writer.area_name, writer.name.casefold(), tiebreak)
    else:
        # Sort by what is shown, so that the order gives nobody away.
        order = writer.area_order if area_id is not None else 0
        sort_key = (area_id is None, order, label, text.casefold())
    return TextAnswer(
        text=text,
        name=writer.name if privacy.names_visible else None,
        area_id=area_id,
        group=group,
        label=label,
        sort_key=sort_key,
        area_key=(writer.area_order, writer.area_name, writer.area_id),
        in_progress=in_progress,
    )


def _text_answer(answer: Answer, response: Response, privacy: Privacy) -> TextAnswer:
    stakeholder = response.stakeholder
    area = stakeholder.area
    return text_answer(
        text=answer.text,
        writer=Writer(area.pk, area.name, area.order, stakeholder.group, stakeholder.name),
        privacy=privacy,
        in_progress=response.submitted_at is None,
        tiebreak=answer.pk,
    )


def results_with_quotes(
    summaries: Sequence[QuestionSummary], *, limit: int
) -> list[tuple[QuestionSummary, list[TextAnswer]]]:
    """Each summary with its quotes (written questions only), as documents show them.

    Each selection goes on round-robin through the areas where the previous
    one stopped, so a document quotes every area, not only the first ones.
    """
    shown = 0
    result = []
    for summary in summaries:
        quotes: list[TextAnswer] = []
        if summary.chart is None:
            quotes = pick_quotes(summary.answers, limit=limit, start=shown)
            shown += len(quotes)
        result.append((summary, quotes))
    return result
