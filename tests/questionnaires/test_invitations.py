"""Personal links: unguessable, revocable, useless without the secret key."""

from __future__ import annotations

import pytest
from django.core import mail

from questionnaires.access import invitation_for_token
from questionnaires.models import Invitation, invitation_mac
from questionnaires.services import EMAIL_FAILED, NO_EMAIL
from tests.factories import StakeholderFactory


def test_it_gives_every_stakeholder_a_link_with_128_random_bits(invitation):
    key, _, mac = invitation.token.partition(".")
    assert len(key) >= 22  # 16 random bytes, url-safe base64
    assert len(mac) == 22
    assert invitation_for_token(invitation.token) == invitation


def test_it_does_not_store_what_opens_the_link(invitation):
    """A copy of the database holds the key but not the MAC, which needs SECRET_KEY."""
    stored = [str(v) for v in Invitation.objects.values_list(flat=False).get(pk=invitation.pk)]
    _, _, mac = invitation.token.partition(".")
    assert mac not in "".join(stored)
    assert mac != invitation_mac(invitation.key, secret="another-secret-key-entirely")


def test_it_refuses_links_made_with_another_secret_key(invitation, settings):
    token = invitation.token
    settings.SECRET_KEY = "a-brand-new-secret-key-after-a-leak-0123456789abcdef"
    with pytest.raises(Exception, match="unknown or no longer valid"):
        invitation_for_token(token)
    settings.SECRET_KEY_FALLBACKS = ["tests-only-secret-key-not-for-production-0123456789"]
    assert invitation_for_token(token) == invitation


def test_it_emails_the_link(facilitator_client, invitation, workshop):
    response = facilitator_client.post(f"/w/{workshop.slug}/invitations/{invitation.pk}/send/")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [invitation.stakeholder.email]
    assert invitation.get_absolute_url() in message.body
    assert workshop.title in message.subject
    invitation.refresh_from_db()
    assert invitation.sent_at is not None


def test_it_explains_when_there_is_no_email_address(facilitator_client, workshop, questionnaire):
    stakeholder = StakeholderFactory(workshop=workshop, email="")
    invitation = questionnaire.invitations.get(stakeholder=stakeholder)
    response = facilitator_client.post(
        f"/w/{workshop.slug}/invitations/{invitation.pk}/send/", follow=True
    )
    assert str(NO_EMAIL) in response.content.decode()
    assert mail.outbox == []


def test_it_revokes_and_reissues_a_link(facilitator_client, invitation, workshop):
    old_token = invitation.token
    url = f"/w/{workshop.slug}/invitations/{invitation.pk}/"
    facilitator_client.post(url + "revoke/")
    facilitator_client.post(url + "revoke/")  # a double click keeps it revoked
    invitation.refresh_from_db()
    assert invitation.is_revoked
    facilitator_client.post(url + "reissue/")
    invitation.refresh_from_db()
    assert not invitation.is_revoked
    assert invitation.token != old_token
    assert invitation_for_token(invitation.token) == invitation
    with pytest.raises(Exception, match="unknown or no longer valid"):
        invitation_for_token(old_token)


def test_it_shows_progress_and_links_in_a_fixed_number_of_queries(
    facilitator_client, workshop, questionnaire, django_assert_num_queries
):
    """Guards against one query per invitation (stakeholder, area, response)."""
    StakeholderFactory.create_batch(3, workshop=workshop)
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/"
    with django_assert_num_queries(7):
        facilitator_client.get(url)
    StakeholderFactory.create_batch(10, workshop=workshop)
    with django_assert_num_queries(7):
        response = facilitator_client.get(url)
    assert response.content.decode().count('data-copy="') == 13


def test_it_closes_and_reopens_the_questionnaire(facilitator_client, workshop, questionnaire):
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/toggle/"
    facilitator_client.post(url, {"open": "0"})
    facilitator_client.post(url, {"open": "0"})  # a double click keeps it closed
    questionnaire.refresh_from_db()
    assert not questionnaire.is_open
    assert questionnaire.closed_at is not None
    facilitator_client.post(url, {"open": "1"})
    questionnaire.refresh_from_db()
    assert questionnaire.is_open


def test_it_reports_a_mail_server_failure_and_records_nothing(
    facilitator_client, invitation, workshop, settings
):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    response = facilitator_client.post(
        f"/w/{workshop.slug}/invitations/{invitation.pk}/send/", follow=True
    )
    assert response.status_code == 200
    assert str(EMAIL_FAILED) in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.sent_at is None


def test_it_reminds_everyone_who_has_not_submitted(facilitator_client, workshop, questionnaire):
    from questionnaires.services import response_save

    done, waiting, no_mail = StakeholderFactory.create_batch(3, workshop=workshop)
    no_mail.email = ""
    no_mail.save()
    response_save(
        invitation=questionnaire.invitations.get(stakeholder=done),
        values={q.pk: "x" for q in questionnaire.questions.filter(required=True)},
        submit=True,
    )
    facilitator_client.post(f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/remind/")
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    assert "Reminder" in mail.outbox[0].subject
    reminded = questionnaire.invitations.get(stakeholder=waiting)
    assert reminded.reminded_at is not None and reminded.reminder_count == 1


def test_a_revoked_link_is_not_counted_as_invited(facilitator_client, workshop, invitation):
    from questionnaires.services import invitation_revoke

    invitation_revoke(invitation=invitation)
    body = facilitator_client.get(f"/w/{workshop.slug}/").content.decode()
    assert "0/0" in body
