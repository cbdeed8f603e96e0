from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaires.models import Question, QuestionKind

ANSWER_MAX_LENGTH = 10_000
SHORT_ANSWER_MAX_LENGTH = 300
REQUIRED_ANSWER = _("Please answer this question before you submit.")


def field_name(question: Question) -> str:
    return f"q_{question.pk}"


class AnswerForm(forms.Form):
    """One field per question. Blank answers are fine for saving; submitting
    enforces the required ones.

    Fields keep their initial value in a hidden input, so only the answers a
    person actually changed on this page are written: a stale second tab does
    not overwrite what was typed in the other.
    """

    def __init__(self, *args, questions, answers, submitting=False, disabled=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.submitting = submitting
        for question in self.questions:
            answer = answers.get(question.pk)
            name = field_name(question)
            self.fields[name] = self._field_for(question)
            self.fields[name].disabled = disabled
            if answer is not None:
                self.initial[name] = answer.number if question.is_scale else answer.text

    def _field_for(self, question: Question) -> forms.Field:
        common = {
            "label": question.text,
            "help_text": question.help_text,
            "required": False,
            "show_hidden_initial": True,
        }
        if question.kind == QuestionKind.SCALE:
            return forms.TypedChoiceField(
                choices=[(i, str(i)) for i in range(1, 6)],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
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

    def clean(self):
        data = super().clean()
        if self.submitting:
            for question in self.questions:
                name = field_name(question)
                value = data.get(name)
                if question.required and (value is None or not str(value).strip()):
                    # A required answer saved earlier still counts.
                    initial = self.initial.get(name)
                    if name in self.changed_data or initial in (None, ""):
                        self.add_error(name, REQUIRED_ANSWER)
        return data

    def changed_values(self) -> dict[int, str | int | None]:
        return {
            question.pk: self.cleaned_data.get(field_name(question))
            for question in self.questions
            if field_name(question) in self.changed_data
        }

    def bound_fields_by_phase(self):
        """Group the rendered fields by AI phase, in question order."""
        sections: list[tuple[str, list]] = []
        for question in self.questions:
            label = question.get_phase_display()
            if not sections or sections[-1][0] != label:
                sections.append((label, []))
            sections[-1][1].append((question, self[field_name(question)]))
        return sections
