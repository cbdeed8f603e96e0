"""The base tells the apps above it what happened (workshops/signals.py) instead
of importing them; these tests listen the way a feature app does."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from workshops.services import area_delete, stakeholder_create, stakeholders_import_csv
from workshops.signals import area_deleting, stakeholders_added


@pytest.fixture
def heard():
    """Records every `stakeholders_added` as (workshop, names)."""
    calls = []

    def listener(sender, *, workshop, stakeholders, **kwargs):
        calls.append((workshop, [s.name for s in stakeholders]))

    stakeholders_added.connect(listener)
    yield calls
    stakeholders_added.disconnect(listener)


def test_it_tells_listeners_about_a_stakeholder_added(workshop, heard):
    stakeholder_create(workshop=workshop, name="Ada Park", area=workshop.areas.first())
    assert heard == [(workshop, ["Ada Park"])]


def test_it_tells_listeners_about_a_pasted_list_once(workshop, heard):
    result = stakeholders_import_csv(
        workshop=workshop, text="Ada Park,ada@example.com,Sales\nBo Lind,bo@example.com,IT"
    )
    assert not result.errors
    assert heard == [(workshop, ["Ada Park", "Bo Lind"])]


def test_it_tells_nobody_when_a_pasted_list_is_refused(workshop, heard):
    result = stakeholders_import_csv(workshop=workshop, text="Ada Park,ada@example.com,Salez")
    assert result.errors
    assert heard == []


def test_a_listener_can_keep_an_area_from_being_deleted(workshop):
    def keep(sender, *, area, **kwargs):
        raise ValidationError("still needed")

    it = workshop.areas.get(name="IT")
    area_deleting.connect(keep)
    try:
        with pytest.raises(ValidationError, match="still needed"):
            area_delete(area=it)
    finally:
        area_deleting.disconnect(keep)
    assert workshop.areas.filter(pk=it.pk).exists()
    area_delete(area=it)
    assert not workshop.areas.filter(pk=it.pk).exists()
