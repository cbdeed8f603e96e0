"""Seeding steps for the demo workshop. Every write goes through the apps' real
services, so the demo is built the way a facilitator would build it; the data
lives in `people.py`, `answers.py` and `plan.py`."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from crmvision.demo import answers, people, plan
from crmvision.services import workshop_start
from questionnaires.models import Answer, QuestionKind
from questionnaires.services import response_save
from questionnaires.theme_services import answer_tag, theme_create
from reports.services import change_action_create, requirement_create
from workshops.models import Role, Stakeholder, Workshop
from workshops.permissions import user_grant_workshop_creation
from workshops.services import (
    dream_story_create,
    journey_stage_create,
    membership_add,
    milestone_create,
    stakeholder_create,
)

# What the demo facilitator may edit in the admin until these have screens of
# their own (not answers or stakeholders).
STAFF_MODELS = ["requirement", "changeaction", "dreamstory", "journeystage", "milestone"]


def workshop_exists() -> bool:
    return Workshop.objects.filter(slug=people.SLUG).exists()


def seed(*, today: dt.date) -> Workshop:
    """The whole demo, once: a second run returns the existing workshop."""
    facilitator = seed_user(*people.FACILITATOR, staff=True)
    user_grant_workshop_creation(user=facilitator)
    sponsor = seed_user(*people.SPONSOR)
    if workshop_exists():
        return Workshop.objects.get(slug=people.SLUG)
    workshop = seed_workshop(facilitator=facilitator, sponsor=sponsor, today=today)
    stakeholders = seed_stakeholders(workshop)
    seed_answers(workshop, stakeholders)
    seed_themes(workshop)
    seed_stories(workshop, stakeholders)
    seed_requirements(workshop)
    seed_change_plan(workshop)
    seed_journey(workshop)
    return workshop


def seed_user(username: str, first: str, last: str, email: str, *, staff: bool = False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": email, "is_staff": staff},
    )
    if staff and created:
        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["reports", "workshops"],
                content_type__model__in=STAFF_MODELS,
            )
        )
    if created:
        user.set_password(people.PASSWORD)
        user.save()
    return user


def seed_workshop(*, facilitator, sponsor, today: dt.date) -> Workshop:
    workshop = workshop_start(
        user=facilitator,
        **people.WORKSHOP,
        starts_on=today + dt.timedelta(days=people.STARTS_IN_DAYS),
        ends_on=today + dt.timedelta(days=people.ENDS_IN_DAYS),
    )
    membership_add(workshop=workshop, user=sponsor, role=Role.SPONSOR)
    return workshop


def seed_stakeholders(workshop: Workshop) -> list[Stakeholder]:
    areas = {area.name: area for area in workshop.areas.all()}
    return [
        stakeholder_create(
            workshop=workshop,
            name=name,
            email=f"{mail}@example.com",
            area=areas[area],
            job_title=title,
            group=group,
            is_champion=champion,
            is_management=management,
        )
        for name, mail, area, title, group, champion, management in people.STAKEHOLDERS
    ]


def seed_answers(workshop: Workshop, stakeholders: list[Stakeholder]) -> None:
    """Most people answer; every sixth has not started and every sixth has not submitted."""
    rng = random.Random(2026)  # noqa: S311 - deterministic demo data
    questionnaire = workshop.questionnaires.get()
    questions = list(questionnaire.questions.all())
    invitations = {inv.stakeholder_id: inv for inv in questionnaire.invitations.all()}
    for index, stakeholder in enumerate(stakeholders):
        if index % 6 == 5:
            continue  # some have not answered yet
        values = _answers_of(stakeholder.area.name, index, questions, rng)
        invitation = invitations[stakeholder.pk]
        response_save(invitation=invitation, values=values, submit=index % 6 != 4)


def _answers_of(area: str, index: int, questions, rng: random.Random) -> dict:
    values: dict[int, str | int | list[str] | None] = {}
    for question in questions:
        if question.kind == QuestionKind.SCALE:
            values[question.pk] = rng.choice([2, 3, 3, 4, 4, 5])
        elif question.kind == QuestionKind.LIKELIHOOD:
            values[question.pk] = rng.choice([3, 6, 7, 8, 8, 9, 9, 10])
        elif question.kind == QuestionKind.SINGLE_CHOICE:
            values[question.pk] = rng.choice(question.options)
        elif question.kind == QuestionKind.MULTIPLE_CHOICE:
            values[question.pk] = rng.sample(question.options, k=rng.randint(1, 3))
        elif question.text.startswith("High point"):
            values[question.pk] = answers.HIGH_POINTS[area]
        elif question.text.startswith("Three wishes"):
            values[question.pk] = answers.WISHES[area]
        elif question.text.startswith("Valuing"):
            values[question.pk] = answers.VALUING[index % len(answers.VALUING)]
        elif question.text.startswith("Core factors"):
            values[question.pk] = answers.CORE[index % len(answers.CORE)]
        elif question.text.startswith("In a few words"):
            values[question.pk] = answers.MOMENTS[index % len(answers.MOMENTS)]
        elif question.text.startswith("Results"):
            values[question.pk] = answers.RESULTS[index % len(answers.RESULTS)]
        elif index % 3 == 0:
            continue  # not everybody answers every optional question
        else:
            values[question.pk] = answers.OTHER[index % len(answers.OTHER)]
    return values


def seed_themes(workshop: Workshop) -> None:
    """Tag the written answers the way a facilitator would during Discover."""
    written = list(
        Answer.objects.filter(response__questionnaire__workshop=workshop)
        .exclude(text="")
        .filter(question__kind__in=[QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT])
    )
    for name, description, words in answers.THEMES:
        theme = theme_create(workshop=workshop, name=name, description=description)
        for answer in written:
            if any(word in answer.text.lower() for word in words):
                answer_tag(answer=answer, theme=theme)


def seed_stories(workshop: Workshop, stakeholders: list[Stakeholder]) -> None:
    first_of_area: dict[str, Stakeholder] = {}
    for stakeholder in stakeholders:
        first_of_area.setdefault(stakeholder.area.name, stakeholder)
    for story in plan.STORIES:
        teller = first_of_area[story["area"]]
        dream_story_create(
            workshop=workshop,
            area=teller.area,
            stakeholder=teller,
            title=story["title"],
            body=story["body"],
        )


def seed_requirements(workshop: Workshop) -> None:
    for order, requirement in enumerate(plan.REQUIREMENTS, start=1):
        requirement_create(workshop=workshop, order=order, **requirement)


def seed_change_plan(workshop: Workshop) -> None:
    for step, title, owner, days, status in plan.ACTIONS:
        change_action_create(
            workshop=workshop,
            step=step,
            title=title,
            owner=owner,
            due_on=workshop.starts_on + dt.timedelta(days=days),
            status=status,
        )


def seed_journey(workshop: Workshop) -> None:
    areas = {area.name: area for area in workshop.areas.all()}
    for order, (name, description, milestones) in enumerate(plan.JOURNEY, start=1):
        stage = journey_stage_create(
            workshop=workshop, name=name, description=description, order=order
        )
        for title, area, owner, days, metric, win in milestones:
            milestone_create(
                stage=stage,
                title=title,
                area=areas[area],
                owner=owner,
                due_on=workshop.starts_on + dt.timedelta(days=days),
                metric=metric,
                is_short_term_win=win,
            )
