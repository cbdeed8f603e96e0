"""The numbers of the report, the PDF's source, and the live dashboard, pinned on a
hand-made workshop: drafts, areas under k, anonymous mode on and off, a
likelihood question. One results engine computes them all (issue 6, section 2)."""

from __future__ import annotations

import html
import re

import pytest

from questionnaires.models import Answer, QuestionKind
from questionnaires.results import other_areas_label, other_cells_label
from questionnaires.services import response_save
from questionnaires.theme_services import answer_tag, theme_create
from reports.selectors import report_context
from tests.factories import StakeholderFactory
from workshops.models import Workshop

# area, group, likelihood (0–10), submitted?, written answer to the first text question
PEOPLE = [
    ("Sales", "employee", 9, True, "Same words twice"),
    ("Sales", "employee", 9, True, "Same words twice"),
    ("Sales", "employee", 6, True, "Sales three"),
    ("Sales", "employee", 0, False, "DRAFT from Sales"),
    ("IT", "employee", 7, True, "IT one"),
    ("Marketing", "client", 8, True, "Marketing one"),
    ("Billing & accounts", "employee", 10, True, "Billing one"),
    ("Billing & accounts", "employee", 6, True, "Billing two"),
    ("Billing & accounts", "employee", 0, False, "DRAFT from Billing"),
    ("Billing & accounts", "employee", None, None, ""),  # invited, never started
]
SUBMITTED = sum(1 for person in PEOPLE if person[3])


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def hand_made(workshop, questionnaire):
    """Ten invited: 7 submitted, 2 drafts, 1 not started; a theme on Sales and a draft."""
    likelihood = questionnaire.questions.get(kind=QuestionKind.LIKELIHOOD)
    first, second = list(questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT))[:2]
    theme = theme_create(workshop=workshop, name="Going the extra mile")
    for index, (area, group, score, submitted, text) in enumerate(PEOPLE):
        person = StakeholderFactory(
            workshop=workshop, name=f"Person {index}", area=workshop.areas.get(name=area),
            group=group,
        )  # fmt: skip
        if submitted is None:
            continue
        invitation = questionnaire.invitations.get(stakeholder=person)
        values = {likelihood.pk: score, first.pk: text, second.pk: f"Second from {area} {index}"}
        response_save(invitation=invitation, values=values, submit=submitted)
        if area == "Sales" or not submitted:
            answer_tag(answer=Answer.objects.get(response__stakeholder=person, question=first),
                       theme=theme)  # fmt: skip
    return {"likelihood": likelihood, "first": first, "second": second}


def _anonymous(workshop, k: int = 3) -> None:
    Workshop.objects.filter(pk=workshop.pk).update(anonymous=True, privacy_threshold=k)


def _report(client, workshop) -> str:
    return _text(client.get(f"/w/{workshop.slug}/report/").content.decode())


def _selection(context, question):
    return next(quotes for result, quotes in context["results"] if result.question == question)


def test_the_report_counts_submitted_responses_only(sponsor_client, workshop, hand_made):
    body = _report(sponsor_client, workshop)
    assert "7 of 10 invited stakeholders (70%) submitted" in body
    assert "DRAFT" not in body
    context = report_context(workshop)
    counts = {r.question.pk: r.respondents for r, _quotes in context["results"]}
    assert counts[hand_made["first"].pk] == SUBMITTED
    assert counts[hand_made["likelihood"].pk] == SUBMITTED
    assert max(counts.values()) == SUBMITTED


def test_the_report_shows_nps_with_6_a_detractor_and_9_a_promoter(
    sponsor_client, workshop, hand_made
):
    """Submitted: 9, 9, 10 promoters; 6, 6 detractors; 7, 8 passive: (3 − 2) / 7 = 14.

    With 6 a passive it would be 43, with 9 a passive −14, with the drafts' 0s −11.
    """
    body = _report(sponsor_client, workshop)
    assert "NPS 14 from 7 answers" in body
    assert "Mean" not in body.split("NPS 14")[0].rsplit("Likelihood", 1)[-1]


