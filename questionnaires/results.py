"""The facilitator's results dashboard: reads in a fixed number of queries, and the
pure computations behind them (privacy merging, statistics, NPS, filters), which
are tested without a database."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from questionnaires.charts import Bar, Chart, bar_chart, distribution
from questionnaires.models import Answer, Question, QuestionKind, Questionnaire, Response
from workshops.models import BusinessArea, StakeholderGroup, Workshop

OTHER = "other"
SEARCH_MAX_LENGTH = 200
PROMOTER_MIN = 9
DETRACTOR_MAX = 6
DETRACTOR, PASSIVE, PROMOTER = "detractor", "passive", "promoter"


# --- Pure computations -------------------------------------------------------


@dataclass
class Tally:
    """Invited, started and submitted counts of one row (an area, a group, all)."""

    key: Hashable
    label: str
    invited: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def percent(self) -> int:
        """Share of the invited who submitted."""
        return round(100 * self.submitted / self.invited) if self.invited else 0

    def add(self, other: Tally) -> None:
        self.invited += other.invited
        self.started += other.started
        self.submitted += other.submitted


def shown_keys(
    answered: Mapping[Hashable, int], *, anonymous: bool, threshold: int
) -> set[Hashable]:
    """The areas or groups that may be shown on their own.

    `answered` counts the people of each area (or group) who started a
    response. In anonymous mode a breakdown of fewer than `threshold` people
    could point at a person, so only the larger ones are shown.
    """
    if not anonymous:
        return set(answered)
    return {key for key, count in answered.items() if count >= threshold}


def merge_small(tallies: Sequence[Tally], *, shown: set[Hashable], other_label: str) -> list[Tally]:
    """Keep the tallies in `shown`, merge the others into one last row."""
    kept = [tally for tally in tallies if tally.key in shown]
    small = [tally for tally in tallies if tally.key not in shown]
    if small:
        other = Tally(OTHER, other_label)
        for tally in small:
            other.add(tally)
        kept.append(other)
    return kept


def private_breakdown(
    tallies: Sequence[Tally],
    *,
    answered: Mapping[Hashable, int],
    anonymous: bool,
    threshold: int,
    other_label: str,
) -> list[Tally]:
    """The privacy rule for every per-area or per-group breakdown.

    Outside anonymous mode every row is shown. In anonymous mode a row is
    shown only when at least `threshold` of its people answered; the smaller
    ones become one row labelled `other_label`.
    """
    counts = {tally.key: answered.get(tally.key, 0) for tally in tallies}
    shown = shown_keys(counts, anonymous=anonymous, threshold=threshold)
    return merge_small(tallies, shown=shown, other_label=other_label)


def labelled_cells(
    people: Iterable[tuple[int, str]], *, names_visible: bool, threshold: int
) -> set[tuple[int, str]] | None:
    """The (area, group) pairs an answer may be labelled with; None means all.

    Without names, area and group together can point at one person (the only
    client in Customer service), even when the area and the group are each
    large enough. So an answer shows its area and group only when at least
    `threshold` people of that same area and group answered.
    """
    if names_visible:
        return None
    return shown_keys(Counter(people), anonymous=True, threshold=threshold)


def mean(numbers: Sequence[int]) -> float | None:
    return round(statistics.fmean(numbers), 1) if numbers else None


def median(numbers: Sequence[int]) -> float | None:
    return statistics.median(numbers) if numbers else None


def nps(numbers: Sequence[int]) -> int | None:
    """Net Promoter Score: % promoters (9–10) minus % detractors (0–6), -100..100."""
    if not numbers:
        return None
    promoters = sum(1 for n in numbers if n >= PROMOTER_MIN)
    detractors = sum(1 for n in numbers if n <= DETRACTOR_MAX)
    return round(100 * (promoters - detractors) / len(numbers))


def likelihood_tone(value: int) -> str:
    if value >= PROMOTER_MIN:
        return PROMOTER
    return DETRACTOR if value <= DETRACTOR_MAX else PASSIVE


@dataclass(frozen=True)
class TextFilter:
    area: int | None = None
    group: str | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.area or self.group or self.q)

    def matches(self, answer: TextAnswer) -> bool:
        """Area and group match what the answer is labelled with, so filtering
        never tells apart answers that their labels do not."""
        if self.area is not None and answer.area_id != self.area:
            return False
        if self.group is not None and answer.group != self.group:
            return False
        return self.q.casefold() in answer.text.casefold()


def parse_filter(
    params: Mapping[str, str], *, areas: Iterable[int], groups: Iterable[str]
) -> TextFilter:
    """Read `area`, `group` and `q` from a query string.

    Areas and groups that may not be shown (unknown, or too small in anonymous
    mode) are ignored, so a crafted URL cannot single out a small area.
    """
    try:
        area = int(params.get("area") or "")
    except ValueError:
        area = None
    group = params.get("group") or None
    return TextFilter(
        area=area if area in set(areas) else None,
        group=group if group in set(groups) else None,
        q=(params.get("q") or "").strip()[:SEARCH_MAX_LENGTH],
    )


# --- Reads ----------------------------------------------------------------


@dataclass(frozen=True)
class Privacy:
    """What the current viewer may see of who answered."""

    names_visible: bool
    areas: set[int]  # areas that may be broken out and filtered on
    groups: set[str]
    cells: set[tuple[int, str]] | None  # see labelled_cells
    area_other: str
    group_other: str
    answer_other: str

    def labels(self, stakeholder) -> tuple[int | None, str | None, str]:
        """The area id and group an answer is filed under (None when merged),
        and how it is labelled."""
        cell = (stakeholder.area_id, stakeholder.group)
        if self.cells is not None and cell not in self.cells:
            return None, None, self.answer_other
        label = f"{stakeholder.area.name} · {stakeholder.get_group_display()}"
        return stakeholder.area_id, stakeholder.group, label


@dataclass
class Results:
    """What both parts of the dashboard need: the areas and the responses."""

    workshop: Workshop
    questionnaire: Questionnaire
    areas: list[BusinessArea]
    responses: dict[int, Response]  # by stakeholder id, with stakeholder and area
    privacy: Privacy = field(init=False)

    def __post_init__(self) -> None:
        workshop = self.workshop
        by_area = Counter(r.stakeholder.area_id for r in self.responses.values())
        by_group = Counter(r.stakeholder.group for r in self.responses.values())
        rule = {"anonymous": workshop.anonymous, "threshold": workshop.privacy_threshold}
        names_visible = workshop.names_visible_to(getattr(workshop, "role", ""))
        self.privacy = Privacy(
            names_visible=names_visible,
            areas=shown_keys({a.pk: by_area[a.pk] for a in self.areas}, **rule),
            groups=shown_keys({g.value: by_group[g.value] for g in StakeholderGroup}, **rule),
            cells=labelled_cells(
                [(r.stakeholder.area_id, r.stakeholder.group) for r in self.responses.values()],
                names_visible=names_visible,
                threshold=workshop.privacy_threshold,
            ),
            area_other=other_areas_label(workshop.privacy_threshold),
            group_other=other_groups_label(workshop.privacy_threshold),
            answer_other=other_cells_label(workshop.privacy_threshold),
        )

    @property
    def area_options(self) -> list[BusinessArea]:
        return [area for area in self.areas if area.pk in self.privacy.areas]

    @property
    def group_options(self) -> list[StakeholderGroup]:
        return [group for group in StakeholderGroup if group.value in self.privacy.groups]


def other_cells_label(threshold: int) -> str:
    return _("Other areas and groups (fewer than %(k)s answers)") % {"k": threshold}


def other_areas_label(threshold: int) -> str:
    return _("Other areas (fewer than %(k)s answers)") % {"k": threshold}


def other_groups_label(threshold: int) -> str:
    return _("Other groups (fewer than %(k)s answers)") % {"k": threshold}


def results_load(*, workshop: Workshop, questionnaire: Questionnaire) -> Results:
    """Areas and responses. Two queries."""
    responses = Response.objects.filter(questionnaire=questionnaire).select_related(
        "stakeholder__area"
    )
    return Results(
        workshop=workshop,
        questionnaire=questionnaire,
        areas=list(workshop.areas.all()),
        responses={response.stakeholder_id: response for response in responses},
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
        row = Tally(None, "", invited=1)
        row.started = int(response is not None)
        row.submitted = int(response is not None and response.submitted_at is not None)
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


@dataclass
class QuestionSummary:
    question: Question
    respondents: int = 0
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


def answer_values(answer: Answer) -> list[str]:
    """The options chosen: a single choice may be stored as text or as a list."""
    if answer.choices:
        return [str(choice) for choice in answer.choices]
    return [answer.text] if answer.text.strip() else []


def ordered_questions(questionnaire: Questionnaire) -> list[Question]:
    """Current questions in their order, then the removed ones. One query."""
    questions = list(questionnaire.questions.all())
    return sorted(questions, key=lambda q: q.removed_at is not None)


def results_questions(results: Results, *, text_filter: TextFilter) -> list[QuestionSummary]:
    """One summary per question. Two queries (questions, answers)."""
    questions = ordered_questions(results.questionnaire)
    by_response = {response.pk: response for response in results.responses.values()}
    answers: dict[int, list[Answer]] = {q.pk: [] for q in questions}
    for answer in Answer.objects.filter(response__questionnaire=results.questionnaire):
        if answer.question_id in answers and answer.response_id in by_response:
            answers[answer.question_id].append(answer)
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
    if question.kind in (QuestionKind.SCALE, QuestionKind.LIKELIHOOD):
        numbers = [a.number for a in answers if a.number is not None]
        low, high = question.number_range
        likelihood = question.kind == QuestionKind.LIKELIHOOD
        summary.respondents = len(numbers)
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
        chosen = [answer_values(a) for a in answers]
        chosen = [values for values in chosen if values]
        summary.respondents = len(chosen)
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
        summary.answers = [t for t in texts if text_filter.matches(t)]
    return summary


def _text_answer(answer: Answer, response: Response, privacy: Privacy) -> TextAnswer:
    stakeholder = response.stakeholder
    area_id, group, label = privacy.labels(stakeholder)
    if privacy.names_visible:
        area = stakeholder.area
        sort_key = (area.order, area.name, stakeholder.name.casefold(), answer.pk)
    else:
        # Sort by what is shown, so that the order gives nobody away.
        order = stakeholder.area.order if area_id is not None else 0
        sort_key = (area_id is None, order, label, answer.text.casefold())
    return TextAnswer(
        text=answer.text,
        name=stakeholder.name if privacy.names_visible else None,
        area_id=area_id,
        group=group,
        label=label,
        sort_key=sort_key,
    )
