"""Autosave takes exactly one question with its own answer field; anything else
is a 400 that changes nothing, so a stale or forged request can never erase
what a stakeholder typed (issue 6, §3.6)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils.html import escape

from questionnaires.design import question_remove
from questionnaires.forms import field_name
from questionnaires.models import Answer, Question, QuestionKind
from questionnaires.services import response_save
from questionnaires.views_respond import AUTOSAVE_MALFORMED

TYPED = "What I typed before"
OTHER_TYPED = "My other answer"


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def url(invitation):
    return f"/s/{invitation.token}/save/"


@pytest.fixture
def text_questions(questionnaire):
    return list(questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT)[:2])


@pytest.fixture
def typed(invitation, text_questions):
    """Two answers already saved, which a malformed autosave must not touch."""
    first, second = text_questions
    response_save(invitation=invitation, values={first.pk: TYPED, second.pk: OTHER_TYPED})
    return first, second


def _stored() -> dict[int, str]:
    return dict(Answer.objects.values_list("question_id", "text"))


def _assert_refused(response, before: dict[int, str]) -> None:
    assert response.status_code == 400
    assert escape(AUTOSAVE_MALFORMED) in response.content.decode()
    assert _stored() == before


def test_it_refuses_a_question_id_without_its_answer_field(client, url, typed):
    first, _second = typed
    before = _stored()
    _assert_refused(client.post(url, {"question": first.pk}), before)
    assert Answer.objects.get(question=first).text == TYPED


def test_it_refuses_a_question_id_with_only_its_initial_value(client, url, typed):
    first, _second = typed
    before = _stored()
    data = {"question": first.pk, f"initial-{field_name(first)}": TYPED}
    _assert_refused(client.post(url, data), before)


def test_it_refuses_two_question_ids(client, url, typed):
    first, second = typed
    before = _stored()
    data = {"question": [first.pk, second.pk], field_name(first): "", field_name(second): "x"}
    _assert_refused(client.post(url, data), before)


def test_it_refuses_a_field_for_another_question(client, url, typed):
    first, second = typed
    before = _stored()
    _assert_refused(client.post(url, {"question": first.pk, field_name(second): ""}), before)
    data = {"question": first.pk, field_name(first): "new", field_name(second): ""}
    _assert_refused(client.post(url, data), before)


def test_it_refuses_a_text_field_sent_twice(client, url, typed):
    first, _second = typed
    before = _stored()
    _assert_refused(client.post(url, {"question": first.pk, field_name(first): ["a", ""]}), before)


@pytest.mark.parametrize("question_id", ["", "abc", "0", "-1", "1.0", "99999999999999999999"])
def test_it_refuses_a_question_id_that_is_not_a_number(client, url, typed, question_id):
    before = _stored()
    data = {"question": question_id, f"q_{question_id}": "x"}
    _assert_refused(client.post(url, data), before)


def test_it_refuses_a_question_id_with_leading_zeros(client, url, typed):
    first, _second = typed
    before = _stored()
    data = {"question": f"0{first.pk}", f"q_0{first.pk}": "", field_name(first): ""}
    _assert_refused(client.post(url, data), before)


def test_it_refuses_unknown_removed_and_untargeted_questions(
    client, url, typed, questionnaire, workshop
):
    first, _second = typed
    before = _stored()
    _assert_refused(client.post(url, {"question": 999_999, "q_999999": "x"}), before)

    question_remove(question=first)
    _assert_refused(client.post(url, {"question": first.pk, field_name(first): ""}), before)

    it_only = questionnaire.questions.create(phase="dream", kind="short_text", text="IT?", order=99)
    it_only.target_areas.set([workshop.areas.get(name="IT")])
    _assert_refused(client.post(url, {"question": it_only.pk, field_name(it_only): "x"}), before)


def test_it_refuses_a_question_of_another_questionnaire(
    client, url, typed, outsider, questionnaire
):
    foreign = Question.objects.exclude(questionnaire=questionnaire).first()
    before = _stored()
    _assert_refused(client.post(url, {"question": foreign.pk, field_name(foreign): "x"}), before)


def test_it_saves_exactly_one_question_with_its_field(client, url, typed):
    """The shape the page sends: the id, the field, the CSRF token (multipart,
    as the beacon on page close sends it; the test client posts multipart)."""
    first, second = typed
    data = {
        "question": first.pk,
        field_name(first): "Changed on purpose",
        "csrfmiddlewaretoken": "x",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    assert _stored() == {first.pk: "Changed on purpose", second.pk: OTHER_TYPED}


def test_it_clears_a_multiple_choice_sent_with_one_empty_value(
    client, url, invitation, questionnaire
):
    multiple = questionnaire.questions.filter(kind=QuestionKind.MULTIPLE_CHOICE).first()
    response_save(invitation=invitation, values={multiple.pk: multiple.options[:2]})
    name = field_name(multiple)
    response = client.post(url, {"question": multiple.pk, name: ""})
    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    assert Answer.objects.get(question=multiple).is_empty


def test_it_saves_ticked_boxes_next_to_the_empty_marker(client, url, questionnaire):
    multiple = questionnaire.questions.filter(kind=QuestionKind.MULTIPLE_CHOICE).first()
    name = field_name(multiple)
    response = client.post(url, {"question": multiple.pk, name: ["", *multiple.options[:2]]})
    assert response.status_code == 200
    assert Answer.objects.get(question=multiple).choices == multiple.options[:2]


def test_it_refuses_a_multiple_choice_without_its_field(client, url, invitation, questionnaire):
    """The page sends one empty value for "no box ticked"; no field at all is a
    request that lost its answer on the way."""
    multiple = questionnaire.questions.filter(kind=QuestionKind.MULTIPLE_CHOICE).first()
    response_save(invitation=invitation, values={multiple.pk: multiple.options[:2]})
    response = client.post(url, {"question": multiple.pk})
    assert response.status_code == 400
    assert Answer.objects.get(question=multiple).choices == multiple.options[:2]
