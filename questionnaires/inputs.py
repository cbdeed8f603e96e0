"""The stakeholder's answer inputs, written out directly.

Rendering each Django widget through its template took about 70 % of the
stakeholder page's time (a 0–10 question alone is 11 radio templates plus a
hidden one). These functions write the same HTML as Django's widgets for the
fields `answer_field()` builds — same names, ids, values, `checked`,
`disabled`, `maxlength`, `aria-invalid` and `aria-describedby` — with one
deliberate difference: hidden inputs carry no `aria-*` attribute (not valid
HTML). tests/questionnaires/test_answer_inputs.py compares both outputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from questionnaires.models import Question


@dataclass(frozen=True)
class Option:
    """One radio button or checkbox, with what its <label> needs."""

    id: str
    tag: SafeString
    label: str


@dataclass
class AnswerInput:
    """What templates/questionnaires/includes/_question.html shows for one question."""

    question: Question
    auto_id: str
    errors: list
    options: list[Option] = field(default_factory=list)  # choices and scales
    control: SafeString = field(default_factory=SafeString)  # text: input or textarea
    hidden_initial: SafeString = field(default_factory=SafeString)


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


def _input(kind: str, name: str, value, attrs: dict) -> str:
    shown = "" if value is None else f' value="{escape(value)}"'
    return f'<input type="{kind}" name="{escape(name)}"{shown}{_attrs(attrs)}>'


def _text_value(value) -> str | None:
    """Django's Widget.format_value: nothing for an empty value."""
    return None if value is None or value == "" else str(value)


def _hidden_initial(bound: BoundField, disabled: bool) -> str:
    """The copy of the value the page was rendered with (`show_hidden_initial`)."""
    form, name = bound.form, bound.html_initial_name
    hidden = bound.field.hidden_widget
    value = (
        hidden().value_from_datadict(form.data, form.files, name)
        if name in form.data
        else bound.value()
    )
    attrs = {"disabled": disabled, "id": bound.html_initial_id}
    if hidden is not forms.MultipleHiddenInput:
        return _input("hidden", name, _text_value(value), attrs)
    return "".join(
        _input("hidden", name, _text_value(item), {**attrs, "id": f"{attrs['id']}_{index}"})
        for index, item in enumerate(value or [])
    )


def answer_input(question: Question, bound: BoundField) -> AnswerInput:
    """Every input of one question, as Django's widgets would write them."""
    answer_field, widget = bound.field, bound.field.widget
    errors = bound.errors
    common = {"disabled": answer_field.disabled, "aria-invalid": "true" if errors else None}
    result = AnswerInput(question=question, auto_id=bound.auto_id, errors=errors)
    result.hidden_initial = mark_safe(_hidden_initial(bound, answer_field.disabled))
    value = bound.value()
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        kind = "checkbox" if widget.allow_multiple_selected else "radio"
        chosen = value if isinstance(value, list | tuple) else [value]
        chosen = {"" if v is None else str(v) for v in chosen}
        found = False  # a radio group has one checked button, as in Django
        for index, (option_value, label) in enumerate(widget.choices):
            option_id = f"{bound.auto_id}_{index}"
            selected = str(option_value) in chosen and (kind == "checkbox" or not found)
            found = found or selected
            attrs = {"id": option_id, **common, "checked": selected}
            tag = _input(kind, bound.html_name, option_value, attrs)
            result.options.append(Option(option_id, mark_safe(tag), label))
        return result
    described = [f"{bound.auto_id}_helptext"] if bound.help_text else []
    described += [f"{bound.auto_id}_error"] if errors else []
    attrs = {
        **widget.attrs,  # rows, maxlength
        **common,
        "aria-describedby": " ".join(described) or None,
        "id": bound.auto_id,
    }
    if isinstance(widget, forms.Textarea):
        text = _text_value(value)
        body = f"\n{escape(text)}" if text else "\n"
        control = f'<textarea name="{escape(bound.html_name)}"{_attrs(attrs)}>{body}</textarea>'
    else:
        control = _input("text", bound.html_name, _text_value(value), attrs)
    result.control = mark_safe(control)
    return result
