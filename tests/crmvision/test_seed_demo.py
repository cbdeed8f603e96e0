from __future__ import annotations

from django.core.management import call_command

from questionnaires.models import Response
from reports.models import ChangeAction, Requirement
from workshops.models import Stakeholder, Workshop


def test_it_seeds_a_full_demo_once(db, capsys):
    call_command("seed_demo")
    counts = (
        Workshop.objects.count(),
        Stakeholder.objects.count(),
        Response.objects.count(),
        Requirement.objects.count(),
        ChangeAction.objects.count(),
    )
    workshop = Workshop.objects.get()
    assert Stakeholder.objects.count() >= 25
    assert workshop.stakeholders.values("area").distinct().count() == 8
    assert set(ChangeAction.objects.values_list("step", flat=True)) == set(range(1, 9))
    call_command("seed_demo")
    assert (
        Workshop.objects.count(),
        Stakeholder.objects.count(),
        Response.objects.count(),
        Requirement.objects.count(),
        ChangeAction.objects.count(),
    ) == counts
    out = capsys.readouterr().out
    assert "facilitator / vision-demo" in out
    assert "sponsor / vision-demo" in out
