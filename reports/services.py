"""Writes for the report's content: `<entity>_<action>(*, ...)`.

Requirements and change actions are edited in the admin until they have
screens of their own; the demo and other callers create them here.
"""

from __future__ import annotations

from reports.models import ChangeAction, Requirement
from workshops.models import Workshop
from workshops.services import validated_create


def requirement_create(*, workshop: Workshop, **fields) -> Requirement:
    return validated_create(Requirement, workshop=workshop, **fields)


def change_action_create(*, workshop: Workshop, **fields) -> ChangeAction:
    return validated_create(ChangeAction, workshop=workshop, **fields)
