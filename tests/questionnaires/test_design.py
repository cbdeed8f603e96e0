"""The facilitator designs the questionnaire."""

from __future__ import annotations

import pytest

from questionnaires.design import TEMPLATE_NEEDS_EMPTY
from questionnaires.forms import KIND_LOCKED, TOO_FEW_OPTIONS
from questionnaires.models import Answer, Question, QuestionKind, QuestionnaireTemplate
from questionnaires.services import response_save
from workshops.models import Phase, Workshop


def _url(workshop, questionnaire, rest=""):
    return f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/{rest}"


def test_the_builtin_questionnaire_follows_the_cycle_with_every_kind(questionnaire):
    questions = list(questionnaire.questions.all())
    phases = [q.phase for q in questions]
    assert phases == sorted(phases, key=[p.value for p in Phase].index)
    assert {q.kind for q in questions} == set(QuestionKind.values)
    texts = " ".join(q.text for q in questions)
    for needle in [
        "High point",
        "Valuing",
        "Core factors",
        "Three wishes",
        "Strengths",
        "Opportunities",
        "Aspirations",
        "Results",
        "too heavy",
        "available",
    ]:
        assert needle in texts


def test_it_adds_a_choice_question_in_its_section(facilitator_client, workshop, questionnaire):
    response = facilitator_client.post(
        _url(workshop, questionnaire, "questions/new/"),
        {"phase": "dream", "kind": "single_choice", "text": "Pick one", "options": "A\nB\n\n C "},
    )
    assert response.status_code == 302
    question = Question.objects.get(text="Pick one")
    assert question.options == ["A", "B", "C"]
    ordered = list(questionnaire.questions.values_list("phase", flat=True))
    assert ordered == sorted(ordered, key=[p.value for p in Phase].index)


def test_it_needs_two_options_for_a_choice(facilitator_client, workshop, questionnaire):
    response = facilitator_client.post(
        _url(workshop, questionnaire, "questions/new/"),
        {"phase": "dream", "kind": "multiple_choice", "text": "Pick", "options": "Only one"},
    )
    assert str(TOO_FEW_OPTIONS) in response.content.decode()


def test_it_targets_areas_and_groups(facilitator_client, workshop, questionnaire, stakeholder):
    it = workshop.areas.get(name="IT")
    facilitator_client.post(
        _url(workshop, questionnaire, "questions/new/"),
        {
            "phase": "design",
            "kind": "short_text",
            "text": "For IT clients only",
            "target_areas": [it.pk],
            "target_groups": ["client"],
        },
    )
    question = Question.objects.get(text="For IT clients only")
    assert not question.shown_to(stakeholder)  # Sales employee
    stakeholder.area, stakeholder.group = it, "client"
    assert question.shown_to(stakeholder)


def test_an_edited_question_keeps_its_answers(
    facilitator_client, workshop, questionnaire, invitation
):
    question = questionnaire.questions.filter(kind="long_text").first()
    response_save(invitation=invitation, values={question.pk: "My story"})
    url = _url(workshop, questionnaire, f"questions/{question.pk}/")
    response = facilitator_client.post(
        url, {"phase": question.phase, "kind": "short_text", "text": "Reworded question"}
    )
    assert response.status_code == 302
    assert Answer.objects.get(question=question).text == "My story"
    response = facilitator_client.post(url, {"phase": question.phase, "kind": "scale", "text": "x"})
    assert str(KIND_LOCKED) in response.content.decode()


def test_a_removed_question_keeps_its_answers_and_can_be_restored(
    facilitator_client, workshop, questionnaire, invitation
):
    question = questionnaire.questions.filter(kind="long_text").first()
    response_save(invitation=invitation, values={question.pk: "Keep me"})
    facilitator_client.post(_url(workshop, questionnaire, f"questions/{question.pk}/remove/"))
    question.refresh_from_db()
    assert question.removed_at is not None
    assert Answer.objects.filter(question=question).exists()
    page = invitation.get_absolute_url()
    from django.test import Client

    assert question.text not in Client().get(page).content.decode()
    facilitator_client.post(_url(workshop, questionnaire, f"questions/{question.pk}/restore/"))
    question.refresh_from_db()
    assert question.removed_at is None


def test_a_question_without_answers_is_deleted(facilitator_client, workshop, questionnaire):
    question = questionnaire.questions.first()
    facilitator_client.post(_url(workshop, questionnaire, f"questions/{question.pk}/remove/"))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_it_moves_a_question(facilitator_client, workshop, questionnaire):
    first, second = list(questionnaire.questions.filter(phase="discover"))[:2]
    facilitator_client.post(
        _url(workshop, questionnaire, f"questions/{second.pk}/move/"), {"direction": "up"}
    )
    assert list(questionnaire.questions.filter(phase="discover"))[:2] == [second, first]


def test_it_saves_a_template_and_starts_a_new_workshop_from_it(
    facilitator_client, facilitator, workshop, questionnaire
):
    questionnaire.questions.exclude(kind="likelihood").delete()
    facilitator_client.post(_url(workshop, questionnaire, "templates/save/"), {"title": "Short"})
    template = QuestionnaireTemplate.objects.get(owner=facilitator)
    assert [q["kind"] for q in template.questions] == ["likelihood"]
    facilitator_client.post(
        "/workshops/new/",
        {
            "title": "Next client",
            "organisation": "B",
            "crm_objective": "C",
            "phase": "define",
            "template": template.pk,
        },
    )
    new = Workshop.objects.get(title="Next client").questionnaires.get()
    assert list(new.questions.values_list("kind", flat=True)) == ["likelihood"]


