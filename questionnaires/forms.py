from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from questionnaires.inputs import AnswerInput, answer_input
from questionnaires.models import (
    CHOICE_KINDS,
    MAX_OPTIONS,
    NUMBER_KINDS,
    TEXT_KINDS,
    Question,
    QuestionKind,
    Questionnaire,
)
from workshops.models import BusinessArea, Phase, StakeholderGroup

ANSWER_MAX_LENGTH = 10_000
SHORT_ANSWER_MAX_LENGTH = 300
OPTION_MAX_LENGTH = 200
REQUIRED_ANSWER = _("Please answer this question before you submit.")
TOO_FEW_OPTIONS = _("A choice question needs at least two options, one per line.")
TOO_MANY_OPTIONS = format_lazy(_("Give at most {n} options."), n=MAX_OPTIONS)
DUPLICATE_OPTIONS = _("Each option must be different.")
OPTION_TOO_LONG = format_lazy(_("Keep each option under {n} characters."), n=OPTION_MAX_LENGTH)
ANSWERS_TOO_LONG = format_lazy(
    _("Some answers are longer than {n} characters; keep this a long-text question."),
    n=SHORT_ANSWER_MAX_LENGTH,
)
KIND_LOCKED = _(
    "This question already has answers, so it can only change to a type that keeps them "
    "(long text and short text can be swapped)."
)


def field_name(question: Question) -> str:
    return f"q_{question.pk}"


_PHASE_LABELS = dict(Phase.choices)


def phase_label(phase: str) -> str:
    """`question.get_phase_display()` without its cost: Django rebuilds and
    hashes the lazy choices on every call, 20 times per stakeholder page."""
    return str(_PHASE_LABELS.get(phase, phase))


def kind_family(kind: str) -> str:
    if kind in TEXT_KINDS:
        return "text"
    if kind in NUMBER_KINDS:
        return kind  # a 1–5 rating and a 0–10 likelihood do not mean the same
    return "choice"


class _AnswerBoundField(forms.BoundField):
    """Django copies aria-describedby onto the hidden "initial-" input of
    show_hidden_initial fields; aria-* on a hidden input is invalid HTML."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if (widget or self.field.widget).is_hidden:
            attrs = {key: value for key, value in attrs.items() if not key.startswith("aria-")}
        return attrs


class AnswerForm(forms.Form):
    """One field per question. Blank answers are fine for saving; submitting
    enforces the required ones.

    Fields keep their initial value in a hidden input, so only the answers a
    person actually changed on this page are written: a stale second tab does
    not overwrite what was typed in the other.
    """

    bound_field_class = _AnswerBoundField

    def __init__(self, *args, questions, answers, submitting=False, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.submitting = submitting
        for question in self.questions:
            name = field_name(question)
            answer = answers.get(question.pk)
            # An option renamed or removed after someone chose it stays choosable
            # for them, so saving the page does not silently drop their answer.
            kept = (answer.choices or [answer.text]) if answer and question.is_choice else []
            self.fields[name] = answer_field(question, keep=[c for c in kept if c])
            self.fields[name].disabled = disabled
            if answer is not None:
                self.initial[name] = answer_value(question, answer)

    def clean(self):
        data = super().clean()
        if self.submitting:
            for question in self.questions:
                name = field_name(question)
                # A required answer saved earlier (and untouched here) still counts.
                missing = name in self.changed_data or is_blank(self.initial.get(name))
                if question.required and is_blank(data.get(name)) and missing:
                    self.add_error(name, REQUIRED_ANSWER)
        return data

    def changed_values(self) -> dict[int, str | int | list[str] | None]:
        return {
            question.pk: self.cleaned_data.get(field_name(question))
            for question in self.questions
            if field_name(question) in self.changed_data
        }

    def inputs_by_phase(self) -> list[tuple[str, str, list[AnswerInput]]]:
        """(phase, label, inputs) per AI phase, in question order, with each
        question's inputs written out (see questionnaires/inputs.py)."""
        sections: list[tuple[str, str, list[AnswerInput]]] = []
        for question in self.questions:
            if not sections or sections[-1][0] != question.phase:
                sections.append((question.phase, phase_label(question.phase), []))
            sections[-1][2].append(answer_input(question, self[field_name(question)]))
        return sections


def is_blank(value) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def answer_value(question: Question, answer):
    if question.kind in NUMBER_KINDS:
        return answer.number
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return answer.choices
    return answer.text


