"""Stakeholders reach their questionnaire through a token, never an account."""

from __future__ import annotations

from django.http import Http404

from questionnaires.models import Invitation

UNKNOWN_LINK = "This link is unknown or no longer valid."


class UnknownLink(Http404):
    """A personal link that opens nothing; counted per IP by the throttle."""


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a personal link, or a friendly 404.

    Unknown, forged and revoked links look the same from outside.
    """
    key = Invitation.split_token(token)
    if key is None:
        raise UnknownLink(UNKNOWN_LINK)
    invitation = (
        Invitation.objects.active()
        .select_related("questionnaire__workshop", "stakeholder__area")
        .filter(key=key)
        .first()
    )
    if invitation is None:
        raise UnknownLink(UNKNOWN_LINK)
    return invitation
