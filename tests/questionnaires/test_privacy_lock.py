"""Once someone answered, the workshop's privacy settings were promised to them
and can only get stricter. The questionnaire app records that fact on the
workshop (`privacy_locked`) so the base's form need not ask it."""

from __future__ import annotations

import importlib

from django.apps import apps

from questionnaires.services import response_save
from tests.factories import WorkshopFactory

lock_migration = importlib.import_module(
    "questionnaires.migrations.0005_lock_privacy_where_answered"
)


def _answer(invitation, text="said in confidence"):
    question = invitation.questionnaire.questions.first()
    return response_save(invitation=invitation, values={question.pk: text})


def test_the_first_answer_locks_the_privacy_settings(workshop, invitation):
    assert not workshop.privacy_locked
    _answer(invitation)  # a draft: not submitted
    workshop.refresh_from_db()
    assert workshop.privacy_locked


def test_privacy_can_be_loosened_while_nobody_has_answered(facilitator_client, workshop):
    workshop.anonymous = True
    workshop.save()
    data = {
        "title": workshop.title,
        "organisation": workshop.organisation,
        "crm_objective": workshop.crm_objective,
        "phase": workshop.phase,
        "facilitator_sees_names": "on",
        "privacy_threshold": 1,
    }
    response = facilitator_client.post(f"/w/{workshop.slug}/edit/", data)
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert not workshop.anonymous and workshop.privacy_threshold == 1


def test_the_migration_locks_the_workshops_where_someone_answered(workshop, invitation):
    _answer(invitation)
    untouched = WorkshopFactory(facilitator=workshop.memberships.first().user)
    type(workshop).objects.update(privacy_locked=False)
    lock_migration.lock_answered_workshops(apps, None)
    workshop.refresh_from_db()
    untouched.refresh_from_db()
    assert workshop.privacy_locked
    assert not untouched.privacy_locked


def test_saving_a_workshop_loaded_before_the_first_answer_keeps_the_lock(workshop, invitation):
    stale = type(workshop).objects.get(pk=workshop.pk)
    _answer(invitation)
    stale.title = "Renamed meanwhile"
    stale.save()
    workshop.refresh_from_db()
    assert workshop.title == "Renamed meanwhile"
    assert workshop.privacy_locked
