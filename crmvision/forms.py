from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from questionnaires.models import QuestionnaireTemplate
from workshops.forms import WorkshopForm


class WorkshopStartForm(WorkshopForm):
    """The new-workshop form: the workshop itself and the questionnaire it starts from."""

    template = forms.ModelChoiceField(
        label=_("Questionnaire"),
        queryset=QuestionnaireTemplate.objects.none(),
        required=False,
        empty_label=_("The built-in Appreciative Inquiry questionnaire"),
        help_text=_("Start from the built-in questions or from one of your templates."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = QuestionnaireTemplate.objects.filter(owner=user)
