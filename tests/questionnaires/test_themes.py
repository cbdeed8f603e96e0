"""Themes of the positive core: services, counts per area, the facilitator's
page (with and without htmx), and the themes carried into the overview and
the report."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from questionnaires.models import Answer, QuestionKind, Theme
from questionnaires.results import (
    AreaCount,
    Privacy,
    TagRow,
    ThemeCounts,
    area_counts,
    count_table,
    other_areas_label,
    other_cells_label,
    themes_privacy,
    themes_summary,
    themes_with_counts,
)
from questionnaires.services import response_save
from questionnaires.theme_services import (
    TAG_NOT_TEXT,
    TAG_OTHER_WORKSHOP,
    THEME_MERGE_ITSELF,
    THEME_MERGE_OTHER_WORKSHOP,
    THEME_NAME_TAKEN,
    answer_tag,
    answer_untag,
    theme_create,
    theme_delete,
    theme_merge,
    theme_rename,
)
from reports.pdf import render_report_pdf
from tests.factories import StakeholderFactory
from workshops.models import Phase, Workshop


def _text_question(questionnaire, n: int = 0):
    return list(questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT))[n]


def _answer(workshop, question, text: str, *, area: str = "Sales", name: str | None = None):
    """A stakeholder of `area` submits `text` for `question`; returns the Answer."""
    fields = {"name": name} if name else {}
    stakeholder = StakeholderFactory(
        workshop=workshop, area=workshop.areas.get(name=area), **fields
    )
    invitation = question.questionnaire.invitations.get(stakeholder=stakeholder)
    response_save(invitation=invitation, values={question.pk: text}, submit=True)
    return Answer.objects.get(response__stakeholder=stakeholder, question=question)


def _make_anonymous(workshop, threshold: int) -> Workshop:
    Workshop.objects.filter(pk=workshop.pk).update(anonymous=True, privacy_threshold=threshold)
    workshop.refresh_from_db()
    return workshop


@pytest.fixture
def question(questionnaire):
    return _text_question(questionnaire)


@pytest.fixture
def story(workshop, question):
    return _answer(workshop, question, "We drove the spare part out on a Sunday.", name="Ada Park")


# --- Services ------------------------------------------------------------------


def test_it_creates_a_theme_with_a_trimmed_name(workshop):
    theme = theme_create(workshop=workshop, name="  Going the extra mile ", description=" Yes ")
    assert (theme.name, theme.description) == ("Going the extra mile", "Yes")
    assert list(workshop.themes.all()) == [theme]


def test_it_refuses_a_duplicate_name_in_any_case_with_a_message(workshop):
    theme_create(workshop=workshop, name="Trust")
    with pytest.raises(ValidationError) as exc:
        theme_create(workshop=workshop, name="trust")
    assert exc.value.messages == [str(THEME_NAME_TAKEN)]
    other = theme_create(workshop=workshop, name="Speed")
    with pytest.raises(ValidationError) as exc:
        theme_rename(theme=other, name="TRUST")
    assert exc.value.messages == [str(THEME_NAME_TAKEN)]


def test_the_same_name_is_fine_in_another_workshop(workshop, outsider):
    theme_create(workshop=workshop, name="Trust")
    theme_create(workshop=outsider.memberships.get().workshop, name="Trust")
    assert Theme.objects.filter(name="Trust").count() == 2


def test_it_renames_and_keeps_the_description_unless_given(workshop):
    theme = theme_create(workshop=workshop, name="Trust", description="People keep promises.")
    theme_rename(theme=theme, name="Trust", description=None)
    theme_rename(theme=theme, name="Kept promises")
    theme.refresh_from_db()
    assert (theme.name, theme.description) == ("Kept promises", "People keep promises.")
    theme_rename(theme=theme, name="Kept promises", description="")
    theme.refresh_from_db()
    assert theme.description == ""


def test_a_rename_to_its_own_name_in_another_case_is_allowed(workshop):
    theme = theme_create(workshop=workshop, name="trust")
    theme_rename(theme=theme, name="Trust")
    assert Theme.objects.get(pk=theme.pk).name == "Trust"


def test_merging_moves_the_tags_without_duplicates_and_deletes_the_source(workshop, question):
    both = _answer(workshop, question, "Both themes")
    only_source = _answer(workshop, question, "Only the source", area="Marketing")
    source = theme_create(workshop=workshop, name="Care", description="We care.")
    target = theme_create(workshop=workshop, name="Customer care")
    answer_tag(answer=both, theme=source)
    answer_tag(answer=both, theme=target)
    answer_tag(answer=only_source, theme=source)

    theme_merge(source=source, target=target)

    assert not Theme.objects.filter(pk=source.pk).exists()
    assert sorted(target.answers.values_list("pk", flat=True)) == sorted([both.pk, only_source.pk])
    assert Theme.answers.through.objects.filter(answer=both).count() == 1
    target.refresh_from_db()
    assert target.description == "We care."  # the source's description is not lost


def test_it_refuses_to_merge_a_theme_into_itself_or_across_workshops(workshop, outsider):
    theme = theme_create(workshop=workshop, name="Trust")
    foreign = theme_create(workshop=outsider.memberships.get().workshop, name="Trust")
    with pytest.raises(ValidationError) as exc:
        theme_merge(source=theme, target=theme)
    assert exc.value.messages == [str(THEME_MERGE_ITSELF)]
    with pytest.raises(ValidationError) as exc:
        theme_merge(source=theme, target=foreign)
    assert exc.value.messages == [str(THEME_MERGE_OTHER_WORKSHOP)]
    assert Theme.objects.filter(pk__in=[theme.pk, foreign.pk]).count() == 2


def test_tagging_and_untagging_twice_changes_nothing_more(workshop, story):
    theme = theme_create(workshop=workshop, name="Going the extra mile")
    answer_tag(answer=story, theme=theme)
    answer_tag(answer=story, theme=theme)
    assert list(story.themes.all()) == [theme]
    answer_untag(answer=story, theme=theme)
    answer_untag(answer=story, theme=theme)
    assert list(story.themes.all()) == []


def test_it_refuses_to_tag_a_rating(workshop, questionnaire, invitation):
    scale = questionnaire.questions.filter(kind=QuestionKind.SCALE).first()
    response_save(invitation=invitation, values={scale.pk: 4}, submit=True)
    rating = Answer.objects.get(question=scale)
    theme = theme_create(workshop=workshop, name="Readiness")
    with pytest.raises(ValidationError) as exc:
        answer_tag(answer=rating, theme=theme)
    assert exc.value.messages == [str(TAG_NOT_TEXT)]
    assert not theme.answers.exists()


def test_it_refuses_to_tag_an_answer_of_another_workshop(workshop, story, outsider):
    foreign = theme_create(workshop=outsider.memberships.get().workshop, name="Trust")
    with pytest.raises(ValidationError) as exc:
        answer_tag(answer=story, theme=foreign)
    assert exc.value.messages == [str(TAG_OTHER_WORKSHOP)]


def test_deleting_a_theme_keeps_the_answers(workshop, story):
    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=story, theme=theme)
    theme_delete(theme=theme)
    assert Answer.objects.filter(pk=story.pk).exists()
    assert not story.themes.exists()


# --- Counts per area and the privacy threshold --------------------------------


def _row(area_id: int, name: str, order: int, person: int, text: str = "") -> TagRow:
    return TagRow(
        theme_id=1, stakeholder_id=person, area_id=area_id, area_name=name, area_order=order,
        text=text,
    )  # fmt: skip


def _privacy(*, anonymous: bool, areas: set[int]) -> Privacy:
    return Privacy(
        names_visible=not anonymous, anonymous=anonymous, threshold=3, areas=areas, groups=set(),
        cells=set() if anonymous else None,
    )  # fmt: skip


def _live(workshop) -> list[ThemeCounts]:
    """The themes page's counts, drafts included, as the facilitator sees them."""
    privacy = themes_privacy(workshop, names_visible=False, submitted_only=False)
    return themes_with_counts(workshop, privacy=privacy)


