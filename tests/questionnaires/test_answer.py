"""The stakeholder's page behind a personal link."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from questionnaires.forms import REQUIRED_ANSWER, field_name
from questionnaires.models import Answer, Invitation, QuestionKind, Response
from questionnaires.services import (
    LAST_SEEN_EVERY,
    QUESTIONNAIRE_CLOSED,
    invitation_revoke,
    questionnaire_set_open,
)


@pytest.fixture
def client():
    return Client()


def _questions(questionnaire):
    questions = list(questionnaire.questions.all())
    text = [q for q in questions if q.kind == QuestionKind.LONG_TEXT]
    scale = [q for q in questions if q.kind == QuestionKind.SCALE]
    required = [q for q in questions if q.required]
    return text, scale, required


def _post_data(form_values: dict, initial: dict | None = None) -> dict:
    """What the browser sends: each field and its hidden initial copy."""
    data = {}
    for question, value in form_values.items():
        data[field_name(question)] = value
        data[f"initial-{field_name(question)}"] = (initial or {}).get(question, "")
    return data


def test_it_shows_the_workshop_and_the_questions(client, invitation, questionnaire):
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nordwerk CRM vision" in body
    assert "High point" in body
    assert "Three wishes" in body
    invitation.refresh_from_db()
    assert invitation.last_seen_at is not None


def test_it_gives_a_friendly_404_for_an_unknown_link(client, invitation):
    response = client.get("/s/not-a-real-token/")
    assert response.status_code == 404
    assert "This page or link is not available" in response.content.decode()


def test_it_refuses_a_forged_mac_for_a_real_key(client, invitation):
    response = client.get(f"/s/{invitation.key}.AAAAAAAAAAAAAAAAAAAAAA/")
    assert response.status_code == 404


def test_it_gives_a_404_once_the_link_is_revoked(client, invitation):
    old_url = invitation.get_absolute_url()
    invitation_revoke(invitation=invitation)
    assert client.get(old_url).status_code == 404
    assert client.post(old_url, {"save": "1"}).status_code == 404


def test_it_saves_answers_and_shows_them_again(client, invitation, questionnaire):
    text, scale, _ = _questions(questionnaire)
    url = invitation.get_absolute_url()
    response = client.post(
        url, {"save": "1", **_post_data({text[0]: "A great day", scale[0]: "4"})}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "A great day" in page
    assert 'value="4" checked' in page or 'checked value="4"' in page or "checked" in page
    answers = {a.question_id: a for a in Answer.objects.all()}
    assert answers[text[0].pk].text == "A great day"
    assert answers[scale[0].pk].number == 4


def test_it_requires_the_required_answers_on_submit_and_keeps_what_was_typed(
    client, invitation, questionnaire
):
    text, _, required = _questions(questionnaire)
    optional = next(q for q in text if not q.required)
    response = client.post(
        invitation.get_absolute_url(),
        {"submit": "1", **_post_data({optional: "Kept text", required[0]: ""})},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert str(REQUIRED_ANSWER) in body
    assert "Kept text" in body
    assert not Response.objects.filter(submitted_at__isnull=False).exists()


def test_it_submits_once_and_shows_thanks(client, invitation, questionnaire):
    _, _, required = _questions(questionnaire)
    data = {"submit": "1", **_post_data({q: f"Answer {q.pk}" for q in required})}
    first = client.post(invitation.get_absolute_url(), data)
    assert first.status_code == 302
    assert first["Location"].endswith("/thanks/")
    submitted_at = Response.objects.get().submitted_at
    second = client.post(invitation.get_absolute_url(), data)  # a double click
    assert second.status_code == 302
    assert Response.objects.count() == 1
    assert Response.objects.get().submitted_at == submitted_at
    assert Answer.objects.count() == len(required)
    thanks = client.get(first["Location"])
    assert "Thank you, Ada Park." in thanks.content.decode()


def test_it_lets_a_stakeholder_change_answers_after_submitting(client, invitation, questionnaire):
    _, _, required = _questions(questionnaire)
    url = invitation.get_absolute_url()
    client.post(url, {"submit": "1", **_post_data({q: "First" for q in required})})
    client.post(url, {"save": "1", **_post_data({required[0]: "Second"}, {required[0]: "First"})})
    assert Answer.objects.get(question=required[0]).text == "Second"


def test_it_does_not_let_a_stale_tab_overwrite_the_other_tab(client, invitation, questionnaire):
    text, _, _ = _questions(questionnaire)
    url = invitation.get_absolute_url()
    # Both tabs loaded an empty page. Tab A writes question 0, tab B question 1.
    client.post(url, {"save": "1", **_post_data({text[0]: "From tab A", text[1]: ""})})
    client.post(url, {"save": "1", **_post_data({text[0]: "", text[1]: "From tab B"})})
    answers = {a.question_id: a.text for a in Answer.objects.all()}
    assert answers[text[0].pk] == "From tab A"
    assert answers[text[1].pk] == "From tab B"


def test_it_shows_answers_read_only_once_closed(client, invitation, questionnaire):
    text, _, _ = _questions(questionnaire)
    url = invitation.get_absolute_url()
    client.post(url, {"save": "1", **_post_data({text[0]: "Before closing"})})
    questionnaire_set_open(questionnaire=questionnaire, is_open=False)
    page = client.get(url).content.decode()
    assert str(QUESTIONNAIRE_CLOSED) in page
    assert "Before closing" in page
    assert "disabled" in page
    response = client.post(url, {"save": "1", **_post_data({text[0]: "After closing"})})
    assert response.status_code == 200
    assert Answer.objects.get(question=text[0]).text == "Before closing"


def test_it_rejects_too_long_answers_with_a_message(client, invitation, questionnaire):
    text, _, _ = _questions(questionnaire)
    response = client.post(
        invitation.get_absolute_url(), {"save": "1", **_post_data({text[0]: "x" * 10_001})}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 10000 characters" in response.content.decode()
    assert not Answer.objects.exists()


def test_it_rejects_a_scale_value_out_of_range(client, invitation, questionnaire):
    _, scale, _ = _questions(questionnaire)
    response = client.post(
        invitation.get_absolute_url(), {"save": "1", **_post_data({scale[0]: "9"})}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


HOSTILE = [
    "<script>alert('x')</script>",
    "Ünïcødé 🚀 emoji",
    "مرحبا بالعالم right-to-left",
    "  leading and trailing spaces  ",
    "line one\r\nline two",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_it_round_trips_hostile_text_and_shows_it_escaped(client, invitation, questionnaire, value):
    text, _, _ = _questions(questionnaire)
    url = invitation.get_absolute_url()
    client.post(url, {"save": "1", **_post_data({text[0]: value})})
    assert Answer.objects.get().text == value
    page = client.get(url).content.decode()
    assert "<script>alert" not in page


def test_it_rejects_null_characters_with_a_message(client, invitation, questionnaire):
    text, _, _ = _questions(questionnaire)
    response = client.post(
        invitation.get_absolute_url(), {"save": "1", **_post_data({text[0]: "a\x00b"})}
    )
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()


def test_it_uses_a_fixed_number_of_queries_whatever_the_number_of_questions(
    client, invitation, questionnaire, django_assert_num_queries
):
    """Guards against one query per question or per answer on the stakeholder page: the
    throttle (database cache), the invitation, the questions (targeting checked in SQL), the
    response and its answers."""
    text, _, _ = _questions(questionnaire)
    client.post(invitation.get_absolute_url(), {"save": "1", **_post_data({q: "x" for q in text})})
    client.get(invitation.get_absolute_url())  # records "last seen"; later views do not write
    with django_assert_num_queries(5):
        client.get(invitation.get_absolute_url())
    for i in range(20):
        questionnaire.questions.create(phase="dream", text=f"Extra {i}", order=100 + i)
    with django_assert_num_queries(5):
        client.get(invitation.get_absolute_url())


NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _view_when_seen_ago(client, invitation, monkeypatch, delta):
    """Open the page at NOW, last seen `delta` before; return the stored last seen."""
    Invitation.objects.filter(pk=invitation.pk).update(last_seen_at=NOW - delta)
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    assert client.get(invitation.get_absolute_url()).status_code == 200
    invitation.refresh_from_db()
    return invitation.last_seen_at


def test_it_does_not_write_last_seen_again_within_the_interval(client, invitation, monkeypatch):
    just_under = LAST_SEEN_EVERY - dt.timedelta(microseconds=1)
    assert _view_when_seen_ago(client, invitation, monkeypatch, just_under) == NOW - just_under


def test_it_writes_last_seen_again_once_the_interval_has_passed(client, invitation, monkeypatch):
    assert _view_when_seen_ago(client, invitation, monkeypatch, LAST_SEEN_EVERY) == NOW


def test_a_page_view_within_the_interval_writes_nothing(client, invitation):
    """The page is a pure read for a stakeholder seen minutes ago."""
    client.get(invitation.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(invitation.get_absolute_url())
    assert not [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
