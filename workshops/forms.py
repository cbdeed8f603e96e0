from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workshops import stakeholder_import
from workshops.models import BusinessArea, Role, Stakeholder, Workshop

PRIVACY_PROMISED = _(
    "People have already answered under this privacy setting, so it can only be made stricter now."
)

LIST_OR_FILE = _("Paste a list or choose a file.")
LIST_OR_FILE_NOT_BOTH = _(
    "Paste a list or choose a file, not both: empty the box to import the file."
)
UPLOAD_ACCEPT = ",".join(
    [
        *stakeholder_import.TEXT_SUFFIXES,
        *stakeholder_import.XLSX_SUFFIXES,
        "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["privacy_threshold"].required = False

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
        if not (old.pk and old.anonymous and old.privacy_locked):
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
    """A pasted list or an uploaded .csv/.xlsx file (`stakeholder_import` reads both)."""

    lines = forms.CharField(
        label=_("Paste rows"),
        widget=forms.Textarea(
            attrs={"rows": 6, "placeholder": "Ada Park,ada@example.com,Sales,Key account manager"}
        ),
        max_length=50_000,
        required=False,
        help_text=_(
            "Copy the rows from Excel or Google Sheets, or paste CSV with commas or semicolons. "
            "With a heading row the columns may come in any order: Name, E-mail, Business area, "
            "Job title, Group (employee, client, shareholder), Champion and Management (yes or "
            "no). Without one, in this order: name, e-mail, business area, job title, group, "
            "champion, management."
        ),
    )
    file = forms.FileField(
        label=_("or choose a file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": UPLOAD_ACCEPT}),
        help_text=_(".xlsx (its first sheet) or .csv, at most 1 MB."),
    )

    def clean(self):
        cleaned = super().clean()
        lines, upload = cleaned.get("lines", ""), cleaned.get("file")
        if self.errors:
            return cleaned
        if lines.strip() and upload:
            raise forms.ValidationError(LIST_OR_FILE_NOT_BOTH)
        if not lines.strip() and not upload:
            raise forms.ValidationError(LIST_OR_FILE)
        if upload:
            # One byte over the cap is enough for the reader to say "too big".
            cleaned["file_data"] = upload.read(stakeholder_import.MAX_FILE_BYTES + 1)
        return cleaned

    def source(self) -> dict[str, str | bytes]:
        """The keyword arguments for `services.stakeholders_import_csv`."""
        upload = self.cleaned_data.get("file")
        if upload:
            return {"file_name": upload.name, "file_data": self.cleaned_data["file_data"]}
        return {"text": self.cleaned_data["lines"]}


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.SPONSOR)