def test_area_counts_count_people_and_name_only_the_areas_allowed():
    """Sales: 3 tagged answers by 2 people; IT: 5 answers by 1 person."""
    rows = [_row(1, "Sales", 1, person=1)] * 2 + [_row(1, "Sales", 1, person=2)]
    rows += [_row(2, "IT", 8, person=3)] * 5 + [_row(3, "Billing", 6, person=4)]
    shown = area_counts(rows, privacy=_privacy(anonymous=False, areas=set()))
    assert [(a.name, a.count) for a in shown] == [("Sales", 2), ("Billing", 1), ("IT", 1)]
    # IT has many tagged answers but one person: it is not named.
    shown = area_counts(rows, privacy=_privacy(anonymous=True, areas={1}))
    assert [(a.name, a.count) for a in shown] == [("Sales", 2), (other_areas_label(3), 2)]


def test_an_area_is_named_by_its_people_not_its_answers(workshop, questionnaire):
    it = workshop.areas.get(name="IT")
    writer = StakeholderFactory(workshop=workshop, area=it)
    invitation = questionnaire.invitations.get(stakeholder=writer)
    theme = theme_create(workshop=workshop, name="Speed")
    questions = questionnaire.questions.filter(kind="long_text")[:4]
    response_save(
        invitation=invitation, values={q.pk: f"Fast answers {q.pk}" for q in questions}, submit=True
    )
    for answer in Answer.objects.filter(response__stakeholder=writer):
        answer_tag(answer=answer, theme=theme)
    _make_anonymous(workshop, threshold=3)
    summary = themes_summary(workshop)[0]
    assert (summary.people, summary.answers) == (1, 4)
    assert [(a.name, a.count) for a in summary.areas] == [(other_areas_label(3), 1)]
    assert {q.label for q in summary.quotes} == {other_cells_label(3)}


