"""Writes that span apps: the composition layer calls each app's own services."""

from __future__ import annotations

from django.db import transaction

from questionnaires.models import QuestionnaireTemplate
from questionnaires.services import questionnaire_create_default
from workshops.models import Workshop
from workshops.services import workshop_create


@transaction.atomic
def workshop_start(*, user, template: QuestionnaireTemplate | None = None, **fields) -> Workshop:
    """A new workshop as a facilitator starts it: the eight default areas, `user` as
    its facilitator, and its questionnaire (the built-in Appreciative Inquiry one,
    or one of the facilitator's saved templates)."""
    workshop = workshop_create(user=user, **fields)
    questionnaire_create_default(workshop=workshop, template=template)
    return workshop
