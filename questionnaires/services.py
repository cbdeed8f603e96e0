"""Writes for questionnaires, invitations and responses."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from questionnaires.catalogue import BUILTIN_INTRO, BUILTIN_TITLE, builtin_spec
from questionnaires.design import questions_create_from_spec
from questionnaires.models import (
    Answer,
    Invitation,
    Questionnaire,
    QuestionnaireTemplate,
    Response,
    new_invitation_key,
    new_join_code,
)
from workshops.models import Stakeholder, Workshop
from workshops.services import stakeholder_create, workshop_lock_privacy

logger = logging.getLogger(__name__)

# "Last seen" is written at most this often per invitation (see invitation_touch).
LAST_SEEN_EVERY = dt.timedelta(minutes=5)

QUESTIONNAIRE_CLOSED = gettext_lazy(
    "This questionnaire is closed. Your answers are kept and can no longer be changed."
)
NO_EMAIL = gettext_lazy("This stakeholder has no e-mail address. Copy the link instead.")
EMAIL_FAILED = gettext_lazy(
    "The e-mail could not be sent; the mail server did not accept it. Copy the link instead, "
    "or try again later."
)


@transaction.atomic
def questionnaire_create_default(
    *, workshop: Workshop, template: QuestionnaireTemplate | None = None
) -> Questionnaire:
    """The workshop's questionnaire: the built-in AI questions, or a saved template."""
    questionnaire = Questionnaire.objects.create(
        workshop=workshop,
        title=template.title if template else str(BUILTIN_TITLE),
        intro=template.intro if template else str(BUILTIN_INTRO),
    )
    spec = template.questions if template else builtin_spec()
    questions_create_from_spec(questionnaire=questionnaire, spec=spec)
    invitations_ensure(workshop=workshop, stakeholders=list(workshop.stakeholders.all()))
    return questionnaire


def invitations_ensure(*, workshop: Workshop, stakeholders: Iterable[Stakeholder]) -> None:
    """Give every stakeholder an invitation to each of the workshop's questionnaires."""
    stakeholders = list(stakeholders)
    if not stakeholders:
        return
    Invitation.objects.bulk_create(
        [
            Invitation(questionnaire=questionnaire, stakeholder=stakeholder)
            for questionnaire in workshop.questionnaires.all()
            for stakeholder in stakeholders
        ],
        ignore_conflicts=True,
    )


@transaction.atomic
def questionnaire_set_open(*, questionnaire: Questionnaire, is_open: bool) -> Questionnaire:
    questionnaire.is_open = is_open
    questionnaire.closed_at = None if is_open else timezone.now()
    questionnaire.save(update_fields=["is_open", "closed_at"])
    return questionnaire


def invitation_url(invitation: Invitation) -> str:
    return settings.SITE_URL + invitation.get_absolute_url()


class InvitationNotSent(Exception):
    """The mail server refused or could not be reached; nothing was recorded."""


def _invitation_email(invitation: Invitation, link: str, *, reminder: bool) -> tuple[str, str]:
    workshop = invitation.questionnaire.workshop
    context = {
        "stakeholder": invitation.stakeholder,
        "workshop": workshop,
        "questionnaire": invitation.questionnaire,
        "link": link,
        "reminder": reminder,
        # A name typed at the open join link is the visitor's text: never e-mail it.
        "greet_by_name": not invitation.joined,
    }
    if reminder:
        subject = _("Reminder: %(title)s") % {"title": workshop.title}
    else:
        subject = _("Your invitation: %(title)s") % {"title": workshop.title}
    # A line break in a title must not break the mail header.
    subject = " ".join(subject.split())
    return subject, render_to_string("questionnaires/email/invitation.txt", context)


def invitation_send(
    *, invitation: Invitation, base_url: str | None = None, reminder: bool = False
) -> Invitation:
    """E-mail the personal link now; `sent_at`/`reminded_at` are set only if it left.

    Sent synchronously (one message) so the facilitator learns at once when the
    mail server refuses it, instead of a page that claims it was sent.
    """
    stakeholder = invitation.stakeholder
    if not stakeholder.email:
        raise InvitationNotSent(str(NO_EMAIL))
    if invitation.is_revoked:
        invitation_reissue(invitation=invitation)
    link = (base_url or settings.SITE_URL).rstrip("/") + invitation.get_absolute_url()
    subject, body = _invitation_email(invitation, link, reminder=reminder)
    try:
        send_mail(subject, body, None, [stakeholder.email])
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        logger.warning("Invitation e-mail to %s failed: %s", stakeholder.email, exc)
        raise InvitationNotSent(str(EMAIL_FAILED)) from exc
    now = timezone.now()
    if reminder:
        invitation.reminded_at = now
        invitation.reminder_count += 1
        invitation.save(update_fields=["reminded_at", "reminder_count"])
    else:
        invitation.sent_at = now
        invitation.save(update_fields=["sent_at"])
    return invitation


