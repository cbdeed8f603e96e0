"""The facilitator's themes page: find the positive core in the answers.

Tagging an answer is htmx-enhanced (only that answer's block is swapped, and
the counts are refreshed out of band); every form also works as a plain POST
that redirects back to the page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from questionnaires import results as engine
from questionnaires import theme_services as services
from questionnaires.models import Answer, Theme
from workshops.access import workshop_for_user
from workshops.models import Workshop

PAGE = "questionnaires/themes.html"
CHOOSE_A_THEME = gettext_lazy("Choose a theme or type the name of a new one.")


class FilterForm(forms.Form):
    question = forms.TypedChoiceField(
        label=gettext_lazy("Question"), coerce=int, required=False, empty_value=None
    )
    untagged = forms.BooleanField(label=gettext_lazy("Untagged only"), required=False)

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["question"].choices = [
            ("", _("All questions")),
            *[(q.pk, q.text) for q in questions],
        ]


class ThemeForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=80)
    description = forms.CharField(label=gettext_lazy("Description"), max_length=300, required=False)


class MergeForm(forms.Form):
    target = forms.TypedChoiceField(label=gettext_lazy("Merge into"), coerce=int)

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(t.pk, t.name) for t in themes]


class TagForm(forms.Form):
    theme = forms.TypedChoiceField(
        label=gettext_lazy("Theme"), coerce=int, required=False, empty_value=None
    )
    new_name = forms.CharField(label=gettext_lazy("or a new theme"), max_length=80, required=False)

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [
            ("", _("Choose a theme")),
            *[(t.pk, t.name) for t in themes],
        ]

    def clean(self):
        data = super().clean()
        if not data.get("theme") and not (data.get("new_name") or "").strip():
            raise ValidationError(CHOOSE_A_THEME)
        return data


# --- helpers -----------------------------------------------------------------


def _filters(data, questions) -> dict:
    """The answer filters from GET (the page) or POST (hidden fields of a tag form)."""
    form = FilterForm(data, questions=questions)
    if not form.is_valid():
        return {"question": None, "untagged": False}
    return {"question": form.cleaned_data["question"], "untagged": form.cleaned_data["untagged"]}


def _query(filters: dict) -> str:
    params = {}
    if filters.get("question"):
        params["question"] = filters["question"]
    if filters.get("untagged"):
        params["untagged"] = "on"
    return f"?{urlencode(params)}" if params else ""


def _back(workshop: Workshop, filters: dict | None = None, anchor: str = "") -> HttpResponse:
    url = reverse("questionnaires:themes", args=[workshop.slug]) + _query(filters or {})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _theme(workshop: Workshop, pk: int) -> Theme:
    return get_object_or_404(Theme, pk=pk, workshop=workshop)


def _answer(workshop: Workshop, pk: int) -> Answer:
    return get_object_or_404(
        Answer.objects.select_related("question__questionnaire", "response__stakeholder__area"),
        pk=pk,
        response__questionnaire__workshop=workshop,
    )


def _privacy(workshop: Workshop) -> engine.Privacy:
    """The live page counts drafts too, like the results dashboard."""
    names_visible = workshop.names_visible_to(workshop.role)
    return engine.themes_privacy(workshop, names_visible=names_visible, submitted_only=False)


def _panel_context(workshop: Workshop, privacy: engine.Privacy) -> dict:
    counts = engine.themes_with_counts(workshop, privacy=privacy)
    return {
        "workshop": workshop,
        "names_visible": privacy.names_visible,
        "counts": counts,
        "table": engine.count_table(counts),
        "themes": sorted((c.theme for c in counts), key=lambda t: t.name.casefold()),
    }


def _answer_block(request, workshop: Workshop, answer_pk: int, filters: dict, error=""):
    """htmx: the answer's block, plus the counts panel swapped out of band."""
    answer = get_object_or_404(
        Answer.objects.select_related("question", "response__stakeholder__area").prefetch_related(
            "themes"
        ),
        pk=answer_pk,
    )
    privacy = _privacy(workshop)
    context = _panel_context(workshop, privacy) | {
        "answer": engine.answer_labelled(answer, privacy),
        "filters": filters,
        "error": error,
        "oob": True,
    }
    html = render_to_string(f"{PAGE}#answer", context, request=request)
    html += render_to_string(f"{PAGE}#panel", context, request=request)
    return HttpResponse(html)


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _form_error(form: forms.Form) -> ValidationError:
    """The form's errors as one message, each prefixed by its field's label."""
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts += [f"{label}: {error}" if label else str(error) for error in errors]
    return ValidationError(" ".join(parts))


