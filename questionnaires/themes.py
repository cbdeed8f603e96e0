"""Themes of the positive core (DOMAIN.md, section 2): the strengths the
facilitator finds in the stakeholders' stories, tagged on their text answers.

Reads in a fixed number of queries; the writes are in
`questionnaires.theme_services`. Counts per business area respect the workshop's
privacy threshold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy

from questionnaires.models import TEXT_KINDS, Answer, Question, Response, Theme
from workshops.models import Workshop

OTHER_AREAS = gettext_lazy("Other areas")
QUOTES_PER_THEME = 2

TaggedAnswer = Theme.answers.through


@dataclass
class AreaCount:
    name: str
    count: int
    order: tuple[int, str] = (0, "")
    is_other: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    area: str | None  # None when the area is too small to be named


@dataclass
class ThemeCounts:
    """A theme with how many answers name it, in total and per business area."""

    theme: Theme
    total: int = 0
    areas: list[AreaCount] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(frozen=True)
class TagRow:
    """One tag: the answer's business area and, for summaries, its text."""

    theme_id: int
    area_id: int
    area_name: str
    area_order: int
    text: str = ""


def area_counts(
    rows: Iterable[TagRow], *, named_areas: set[int] | None
) -> tuple[list[AreaCount], set[int]]:
    """Count one theme's tags per area, in area order.

    Only areas in `named_areas` (None: all) are broken out; the tags of the
    others are counted under "Other areas", shown last. Returns the counts and
    the ids of the areas shown by name.
    """
    counts: dict[int, AreaCount] = {}
    for row in rows:
        area = counts.setdefault(
            row.area_id, AreaCount(row.area_name, 0, (row.area_order, row.area_name))
        )
        area.count += 1
    shown, other = [], 0
    named: set[int] = set()
    for area_id, area in sorted(counts.items(), key=lambda item: item[1].order):
        if named_areas is not None and area_id not in named_areas:
            other += area.count
        else:
            shown.append(area)
            named.add(area_id)
    if other:
        shown.append(AreaCount(str(OTHER_AREAS), other, is_other=True))
    return shown, named


def named_areas(workshop: Workshop) -> set[int] | None:
    """In anonymous mode, the areas where at least k people answered (one query).

    Only those may label a count or a quote: counting tagged answers instead of
    people would name an area where two people wrote many answers.
    """
    if not workshop.anonymous:
        return None
    people = (
        Response.objects.filter(questionnaire__workshop=workshop)
        .values("stakeholder__area")
        .annotate(n=Count("stakeholder", distinct=True))
    )
    return {row["stakeholder__area"] for row in people if row["n"] >= workshop.privacy_threshold}


def pick_quotes(rows: Iterable[TagRow], *, named_areas: set[int], limit: int) -> list[Quote]:
    """Up to `limit` different quotes, each from a different area where possible.

    Never a name; the area only when it is large enough to be shown.
    """
    distinct: dict[str, TagRow] = {}
    for row in rows:
        if row.text.strip():
            distinct.setdefault(row.text.strip(), row)  # the same words once
    rows = list(distinct.values())
    picked: list[TagRow] = []
    seen: set[int] = set()
    for row in rows:
        if row.area_id not in seen:
            picked.append(row)
            seen.add(row.area_id)
    picked += [row for row in rows if row not in picked]
    return [
        Quote(row.text, row.area_name if row.area_id in named_areas else None)
        for row in picked[:limit]
    ]


def _tagged(workshop: Workshop) -> QuerySet:
    """Tags of the workshop's themes on answers to current questions."""
    return TaggedAnswer.objects.filter(
        theme__workshop=workshop, answer__question__removed_at__isnull=True
    ).order_by(
        "answer__response__stakeholder__area__order",
        "answer__response__stakeholder__area__name",
        "answer_id",
    )


def _theme_counts(workshop: Workshop, *, quotes: int) -> list[ThemeCounts]:
    themes = list(Theme.objects.filter(workshop=workshop))
    area = "answer__response__stakeholder__area"
    fields = {
        "theme_id": "theme_id",
        "area_id": f"{area}_id",
        "area_name": f"{area}__name",
        "area_order": f"{area}__order",
    }
    if quotes:
        fields["text"] = "answer__text"
    tags: dict[int, list[TagRow]] = defaultdict(list)
    for values in _tagged(workshop).values_list(*fields.values()):
        row = TagRow(**dict(zip(fields, values, strict=True)))
        tags[row.theme_id].append(row)
    allowed = named_areas(workshop)
    result = []
    for theme in themes:
        rows = tags.get(theme.pk, [])
        areas, named = area_counts(rows, named_areas=allowed)
        result.append(
            ThemeCounts(
                theme,
                total=len(rows),
                areas=areas,
                quotes=pick_quotes(rows, named_areas=named, limit=quotes) if quotes else [],
            )
        )
    # The strengths named most often first: that is the positive core.
    result.sort(key=lambda item: (-item.total, item.theme.name.casefold()))
    return result


def themes_with_counts(workshop: Workshop) -> list[ThemeCounts]:
    """Every theme with its total and its count per business area. Two queries."""
    return _theme_counts(workshop, quotes=0)


def themes_summary(workshop: Workshop) -> list[ThemeCounts]:
    """As `themes_with_counts`, plus up to two quotes per theme. Two queries.

    Feeds `questionnaires/includes/_themes_summary.html` (overview and report).
    """
    return _theme_counts(workshop, quotes=QUOTES_PER_THEME)


@dataclass
class CountTable:
    """Themes × business areas, for a table: `columns` are the area names."""

    columns: list[str]
    rows: list[tuple[ThemeCounts, list[int]]]


def count_table(themes: list[ThemeCounts]) -> CountTable:
    """Lay out per-area counts as a matrix; "Other areas" is the last column."""
    orders: dict[str, tuple[int, str]] = {}
    has_other = False
    for item in themes:
        for area in item.areas:
            if area.is_other:
                has_other = True
            else:
                orders[area.name] = area.order
    columns = sorted(orders, key=orders.__getitem__)
    if has_other:
        columns.append(str(OTHER_AREAS))
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


def answers_to_tag(
    workshop: Workshop,
    *,
    question_id: int | None = None,
    untagged: bool = False,
    by_name: bool = True,
) -> list[Answer]:
    """Non-empty written answers to current questions, each with its themes.

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
                if by_name
                else ["text"]
            ),
            "pk",
        )
    )
    if question_id is not None:
        answers = answers.filter(question_id=question_id)
    if untagged:
        answers = answers.filter(themes__isnull=True)
    return [answer for answer in answers if answer.text.strip()]
