"""Giving facilitators and sponsors access; choosing a first password."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from workshops.models import Membership, Role
from workshops.services import LAST_FACILITATOR


def test_a_new_sponsor_gets_an_account_and_chooses_a_password(facilitator_client, workshop):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/team/",
        {"email": "Sam.Sponsor@example.com", "name": "Sam Sponsor", "role": "sponsor"},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="Sam.Sponsor@example.com")
    assert Membership.objects.get(user=user, workshop=workshop).role == Role.SPONSOR
    assert user.get_full_name() == "Sam Sponsor"
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)

    client = Client()
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    response = client.post(
        form_url,
        {"new_password1": "a-long-Pass-phrase-42", "new_password2": "a-long-Pass-phrase-42"},
    )
    assert response["Location"] == "/accounts/reset/done/"
    assert client.login(username="sam.sponsor@example.com", password="a-long-Pass-phrase-42")
    assert client.get(f"/w/{workshop.slug}/").status_code == 200
    assert client.get(f"/w/{workshop.slug}/edit/").status_code == 403


def test_an_existing_user_is_added_and_told(facilitator_client, workshop, outsider):
    facilitator_client.post(
        f"/w/{workshop.slug}/team/", {"email": outsider.email.upper(), "role": "facilitator"}
    )
    assert Membership.objects.get(user=outsider, workshop=workshop).role == Role.FACILITATOR
    assert "/accounts/login/" in mail.outbox[0].body
    assert get_user_model().objects.filter(email__iexact=outsider.email).count() == 1


def test_the_last_facilitator_cannot_be_removed(facilitator_client, facilitator, workshop):
    mine = Membership.objects.get(user=facilitator, workshop=workshop)
    response = facilitator_client.post(f"/w/{workshop.slug}/team/{mine.pk}/remove/", follow=True)
    assert str(LAST_FACILITATOR) in response.content.decode()
    assert Membership.objects.filter(pk=mine.pk).exists()


def test_a_sponsor_can_be_removed(facilitator_client, sponsor, workshop):
    membership = Membership.objects.get(user=sponsor, workshop=workshop)
    facilitator_client.post(f"/w/{workshop.slug}/team/{membership.pk}/remove/")
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_team_page_refuses_bad_input_with_a_message(facilitator_client, workshop):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/team/", {"email": "not-an-email", "role": "owner"}
    )
    body = response.content.decode()
    assert "Enter a valid email address." in body
    assert "Select a valid choice" in body


def test_forgot_password_sends_a_link(db, facilitator):
    response = Client().post("/accounts/password_reset/", {"email": facilitator.email})
    assert response.status_code == 302
    assert "/accounts/reset/" in mail.outbox[0].body


def test_the_only_facilitator_cannot_make_themselves_a_sponsor(
    facilitator_client, facilitator, workshop
):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/team/", {"email": facilitator.email, "role": "sponsor"}
    )
    assert str(LAST_FACILITATOR) in response.content.decode()
    assert Membership.objects.get(user=facilitator, workshop=workshop).role == Role.FACILITATOR


def test_an_account_whose_username_is_the_address_is_reused(facilitator_client, workshop):
    other = get_user_model().objects.create_user(username="pat@example.com", email="")
    facilitator_client.post(
        f"/w/{workshop.slug}/team/", {"email": "pat@example.com", "role": "sponsor"}
    )
    assert Membership.objects.get(workshop=workshop, user=other).role == Role.SPONSOR
