"""Writes for workshops, areas and stakeholders: `<entity>_<action>(*, ...)`."""

from __future__ import annotations

import secrets
import smtplib
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workshops import stakeholder_import
from workshops.models import (
    DEFAULT_AREAS,
    BusinessArea,
    DreamStory,
    JourneyStage,
    Membership,
    Milestone,
    Role,
    Stakeholder,
    Workshop,
)
from workshops.signals import area_deleting, stakeholders_added

AREA_IN_USE = gettext_lazy("This area still has stakeholders. Move them to another area first.")


def unique_slug(title: str) -> str:
    base = slugify(title)[:50] or "workshop"
    slug, n = base, 2
    while Workshop.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


@transaction.atomic
def workshop_create(*, user, **fields) -> Workshop:
    """Create a workshop with the eight default areas, `user` as its facilitator.

    Its questionnaire is not made here: `crmvision.services.workshop_start`
    composes the two.
    """
    workshop = Workshop(**fields)
    if not workshop.slug:
        workshop.slug = unique_slug(workshop.title)
    workshop.full_clean()
    workshop.save()
    BusinessArea.objects.bulk_create(
        BusinessArea(workshop=workshop, name=str(name), order=i)
        for i, name in enumerate(DEFAULT_AREAS, start=1)
    )
    Membership.objects.create(user=user, workshop=workshop, role=Role.FACILITATOR)
    return workshop


@transaction.atomic
def workshop_update(*, workshop: Workshop, **fields) -> Workshop:
    for name, value in fields.items():
        setattr(workshop, name, value)
    workshop.full_clean()
    workshop.save()
    return workshop


def workshop_lock_privacy(*, workshop_id: int) -> None:
    """Record that people have started answering under the workshop's privacy
    settings, which from then on can only get stricter (`WorkshopForm`).

    Called by the feature app that collects answers, so the base need not ask it.
    """
    Workshop.objects.filter(pk=workshop_id, privacy_locked=False).update(privacy_locked=True)


LAST_FACILITATOR = gettext_lazy("A workshop needs at least one facilitator.")
ACCESS_EMAIL_FAILED = gettext_lazy(
    "Access was given, but the e-mail could not be sent. Ask them to use “Forgot your "
    "password?” on the sign-in page with this address."
)


class AccessEmailNotSent(Exception):
    pass


def membership_invite(
    *, workshop: Workshop, email: str, name: str, role: str, base_url: str
) -> tuple[Membership, bool]:
    """Give someone access by e-mail; a new account gets a link to choose its password.

    Returns the membership and whether an account was created. Raises
    AccessEmailNotSent (after committing the access) when the mail fails.
    """
    User = get_user_model()
    email = email.strip()
    with transaction.atomic():
        user = (
            User.objects.filter(email__iexact=email).order_by("pk").first()
            or User.objects.filter(username__iexact=email).order_by("pk").first()
        )
        created = user is None
        if created:
            first, _sep, last = name.strip().partition(" ")
            user = User(username=email.lower()[:150], email=email, first_name=first, last_name=last)
            # A random usable password, so "Forgot your password?" works for them too.
            user.set_password(secrets.token_urlsafe(32))
            user.full_clean()
            user.save()
        current = workshop.memberships.filter(user=user).first()
        if current is not None and current.role == Role.FACILITATOR and role != Role.FACILITATOR:
            _keep_a_facilitator(current)
        membership = membership_add(workshop=workshop, user=user, role=role)
    if created:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        link = base_url.rstrip("/") + reverse("password_reset_confirm", args=[uid, token])
    else:
        link = base_url.rstrip("/") + reverse("login")
    context = {
        "workshop": workshop,
        "user": user,
        "role": membership.get_role_display(),
        "link": link,
        "created": created,
    }
    subject = " ".join((_("Your access to %(title)s") % {"title": workshop.title}).split())
    body = render_to_string("workshops/email/access.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        raise AccessEmailNotSent(str(ACCESS_EMAIL_FAILED)) from exc
    return membership, created


def _keep_a_facilitator(membership: Membership) -> None:
    others = membership.workshop.memberships.filter(role=Role.FACILITATOR).exclude(pk=membership.pk)
    if membership.role == Role.FACILITATOR and not others.exists():
        raise ValidationError(LAST_FACILITATOR)


def membership_remove(*, membership: Membership) -> None:
    _keep_a_facilitator(membership)
    membership.delete()


def membership_add(*, workshop: Workshop, user, role: str) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        workshop=workshop, user=user, defaults={"role": role}
    )
    return membership


