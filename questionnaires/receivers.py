"""How the questionnaire app reacts to the base layer below it.

`QuestionnairesConfig.ready()` calls `connect()`; the base sends the signals in
`workshops/signals.py` and never imports this app.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy

from questionnaires.models import Questionnaire
from questionnaires.services import invitations_ensure
from workshops.access import annotate_workshop_pages
from workshops.signals import area_deleting, stakeholders_added

AREA_TARGETED = gettext_lazy(
    "Some questions are asked only of this area. Change their targeting first, or they "
    "would be asked of everyone."
)


def invite_new_stakeholders(sender, *, workshop, stakeholders, **kwargs) -> None:
    """Every new stakeholder gets a personal link to each questionnaire."""
    invitations_ensure(workshop=workshop, stakeholders=stakeholders)


def keep_targeted_areas(sender, *, area, **kwargs) -> None:
    """Deleting an area that questions target would ask those questions of everyone."""
    if area.targeted_questions.exists():
        raise ValidationError(AREA_TARGETED)


def first_questionnaire_pk() -> Subquery:
    """The questionnaire the workshop navigation links to (Questions, Invitations, Results)."""
    first = Questionnaire.objects.filter(workshop=OuterRef("workshop")).order_by("created_at", "pk")
    return Subquery(first.values("pk")[:1])


def connect() -> None:
    stakeholders_added.connect(invite_new_stakeholders, dispatch_uid="questionnaires.invite")
    area_deleting.connect(keep_targeted_areas, dispatch_uid="questionnaires.targeted_areas")
    annotate_workshop_pages("questionnaire_pk", first_questionnaire_pk)
