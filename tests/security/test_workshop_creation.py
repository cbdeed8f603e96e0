"""Creating workshops needs a permission an operator grants; the team page does not
tell who has an account (issue 6, 3.3)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from crmvision.demo import FACILITATOR_USERNAME, SPONSOR_USERNAME
from workshops.models import Workshop
from workshops.permissions import CREATE_WORKSHOP
from workshops.views import ACCESS_GIVEN

NEW = {"title": "Spam", "organisation": "X", "crm_objective": "y", "phase": "define"}


def test_a_sponsor_cannot_create_a_workshop(sponsor_client, workshop):
    assert sponsor_client.get("/workshops/new/").status_code == 403
    assert sponsor_client.post("/workshops/new/", NEW).status_code == 403
    assert not Workshop.objects.filter(title="Spam").exists()


def test_the_new_workshop_button_shows_only_with_the_permission(
    sponsor_client, facilitator_client, workshop
):
    assert "New workshop" not in sponsor_client.get("/workshops/").content.decode()
    assert "New workshop" in facilitator_client.get("/workshops/").content.decode()


def test_a_granted_user_can_create_one(sponsor, sponsor_client, capsys):
    call_command("grant_workshop_creation", sponsor.username)
    assert get_user_model().objects.get(pk=sponsor.pk).has_perm(CREATE_WORKSHOP)
    assert sponsor_client.post("/workshops/new/", NEW).status_code == 302
    assert Workshop.objects.filter(title="Spam").exists()
    assert "can now create workshops" in capsys.readouterr().out


def test_granting_an_unknown_user_fails_with_a_message(db):
    with pytest.raises(CommandError, match="No user with the username"):
        call_command("grant_workshop_creation", "nobody")


def test_a_superuser_can_create_one(db):
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("root", "r@example.com", "x"))
    assert client.get("/workshops/new/").status_code == 200


def test_the_demo_facilitator_may_create_workshops_and_the_demo_sponsor_may_not(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    users = get_user_model().objects
    assert users.get(username=FACILITATOR_USERNAME).has_perm(CREATE_WORKSHOP)
    assert not users.get(username=SPONSOR_USERNAME).has_perm(CREATE_WORKSHOP)


def _give_access(client, workshop, email: str) -> list[str]:
    """The messages shown, with the address typed replaced by a placeholder."""
    response = client.post(
        f"/w/{workshop.slug}/team/", {"email": email, "name": "", "role": "sponsor"}, follow=True
    )
    return [str(m).replace(email, "<email>") for m in response.context["messages"]]


def test_the_team_page_says_the_same_whether_or_not_the_address_has_an_account(
    facilitator_client, workshop, outsider
):
    """The messages differed ("can now choose a password" vs "has access")."""
    known = _give_access(facilitator_client, workshop, outsider.email)
    unknown = _give_access(facilitator_client, workshop, "nobody.yet@example.com")
    assert known == unknown == [str(ACCESS_GIVEN % {"email": "<email>"})]
    assert len(mail.outbox) == 2  # each was still told by e-mail, in their own way
