"""The stakeholder page's question blocks are kept per process (questionnaires/blocks.py).

A block is cached under everything it shows, so whatever a stakeholder could
see change shows on the next view; these tests change each of those things
after a first view has filled the cache.
"""

from __future__ import annotations

import pytest
from django.test import Client

from questionnaires import blocks
from questionnaires.forms import field_name
from questionnaires.models import Question, QuestionKind
from questionnaires.services import invitation_revoke, questionnaire_set_open

BLOCK = "questionnaires/includes/_question.html"


@pytest.fixture
def client():
    blocks.clear()
    return Client()


def _page(client, invitation) -> str:
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _long_text(questionnaire) -> Question:
    return questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT).order_by("order").first()


def test_it_renders_each_block_once_and_then_reuses_it(client, invitation):
    first = client.get(invitation.get_absolute_url())
    assert BLOCK in [t.name for t in first.templates]
    second = client.get(invitation.get_absolute_url())
    assert BLOCK not in [t.name for t in second.templates]
    assert second.content.decode().count('class="question"') == first.content.decode().count(
        'class="question"'
    )


def test_it_shows_an_edited_question_at_once(client, invitation, questionnaire):
    question = _long_text(questionnaire)
    assert question.text in _page(client, invitation)
    Question.objects.filter(pk=question.pk).update(text="What made you proud this year?")
    page = _page(client, invitation)
    assert "What made you proud this year?" in page
    assert question.text not in page


def test_it_shows_edited_options_at_once(client, invitation, questionnaire):
    question = questionnaire.questions.filter(kind=QuestionKind.SINGLE_CHOICE).first()
    _page(client, invitation)
    Question.objects.filter(pk=question.pk).update(options=["Weekly", "Never again"])
    assert "Never again" in _page(client, invitation)


def test_it_shows_a_saved_answer_at_once(client, invitation, questionnaire):
    question = _long_text(questionnaire)
    assert "The day sales saw it all" not in _page(client, invitation)
    saved = client.post(
        f"{invitation.get_absolute_url()}save/",
        {"question": question.pk, field_name(question): "The day sales saw it all"},
    )
    assert saved.status_code == 200
    assert "The day sales saw it all" in _page(client, invitation)


def test_it_disables_the_answers_once_the_questionnaire_closes(client, invitation, questionnaire):
    assert "disabled" not in _page(client, invitation)
    questionnaire_set_open(questionnaire=questionnaire, is_open=False)
    page = _page(client, invitation)
    assert "This questionnaire is closed" in page
    assert f'<textarea name="{field_name(_long_text(questionnaire))}"' in page
    assert page.count(" disabled") >= questionnaire.questions.count()
    assert "data-hx-post" not in page


def test_a_revoked_link_shows_nothing_after_a_cached_view(client, invitation, questionnaire):
    question = _long_text(questionnaire)
    assert question.text in _page(client, invitation)
    url = invitation.get_absolute_url()
    invitation_revoke(invitation=invitation)
    response = client.get(url)
    assert response.status_code == 404
    assert question.text not in response.content.decode()


def test_it_keeps_the_csrf_token_out_of_the_blocks(client, invitation):
    page = _page(client, invitation)
    token = client.cookies["csrftoken"].value
    assert blocks._blocks
    assert all("csrfmiddlewaretoken" not in html for html in blocks._blocks.values())
    assert 'name="csrfmiddlewaretoken"' in page
    assert all(token not in html for html in blocks._blocks.values())


def test_it_forgets_the_oldest_blocks_past_its_size(client, invitation, monkeypatch):
    monkeypatch.setattr(blocks, "MAX_BLOCKS", 3)
    _page(client, invitation)
    assert len(blocks._blocks) == 3


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("help_text", "Think of one day.", "Think of one day."),
        ("scale_min_label", "Hardly ever", "Hardly ever"),
        ("scale_max_label", "Every single day", "Every single day"),
        ("required", True, 'class="required-mark"'),
    ],
)
def test_it_shows_any_edited_detail_of_a_question_at_once(
    client, invitation, questionnaire, field, value, shown
):
    question = questionnaire.questions.filter(kind=QuestionKind.SCALE, required=False).first()
    Question.objects.filter(pk=question.pk).update(help_text="", required=False)
    before = _page(client, invitation)
    Question.objects.filter(pk=question.pk).update(**{field: value})
    after = _page(client, invitation)
    assert after.count(shown) == before.count(shown) + 1
