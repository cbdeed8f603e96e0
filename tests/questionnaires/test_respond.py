"""Answering: autosave, paging, progress, the open join link, QR codes."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from questionnaires.forms import field_name
from questionnaires.models import Answer, Invitation
from questionnaires.services import questionnaire_set_open
from workshops.models import Stakeholder


@pytest.fixture
def client():
    return Client()


def _autosave(client, invitation, question, value):
    data = {"question": str(question.pk), field_name(question): value}
    return client.post(f"/s/{invitation.token}/save/", data, headers={"HX-Request": "true"})


def test_autosave_saves_one_answer_and_says_so(client, invitation, questionnaire):
    question = questionnaire.questions.filter(kind="long_text").first()
    response = _autosave(client, invitation, question, "Typed, not submitted")
    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    assert Answer.objects.get(question=question).text == "Typed, not submitted"


def test_autosave_handles_every_kind(client, invitation, questionnaire):
    questions = {q.kind: q for q in questionnaire.questions.all()}
    _autosave(client, invitation, questions["scale"], "4")
    _autosave(client, invitation, questions["likelihood"], "0")
    _autosave(client, invitation, questions["single_choice"], questions["single_choice"].options[0])
    multiple = questions["multiple_choice"]
    client.post(
        f"/s/{invitation.token}/save/",
        {"question": str(multiple.pk), field_name(multiple): multiple.options[:2]},
    )
    answers = {a.question.kind: a for a in Answer.objects.select_related("question")}
    assert answers["scale"].number == 4
    assert answers["likelihood"].number == 0
    assert answers["single_choice"].text == questions["single_choice"].options[0]
    assert answers["multiple_choice"].choices == multiple.options[:2]


def test_autosave_explains_what_it_cannot_save(client, invitation, questionnaire):
    scale = questionnaire.questions.filter(kind="scale").first()
    response = _autosave(client, invitation, scale, "9")
    assert "Not saved" in response.content.decode()
    assert not Answer.objects.exists()
    text = questionnaire.questions.filter(kind="long_text").first()
    questionnaire_set_open(questionnaire=questionnaire, is_open=False)
    response = _autosave(client, invitation, text, "late")
    assert "This questionnaire is closed" in response.content.decode()
    assert not Answer.objects.exists()


def test_autosave_refuses_unknown_or_untargeted_questions(
    client, invitation, questionnaire, workshop
):
    assert client.post(f"/s/{invitation.token}/save/", {"question": "abc"}).status_code == 400
    hidden = questionnaire.questions.create(
        phase="dream", kind="short_text", text="IT only", order=99
    )
    hidden.target_areas.set([workshop.areas.get(name="IT")])
    assert _autosave(client, invitation, hidden, "x").status_code == 400
    assert client.post("/s/forged.token/save/", {"question": "1"}).status_code == 404


def test_autosave_uses_a_fixed_number_of_queries(
    client, invitation, questionnaire, django_assert_num_queries
):
    """Guards against loading every question or answer to save one: the throttle (database
    cache), the invitation, the question (targeting checked in SQL), then BEGIN, the response,
    the answer's upsert, the response's time, COMMIT."""
    question = questionnaire.questions.filter(kind="long_text").first()
    _autosave(client, invitation, question, "first")
    with django_assert_num_queries(8):
        _autosave(client, invitation, question, "second")
    for i in range(20):
        questionnaire.questions.create(phase="dream", text=f"Extra {i}", order=100 + i)
    with django_assert_num_queries(8):
        _autosave(client, invitation, question, "third")


def test_the_page_shows_progress(client, invitation, questionnaire):
    question = questionnaire.questions.filter(kind="long_text").first()
    _autosave(client, invitation, question, "one")
    total = questionnaire.questions.count()
    assert (
        f"1 of {total} questions answered"
        in client.get(invitation.get_absolute_url()).content.decode()
    )


def test_untargeted_questions_are_not_asked(client, invitation, questionnaire, workshop):
    hidden = questionnaire.questions.create(
        phase="dream", kind="short_text", text="IT only?", order=99
    )
    hidden.target_areas.set([workshop.areas.get(name="IT")])
    assert "IT only?" not in client.get(invitation.get_absolute_url()).content.decode()


def test_a_question_for_several_areas_is_asked_once_in_each(
    client, invitation, questionnaire, workshop
):
    """Targeting is checked in SQL (one join on the target areas): no duplicate rows."""
    shared = questionnaire.questions.create(
        phase="dream", kind="short_text", text="Sales and IT?", order=99
    )
    shared.target_areas.set(workshop.areas.filter(name__in=["Sales", "IT"]))
    assert client.get(invitation.get_absolute_url()).content.decode().count("Sales and IT?") == 1
    assert _autosave(client, invitation, shared, "x").status_code == 200


def test_paged_mode_shows_one_section_at_a_time(client, invitation, questionnaire):
    questionnaire.paged = True
    questionnaire.save()
    url = invitation.get_absolute_url()
    body = client.get(url).content.decode()
    assert "customer moment" in body  # Define comes first
    assert "High point" not in body
    response = client.post(url, {"section": "define", "next": "1"})
    assert response["Location"].endswith("?section=discover")
    assert "High point" in client.get(response["Location"]).content.decode()


def test_paged_submit_sends_you_to_the_missing_required_section(client, invitation, questionnaire):
    questionnaire.paged = True
    questionnaire.save()
    url = invitation.get_absolute_url()
    response = client.post(url, {"section": "destiny", "submit": "1"}, follow=True)
    assert "Please answer the required questions in: Discover." in response.content.decode()
    assert not questionnaire.responses.filter(submitted_at__isnull=False).exists()


def test_the_first_page_says_who_sees_the_answers(client, invitation, workshop):
    url = invitation.get_absolute_url()
    assert "will see your name" in client.get(url).content.decode()
    workshop.anonymous = True
    workshop.save()
    assert "nobody sees them with your name" in client.get(url).content.decode()
    workshop.facilitator_sees_names = True
    workshop.save()
    assert "facilitators can see who wrote what" in client.get(url).content.decode()


@pytest.fixture
def join_url(questionnaire):
    questionnaire.join_enabled = True
    questionnaire.save()
    return f"/j/{questionnaire.join_code}/"


def test_someone_not_on_the_list_joins_and_gets_their_own_link(client, join_url, workshop):
    sales = workshop.areas.get(name="Sales")
    response = client.post(join_url, {"name": "Walk-in", "area": sales.pk, "group": "client"})
    stakeholder = Stakeholder.objects.get(name="Walk-in")
    invitation = Invitation.objects.get(stakeholder=stakeholder)
    assert invitation.joined
    assert response["Location"] == invitation.get_absolute_url()


def test_with_an_address_the_link_goes_by_e_mail(client, join_url, workshop):
    """The open-join cases with a listed address are in tests/security/test_join.py."""
    sales = workshop.areas.get(name="Sales")
    response = client.post(
        join_url,
        {"name": "Walk-in", "email": "walkin@example.com", "area": sales.pk, "group": "client"},
    )
    invitation = Invitation.objects.get(stakeholder__name="Walk-in")
    assert response["Location"] == f"{join_url}sent/"
    assert invitation.get_absolute_url() in mail.outbox[0].body


def test_the_join_link_is_404_when_off_or_rotated(
    client, join_url, questionnaire, facilitator_client, workshop
):
    assert client.get(join_url).status_code == 200
    assert client.get("/j/?code=" + questionnaire.join_code.lower())["Location"] == join_url
    facilitator_client.post(f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/join-code/")
    assert client.get(join_url).status_code == 404
    questionnaire.refresh_from_db()
    questionnaire.join_enabled = False
    questionnaire.save()
    assert client.get(f"/j/{questionnaire.join_code}/").status_code == 404


def test_the_facilitator_gets_qr_codes(facilitator_client, sponsor_client, workshop, invitation):
    url = f"/w/{workshop.slug}/invitations/{invitation.pk}/qr.svg"
    response = facilitator_client.get(url)
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
    assert sponsor_client.get(url).status_code == 403
    join = f"/w/{workshop.slug}/questionnaires/{invitation.questionnaire_id}/join-qr.svg"
    assert facilitator_client.get(join).content.startswith(b"<svg")


def test_personal_pages_are_never_cached(client, invitation):
    assert "no-store" in client.get(invitation.get_absolute_url())["Cache-Control"]