def test_the_count_table_puts_other_areas_last_and_fills_gaps_with_zero():
    other = other_areas_label(3)
    a = ThemeCounts(Theme(name="A"), 3, 4, [AreaCount("Sales", 3, (1, "Sales"))])
    b = ThemeCounts(
        Theme(name="B"), 2, 2, [AreaCount("IT", 1, (8, "IT")), AreaCount(other, 1, is_other=True)]
    )
    table = count_table([a, b])
    assert table.columns == ["Sales", "IT", other]
    assert [cells for _, cells in table.rows] == [[3, 0, 0], [0, 1, 1]]


def test_it_counts_people_per_area_and_hides_small_areas_when_anonymous(workshop, question):
    theme = theme_create(workshop=workshop, name="Trust")
    for text in ["s1", "s2"]:
        answer_tag(answer=_answer(workshop, question, text, area="Sales"), theme=theme)
    answer_tag(answer=_answer(workshop, question, "it", area="IT"), theme=theme)
    theme_create(workshop=workshop, name="Untagged yet")

    counts = {c.theme.name: c for c in themes_summary(workshop)}
    assert (counts["Trust"].people, counts["Trust"].answers) == (3, 3)
    assert [(a.name, a.count) for a in counts["Trust"].areas] == [("Sales", 2), ("IT", 1)]
    assert counts["Untagged yet"].people == 0

    _make_anonymous(workshop, threshold=2)
    trust = themes_summary(workshop)[0]
    assert [(a.name, a.count) for a in trust.areas] == [("Sales", 2), (other_areas_label(2), 1)]
    # Sales employees are two: labelled; the one IT employee is not.
    assert {q.label for q in trust.quotes} == {"Sales · Employee", other_cells_label(2)}


def test_one_person_with_many_tagged_answers_counts_once(workshop, questionnaire):
    """The issue's "Marketing: 9" from one marketing respondent: people, not answers."""
    writer = StakeholderFactory(workshop=workshop, area=workshop.areas.get(name="Marketing"))
    invitation = questionnaire.invitations.get(stakeholder=writer)
    questions = list(questionnaire.questions.filter(kind="long_text"))[:3]
    response_save(
        invitation=invitation, values={q.pk: f"Answer {q.pk}" for q in questions}, submit=True
    )
    theme = theme_create(workshop=workshop, name="Trust")
    for answer in Answer.objects.filter(response__stakeholder=writer):
        answer_tag(answer=answer, theme=theme)
    trust = themes_summary(workshop)[0]
    assert (trust.people, trust.answers) == (1, 3)
    assert [(a.name, a.count) for a in trust.areas] == [("Marketing", 1)]


