"""Workshops: who is in the room and what the group builds together."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workshops.markup import MARKDOWN_MAX_LENGTH, MARKDOWN_VALIDATORS, RenderedMarkdown


class Phase(models.TextChoices):
    """The Appreciative Inquiry 5-D cycle (docs/method.md, section 2)."""

    DEFINE = "define", _("Define")
    DISCOVER = "discover", _("Discover")
    DREAM = "dream", _("Dream")
    DESIGN = "design", _("Design")
    DESTINY = "destiny", _("Destiny")


PHASE_QUESTIONS = {
    Phase.DEFINE: _("What is our affirmative topic?"),
    Phase.DISCOVER: _("The best of what is"),
    Phase.DREAM: _("What might be"),
    Phase.DESIGN: _("What should be"),
    Phase.DESTINY: _("What will be"),
}

# The eight business areas a CRM touches (docs/method.md, section 1).
DEFAULT_AREAS = [
    _("Sales"),
    _("Marketing"),
    _("Customer service"),
    _("Production"),
    _("Logistics & inventory"),
    _("Billing & accounts"),
    _("Management"),
    _("IT"),
]


class StakeholderGroup(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    CLIENT = "client", _("Client")
    SHAREHOLDER = "shareholder", _("Shareholder")


class Role(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    SPONSOR = "sponsor", _("Sponsor")


class WorkshopQuerySet(models.QuerySet):
    def for_user(self, user) -> WorkshopQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Workshop(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200)
    crm_objective = models.TextField(
        _("CRM objective"),
        max_length=2000,
        help_text=_(
            "What the CRM must achieve, in measurable terms. "
            "A project without a clear objective drags and cannot be judged."
        ),
    )
    affirmative_topic = models.CharField(
        _("affirmative topic"),
        max_length=300,
        blank=True,
        help_text=_(
            'Phrase it positively: "what makes customers choose to stay" rather than "churn".'
        ),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    phase = models.CharField(
        _("current phase"), max_length=10, choices=Phase.choices, default=Phase.DEFINE
    )
    anonymous = models.BooleanField(
        _("anonymous answers"),
        default=False,
        help_text=_(
            "The group and the sponsor see answers without names, and small areas are not "
            "broken out."
        ),
    )
    facilitator_sees_names = models.BooleanField(
        _("facilitators see names"),
        default=False,
        help_text=_(
            "In anonymous mode, facilitators still see who wrote what. Stakeholders are told "
            "so on the first page of the questionnaire."
        ),
    )
    privacy_threshold = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "In anonymous mode, a business area or group is shown separately only when at "
            "least this many people of it answered."
        ),
    )
    # Set by the app that collects answers when the first person starts answering
    # (`workshop_lock_privacy`): from then on the privacy settings above were promised
    # to someone and can only get stricter. A fact stored here, so the base never
    # has to ask a feature app whether anyone answered.
    privacy_locked = models.BooleanField(
        _("privacy settings promised"), default=False, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="workshop_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # `privacy_locked` only goes from False to True (`workshop_lock_privacy`, one
        # UPDATE): saving an instance loaded before someone answered must not undo it.
        if not (self._state.adding or self.privacy_locked) and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "privacy_locked"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("workshops:detail", args=[self.slug])

    def names_visible_to(self, role: str) -> bool:
        """Whether people in `role` may see who wrote an answer."""
        if not self.anonymous:
            return True
        return role == Role.FACILITATOR and self.facilitator_sees_names


class BusinessArea(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("business area")
        verbose_name_plural = _("business areas")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "workshop",
                name="unique_area_name",
                violation_error_message=_("This workshop already has an area with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class Stakeholder(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    # Deleting an area with stakeholders is refused by the service (AREA_IN_USE);
    # CASCADE here lets a whole workshop, with its personal data, be deleted.
    area = models.ForeignKey(
        BusinessArea,
        on_delete=models.CASCADE,
        related_name="stakeholders",
        verbose_name=_("business area"),
    )
    group = models.CharField(
        _("group"),
        max_length=12,
        choices=StakeholderGroup.choices,
        default=StakeholderGroup.EMPLOYEE,
    )
    is_champion = models.BooleanField(
        _("champion"),
        default=False,
        help_text=_("Has used a CRM before, likes it and will carry it."),
    )
    is_management = models.BooleanField(_("management"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["area__order", "name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "workshop",
                condition=~Q(email=""),
                name="unique_stakeholder_email",
                violation_error_message=_(
                    "A stakeholder with this e-mail address is already in this workshop."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.area_id and self.workshop_id and self.area.workshop_id != self.workshop_id:
            raise ValidationError({"area": _("Choose a business area of this workshop.")})


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "workshop"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.workshop} · {self.get_role_display()}"


class DreamStory(RenderedMarkdown, models.Model):
    """A story told as if the business already lived the vision (Dream phase)."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="dream_stories")
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dream_stories",
    )
    area = models.ForeignKey(
        BusinessArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dream_stories",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("story"),
        max_length=MARKDOWN_MAX_LENGTH,
        validators=MARKDOWN_VALIDATORS,
        help_text=_("Markdown is allowed."),
    )
    # The story rendered and sanitized when saved (RenderedMarkdown).
    body_html = models.TextField(blank=True, default="", editable=False)
    markdown_fields = ("body",)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("dream story")
        verbose_name_plural = _("dream stories")

    def __str__(self) -> str:
        return self.title


class JourneyStage(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="journey_stages")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("journey stage")
        verbose_name_plural = _("journey stages")

    def __str__(self) -> str:
        return self.name


class Milestone(models.Model):
    stage = models.ForeignKey(JourneyStage, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    area = models.ForeignKey(
        BusinessArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("business area"),
    )
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    metric = models.CharField(
        _("metric"),
        max_length=200,
        blank=True,
        help_text=_("The measurable sign that this milestone has been reached."),
    )
    is_short_term_win = models.BooleanField(_("short-term win"), default=False)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title
