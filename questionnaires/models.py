"""Appreciative Inquiry questionnaires, personal invitations and answers."""

from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from workshops.models import Phase, Stakeholder, Workshop

TOKEN_SALT = "crmvision.invitation"  # noqa: S105 - a salt, not a secret
TOKEN_SEPARATOR = "."  # noqa: S105
# 22 url-safe characters of HMAC-SHA256: 132 bits that only the secret key can produce.
TOKEN_MAC_LENGTH = 22


def new_invitation_key() -> str:
    """A random id with 128 bits of entropy (22 url-safe characters)."""
    return secrets.token_urlsafe(16)


def invitation_mac(key: str, secret: str | None = None) -> str:
    digest = salted_hmac(TOKEN_SALT, key, secret=secret, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")[:TOKEN_MAC_LENGTH]


class QuestionKind(models.TextChoices):
    LONG_TEXT = "long_text", _("Long text")
    SHORT_TEXT = "short_text", _("Short text")
    SCALE = "scale", _("Scale 1–5")


class Questionnaire(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="questionnaires")
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        max_length=4000,
        blank=True,
        help_text=_("Shown on the first page. Markdown is allowed."),
    )
    is_open = models.BooleanField(_("open for answers"), default=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    phase = models.CharField(_("section"), max_length=10, choices=Phase.choices)
    kind = models.CharField(
        _("type"), max_length=12, choices=QuestionKind.choices, default=QuestionKind.LONG_TEXT
    )
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    scale_min_label = models.CharField(_("label for 1"), max_length=60, blank=True)
    scale_max_label = models.CharField(_("label for 5"), max_length=60, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_scale(self) -> bool:
        return self.kind == QuestionKind.SCALE


class InvitationQuerySet(models.QuerySet):
    def active(self) -> InvitationQuerySet:
        return self.filter(revoked_at__isnull=True)


class Invitation(models.Model):
    """A stakeholder's personal link to a questionnaire.

    The link is ``/s/<key>.<mac>/``: ``key`` is random and stored, ``mac`` is
    an HMAC of it under SECRET_KEY and never stored, so a copy of the database
    alone cannot open a link. Revoking rotates ``key``.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="invitations"
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="invitations"
    )
    key = models.CharField(max_length=32, unique=True, default=new_invitation_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("invited"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "stakeholder"], name="unique_invitation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} → {self.questionnaire}"

    def get_absolute_url(self) -> str:
        return reverse("questionnaires:answer", args=[self.token])

    @property
    def token(self) -> str:
        return f"{self.key}{TOKEN_SEPARATOR}{invitation_mac(self.key)}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @staticmethod
    def split_token(token: str) -> str | None:
        """Return the key if the token's MAC is valid under any current secret key."""
        key, sep, mac = token.partition(TOKEN_SEPARATOR)
        if not sep or not key or len(key) > 32:
            return None
        for secret in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]:
            if constant_time_compare(mac, invitation_mac(key, secret)):
                return key
        return None


class Response(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="responses"
    )
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="responses")
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "stakeholder"], name="unique_response")
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder} · {self.questionnaire}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), max_length=10000, blank=True)
    number = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="unique_answer"),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(number__gte=1, number__lte=5),
                name="answer_number_in_scale",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60] if self.text else str(self.number or "")

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and self.number is None
