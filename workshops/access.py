"""The one place that decides who may see or change a workshop."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy

from workshops.models import Membership, Role, Workshop

FACILITATOR_ONLY = gettext_lazy("Only the workshop's facilitators can do this.")
ANY_ROLE = (Role.FACILITATOR, Role.SPONSOR)

# Facts a feature app wants on every workshop page (e.g. which questionnaire the
# navigation links to), as annotations on the one access query. Feature apps add
# theirs from `AppConfig.ready()` with `annotate_workshop_pages`; the base never
# imports them.
_PAGE_ANNOTATIONS: dict[str, Callable[[], Any]] = {}


def annotate_workshop_pages(name: str, expression: Callable[[], Any]) -> None:
    """Set `workshop.<name>` on every page from `expression()`, an annotation over
    `Membership` (the workshop is `OuterRef("workshop")` in a subquery)."""
    _PAGE_ANNOTATIONS[name] = expression


def workshop_for_user(
    request: HttpRequest, slug: str, *, roles: Iterable[str] = (Role.FACILITATOR,)
) -> Workshop:
    """Return the workshop if the signed-in user holds one of `roles` in it.

    Non-members get a 404 (they must not learn that a workshop exists);
    members without the role get a 403. The user's role is set as
    `workshop.role` for templates, with the facts feature apps registered.
    """
    membership = (
        Membership.objects.select_related("workshop")
        .annotate(**{name: make() for name, make in _PAGE_ANNOTATIONS.items()})
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
    workshop.role_label = membership.get_role_display()
    for name in _PAGE_ANNOTATIONS:
        setattr(workshop, name, getattr(membership, name))
    return workshop
