"""The demo's report, as a sponsor would read it after `seed_demo` (issue 6: "a report
of the demo shows submitted counts only, quotes from all eight areas, NPS")."""

from __future__ import annotations

import html
import re

from django.core.management import call_command

from crmvision.demo.people import SLUG
from questionnaires.models import Invitation, QuestionKind, Response
from reports.selectors import report_context
from workshops.models import Workshop


def test_the_demo_report_counts_submitted_only_quotes_all_eight_areas_and_shows_nps(db, client):
    call_command("seed_demo")
    workshop = Workshop.objects.get(slug=SLUG)
    submitted = Response.objects.filter(
        questionnaire__workshop=workshop, submitted_at__isnull=False
    ).count()
    drafts = Response.objects.filter(questionnaire__workshop=workshop, submitted_at__isnull=True)
    assert drafts.exists()  # the demo has drafts, so the test can tell
    invited = Invitation.objects.filter(questionnaire__workshop=workshop).count()

    context = report_context(workshop)
    assert context["summary"].total.submitted == submitted
    assert max(result.respondents for result, _quotes in context["results"]) == submitted
    quoted = {q.area_key[1] for _result, quotes in context["results"] for q in quotes}
    assert quoted == set(workshop.areas.values_list("name", flat=True))
    assert len(quoted) == 8
    likelihood = next(
        result
        for result, _ in context["results"]
        if result.question.kind == QuestionKind.LIKELIHOOD
    )
    assert likelihood.nps is not None

    client.force_login(workshop.memberships.get(role="sponsor").user)
    page = client.get(f"/w/{workshop.slug}/report/").content.decode()
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))
    assert f"{submitted} of {invited} invited stakeholders" in text
    assert f"NPS {likelihood.nps} from {likelihood.respondents} answers" in text
    for area in quoted:
        assert f"— {area} · " in text
