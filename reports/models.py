"""The workshop's outputs: non-functional requirements and the Kotter change plan."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from workshops.models import Workshop


class Characteristic(models.TextChoices):
    """ISO/IEC 25010:2023 product-quality characteristics (docs/method.md, section 6)."""

    FUNCTIONAL_SUITABILITY = "functional_suitability", _("Functional suitability")
    PERFORMANCE_EFFICIENCY = "performance_efficiency", _("Performance efficiency")
    COMPATIBILITY = "compatibility", _("Compatibility")
    INTERACTION_CAPABILITY = "interaction_capability", _("Interaction capability")
    RELIABILITY = "reliability", _("Reliability")
    SECURITY = "security", _("Security")
    MAINTAINABILITY = "maintainability", _("Maintainability")
    FLEXIBILITY = "flexibility", _("Flexibility")
    SAFETY = "safety", _("Safety")


class KotterStep(models.IntegerChoices):
    """Kotter's eight steps (Leading Change, 1996; docs/method.md, section 4)."""

    URGENCY = 1, _("Create a sense of urgency")
    COALITION = 2, _("Build a guiding coalition")
    VISION = 3, _("Form a vision and strategy")
    COMMUNICATE = 4, _("Communicate the vision")
    EMPOWER = 5, _("Empower broad action, remove obstacles")
    WINS = 6, _("Generate short-term wins")
    CONSOLIDATE = 7, _("Consolidate gains, produce more change")
    ANCHOR = 8, _("Anchor new approaches in the culture")


KOTTER_STEP_RECORDS = {
    KotterStep.URGENCY: _("The case for change; who is convinced (aim: ~75% of management)."),
    KotterStep.COALITION: _(
        "Members with position power, expertise, credibility and leadership; "
        "every affected area represented."
    ),
    KotterStep.VISION: _("The vision statement and the strategy to reach it."),
    KotterStep.COMMUNICATE: _(
        "Channels, audiences and frequency; leaders modelling the behaviour."
    ),
    KotterStep.EMPOWER: _("Barriers with owners and dates."),
    KotterStep.WINS: _("Visible, unambiguous wins tied to the change, within ~90 days."),
    KotterStep.CONSOLIDATE: _("Follow-on initiatives; adoption held after launch."),
    KotterStep.ANCHOR: _("Hiring, onboarding, reward and review practices that keep it."),
}


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    BLOCKED = "blocked", _("Blocked")


class Requirement(models.Model):
    """A non-functional requirement, measurable in Planguage terms."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="requirements")
    ref = models.CharField(_("reference"), max_length=20, help_text=_("For example NFR-01."))
    title = models.CharField(_("title"), max_length=200)
    statement = models.TextField(_("requirement"), max_length=4000)
    characteristic = models.CharField(
        _("ISO/IEC 25010 characteristic"), max_length=30, choices=Characteristic.choices
    )
    sub_characteristic = models.CharField(_("sub-characteristic"), max_length=60, blank=True)
    scale = models.CharField(_("scale"), max_length=300, blank=True)
    meter = models.CharField(_("meter"), max_length=300, blank=True)
    past = models.CharField(_("past (baseline)"), max_length=120, blank=True)
    must = models.CharField(_("must (minimum)"), max_length=120, blank=True)
    plan = models.CharField(_("plan (target)"), max_length=120, blank=True)
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    source = models.TextField(
        _("source"),
        max_length=2000,
        blank=True,
        help_text=_("The stories and answers this requirement came from."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "ref"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "ref"], name="unique_requirement_ref")
        ]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"


class ChangeAction(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="change_actions")
    step = models.PositiveSmallIntegerField(_("Kotter step"), choices=KotterStep.choices)
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    owner = models.CharField(_("owner"), max_length=120, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )

    class Meta:
        ordering = ["step", "due_on", "pk"]
        verbose_name = _("change action")
        verbose_name_plural = _("change actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(step__gte=1, step__lte=8), name="change_action_step_1_to_8"
            )
        ]

    def __str__(self) -> str:
        return self.title
