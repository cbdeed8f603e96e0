"""The one place that decides who may see or change a workshop."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy

from workshops.models import Membership, Role, Workshop

FACILITATOR_ONLY = gettext_lazy("Only the workshop's facilitators can do this.")
ANY_ROLE = (Role.FACILITATOR, Role.SPONSOR)


def workshop_for_user(
    request: HttpRequest, slug: str, *, roles: Iterable[str] = (Role.FACILITATOR,)
) -> Workshop:
    """Return the workshop if the signed-in user holds one of `roles` in it.

    Non-members get a 404 (they must not learn that a workshop exists);
    members without the role get a 403. The user's role is set as
    `workshop.role` for templates.
    """
    from questionnaires.models import Questionnaire

    first_questionnaire = Questionnaire.objects.filter(workshop=OuterRef("workshop")).order_by(
        "created_at", "pk"
    )
    membership = (
        Membership.objects.select_related("workshop")
        .annotate(questionnaire_pk=Subquery(first_questionnaire.values("pk")[:1]))
        .filter(workshop__slug=slug, user_id=request.user.pk)
        .first()
    )
    if membership is None:
        raise Http404("No such workshop")
    if membership.role not in roles:
        raise PermissionDenied(FACILITATOR_ONLY)
    workshop = membership.workshop
    workshop.role = membership.role
    workshop.is_facilitator = membership.role == Role.FACILITATOR
    workshop.questionnaire_pk = membership.questionnaire_pk
    workshop.role_label = membership.get_role_display()
    return workshop