# --- views -------------------------------------------------------------------


@require_GET
@login_required
def theme_list(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    questions = engine.text_questions(workshop)
    filters = _filters(request.GET, questions)
    privacy = _privacy(workshop)
    answers = engine.answers_to_tag(
        workshop,
        privacy=privacy,
        question_id=filters["question"],
        untagged=filters["untagged"],
    )
    context = _panel_context(workshop, privacy) | {
        "filter_form": FilterForm(request.GET or None, questions=questions),
        "filters": filters,
        "answers": answers,
        "form": ThemeForm(),
    }
    return render(request, PAGE, context)


@require_POST
@login_required
def theme_create(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    form = ThemeForm(request.POST)
    try:
        if not form.is_valid():
            raise _form_error(form)
        theme = services.theme_create(workshop=workshop, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Theme “%(name)s” added.") % {"name": theme.name})
    return _back(workshop, anchor="theme-panel")


@require_POST
@login_required
def theme_rename(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    theme = _theme(workshop, pk)
    form = ThemeForm(request.POST)
    try:
        if not form.is_valid():
            raise _form_error(form)
        services.theme_rename(theme=theme, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("Theme saved."))
    return _back(workshop, anchor="theme-panel")


@require_POST
@login_required
def theme_merge(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    source = _theme(workshop, pk)
    form = MergeForm(request.POST, themes=workshop.themes.exclude(pk=source.pk))
    if not form.is_valid():
        messages.error(request, _("Choose the theme to merge into."))
        return _back(workshop, anchor="theme-panel")
    target = _theme(workshop, form.cleaned_data["target"])
    try:
        services.theme_merge(source=source, target=target)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request,
            _("“%(source)s” merged into “%(target)s”.")
            % {"source": source.name, "target": target.name},
        )
    return _back(workshop, anchor="theme-panel")


@require_POST
@login_required
def theme_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    theme = _theme(workshop, pk)
    services.theme_delete(theme=theme)
    messages.success(request, _("Theme “%(name)s” removed.") % {"name": theme.name})
    return _back(workshop, anchor="theme-panel")


@require_POST
@login_required
def answer_tag(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    answer = _answer(workshop, pk)
    filters = _filters(request.POST, engine.text_questions(workshop))
    form = TagForm(request.POST, themes=workshop.themes.all())
    error = ""
    try:
        if not form.is_valid():
            raise _form_error(form)
        name = form.cleaned_data["new_name"].strip()
        if name:
            theme = services.theme_get_or_create(workshop=workshop, name=name)
        else:
            theme = _theme(workshop, form.cleaned_data["theme"])
        services.answer_tag(answer=answer, theme=theme)
    except ValidationError as exc:
        error = _error_text(exc)
    if request.htmx:
        return _answer_block(request, workshop, answer.pk, filters, error)
    if error:
        messages.error(request, error)
    return _back(workshop, filters, anchor=f"answer-{answer.pk}")


@require_POST
@login_required
def answer_untag(request: HttpRequest, slug: str, pk: int, theme_pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    answer = _answer(workshop, pk)
    theme = _theme(workshop, theme_pk)
    filters = _filters(request.POST, engine.text_questions(workshop))
    services.answer_untag(answer=answer, theme=theme)
    if request.htmx:
        return _answer_block(request, workshop, answer.pk, filters)
    return _back(workshop, filters, anchor=f"answer-{answer.pk}")