def test_documents_count_only_submitted_tags_and_the_themes_page_marks_drafts(
    facilitator_client, workshop, question, story
):
    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=story, theme=theme)
    drafter = StakeholderFactory(workshop=workshop, area=workshop.areas.get(name="IT"))
    invitation = question.questionnaire.invitations.get(stakeholder=drafter)
    response_save(invitation=invitation, values={question.pk: "Still writing this"})
    answer_tag(answer=Answer.objects.get(response__stakeholder=drafter), theme=theme)

    assert themes_summary(workshop)[0].people == 1  # documents: the submitted story only
    assert _live(workshop)[0].people == 2  # the live page: the draft too
    body = facilitator_client.get(_url(workshop)).content.decode()
    assert "Still writing this" in body
    assert body.count(">in progress<") == 1


def test_tags_on_removed_questions_do_not_count(workshop, question, story):
    from django.utils import timezone

    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=story, theme=theme)
    type(question).objects.filter(pk=question.pk).update(removed_at=timezone.now())
    assert themes_summary(workshop)[0].answers == 0
    assert _live(workshop)[0].people == 0


def test_the_summary_takes_two_queries_however_many_themes_and_tags(
    workshop, question, django_assert_num_queries
):
    """Guards against one query per theme (its tags) or per tag (answer and area).

    Anonymous mode adds one: who answered, for the privacy rule.
    """
    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=_answer(workshop, question, "first"), theme=theme)
    with django_assert_num_queries(2):
        themes_summary(workshop)
    for n in range(3):
        more = theme_create(workshop=workshop, name=f"Theme {n}")
        answer_tag(answer=_answer(workshop, question, f"more {n}", area="IT"), theme=more)
    with django_assert_num_queries(2):
        assert len(themes_summary(workshop)) == 4
    _make_anonymous(workshop, threshold=3)
    with django_assert_num_queries(3):
        assert len(themes_summary(workshop)) == 4


# --- The facilitator's page ------------------------------------------------------


def _url(workshop, suffix: str = "") -> str:
    return f"/w/{workshop.slug}/themes/{suffix}"


def test_the_facilitator_sees_themes_counts_and_the_answers_with_names(
    facilitator_client, workshop, story
):
    theme = theme_create(workshop=workshop, name="Going the extra mile")
    answer_tag(answer=story, theme=theme)
    response = facilitator_client.get(_url(workshop))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Going the extra mile" in body
    assert "We drove the spare part out on a Sunday." in body
    assert "Ada Park · Sales" in body
    assert f'id="answer-{story.pk}"' in body
    assert 'data-confirm="Delete the theme' in body


def test_anonymous_answers_show_the_area_only(facilitator_client, workshop, story):
    _make_anonymous(workshop, threshold=1)
    body = facilitator_client.get(_url(workshop)).content.decode()
    assert "We drove the spare part out on a Sunday." in body
    assert "Ada Park" not in body


def test_it_filters_the_answers_by_question_and_untagged(
    facilitator_client, workshop, questionnaire, story
):
    other = _answer(workshop, _text_question(questionnaire, 1), "What I value most")
    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=story, theme=theme)

    body = facilitator_client.get(_url(workshop), {"question": story.question_id}).content
    assert b"on a Sunday" in body and b"What I value most" not in body
    body = facilitator_client.get(_url(workshop), {"untagged": "on"}).content
    assert b"on a Sunday" not in body and b"What I value most" in body
    assert other.text.encode() in facilitator_client.get(_url(workshop)).content
    # A forged filter is ignored rather than failing.
    assert facilitator_client.get(_url(workshop), {"question": "x"}).status_code == 200


