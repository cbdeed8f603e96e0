"""The stakeholder page's question blocks, rendered once and kept per process.

Rendering a question's block (templates/questionnaires/includes/_question.html)
was most of the page's time. A block is a pure function of what it shows: the
question, the value shown in its inputs, whether it is disabled, the autosave
URL, preview or not, and the language. The cache key is made of exactly those
values, so any change a stakeholder could see (a question edited, an answer
saved, the questionnaire closed, the link rotated) is a different key: nothing
is ever invalidated by hand and nothing stale can be shown. Only unbound forms
(a plain page view) use it; a POST re-rendered with errors renders afresh.

The CSRF token is never inside a block (it is in the page around them). The
cache is a small LRU per process (each gunicorn worker has its own).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from django.forms import Form
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from questionnaires.forms import field_name, phase_label
from questionnaires.inputs import answer_input
from questionnaires.models import Question

BLOCK_TEMPLATE = "questionnaires/includes/_question.html"
MAX_BLOCKS = 5000  # a few MB per worker

_blocks: OrderedDict[Hashable, SafeString] = OrderedDict()
_lock = threading.Lock()


def _hashable(value) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_hashable(item) for item in value)
    return value


def block_key(question: Question, form: Form, *, autosave_url, closed, preview) -> Hashable:
    """Everything a block shows. The field's choices carry the options (and
    an option kept for someone who chose it before it was renamed)."""
    bound = form[field_name(question)]
    return (
        get_language(),
        question.pk,
        question.kind,
        question.text,
        question.help_text,
        question.required,
        question.scale_min_label,
        question.scale_max_label,
        _hashable(getattr(bound.field, "choices", ())),
        _hashable(bound.value()),
        bound.field.disabled,
        autosave_url,
        bool(closed),
        bool(preview),
    )


def _render(question: Question, form: Form, context: dict) -> SafeString:
    block_context = {**context, "question": question}
    block_context["input"] = answer_input(question, form[field_name(question)])
    return mark_safe(get_template(BLOCK_TEMPLATE).render(block_context))


def _cached(key: Hashable) -> SafeString | None:
    with _lock:
        html = _blocks.get(key)
        if html is not None:
            _blocks.move_to_end(key)
        return html


def _keep(key: Hashable, html: SafeString) -> None:
    with _lock:
        _blocks[key] = html
        while len(_blocks) > MAX_BLOCKS:
            _blocks.popitem(last=False)


def clear() -> None:
    with _lock:
        _blocks.clear()


def question_blocks(
    form: Form, *, autosave_url=None, closed=False, preview=False
) -> list[tuple[str, str, list[SafeString]]]:
    """(phase, label, blocks) per AI phase, in question order."""
    context = {"autosave_url": autosave_url, "closed": closed, "preview": preview}
    sections: list[tuple[str, str, list[SafeString]]] = []
    for question in form.questions:
        if not sections or sections[-1][0] != question.phase:
            sections.append((question.phase, phase_label(question.phase), []))
        if form.is_bound:
            sections[-1][2].append(_render(question, form, context))
            continue
        key = block_key(question, form, **context)
        html = _cached(key)
        if html is None:
            html = _render(question, form, context)
            _keep(key, html)
        sections[-1][2].append(html)
    return sections
