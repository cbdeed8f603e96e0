"""The sponsor's report as HTML and as PDF."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from reports.models import KotterStep
from reports.pdf import PDF_BASE_URL, StaticOnlyFetcher, render_report_pdf
from tests.factories import ChangeActionFactory, MilestoneFactory, RequirementFactory


def _pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def planned_workshop(workshop):
    RequirementFactory(workshop=workshop, title="Visit report from a phone")
    ChangeActionFactory(
        workshop=workshop, step=KotterStep.WINS, title="Quick win for the South team"
    )
    MilestoneFactory(stage__workshop=workshop, title="ERP integration live")
    return workshop


def test_the_pdf_holds_the_objective_all_eight_steps_and_the_journey(planned_workshop):
    text = _pdf_text(render_report_pdf(planned_workshop))
    assert planned_workshop.crm_objective in text
    for step in KotterStep:
        assert str(step.label) in text, step.label
    assert "Visit report from a phone" in text
    assert "Quick win for the South team" in text
    assert "ERP integration live" in text
    assert "Interaction capability" in text


def test_the_sponsor_downloads_the_pdf(sponsor_client, planned_workshop):
    response = sponsor_client.get(f"/w/{planned_workshop.slug}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_the_html_report_shows_the_same_plan(sponsor_client, planned_workshop):
    body = sponsor_client.get(f"/w/{planned_workshop.slug}/report/").content.decode()
    assert "Step 6: Generate short-term wins" in body
    assert "No action yet: a gap in the plan." in body  # the seven empty steps
    assert "Visit report from a phone" in body


def test_the_report_uses_a_fixed_number_of_queries(
    sponsor_client, planned_workshop, django_assert_num_queries
):
    """Guards against one query per requirement, action, stage or milestone
    (the themes of the positive core add two fixed queries: themes and tags)."""
    url = f"/w/{planned_workshop.slug}/report/"
    with django_assert_num_queries(16):
        sponsor_client.get(url)
    RequirementFactory.create_batch(3, workshop=planned_workshop)
    ChangeActionFactory.create_batch(3, workshop=planned_workshop, step=2)
    MilestoneFactory.create_batch(3, stage__workshop=planned_workshop)
    with django_assert_num_queries(16):
        sponsor_client.get(url)


def test_the_render_report_command_writes_a_pdf(planned_workshop, tmp_path):
    out = tmp_path / "plan.pdf"
    call_command("render_report", planned_workshop.slug, "-o", str(out))
    assert planned_workshop.crm_objective in _pdf_text(out.read_bytes())


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:5432/",
        "https://example.com/static/css/report.css",
        PDF_BASE_URL + "static/../../settings.py",
        PDF_BASE_URL + "media/secret.png",
    ],
)
def test_the_pdf_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_the_pdf_fetcher_serves_our_stylesheet():
    response = StaticOnlyFetcher().fetch(PDF_BASE_URL + "static/css/report.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_user_markdown_cannot_reach_the_filesystem_or_network(workshop):
    from tests.factories import DreamStoryFactory

    DreamStoryFactory(
        workshop=workshop,
        body=(
            '![x](file:///etc/passwd) <img src="http://127.0.0.1:9/x.png">'
            " <script>alert(1)</script>"
        ),
    )
    from reports.pdf import report_html

    html = report_html(workshop)
    # Image syntax is not parsed (the Markdown stays as text); raw HTML is removed.
    assert 'src="file:' not in html and 'href="file:' not in html
    assert 'src="http://127.0.0.1' not in html
    assert "<script>" not in html
    assert "127.0.0.1:9" not in html
    render_report_pdf(workshop)  # renders without fetching anything


def test_the_report_summarises_choices_and_likelihood(sponsor_client, workshop, invitation):
    from questionnaires.services import response_save

    questionnaire = workshop.questionnaires.get()
    multiple = questionnaire.questions.get(kind="multiple_choice")
    likelihood = questionnaire.questions.get(kind="likelihood")
    response_save(
        invitation=invitation,
        values={multiple.pk: multiple.options[:2], likelihood.pk: 9},
        submit=True,
    )
    body = sponsor_client.get(f"/w/{workshop.slug}/report/").content.decode()
    assert "several choices possible" in body
    assert multiple.options[0] in body
    assert "NPS 100 from 1 answers" in body
    assert "on a scale from 0" not in body  # a likelihood gets its NPS, not a mean


def test_the_report_merges_small_areas_in_anonymous_mode(sponsor_client, workshop, invitation):
    from questionnaires.services import response_save

    question = workshop.questionnaires.get().questions.filter(kind="long_text").first()
    response_save(
        invitation=invitation, values={question.pk: "Only Ada from Sales wrote this"}, submit=True
    )
    workshop.anonymous = True
    workshop.save()
    body = sponsor_client.get(f"/w/{workshop.slug}/report/").content.decode()
    assert "Only Ada from Sales wrote this" in body
    assert "— Other areas and groups (fewer than 3 answers)" in body
    assert ">Other areas (fewer than 3 answers)<" in body
    assert ">Sales<" not in body
