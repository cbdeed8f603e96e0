"""Stakeholders reach their questionnaire through a token, never an account."""

from __future__ import annotations

from django.http import Http404

from questionnaires.models import Invitation

UNKNOWN_LINK = "This link is unknown or no longer valid."


class UnknownLink(Http404):
    """A link we never signed (a guess or a typo); counted per IP by the throttle.

    A link we signed whose invitation was revoked or deleted is not a guess
    (signing needs SECRET_KEY): it gets the same 404 but is not counted, so a
    stale tab that keeps autosaving cannot lock a whole room behind one IP out
    of its working links."""


def invitation_for_token(token: str) -> Invitation:
    """The invitation behind a personal link, or a friendly 404.

    Unknown, forged and revoked links look the same from outside (only
    forged ones count towards the invite-link throttle).
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
        raise Http404(UNKNOWN_LINK)
    return invitation