def test_the_facilitator_creates_renames_merges_and_deletes_themes(facilitator_client, workshop):
    response = facilitator_client.post(
        _url(workshop, "new/"), {"name": "Trust", "description": "Promises kept."}, follow=True
    )
    assert "Theme “Trust” added." in response.content.decode()
    trust = workshop.themes.get(name="Trust")

    response = facilitator_client.post(_url(workshop, "new/"), {"name": "TRUST"}, follow=True)
    assert str(THEME_NAME_TAKEN) in response.content.decode()
    assert workshop.themes.count() == 1

    facilitator_client.post(
        _url(workshop, f"{trust.pk}/edit/"), {"name": "Kept promises", "description": ""}
    )
    trust.refresh_from_db()
    assert (trust.name, trust.description) == ("Kept promises", "")

    speed = theme_create(workshop=workshop, name="Speed")
    response = facilitator_client.post(_url(workshop, f"{speed.pk}/merge/"), {"target": trust.pk})
    assert response.status_code == 302
    assert response["Location"] == _url(workshop) + "#theme-panel"
    assert list(workshop.themes.values_list("name", flat=True)) == ["Kept promises"]

    response = facilitator_client.post(_url(workshop, f"{trust.pk}/delete/"), follow=True)
    assert "Theme “Kept promises” removed." in response.content.decode()
    assert not workshop.themes.exists()


def test_tagging_without_javascript_redirects_back_to_the_answer(
    facilitator_client, workshop, story
):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/",
        {"new_name": "Going the extra mile", "untagged": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == _url(workshop) + f"?untagged=on#answer-{story.pk}"
    theme = workshop.themes.get()
    assert list(story.themes.all()) == [theme]

    # Typing the name of an existing theme, in any case, reuses it.
    facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/", {"new_name": "going the EXTRA mile"}
    )
    assert workshop.themes.count() == 1

    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/{theme.pk}/remove/"
    )
    assert response.status_code == 302
    assert not story.themes.exists()


def test_tagging_with_htmx_returns_just_the_answer_and_the_counts(
    facilitator_client, workshop, story
):
    theme = theme_create(workshop=workshop, name="Trust")
    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/",
        {"theme": theme.pk},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "<nav" not in body
    assert body.lstrip().startswith(f'<article class="card" id="answer-{story.pk}"')
    assert '<div id="theme-panel" data-hx-swap-oob="true">' in body
    assert f"/answers/{story.pk}/themes/{theme.pk}/remove/" in body
    assert list(story.themes.all()) == [theme]

    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/{theme.pk}/remove/",
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "No theme yet" in response.content.decode()
    assert not story.themes.exists()


def test_an_empty_tag_form_says_what_to_do(facilitator_client, workshop, story):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/", {}, headers={"HX-Request": "true"}
    )
    assert "Choose a theme or type the name of a new one." in response.content.decode()
    response = facilitator_client.post(f"/w/{workshop.slug}/answers/{story.pk}/themes/", {})
    assert response.status_code == 302


def test_it_cannot_reach_another_workshops_answers_or_themes(
    facilitator_client, workshop, story, outsider
):
    foreign_workshop = outsider.memberships.get().workshop
    foreign_theme = theme_create(workshop=foreign_workshop, name="Trust")
    foreign_answer = _answer(
        foreign_workshop, _text_question(foreign_workshop.questionnaires.get()), "Not yours"
    )
    tag = f"/w/{workshop.slug}/answers/{foreign_answer.pk}/themes/"
    assert facilitator_client.post(tag, {"new_name": "X"}).status_code == 404
    response = facilitator_client.post(
        f"/w/{workshop.slug}/answers/{story.pk}/themes/", {"theme": foreign_theme.pk}, follow=True
    )
    assert not story.themes.exists()
    assert "Select a valid choice" in response.content.decode()
    assert facilitator_client.post(_url(workshop, f"{foreign_theme.pk}/delete/")).status_code == 404
    assert Theme.objects.filter(pk=foreign_theme.pk).exists()


@pytest.mark.parametrize(
    "method, suffix",
    [("get", ""), ("post", "new/")],
)
def test_the_sponsor_gets_403_and_an_outsider_404(
    sponsor_client, outsider_client, workshop, method, suffix
):
    url = _url(workshop, suffix)
    assert getattr(sponsor_client, method)(url, {"name": "X"}).status_code == 403
    assert getattr(outsider_client, method)(url, {"name": "X"}).status_code == 404
    assert not workshop.themes.exists()