def test_a_template_replaces_questions_only_before_answers(
    facilitator_client, facilitator, workshop, questionnaire, invitation
):
    template = QuestionnaireTemplate.objects.create(
        owner=facilitator,
        title="T",
        questions=[{"phase": "dream", "kind": "long_text", "text": "Only"}],
    )
    response_save(invitation=invitation, values={questionnaire.questions.first().pk: "x"})
    response = facilitator_client.post(
        _url(workshop, questionnaire, "templates/apply/"), {"template": template.pk}, follow=True
    )
    assert str(TEMPLATE_NEEDS_EMPTY) in response.content.decode()
    questionnaire.responses.all().delete()
    facilitator_client.post(
        _url(workshop, questionnaire, "templates/apply/"), {"template": template.pk}
    )
    assert list(questionnaire.questions.values_list("text", flat=True)) == ["Only"]


def test_someone_elses_template_cannot_be_used(
    facilitator_client, workshop, questionnaire, outsider
):
    template = QuestionnaireTemplate.objects.create(owner=outsider, title="Theirs", questions=[])
    response = facilitator_client.post(
        _url(workshop, questionnaire, "templates/apply/"), {"template": template.pk}, follow=True
    )
    assert "Choose one of your templates." in response.content.decode()


@pytest.mark.parametrize("group", ["employee", "client"])
def test_the_preview_shows_what_a_stakeholder_of_an_area_and_group_sees(
    facilitator_client, workshop, questionnaire, group
):
    it = workshop.areas.get(name="IT")
    question = questionnaire.questions.create(
        phase="design", kind="short_text", text="Clients only?", target_groups=["client"], order=99
    )
    response = facilitator_client.get(
        _url(workshop, questionnaire, "preview/"), {"area": it.pk, "group": group}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing is saved" in body
    assert (question.text in body) == (group == "client")


def test_the_design_page_uses_a_fixed_number_of_queries(
    facilitator_client, workshop, questionnaire, django_assert_num_queries
):
    """Guards against one target-area query per question."""
    url = _url(workshop, questionnaire, "design/")
    with django_assert_num_queries(8):
        facilitator_client.get(url)
    for i in range(10):
        questionnaire.questions.create(phase="dream", text=f"Extra {i}", order=100 + i)
    with django_assert_num_queries(8):
        facilitator_client.get(url)


def test_settings_turn_on_paging_and_the_join_link(facilitator_client, workshop, questionnaire):
    facilitator_client.post(
        _url(workshop, questionnaire, "settings/"),
        {"title": "Our questions", "intro": "Hello", "paged": "on", "join_enabled": "on"},
    )
    questionnaire.refresh_from_db()
    assert questionnaire.paged and questionnaire.join_enabled
    assert questionnaire.title == "Our questions"


def test_moving_stays_within_the_section_and_ignores_removed_questions(
    facilitator_client, workshop, questionnaire
):
    first_discover = questionnaire.questions.filter(phase="discover").first()
    before = list(questionnaire.questions.values_list("pk", flat=True))
    facilitator_client.post(
        _url(workshop, questionnaire, f"questions/{first_discover.pk}/move/"), {"direction": "up"}
    )
    assert list(questionnaire.questions.values_list("pk", flat=True)) == before
    first_discover.removed_at = first_discover.questionnaire.created_at
    first_discover.save()
    response = facilitator_client.post(
        _url(workshop, questionnaire, f"questions/{first_discover.pk}/move/"), {"direction": "down"}
    )
    assert response.status_code == 302


def test_a_bad_template_id_is_a_message(facilitator_client, workshop, questionnaire):
    response = facilitator_client.post(
        _url(workshop, questionnaire, "templates/apply/"), {"template": "abc"}, follow=True
    )
    assert "Choose one of your templates." in response.content.decode()


def test_a_renamed_option_keeps_the_answer_given_before(
    client_for_stakeholder, questionnaire, invitation
):
    single = questionnaire.questions.get(kind="single_choice")
    response_save(invitation=invitation, values={single.pk: single.options[1]})
    single.options = ["Yes", "Perhaps", "Not now"]
    single.save()
    url = invitation.get_absolute_url()
    page = client_for_stakeholder.get(url).content.decode()
    assert "Maybe, tell me more" in page
    from questionnaires.forms import field_name

    client_for_stakeholder.post(
        url,
        {
            "save": "1",
            field_name(single): "Maybe, tell me more",
            f"initial-{field_name(single)}": "Maybe, tell me more",
        },
    )
    assert Answer.objects.get(question=single).text == "Maybe, tell me more"


def test_long_answers_keep_a_question_long(facilitator_client, workshop, questionnaire, invitation):
    from questionnaires.forms import ANSWERS_TOO_LONG

    question = questionnaire.questions.filter(kind="long_text").first()
    response_save(invitation=invitation, values={question.pk: "x" * 400})
    response = facilitator_client.post(
        _url(workshop, questionnaire, f"questions/{question.pk}/"),
        {"phase": question.phase, "kind": "short_text", "text": question.text},
    )
    assert str(ANSWERS_TOO_LONG) in response.content.decode()


@pytest.fixture
def client_for_stakeholder():
    from django.test import Client

    return Client()