def answer_field(question: Question, *, keep: list[str] | None = None) -> forms.Field:
    common = {
        "label": question.text,
        "help_text": question.help_text,
        "required": False,
        "show_hidden_initial": True,
    }
    if question.kind in NUMBER_KINDS:
        low, high = question.number_range
        return forms.TypedChoiceField(
            choices=[(i, str(i)) for i in range(low, high + 1)],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    options = list(question.options) + [o for o in keep or [] if o not in question.options]
    if question.kind == QuestionKind.SINGLE_CHOICE:
        return forms.ChoiceField(
            choices=[(o, o) for o in options], widget=forms.RadioSelect, **common
        )
    if question.kind == QuestionKind.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=[(o, o) for o in options],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if question.kind == QuestionKind.SHORT_TEXT:
        return forms.CharField(max_length=SHORT_ANSWER_MAX_LENGTH, strip=False, **common)
    return forms.CharField(
        max_length=ANSWER_MAX_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        **common,
    )


# --- Designing the questionnaire (facilitator) ------------------------------


class OptionsField(forms.CharField):
    """Options typed one per line, kept as a list."""

    widget = forms.Textarea

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def validate(self, value):
        super().validate(value)
        if any("\x00" in option for option in value):
            raise forms.ValidationError(_("Null characters are not allowed."))
        if len(value) > MAX_OPTIONS:
            raise forms.ValidationError(TOO_MANY_OPTIONS)
        if any(len(option) > OPTION_MAX_LENGTH for option in value):
            raise forms.ValidationError(OPTION_TOO_LONG)
        if len({option.casefold() for option in value}) != len(value):
            raise forms.ValidationError(DUPLICATE_OPTIONS)


class AreaChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids that are not plain numbers of a sane size before any query
    (a 20-digit id overflows SQLite's integer and would be a 500)."""

    def clean(self, value):
        for item in value or []:
            if item in (None, ""):
                continue  # Django's own checks handle these
            text = str(item)
            if not (text.isascii() and text.isdigit() and len(text) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": text[:20]},
                )
        return super().clean(value)


class QuestionForm(forms.ModelForm):
    options = OptionsField(
        label=_("Options"),
        required=False,
        max_length=MAX_OPTIONS * (OPTION_MAX_LENGTH + 2),
        help_text=_("For single and multiple choice: one option per line."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    target_areas = AreaChoiceField(
        label=_("Only for these business areas"),
        queryset=BusinessArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to ask everyone."),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Only for these groups"),
        choices=StakeholderGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to ask every group."),
    )

    class Meta:
        model = Question
        fields = [
            "phase",
            "kind",
            "text",
            "help_text",
            "required",
            "scale_min_label",
            "scale_max_label",
            "options",
            "target_areas",
            "target_groups",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, workshop, has_answers=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_answers = has_answers
        self.fields["target_areas"].queryset = workshop.areas.all()
        self.fields["text"].strip = True

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind in CHOICE_KINDS and len(data.get("options") or []) < 2:
            self.add_error("options", TOO_FEW_OPTIONS)
        if kind and kind not in CHOICE_KINDS:
            data["options"] = []
        if (
            self.has_answers
            and self.instance.pk
            and kind
            and kind_family(kind) != kind_family(self.instance.kind)
        ):
            self.add_error("kind", KIND_LOCKED)
        if self.has_answers and kind == QuestionKind.SHORT_TEXT and self._has_long_answers():
            self.add_error("kind", ANSWERS_TOO_LONG)
        return data

    def _has_long_answers(self) -> bool:
        return any(
            len(text) > SHORT_ANSWER_MAX_LENGTH
            for text in self.instance.answers.values_list("text", flat=True)
        )


class QuestionnaireSettingsForm(forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "intro", "paged", "join_enabled"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}


class TemplateSaveForm(forms.Form):
    title = forms.CharField(label=_("Template name"), max_length=200)


class JoinForm(forms.Form):
    """For people not on the list: they add themselves with the open join link."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        max_length=254,
        help_text=_("Only to send you your personal link, so you can come back later."),
    )
    area = forms.ModelChoiceField(
        label=_("Your business area"), queryset=BusinessArea.objects.none(), empty_label=None
    )
    group = forms.ChoiceField(label=_("You are"), choices=StakeholderGroup.choices)

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = workshop.areas.all()
