"""Who may create workshops: an operator grants Django's `workshops.add_workshop`.

Creating a workshop lets its facilitator e-mail arbitrary addresses from the
team page, so it is not open to everyone who can sign in (a sponsor, say).
Superusers have the permission; others get it from an operator through the
admin (user → permissions), `manage.py grant_workshop_creation <username>`
or, for the demo facilitator, the demo seed.
"""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.db import transaction

CREATE_WORKSHOP = "workshops.add_workshop"


def can_create_workshop(user) -> bool:
    return user.is_authenticated and user.has_perm(CREATE_WORKSHOP)


@transaction.atomic
def user_grant_workshop_creation(*, user) -> None:
    """Let `user` create workshops (idempotent)."""
    app_label, codename = CREATE_WORKSHOP.split(".")
    permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
    user.user_permissions.add(permission)