def test_quotes_go_round_robin_across_every_area_and_never_repeat(workshop, hand_made):
    context = report_context(workshop)
    first = _selection(context, hand_made["first"])
    second = _selection(context, hand_made["second"])
    texts = [quote.text for quote in first]
    assert len(texts) == len(set(texts)) == 3
    assert texts == ["Same words twice", "Marketing one", "Billing one"]
    # The next selection goes on where the first stopped: IT, then Sales again.
    assert [q.label for q in second] == ["IT · Employee", "Sales · Employee", "Marketing · Client"]
    quoted = {q.area_key[1] for _r, quotes in context["results"] for q in quotes}
    assert quoted == {"Sales", "IT", "Marketing", "Billing & accounts"}


def test_in_anonymous_mode_documents_merge_areas_under_k_submitted(
    sponsor_client, workshop, hand_made
):
    """Billing & accounts: 3 started, 2 submitted. The dashboard may show it, a document not."""
    _anonymous(workshop)
    body = _report(sponsor_client, workshop)
    areas = report_context(Workshop.objects.get(pk=workshop.pk))["summary"].areas
    other = other_areas_label(3)
    assert [(a.label, a.invited, a.submitted) for a in areas] == [("Sales", 4, 3), (other, 6, 4)]
    assert f"— {other_cells_label(3)}" in body
    assert "— Sales · Employee" in body
    assert "Billing & accounts · Employee" not in body and "IT · Employee" not in body


def test_outside_anonymous_mode_the_report_names_every_area(sponsor_client, workshop, hand_made):
    body = _report(sponsor_client, workshop)
    for label in ["Sales · Employee", "IT · Employee", "Marketing · Client"]:
        assert f"— {label}" in body
    assert "Person " not in body  # documents never name people


def test_theme_people_never_exceed_the_respondents(workshop, hand_made):
    """Tagged: three Sales answers (two say the same) and two drafts."""
    theme = report_context(workshop)["themes"][0]
    assert (theme.people, theme.answers) == (3, 3)
    assert theme.people <= SUBMITTED
    assert [(a.name, a.count) for a in theme.areas] == [("Sales", 3)]
    assert len({q.text for q in theme.quotes}) == len(theme.quotes) == 2


def test_the_report_keeps_its_query_count(sponsor_client, workshop, hand_made,
                                          django_assert_num_queries):  # fmt: skip
    """No query per question, answer, area, quote or theme (tests/reports/test_report.py
    counts 16 with a journey, whose milestones take one more)."""
    with django_assert_num_queries(15):
        sponsor_client.get(f"/w/{workshop.slug}/report/")


# --- The live dashboard: drafts shown, labelled in progress -----------------------


def _dashboard(client, workshop, questionnaire) -> str:
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/results/"
    return _text(client.get(url).content.decode())


def test_the_dashboard_shows_drafts_labelled_in_progress(
    facilitator_client, workshop, questionnaire, hand_made
):
    body = _dashboard(facilitator_client, workshop, questionnaire)
    assert "DRAFT from Sales" in body and "DRAFT from Billing" in body
    assert body.count("· in progress") == 4  # two drafts × two written questions
    assert "9 answers (2 in progress)" in body  # the likelihood, drafts included
    assert "2 answers are from questionnaires not submitted yet (in progress)" in body


def test_the_dashboard_counts_started_for_the_threshold(
    facilitator_client, workshop, questionnaire, hand_made
):
    """Billing & accounts: 3 started, 2 submitted. Shown on the dashboard, merged in documents."""
    _anonymous(workshop)
    body = _dashboard(facilitator_client, workshop, questionnaire)
    assert "Billing & accounts 4 3 2" in body
    assert f"{other_areas_label(3)} 2 2 2" in body


def test_the_sponsors_overview_uses_the_document_rule(sponsor_client, workshop, hand_made):
    """Submitted counts decide: Billing & accounts (3 started, 2 submitted) is merged."""
    _anonymous(workshop)
    body = _text(sponsor_client.get(f"/w/{workshop.slug}/").content.decode())
    assert "7/10 questionnaires submitted" in body
    assert "Sales 4 4 3" in body
    assert "Billing & accounts" not in body
    assert f"{other_areas_label(3)} 6 5 4" in body
    assert "All areas 10 9 7" in body
