from __future__ import annotations

from django.core.management import call_command

from questionnaires.models import Response, Theme
from reports.models import ChangeAction, Requirement
from workshops.models import DreamStory, JourneyStage, Milestone, Stakeholder, Workshop


def _counts():
    return (
        Workshop.objects.count(),
        Stakeholder.objects.count(),
        Response.objects.count(),
        Requirement.objects.count(),
        ChangeAction.objects.count(),
        DreamStory.objects.count(),
        JourneyStage.objects.count(),
        Milestone.objects.count(),
        Theme.objects.count(),
    )


def test_it_seeds_a_full_demo_once(db, capsys):
    call_command("seed_demo")
    counts = _counts()
    workshop = Workshop.objects.get()
    assert Stakeholder.objects.count() >= 25
    assert workshop.stakeholders.values("area").distinct().count() == 8
    assert set(ChangeAction.objects.values_list("step", flat=True)) == set(range(1, 9))
    assert counts[3:] == (7, 13, 4, 3, 7, 3)
    assert workshop.privacy_locked  # people answered, through the real services
    assert all(theme.answers.exists() for theme in Theme.objects.all())
    call_command("seed_demo")
    assert _counts() == counts
    out = capsys.readouterr().out
    assert "facilitator / vision-demo" in out
    assert "sponsor / vision-demo" in out