def test_the_page_uses_a_fixed_number_of_queries(
    facilitator_client, workshop, question, django_assert_num_queries
):
    """Guards against one query per answer (its stakeholder, area or themes), per
    theme (its counts) or per question (the filter and the grouping)."""
    theme = theme_create(workshop=workshop, name="Trust")
    answer_tag(answer=_answer(workshop, question, "first"), theme=theme)
    with django_assert_num_queries(8):
        facilitator_client.get(_url(workshop))
    for n in range(3):
        more = theme_create(workshop=workshop, name=f"Theme {n}")
        answer = _answer(workshop, question, f"more {n}", area="IT")
        answer_tag(answer=answer, theme=more)
        answer_tag(answer=answer, theme=theme)
    with django_assert_num_queries(8):
        response = facilitator_client.get(_url(workshop))
    assert response.content.decode().count('<article class="card" id="answer-') == 4


# --- Carried into the overview and the report -----------------------------------


def test_the_overview_shows_the_positive_core_from_the_dream_phase_on(
    sponsor_client, workshop, story
):
    url = f"/w/{workshop.slug}/"
    assert "The positive core" not in sponsor_client.get(url).content.decode()
    Workshop.objects.filter(pk=workshop.pk).update(phase=Phase.DREAM)
    body = sponsor_client.get(url).content.decode()
    assert "The positive core" in body
    assert "No themes have been found in the answers yet." in body

    Workshop.objects.filter(pk=workshop.pk).update(phase=Phase.DISCOVER)
    answer_tag(answer=story, theme=theme_create(workshop=workshop, name="Going the extra mile"))
    body = sponsor_client.get(url).content.decode()
    assert "Going the extra mile" in body
    assert "We drove the spare part out on a Sunday." in body
    assert "Ada Park" not in body  # quotes carry the area only


def test_the_overview_keeps_a_fixed_number_of_queries_with_themes(
    facilitator_client, workshop, question, django_assert_num_queries
):
    """Guards against one query per theme or per quote on the positive core card."""
    answer_tag(
        answer=_answer(workshop, question, "one"), theme=theme_create(workshop=workshop, name="A")
    )
    with django_assert_num_queries(10):
        facilitator_client.get(f"/w/{workshop.slug}/")
    for n in range(3):
        answer_tag(
            answer=_answer(workshop, question, f"more {n}", area="IT"),
            theme=theme_create(workshop=workshop, name=f"Theme {n}"),
        )
    with django_assert_num_queries(10):
        facilitator_client.get(f"/w/{workshop.slug}/")


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def test_the_report_shows_the_positive_core_in_html_and_pdf(sponsor_client, workshop, question):
    theme = theme_create(
        workshop=workshop, name="Going the extra mile", description="We deliver on Sundays."
    )
    for area in ["Sales", "Sales", "Logistics & inventory"]:
        answer = _answer(workshop, question, f"A story from {area}", area=area, name="Ada Park")
        answer_tag(answer=answer, theme=theme)

    body = sponsor_client.get(f"/w/{workshop.slug}/report/").content.decode()
    assert "The positive core" in body
    assert "Going the extra mile" in body
    assert "We deliver on Sundays." in body
    assert "Sales: 2 · Logistics &amp; inventory: 1" in body
    assert "— Sales" in body
    assert "Ada Park" not in body.split('id="positive-core"')[1].split("Dream stories")[0]

    text = _pdf_text(render_report_pdf(workshop))
    assert "The positive core" in text
    assert "Going the extra mile" in text
    assert "3 answers" in text
    assert "Sales: 2" in text


def test_the_report_keeps_a_fixed_number_of_queries_with_themes(
    sponsor_client, workshop, question, django_assert_num_queries
):
    """Guards against one query per theme, per tag or per quote in the positive core.

    15, not the 16 of tests/reports: this workshop has no journey stages, so no
    milestone prefetch runs."""
    url = f"/w/{workshop.slug}/report/"
    answer_tag(
        answer=_answer(workshop, question, "one"), theme=theme_create(workshop=workshop, name="A")
    )
    with django_assert_num_queries(15):
        sponsor_client.get(url)
    for n in range(3):
        answer_tag(
            answer=_answer(workshop, question, f"more {n}", area="IT"),
            theme=theme_create(workshop=workshop, name=f"Theme {n}"),
        )
    with django_assert_num_queries(15):
        sponsor_client.get(url)
