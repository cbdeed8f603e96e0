from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workshops.models import BusinessArea, Role, Stakeholder, Workshop

PRIVACY_PROMISED = _(
    "People have already answered under this privacy setting, so it can only be made stricter now."
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = [
            "title",
            "organisation",
            "crm_objective",
            "affirmative_topic",
            "starts_on",
            "ends_on",
            "phase",
            "anonymous",
            "facilitator_sees_names",
            "privacy_threshold",
        ]
        widgets = {
            "crm_objective": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy_threshold"].required = False
        if self.instance.pk is None and user is not None:
            from questionnaires.models import QuestionnaireTemplate

            self.fields["template"] = forms.ModelChoiceField(
                label=_("Questionnaire"),
                queryset=QuestionnaireTemplate.objects.filter(owner=user),
                required=False,
                empty_label=_("The built-in Appreciative Inquiry questionnaire"),
                help_text=_("Start from the built-in questions or from one of your templates."),
            )

    def clean_privacy_threshold(self):
        value = self.cleaned_data.get("privacy_threshold")
        return Workshop._meta.get_field("privacy_threshold").default if value is None else value

    def clean(self):
        data = super().clean()
        self._keep_promised_privacy(data)
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The workshop cannot end before it starts."))
        return data

    def _keep_promised_privacy(self, data) -> None:
        """Once people answered under a privacy promise, it can only get stricter."""
        old = self.instance
        if not (old.pk and old.anonymous):
            return
        from questionnaires.models import Response

        if not Response.objects.filter(questionnaire__workshop=old).exists():
            return
        if not data.get("anonymous"):
            self.add_error("anonymous", PRIVACY_PROMISED)
        if data.get("facilitator_sees_names") and not old.facilitator_sees_names:
            self.add_error("facilitator_sees_names", PRIVACY_PROMISED)
        threshold = data.get("privacy_threshold")
        if threshold is not None and threshold < old.privacy_threshold:
            self.add_error("privacy_threshold", PRIVACY_PROMISED)


class WorkshopScopedForm(forms.ModelForm):
    """A form for an object of one workshop: its per-workshop unique
    constraints are checked here, with a message, instead of failing on save."""

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("workshop")
        return exclusions


class AreaForm(WorkshopScopedForm):
    class Meta:
        model = BusinessArea
        fields = ["name", "order"]

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.workshop = workshop
        self.fields["order"].required = False

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_order(self):
        # Left empty: keep the current position (or go last for a new area).
        order = self.cleaned_data.get("order")
        if order is None:
            if self.instance.pk:
                return self.instance.order
            last = self.instance.workshop.areas.order_by("-order").first()
            return (last.order + 1) if last else 1
        return order


class StakeholderForm(WorkshopScopedForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "email", "job_title", "area", "group", "is_champion", "is_management"]

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.workshop = workshop
        self.fields["area"].queryset = workshop.areas.all()
        self.fields["area"].empty_label = None


class StakeholderCsvForm(forms.Form):
    lines = forms.CharField(
        label=_("Paste a list"),
        widget=forms.Textarea(
            attrs={"rows": 6, "placeholder": "Ada Park,ada@example.com,Sales,Key account manager"}
        ),
        max_length=50_000,
        help_text=_("One stakeholder per line: name, e-mail, business area, job title."),
    )


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.SPONSOR)
