"""How the questionnaire app reacts to the base (questionnaires/receivers.py)."""

from __future__ import annotations

from django.urls import reverse

from questionnaires.models import Invitation, Questionnaire
from workshops.services import stakeholders_import_csv


def test_every_pasted_stakeholder_is_invited_to_every_questionnaire(workshop, questionnaire):
    second = Questionnaire.objects.create(workshop=workshop, title="Follow-up")
    stakeholders_import_csv(
        workshop=workshop, text="Ada Park,ada@example.com,Sales\nBo Lind,bo@example.com,IT"
    )
    invited = set(Invitation.objects.values_list("questionnaire_id", "stakeholder__name"))
    assert invited == {
        (q.pk, name) for q in (questionnaire, second) for name in ("Ada Park", "Bo Lind")
    }


def test_the_base_pages_link_to_the_first_questionnaire(facilitator_client, workshop):
    """The workshop navigation is in the base's layout; the questionnaire app
    tells it which questionnaire to link to (an annotation on the access query)."""
    first = workshop.questionnaires.get()
    Questionnaire.objects.create(workshop=workshop, title="Later one")
    page = facilitator_client.get(f"/w/{workshop.slug}/areas/").content.decode()
    assert reverse("questionnaires:design", args=[workshop.slug, first.pk]) in page
    assert reverse("questionnaires:results", args=[workshop.slug, first.pk]) in page
