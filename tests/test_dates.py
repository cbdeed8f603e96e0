"""Dates are shown one way, in the installation's locale (LANGUAGE_CODE), never
in the US short form by accident; exports carry ISO 8601."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zoneinfo

import pytest
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader

from questionnaires.forms import field_name
from questionnaires.models import Invitation, QuestionKind, Response
from questionnaires.services import response_save
from tests.factories import ChangeActionFactory, JourneyStageFactory, MilestoneFactory
from tests.test_settings import _manage

# 12/21/2026, 21/12/2026, 7/12/26: whichever order, a slashed short date is the
# form a German (or British) reader misreads.
SLASHED_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
SENT_AT = dt.datetime(2026, 12, 21, 9, 30, tzinfo=BERLIN)
SUBMITTED_AT = dt.datetime(2026, 12, 22, 16, 45, tzinfo=BERLIN)
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}$")


@pytest.fixture
def dated(settings, workshop, invitation):
    """A workshop with a date on every page that shows one."""
    settings.TIME_ZONE = "Europe/Berlin"
    workshop.starts_on = dt.date(2026, 12, 7)
    workshop.ends_on = dt.date(2026, 12, 21)
    workshop.save()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=SENT_AT, last_seen_at=SENT_AT)
    question = invitation.questionnaire.questions.first()
    response_save(invitation=invitation, values={question.pk: "Fewer calls"}, submit=True)
    Response.objects.filter(stakeholder=invitation.stakeholder).update(
        started_at=SENT_AT, submitted_at=SUBMITTED_AT
    )
    stage = JourneyStageFactory(workshop=workshop)
    MilestoneFactory(stage=stage, due_on=dt.date(2027, 3, 5))
    ChangeActionFactory(workshop=workshop, due_on=dt.date(2027, 3, 5))
    return invitation


def _pages(client: Client, invitation: Invitation, **headers) -> dict[str, str]:
    workshop = invitation.questionnaire.workshop
    urls = {
        "overview": f"/w/{workshop.slug}/",
        "list": "/workshops/",
        "invitations": f"/w/{workshop.slug}/questionnaires/{invitation.questionnaire_id}/",
        "report": f"/w/{workshop.slug}/report/",
        "stakeholder": invitation.get_absolute_url(),
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        pages[name] = response.content.decode()
    return pages


def _assert_no_slashed_dates(pages: dict[str, str]) -> None:
    for name, body in pages.items():
        assert not SLASHED_DATE.search(body), f"{name}: {SLASHED_DATE.search(body).group()}"


def test_it_shows_dates_the_british_way_by_default(facilitator_client, dated):
    pages = _pages(facilitator_client, dated)

    assert "7 Dec 2026 – 21 Dec 2026" in pages["overview"]
    assert "7 Dec 2026" in pages["list"]
    assert "21 Dec 2026, 9:30 a.m." in pages["invitations"]
    assert "22 Dec 2026, 4:45 p.m." in pages["invitations"]
    assert pages["report"].count("5 Mar 2027") == 2  # a milestone and a change action
    assert "on 22 Dec 2026, 4:45 p.m." in pages["stakeholder"]
    _assert_no_slashed_dates(pages)


def test_it_keeps_the_installation_format_for_a_us_browser(facilitator_client, dated):
    """The browser's language must not switch dates to month/day/year."""
    pages = _pages(facilitator_client, dated, accept_language="en-US,en;q=0.9")

    assert "7 Dec 2026 – 21 Dec 2026" in pages["overview"]
    assert "Dec. 7, 2026" not in pages["overview"]
    _assert_no_slashed_dates(pages)


def test_it_shows_dates_the_german_way_with_language_code_de(settings, facilitator_client, dated):
    settings.LANGUAGE_CODE = "de"
    settings.LANGUAGES = [("de", "Deutsch")]

    pages = _pages(facilitator_client, dated, accept_language="en-US,en;q=0.9")

    assert "7. Dezember 2026 – 21. Dezember 2026" in pages["overview"]
    assert "21. Dezember 2026 09:30" in pages["invitations"]
    assert pages["report"].count("5. März 2027") == 2
    assert "22. Dezember 2026 16:45" in pages["stakeholder"]
    _assert_no_slashed_dates(pages)
    pdf = facilitator_client.get(f"/w/{dated.questionnaire.workshop.slug}/report.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "7. Dezember 2026" in text
    assert "5. März 2027" in text


def test_it_exports_times_in_iso_8601(facilitator_client, dated, tmp_path):
    workshop = dated.questionnaire.workshop
    response = facilitator_client.get(
        f"/w/{workshop.slug}/questionnaires/{dated.questionnaire_id}/export.csv"
    )
    header, row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[:2]
    started, submitted = row[header.index("Started")], row[header.index("Submitted")]
    assert started == "2026-12-21T09:30+01:00"
    assert submitted == "2026-12-22T16:45+01:00"
    assert ISO_8601.match(started)

    call_command("export_workshop", workshop.slug, "-o", str(tmp_path / "w.json"))
    document = json.loads((tmp_path / "w.json").read_text())
    assert document["workshop"]["starts_on"] == "2026-12-07"
    assert document["questionnaires"][0]["invitations"][0]["sent_at"] == "2026-12-21T08:30:00Z"


def test_it_reads_the_language_from_the_environment():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.LANGUAGES)",
        DEBUG="1",
        LANGUAGE_CODE="DE",
    )
    assert result.returncode == 0, result.stderr
    assert "[('de', 'Deutsch')]" in result.stdout


def test_it_refuses_an_unknown_language_code():
    result = _manage("check", DEBUG="1", LANGUAGE_CODE="english")
    assert result.returncode != 0
    assert "LANGUAGE_CODE 'english' is not a language Django knows" in result.stderr


@pytest.mark.parametrize(
    ("language", "saved"),
    [("en-gb", r"Saved \d{1,2}:\d{2} [ap]\.m\.<"), ("de", r"Saved \d{2}:\d{2}<")],
)
def test_it_shows_the_autosave_time_in_the_installation_format(
    settings, invitation, language, saved
):
    settings.LANGUAGE_CODE = language
    settings.LANGUAGES = [(language, language)]
    questions = invitation.questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT)
    question = next(q for q in questions if q.shown_to(invitation.stakeholder))
    response = Client().post(
        f"/s/{invitation.token}/save/", {"question": question.pk, field_name(question): "Yes"}
    )
    assert re.search(saved, response.content.decode()), response.content.decode()
