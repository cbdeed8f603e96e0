"""The open join form neither e-mails visitor text nor tells who is on the list
(issue 6, 3.4)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from questionnaires.models import Invitation
from questionnaires.services import invitation_revoke
from workshops.models import Stakeholder

SPAM = "Win a prize at https://evil.example"


@pytest.fixture
def join_url(questionnaire):
    questionnaire.join_enabled = True
    questionnaire.save()
    return f"/j/{questionnaire.join_code}/"


def join(join_url: str, workshop, email: str, name: str = SPAM):
    data = {"name": name, "email": email, "area": workshop.areas.first().pk, "group": "client"}
    return Client().post(join_url, data, follow=True)


def page_text(response) -> str:
    """The page without its per-session CSRF token."""
    return re.sub(r'"X-CSRFToken": "\w+"', "", response.content.decode())


def test_a_known_and_a_new_address_get_the_same_page(join_url, workshop, stakeholder):
    known = join(join_url, workshop, stakeholder.email.upper())
    new = join(join_url, workshop, "walk.in@example.com")
    assert known.redirect_chain == new.redirect_chain == [(f"{join_url}sent/", 302)]
    assert page_text(known) == page_text(new)
    assert "Check your e-mail" in page_text(new)
    assert "already on the list" not in page_text(known)


def test_a_known_address_gets_its_own_link_and_the_visitor_does_not(
    join_url, workshop, stakeholder, invitation
):
    response = join(join_url, workshop, stakeholder.email.upper(), name="Impostor")
    assert invitation.get_absolute_url() not in page_text(response)
    assert "/s/" not in page_text(response)
    [message] = mail.outbox
    assert message.to == [stakeholder.email]
    assert invitation.get_absolute_url() in message.body
    assert not Stakeholder.objects.filter(name="Impostor").exists()


def test_a_new_address_joins_and_gets_its_link_by_e_mail(join_url, workshop):
    response = join(join_url, workshop, "walk.in@example.com", name="Walk In")
    invitation = Invitation.objects.get(stakeholder__name="Walk In")
    assert invitation.joined
    assert invitation.get_absolute_url() not in page_text(response)
    [message] = mail.outbox
    assert message.to == ["walk.in@example.com"]
    assert invitation.get_absolute_url() in message.body


@pytest.mark.parametrize("known", [True, False])
def test_no_e_mail_contains_what_the_visitor_typed(join_url, workshop, stakeholder, known):
    email = stakeholder.email if known else "victim@example.com"
    join(join_url, workshop, email, name=SPAM)
    [message] = mail.outbox
    assert SPAM not in message.subject + message.body
    assert "evil" not in message.subject + message.body
    if not known:
        assert message.body.startswith("Hello,")


def test_a_joined_person_is_not_named_in_later_reminders(
    join_url, workshop, questionnaire, facilitator_client
):
    join(join_url, workshop, "walk.in@example.com", name=SPAM)
    mail.outbox.clear()
    facilitator_client.post(f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/remind/")
    [message] = mail.outbox
    assert SPAM not in message.body


def test_people_the_facilitator_listed_are_still_greeted_by_name(join_url, workshop, stakeholder):
    join(join_url, workshop, stakeholder.email)
    assert mail.outbox[0].body.startswith(f"Hello {stakeholder.name},")


def test_a_revoked_link_is_not_sent_again(join_url, workshop, stakeholder, invitation):
    invitation_revoke(invitation=invitation)
    response = join(join_url, workshop, stakeholder.email)
    assert "Check your e-mail" in page_text(response)
    assert mail.outbox == []


def test_one_address_gets_at_most_three_join_e_mails_an_hour(join_url, workshop, stakeholder):
    for _ in range(5):
        response = join(join_url, workshop, stakeholder.email)
        assert "Check your e-mail" in page_text(response)
    assert len(mail.outbox) == 3


def test_without_an_address_the_visitor_lands_on_their_new_link(join_url, workshop):
    response = join(join_url, workshop, "", name="No Mail")
    invitation = Invitation.objects.get(stakeholder__name="No Mail")
    assert response.redirect_chain == [(invitation.get_absolute_url(), 302)]
    assert mail.outbox == []
