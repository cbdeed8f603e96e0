"""Three fixed users: a facilitator who owns the workshop, its sponsor, and an
outsider who facilitates another workshop."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import StakeholderFactory, UserFactory, WorkshopFactory
from workshops.models import Role
from workshops.permissions import user_grant_workshop_creation
from workshops.services import membership_add


@pytest.fixture
def facilitator(db):
    user = UserFactory(username="frida")
    user_grant_workshop_creation(user=user)  # an operator let her create workshops
    return user


@pytest.fixture
def sponsor(db):
    return UserFactory(username="clara")


@pytest.fixture
def outsider(db):
    user = UserFactory(username="otto")
    WorkshopFactory(facilitator=user, title="Someone else's workshop")
    return user


@pytest.fixture
def workshop(facilitator, sponsor):
    workshop = WorkshopFactory(facilitator=facilitator, title="Nordwerk CRM vision")
    membership_add(workshop=workshop, user=sponsor, role=Role.SPONSOR)
    return workshop


@pytest.fixture
def questionnaire(workshop):
    return workshop.questionnaires.get()


@pytest.fixture
def stakeholder(workshop):
    return StakeholderFactory(
        workshop=workshop, name="Ada Park", area=workshop.areas.get(name="Sales")
    )


@pytest.fixture
def invitation(stakeholder, questionnaire):
    return questionnaire.invitations.get(stakeholder=stakeholder)


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def facilitator_client(facilitator):
    return _client_for(facilitator)


@pytest.fixture
def sponsor_client(sponsor):
    return _client_for(sponsor)


@pytest.fixture
def outsider_client(outsider):
    return _client_for(outsider)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 at full strength makes every factory user take ~0.3 s."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