def area_create(*, workshop: Workshop, name: str) -> BusinessArea:
    last = workshop.areas.aggregate(m=Max("order"))["m"] or 0
    area = BusinessArea(workshop=workshop, name=name.strip(), order=last + 1)
    area.full_clean()
    area.save()
    return area


def area_update(*, area: BusinessArea, name: str, order: int) -> BusinessArea:
    area.name, area.order = name.strip(), order
    area.full_clean()
    area.save()
    return area


def area_delete(*, area: BusinessArea) -> None:
    if area.stakeholders.exists():
        raise ValidationError(AREA_IN_USE)
    area_deleting.send(sender=BusinessArea, area=area)
    area.delete()


@transaction.atomic
def stakeholder_create(*, workshop: Workshop, **fields) -> Stakeholder:
    stakeholder = Stakeholder(workshop=workshop, **fields)
    stakeholder.full_clean()
    stakeholder.save()
    stakeholders_added.send(sender=Workshop, workshop=workshop, stakeholders=[stakeholder])
    return stakeholder


@transaction.atomic
def stakeholder_update(*, stakeholder: Stakeholder, **fields) -> Stakeholder:
    for name, value in fields.items():
        setattr(stakeholder, name, value)
    stakeholder.full_clean()
    stakeholder.save()
    return stakeholder


def stakeholder_delete(*, stakeholder: Stakeholder) -> None:
    stakeholder.delete()


@transaction.atomic
def validated_create[M: models.Model](model: type[M], **fields) -> M:
    """Save a new `model` after `full_clean()`: the plain create of any app's services."""
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def dream_story_create(*, workshop: Workshop, **fields) -> DreamStory:
    return validated_create(DreamStory, workshop=workshop, **fields)


def journey_stage_create(*, workshop: Workshop, **fields) -> JourneyStage:
    return validated_create(JourneyStage, workshop=workshop, **fields)


def milestone_create(*, stage: JourneyStage, **fields) -> Milestone:
    return validated_create(Milestone, stage=stage, **fields)


@dataclass
class CsvImportResult:
    created: list[Stakeholder] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _area_lookup(workshop: Workshop) -> dict[str, BusinessArea]:
    return {area.name.casefold(): area for area in workshop.areas.all()}


def parse_stakeholder_csv(
    *,
    workshop: Workshop,
    text: str = "",
    file_name: str = "",
    file_data: bytes | None = None,
) -> CsvImportResult:
    """Validate a pasted list or an uploaded .csv/.xlsx without saving anything.

    Reading the list is `stakeholder_import`'s job; here each row is checked
    against the workshop: its area, the model's rules and e-mail uniqueness.
    """
    result = CsvImportResult()
    if file_data is None:
        parsed = stakeholder_import.parse_text(text)
    else:
        parsed = stakeholder_import.parse_file(file_name, file_data)
    if parsed.errors:
        result.errors = parsed.errors
        return result
    areas = _area_lookup(workshop)
    taken = {
        email.casefold()
        for email in workshop.stakeholders.exclude(email="").values_list("email", flat=True)
    }
    for row in parsed.rows:
        if row.errors:
            result.errors.extend(row.errors)
            continue
        area = areas.get(row.area.casefold())
        if area is None:
            result.errors.append(
                _('%(where)s: unknown business area "%(area)s".')
                % {"where": row.where, "area": row.area[:80]}
            )
            continue
        stakeholder = Stakeholder(workshop=workshop, area=area, **row.stakeholder_fields())
        try:
            stakeholder.full_clean(validate_constraints=False)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                label = Stakeholder._meta.get_field(field_name).verbose_name
                for message in messages:
                    result.errors.append(
                        _("%(where)s, %(field)s: %(message)s")
                        % {"where": row.where, "field": label, "message": message}
                    )
            continue
        email = row.email
        if email and email.casefold() in taken:
            result.errors.append(
                _("%(where)s: %(email)s is already a stakeholder.")
                % {"where": row.where, "email": email}
            )
            continue
        if email:
            taken.add(email.casefold())
        result.created.append(stakeholder)
    return result


@transaction.atomic
def stakeholders_import_csv(
    *,
    workshop: Workshop,
    text: str = "",
    file_name: str = "",
    file_data: bytes | None = None,
) -> CsvImportResult:
    """All or nothing: any bad line and nothing is saved, so the list can be fixed."""
    result = parse_stakeholder_csv(
        workshop=workshop, text=text, file_name=file_name, file_data=file_data
    )
    if result.errors or not result.created:
        if not result.errors:
            result.errors.append(str(stakeholder_import.NOTHING_TO_IMPORT))
        result.created = []
        return result
    for stakeholder in result.created:
        stakeholder.save()
    stakeholders_added.send(sender=Workshop, workshop=workshop, stakeholders=result.created)
    return result
