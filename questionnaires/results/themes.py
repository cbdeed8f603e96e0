"""Reads on the themes of the positive core: who names each theme, per business
area, with quotes. The writes are in `questionnaires.theme_services`.

Counts are of PEOPLE (distinct stakeholders with at least one answer tagged
with the theme), so a theme never has more people than there are respondents;
the number of tagged answers is given beside it and said to be answers.
Documents (`themes_summary`: overview, report, PDF) count submitted responses
only; the facilitator's themes page also counts drafts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from questionnaires.models import TEXT_KINDS, Answer, Question, Response, Theme
from questionnaires.results.loading import TextAnswer, Writer, text_answer
from questionnaires.results.privacy import Privacy, document_names_visible, privacy_for
from questionnaires.results.quotes import pick_quotes
from workshops.models import Workshop

QUOTES_PER_THEME = 2

TaggedAnswer = Theme.answers.through


@dataclass
class AreaCount:
    """People of one area (or of the merged small areas) who name a theme."""

    name: str
    count: int
    order: tuple[int, str] = (0, "")
    is_other: bool = False


@dataclass(frozen=True)
class TagRow:
    """One tag: who wrote the answer, in which area and group, and its text."""

    theme_id: int
    stakeholder_id: int
    area_id: int
    area_name: str
    area_order: int
    group: str = "employee"
    text: str = ""
    submitted: bool = True


@dataclass
class ThemeCounts:
    """A theme with the people who name it, in total and per business area."""

    theme: Theme
    people: int = 0
    answers: int = 0
    areas: list[AreaCount] = field(default_factory=list)
    quotes: list[TextAnswer] = field(default_factory=list)


def area_counts(rows: Iterable[TagRow], *, privacy: Privacy) -> list[AreaCount]:
    """People per area for one theme's tags, in area order.

    Areas the privacy rule may not name are counted together under "Other
    areas", shown last.
    """
    people: dict[int, set[int]] = defaultdict(set)
    areas: dict[int, AreaCount] = {}
    for row in rows:
        people[row.area_id].add(row.stakeholder_id)
        areas.setdefault(row.area_id, AreaCount(row.area_name, 0, (row.area_order, row.area_name)))
    shown: list[AreaCount] = []
    other = 0
    for area_id, area in sorted(areas.items(), key=lambda item: item[1].order):
        area.count = len(people[area_id])
        if privacy.area_shown(area_id):
            shown.append(area)
        else:
            other += area.count
    if other:
        shown.append(AreaCount(privacy.area_other, other, is_other=True))
    return shown


def themes_privacy(workshop: Workshop, *, names_visible: bool, submitted_only: bool) -> Privacy:
    """The rule over the workshop's respondents. One query in anonymous mode,
    none otherwise (then every area and label may be shown)."""
    people: dict[int, tuple[int, str]] = {}
    if workshop.anonymous:
        responses = Response.objects.filter(questionnaire__workshop=workshop)
        if submitted_only:
            responses = responses.filter(submitted_at__isnull=False)
        for stakeholder_id, area_id, group in responses.values_list(
            "stakeholder_id", "stakeholder__area_id", "stakeholder__group"
        ):
            people[stakeholder_id] = (area_id, group)
    return privacy_for(workshop, people.values(), names_visible=names_visible)


def _tagged(workshop: Workshop, *, submitted_only: bool) -> QuerySet:
    """Tags of the workshop's themes on answers to current questions."""
    tags = TaggedAnswer.objects.filter(
        theme__workshop=workshop, answer__question__removed_at__isnull=True
    )
    if submitted_only:
        tags = tags.filter(answer__response__submitted_at__isnull=False)
    return tags.order_by(
        "answer__response__stakeholder__area__order",
        "answer__response__stakeholder__area__name",
        "answer_id",
    )


def _theme_counts(
    workshop: Workshop, *, privacy: Privacy, submitted_only: bool, quotes: int
) -> list[ThemeCounts]:
    themes = list(Theme.objects.filter(workshop=workshop))
    writer = "answer__response__stakeholder"
    fields = {
        "theme_id": "theme_id",
        "stakeholder_id": f"{writer}_id",
        "area_id": f"{writer}__area_id",
        "area_name": f"{writer}__area__name",
        "area_order": f"{writer}__area__order",
        "group": f"{writer}__group",
    }
    if quotes:
        fields["text"] = "answer__text"
    tags: dict[int, list[TagRow]] = defaultdict(list)
    for values in _tagged(workshop, submitted_only=submitted_only).values_list(*fields.values()):
        row = TagRow(**dict(zip(fields, values, strict=True)))
        tags[row.theme_id].append(row)
    result = []
    for theme in themes:
        rows = tags.get(theme.pk, [])
        result.append(
            ThemeCounts(
                theme,
                people=len({row.stakeholder_id for row in rows}),
                answers=len(rows),
                areas=area_counts(rows, privacy=privacy),
                quotes=_quotes(rows, privacy, limit=quotes, start=len(result) * quotes),
            )
        )
    # The strengths most people name first: that is the positive core.
    result.sort(key=lambda item: (-item.people, -item.answers, item.theme.name.casefold()))
    return result


