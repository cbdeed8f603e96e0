"""Appreciative Inquiry questionnaires, personal invitations and answers."""

from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from workshops.markup import MARKDOWN_MAX_LENGTH, MARKDOWN_VALIDATORS, RenderedMarkdown
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
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    LIKELIHOOD = "likelihood", _("Likelihood 0–10")


TEXT_KINDS = {QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT}
NUMBER_KINDS = {QuestionKind.SCALE, QuestionKind.LIKELIHOOD}
CHOICE_KINDS = {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE}
NUMBER_RANGES = {QuestionKind.SCALE: (1, 5), QuestionKind.LIKELIHOOD: (0, 10)}
MAX_OPTIONS = 20


def new_join_code() -> str:
    """Eight characters people can type from a projector (no 0/O, 1/l/I)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Questionnaire(RenderedMarkdown, models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="questionnaires")
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        max_length=MARKDOWN_MAX_LENGTH,
        validators=MARKDOWN_VALIDATORS,
        blank=True,
        help_text=_("Shown on the first page. Markdown is allowed."),
    )
    # The intro rendered and sanitized when saved (RenderedMarkdown).
    intro_html = models.TextField(blank=True, default="", editable=False)
    markdown_fields = ("intro",)
    is_open = models.BooleanField(_("open for answers"), default=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    paged = models.BooleanField(
        _("one page per section"),
        default=False,
        help_text=_("Show one phase at a time instead of all questions on one page."),
    )
    join_enabled = models.BooleanField(
        _("open join link"),
        default=False,
        help_text=_("People not on the list can join with a code, giving their name and area."),
    )
    join_code = models.CharField(max_length=12, unique=True, default=new_join_code)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self) -> str:
        return self.title


class QuestionQuerySet(models.QuerySet):
    def current(self) -> QuestionQuerySet:
        """Questions not removed. Removed ones keep their answers for exports."""
        return self.filter(removed_at__isnull=True)

    def for_area(self, area_id: int | None) -> QuestionQuerySet:
        """The area half of `Question.shown_to`, in SQL (no prefetch of the
        target areas): questions for every area, or targeted at this one.
        One LEFT JOIN; no duplicates, as a question targets an area at most once."""
        return self.filter(Q(target_areas=None) | Q(target_areas=area_id))


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    phase = models.CharField(_("section"), max_length=10, choices=Phase.choices)
    kind = models.CharField(
        _("type"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.LONG_TEXT
    )
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    scale_min_label = models.CharField(_("label for the lowest value"), max_length=60, blank=True)
    scale_max_label = models.CharField(_("label for the highest value"), max_length=60, blank=True)
    options = models.JSONField(
        _("options"), default=list, blank=True, help_text=_("For choice questions.")
    )
    target_areas = models.ManyToManyField(
        "workshops.BusinessArea",
        blank=True,
        related_name="targeted_questions",
        verbose_name=_("only for these business areas"),
    )
    target_groups = models.JSONField(_("only for these groups"), default=list, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def is_scale(self) -> bool:
        """Answered with a number (1–5 scale or 0–10 likelihood)."""
        return self.kind in NUMBER_KINDS

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def number_range(self) -> tuple[int, int]:
        return NUMBER_RANGES.get(self.kind, (1, 5))

    def shown_to_group(self, stakeholder) -> bool:
        """The group half of `shown_to` (for questions already filtered by `for_area`)."""
        return not (self.target_groups and stakeholder.group not in self.target_groups)

    def shown_to(self, stakeholder) -> bool:
        """Targeting: a question with no target areas or groups is for everyone.

        Uses the prefetched `target_areas`, so it costs no query per question.
        """
        areas = [area.pk for area in self.target_areas.all()]
        if areas and stakeholder.area_id not in areas:
            return False
        return self.shown_to_group(stakeholder)


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
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders"), default=0)
    joined = models.BooleanField(_("joined with the open link"), default=False)
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
    choices = models.JSONField(_("chosen options"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="unique_answer"),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(number__lte=10),
                name="answer_number_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60] if self.text else str(self.number or "")

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and self.number is None and not self.choices

    @property
    def display(self) -> str:
        """The answer as one line of text, for tables and exports."""
        if self.number is not None:
            return str(self.number)
        if self.choices:
            return "; ".join(self.choices)
        return self.text


class QuestionnaireTemplate(models.Model):
    """A facilitator's reusable questionnaire: a snapshot of its questions."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="questionnaire_templates"
    )
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"),
        max_length=MARKDOWN_MAX_LENGTH,
        validators=MARKDOWN_VALIDATORS,
        blank=True,
    )
    questions = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("questionnaire template")
        verbose_name_plural = _("questionnaire templates")

    def __str__(self) -> str:
        return self.title


class Theme(models.Model):
    """A strength of the positive core, found in the answers (Discover phase)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(_("description"), max_length=300, blank=True)
    answers = models.ManyToManyField(Answer, blank=True, related_name="themes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "workshop",
                name="unique_theme_name",
                violation_error_message=_("This workshop already has a theme with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name
