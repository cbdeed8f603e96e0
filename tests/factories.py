"""factory-boy factories. Workshops are built through the real service, so
they come with their eight areas, their questionnaire and a facilitator."""

from __future__ import annotations

import io

import factory
import openpyxl
from django.contrib.auth import get_user_model

from crmvision.services import workshop_start
from reports.models import ChangeAction, Characteristic, Requirement
from workshops.models import DreamStory, JourneyStage, Milestone, Stakeholder, Workshop
from workshops.services import stakeholder_create


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("pw-for-tests")


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    title = factory.Sequence(lambda n: f"Vision workshop {n}")
    organisation = "Acme Pumps Ltd"
    crm_objective = "Quotes out within 2 days; 90% of customer-facing staff use the CRM weekly."
    facilitator = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, facilitator, **kwargs):
        return workshop_start(user=facilitator, **kwargs)


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"stakeholder{n}@example.com")
    job_title = "Account manager"
    area = factory.LazyAttribute(lambda s: s.workshop.areas.first())

    @classmethod
    def _create(cls, model_class, *args, workshop, **kwargs):
        return stakeholder_create(workshop=workshop, **kwargs)


class DreamStoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DreamStory

    workshop = factory.SubFactory(WorkshopFactory)
    title = "Monday morning, a year from now"
    body = "Every quote goes out **the same day**."


class JourneyStageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyStage

    workshop = factory.SubFactory(WorkshopFactory)
    name = factory.Sequence(lambda n: f"Stage {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    stage = factory.SubFactory(JourneyStageFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    owner = "Jan Richter"


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    workshop = factory.SubFactory(WorkshopFactory)
    ref = factory.Sequence(lambda n: f"NFR-{n:02d}")
    title = "Learnable in a morning"
    statement = "A new sales rep completes the core tasks unaided after half a day."
    characteristic = Characteristic.INTERACTION_CAPABILITY


class ChangeActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeAction

    workshop = factory.SubFactory(WorkshopFactory)
    step = 1
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = "Clara Neumann"


def xlsx_bytes(*rows: list) -> bytes:
    """An .xlsx file whose first sheet holds `rows`, as a spreadsheet would save it."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