def _quotes(rows: list[TagRow], privacy: Privacy, *, limit: int, start: int) -> list[TextAnswer]:
    if not limit:
        return []
    candidates = [
        text_answer(
            text=row.text,
            writer=Writer(row.area_id, row.area_name, row.area_order, row.group),
            privacy=privacy,
            in_progress=False,
            tiebreak=index,
        )
        for index, row in enumerate(rows)
        if row.text.strip()
    ]
    return pick_quotes(candidates, limit=limit, start=start)


def themes_with_counts(workshop: Workshop, *, privacy: Privacy) -> list[ThemeCounts]:
    """The facilitator's live counts (drafts included): every theme with its
    people in total and per business area. Two queries."""
    return _theme_counts(workshop, privacy=privacy, submitted_only=False, quotes=0)


def themes_summary(workshop: Workshop) -> list[ThemeCounts]:
    """The positive core as documents show it: submitted responses only, people
    per area, up to two quotes per theme, never a name.

    Two queries, three in anonymous mode (who answered, for the privacy rule).
    Feeds `questionnaires/includes/_themes_summary.html` (overview and report).
    """
    privacy = themes_privacy(
        workshop, names_visible=document_names_visible(workshop), submitted_only=True
    )
    return _theme_counts(workshop, privacy=privacy, submitted_only=True, quotes=QUOTES_PER_THEME)


@dataclass
class CountTable:
    """Themes × business areas, for a table: `columns` are the area names."""

    columns: list[str]
    rows: list[tuple[ThemeCounts, list[int]]]


def count_table(themes: list[ThemeCounts]) -> CountTable:
    """Lay out per-area people counts as a matrix; "Other areas" is the last column."""
    orders: dict[str, tuple[int, str]] = {}
    other = None
    for item in themes:
        for area in item.areas:
            if area.is_other:
                other = area.name
            else:
                orders[area.name] = area.order
    columns = sorted(orders, key=orders.__getitem__)
    if other:
        columns.append(other)
    rows = []
    for item in themes:
        by_name = {area.name: area.count for area in item.areas}
        rows.append((item, [by_name.get(name, 0) for name in columns]))
    return CountTable(columns, rows)


def text_questions(workshop: Workshop) -> list[Question]:
    """The current written questions of all the workshop's questionnaires. One query."""
    return list(
        Question.objects.current()
        .filter(questionnaire__workshop=workshop, kind__in=TEXT_KINDS)
        .order_by("questionnaire__created_at", "questionnaire_id", "order", "pk")
    )


def answer_labelled(answer: Answer, privacy: Privacy) -> Answer:
    """Set `answer.label` ("Sales · Employee", or the merged label) and
    `answer.in_progress` for the themes page."""
    answer.label = privacy.labels(answer.response.stakeholder)[2]
    answer.in_progress = answer.response.submitted_at is None
    return answer


def answers_to_tag(
    workshop: Workshop,
    *,
    privacy: Privacy,
    question_id: int | None = None,
    untagged: bool = False,
) -> list[Answer]:
    """Non-empty written answers to current questions, each with its themes
    and its label.

    Grouped by question, then by business area. Two queries.
    """
    answers = (
        Answer.objects.filter(
            response__questionnaire__workshop=workshop,
            question__kind__in=TEXT_KINDS,
            question__removed_at__isnull=True,
        )
        .exclude(text="")
        .select_related("question", "response__stakeholder__area")
        .prefetch_related("themes")
        .order_by(
            "question__questionnaire__created_at",
            "question__questionnaire_id",
            "question__order",
            "question_id",
            # Without names, an alphabetical order of authors would give them away.
            *(
                ["response__stakeholder__area__order", "response__stakeholder__name"]
                if privacy.names_visible
                else ["text"]
            ),
            "pk",
        )
    )
    if question_id is not None:
        answers = answers.filter(question_id=question_id)
    if untagged:
        answers = answers.filter(themes__isnull=True)
    return [answer_labelled(answer, privacy) for answer in answers if answer.text.strip()]