def invitations_remind(
    *, questionnaire: Questionnaire, base_url: str | None = None
) -> tuple[int, int]:
    """Remind everyone with an e-mail address who has not submitted. Returns (sent, failed)."""
    submitted = set(
        Response.objects.filter(
            questionnaire=questionnaire, submitted_at__isnull=False
        ).values_list("stakeholder_id", flat=True)
    )
    pending = (
        Invitation.objects.active()
        .filter(questionnaire=questionnaire)
        .exclude(stakeholder__email="")
        .exclude(stakeholder_id__in=submitted)
        .select_related("stakeholder", "questionnaire__workshop")
    )
    sent = failed = 0
    for invitation in pending:
        try:
            invitation_send(invitation=invitation, base_url=base_url, reminder=True)
        except InvitationNotSent:
            failed += 1
        else:
            sent += 1
    return sent, failed


def invitation_revoke(*, invitation: Invitation) -> Invitation:
    """The old link stops working at once: the key it was made from is replaced."""
    invitation.key = new_invitation_key()
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["key", "revoked_at"])
    return invitation


def invitation_reissue(*, invitation: Invitation) -> Invitation:
    invitation.key = new_invitation_key()
    invitation.revoked_at = None
    invitation.save(update_fields=["key", "revoked_at"])
    return invitation


def invitation_touch(*, invitation: Invitation) -> bool:
    """Record that the stakeholder opened their page, at most once per
    LAST_SEEN_EVERY: a write on every view made readers wait for each other
    (SQLite has one writer at a time), and the facilitator needs "today", not
    the second. Returns whether it wrote."""
    now = timezone.now()
    seen = invitation.last_seen_at
    if seen is not None and now - seen < LAST_SEEN_EVERY:
        return False
    Invitation.objects.filter(pk=invitation.pk).update(last_seen_at=now)
    invitation.last_seen_at = now
    return True


def response_for(*, invitation: Invitation) -> Response | None:
    return Response.objects.filter(
        questionnaire_id=invitation.questionnaire_id, stakeholder_id=invitation.stakeholder_id
    ).first()


def _response_get_or_create(*, invitation: Invitation) -> Response:
    """Safe when two tabs create the response at the same moment."""
    keys = {
        "questionnaire_id": invitation.questionnaire_id,
        "stakeholder_id": invitation.stakeholder_id,
    }
    response = Response.objects.filter(**keys).first()
    if response is not None:
        return response
    try:
        with transaction.atomic():
            response = Response.objects.create(**keys)
            # The first answer makes the workshop's privacy settings a promise.
            workshop_lock_privacy(workshop_id=invitation.questionnaire.workshop_id)
            return response
    except IntegrityError:
        return Response.objects.get(**keys)


def response_save(
    *,
    invitation: Invitation,
    values: Mapping[int, str | int | list[str] | None],
    submit: bool = False,
) -> Response:
    """Upsert the given answers (question id → value) in a fixed number of queries.

    Only the answers passed are written, so a stale second tab that changed one
    answer does not overwrite the others. Submitting twice keeps the first time.
    """
    questionnaire = invitation.questionnaire
    if not questionnaire.is_open:
        raise PermissionError(str(QUESTIONNAIRE_CLOSED))
    with transaction.atomic():
        response = _response_get_or_create(invitation=invitation)
        now = timezone.now()
        answers = []
        for question_id, value in values.items():
            answer = Answer(response=response, question_id=question_id, updated_at=now)
            if isinstance(value, int):
                answer.number = value
            elif isinstance(value, list | tuple):
                answer.choices = list(value)
            else:
                answer.text = value or ""
            answers.append(answer)
        if answers:
            Answer.objects.bulk_create(
                answers,
                update_conflicts=True,
                unique_fields=["response", "question"],
                update_fields=["text", "number", "choices", "updated_at"],
            )
        Response.objects.filter(pk=response.pk).update(updated_at=now)
        response.updated_at = now
        if submit and response.submitted_at is None:
            # Only the first of two simultaneous submits sets the time.
            Response.objects.filter(pk=response.pk, submitted_at__isnull=True).update(
                submitted_at=now
            )
            response.submitted_at = Response.objects.values_list("submitted_at", flat=True).get(
                pk=response.pk
            )
    return response


@transaction.atomic
@transaction.atomic
def stakeholder_join(
    *, questionnaire: Questionnaire, name: str, email: str, area, group: str
) -> Invitation | None:
    """Someone at the open join link; returns the invitation to reach them by.

    A new person becomes a stakeholder with their own invitation. An address
    already on the list adds nobody: the listed person's own invitation is
    returned (None if it was revoked) to be e-mailed to that address only,
    never shown to the visitor, so knowing someone's address never opens their
    answers.
    """
    workshop = questionnaire.workshop
    listed = workshop.stakeholders.filter(email__iexact=email).first() if email else None
    if listed is not None:
        return (
            Invitation.objects.active()
            .filter(questionnaire=questionnaire, stakeholder=listed)
            .first()
        )
    stakeholder = stakeholder_create(
        workshop=workshop, name=name.strip(), email=email, area=area, group=group
    )
    invitation = Invitation.objects.get(questionnaire=questionnaire, stakeholder=stakeholder)
    invitation.joined = True
    invitation.save(update_fields=["joined"])
    return invitation


def join_code_rotate(*, questionnaire: Questionnaire) -> Questionnaire:
    questionnaire.join_code = new_join_code()
    questionnaire.save(update_fields=["join_code"])
    return questionnaire
