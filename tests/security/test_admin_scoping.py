"""The admin shows a staff facilitator only the workshops they facilitate (issue 6, 3.1)."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.test import Client

from reports.models import Requirement
from tests.factories import (
    DreamStoryFactory,
    JourneyStageFactory,
    MilestoneFactory,
    RequirementFactory,
    StakeholderFactory,
    UserFactory,
    WorkshopFactory,
)
from workshops.admin_scoping import WorkshopScopedAdmin
from workshops.models import DreamStory, Milestone

SCOPED_APPS = {"workshops", "questionnaires", "reports"}


@pytest.fixture
def staff_client(facilitator, workshop):
    """The owning facilitator, staff with every permission of the three apps (like the demo's)."""
    facilitator.is_staff = True
    facilitator.save()
    facilitator.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=SCOPED_APPS)
    )
    client = Client()
    client.force_login(facilitator)
    return client


@pytest.fixture
def theirs(db):
    """Another facilitator's workshop, with a stakeholder, a story, a stage and a requirement."""
    other = WorkshopFactory(title="Rival Holdings vision", facilitator=UserFactory(username="rex"))
    sales = other.areas.get(name="Sales")
    stakeholder = StakeholderFactory(workshop=other, name="Rita Rival", area=sales)
    DreamStoryFactory(workshop=other, title="Rival dream", stakeholder=stakeholder)
    MilestoneFactory(stage=JourneyStageFactory(workshop=other, name="Rival stage"), title="Rival m")
    RequirementFactory(workshop=other, ref="NFR-77", title="Rival requirement")
    return other


def test_it_lists_only_the_facilitators_own_objects(staff_client, workshop, theirs):
    RequirementFactory(workshop=workshop, ref="NFR-01", title="Own requirement")
    body = staff_client.get("/admin/reports/requirement/").content.decode()
    assert "Own requirement" in body
    assert "Rival requirement" not in body
    # The workshop filter lists only their own workshop's title, not every workshop's.
    assert "Rival Holdings vision" not in body


@pytest.mark.parametrize(
    "url",
    [
        "/admin/workshops/dreamstory/",
        "/admin/workshops/journeystage/",
        "/admin/workshops/milestone/",
        "/admin/workshops/stakeholder/",
        "/admin/workshops/workshop/",
        "/admin/questionnaires/questionnaire/",
        "/admin/questionnaires/invitation/",
    ],
)
def test_it_hides_other_workshops_in_every_list(staff_client, theirs, url):
    body = staff_client.get(url).content.decode()
    for text in ("Rival dream", "Rival stage", "Rival m<", "Rita Rival", "Rival Holdings"):
        assert text not in body


def test_it_will_not_open_another_workshops_object(staff_client, theirs):
    requirement = theirs.requirements.get()
    response = staff_client.get(f"/admin/reports/requirement/{requirement.pk}/change/")
    assert response.status_code == 302  # the admin's "does not exist" answer
    assert response["Location"] == "/admin/"


def test_its_drop_downs_offer_only_their_own_workshops_people_and_areas(
    staff_client, workshop, theirs, stakeholder
):
    body = staff_client.get("/admin/workshops/dreamstory/add/").content.decode()
    assert "Ada Park" in body
    assert workshop.title in body
    assert "Rita Rival" not in body
    assert "Rival Holdings vision" not in body
    area_options = body.count(">Sales</option>")
    assert area_options == 1  # each workshop has a "Sales" area; only one is offered


def test_saving_an_object_that_points_to_another_workshop_is_refused(staff_client, theirs):
    response = staff_client.post(
        "/admin/reports/requirement/add/",
        {
            "workshop": theirs.pk,
            "ref": "NFR-99",
            "title": "Planted",
            "statement": "x",
            "characteristic": "security",
            "order": 0,
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Requirement.objects.filter(title="Planted").exists()


def test_moving_their_own_object_into_another_workshop_is_refused(staff_client, workshop, theirs):
    story = DreamStoryFactory(workshop=workshop, title="Own dream")
    rival = theirs.stakeholders.get()
    response = staff_client.post(
        f"/admin/workshops/dreamstory/{story.pk}/change/",
        {"workshop": workshop.pk, "title": "Own dream", "body": "x", "stakeholder": rival.pk},
    )
    assert "Select a valid choice" in response.content.decode()
    assert DreamStory.objects.get(pk=story.pk).stakeholder is None


def test_a_milestone_cannot_take_another_workshops_area(staff_client, workshop, theirs):
    milestone = MilestoneFactory(stage=JourneyStageFactory(workshop=workshop), title="Own m")
    response = staff_client.post(
        f"/admin/workshops/milestone/{milestone.pk}/change/",
        {"stage": milestone.stage_id, "title": "Own m", "area": theirs.areas.first().pk},
    )
    assert "Select a valid choice" in response.content.decode()
    assert Milestone.objects.get(pk=milestone.pk).area is None


def test_a_superuser_sees_every_workshop(db, workshop, theirs):
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    body = client.get("/admin/workshops/dreamstory/add/").content.decode()
    assert "Rita Rival" in body
    assert "Rival requirement" in client.get("/admin/reports/requirement/").content.decode()


def test_a_staff_user_cannot_create_workshops_in_the_admin(staff_client):
    assert staff_client.get("/admin/workshops/workshop/add/").status_code == 403


def test_every_admin_of_the_workshop_apps_is_scoped():
    """A new ModelAdmin or inline that forgets the mixin would leak across workshops."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in SCOPED_APPS:
            continue
        assert isinstance(model_admin, WorkshopScopedAdmin), model
        for inline in model_admin.inlines:
            assert issubclass(inline, WorkshopScopedAdmin), inline


def test_saving_into_another_workshop_is_refused_even_past_the_form(rf, facilitator, theirs):
    """The last guard, for a form that would not scope its choices."""
    model_admin = admin.site._registry[Requirement]
    request = rf.post("/admin/reports/requirement/add/")
    request.user = facilitator
    planted = Requirement(workshop=theirs, ref="NFR-98", title="Planted", statement="x")
    with pytest.raises(PermissionDenied):
        model_admin.save_model(request, planted, form=None, change=False)
    assert not Requirement.objects.filter(title="Planted").exists()
