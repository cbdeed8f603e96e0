"""Writes for the report's content: `<entity>_<action>(*, ...)`.

Requirements and change actions are edited in the admin until they have
screens of their own; the demo and other callers create them here.
"""

from __future__ import annotations

from django.db import transaction

from reports.models import ChangeAction, Requirement
from workshops.models import Workshop


@transaction.atomic
def requirement_create(*, workshop: Workshop, **fields) -> Requirement:
    requirement = Requirement(workshop=workshop, **fields)
    requirement.full_clean()
    requirement.save()
    return requirement


@transaction.atomic
def change_action_create(*, workshop: Workshop, **fields) -> ChangeAction:
    action = ChangeAction(workshop=workshop, **fields)
    action.full_clean()
    action.save()
    return action
